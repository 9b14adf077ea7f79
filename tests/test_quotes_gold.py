"""Quotations scored against hand-made gold with the project's scorer (tests/eval/score.py).

Two sets: the dev gold (tests/fixtures/gold, two real articles) and the quotation fixtures
(tests/fixtures/quotes/gold: articles written for these tests plus four real corpus articles).
The stage runs on each gold file's own paragraphs, so cleaning does not enter the score. The
floors are the measured scores rounded down; raise them when the stage improves.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.quotes import find_quotes

HERE = Path(__file__).parent
DEV_GOLD = HERE / "fixtures" / "gold"
QUOTE_GOLD = HERE / "fixtures" / "quotes" / "gold"
#: measured 0.95 (dev, 29 gold quotes) and 1.00 (fixtures, 99 gold quotes) when set; still
#: 0.95 and 1.00 (fixtures, 111 gold quotes) after the held-out attribution patterns
FLOORS = {DEV_GOLD: 0.92, QUOTE_GOLD: 0.95}
#: no single article may fall below this
ARTICLE_FLOOR = 0.85


def record(nlp: Language, gold: dict[str, Any]) -> dict[str, Any]:
    doc = nlp("\n\n".join(gold["paragraphs"]))
    entities = find_entities(doc)
    return {"entities": [dataclasses.asdict(e) for e in entities.entities],
            "quotes": [dataclasses.asdict(q) for q in find_quotes(doc, entities)]}


@pytest.mark.parametrize("folder", [DEV_GOLD, QUOTE_GOLD], ids=["dev-gold", "quote-fixtures"])
def test_quotes_f1_stays_above_its_floor(nlp: Language, folder: Path, scorer: ModuleType) -> None:
    score = scorer
    total = score.Tally()
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        tally = score.score_quotes(gold, record(nlp, gold))
        assert tally.f1 >= ARTICLE_FLOOR, (path.name, tally.misses, tally.extras)
        total.add(tally)
    assert total.tp + total.fn > 20  # the gold files are there and hold quotations
    assert total.f1 >= FLOORS[folder], (total.misses, total.extras)


def test_every_fixture_quote_is_in_its_article() -> None:
    for path in sorted(QUOTE_GOLD.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(gold["paragraphs"])
        assert all(q["text"] in body for q in gold["quotes"]), path.name
        article = (path.parent.parent / gold["article"]).resolve()
        assert article.exists(), gold["article"]
