"""Whole articles written for the tests (tests/fixtures/dates): every expected date is found with
its value and granularity, and nothing that merely looks like a date is taken for one."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.dates import find_dates

FOLDER = Path(__file__).parent / "fixtures" / "dates"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (FOLDER / "expected.json").read_text(encoding="utf-8")
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def _body(name: str) -> str:
    """The article as the pipeline gives it to spaCy: paragraphs joined by a blank line."""
    text = (FOLDER / name).read_text(encoding="utf-8")
    return "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_dates(nlp: Language, name: str) -> None:
    spec = EXPECTED[name]
    text = _body(name)
    found = find_dates(nlp(text), date.fromisoformat(spec["published"]))
    free = list(found)
    missed = []
    for want in spec["dates"]:
        hit = next(
            (
                d for d in free
                if (_norm(want["text"]) in _norm(d.text) or _norm(d.text) in _norm(want["text"]))
                and d.value == want["value"]
                and d.granularity == want["granularity"]
            ),
            None,
        )
        if hit is None:
            missed.append(want)
        else:
            free.remove(hit)
    assert not missed, (missed, [(d.text, d.value, d.granularity) for d in found])
    for piece in spec["not_dates"]:
        start = text.index(piece)
        end = start + len(piece)
        assert not [d for d in found if d.span[0] < end and start < d.span[1]], piece
