"""Whole articles: entity F1 by the project scorer's rule, on our own articles and the dev gold.

`fixtures/entities/` holds articles written for these tests in other outlets' styles and on other
topics than the dev gold (see its README); the dev gold's bodies are its `paragraphs`. Entities
are matched as the scorer matches them (same type, a shared normalized name or alias); where an
expected entity states a country or titles, the matched entity must state them too.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities

HERE = Path(__file__).parent
ARTICLES = sorted((HERE / "fixtures" / "entities").glob("*.txt"))
GOLD = sorted((HERE / "fixtures" / "gold").glob("*.gold.json"))
#: Per-article floor on our own articles (measured 0.95-1.00 when set).
ARTICLE_FLOOR = 0.90
#: Floor over the dev gold (measured 0.974 when set: the misses are capitals used as places,
#: "in Washington", "in Vilnius", "in Beijing", which the gold only lists as country aliases).
GOLD_FLOOR = 0.95


def _scorer() -> ModuleType:
    name = "newsgraph_eval_score"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses resolve their annotations through it
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()


def _predict(nlp: Language, text: str) -> list[dict[str, Any]]:
    return [asdict(e) for e in find_entities(nlp(text)).entities]


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_own_article_entity_f1(nlp: Language, path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    predicted = _predict(nlp, path.read_text(encoding="utf-8").strip())
    tally = SCORE.score_entities(expected, {"entities": predicted})
    assert tally.f1 >= ARTICLE_FLOOR, (tally.f1, tally.misses, tally.extras)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_own_article_countries_and_titles(nlp: Language, path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    predicted = _predict(nlp, path.read_text(encoding="utf-8").strip())
    wrong = []
    for gold in expected["entities"]:
        names = SCORE.names_of(gold)
        match = next((p for p in predicted
                      if p["type"] == gold["type"] and SCORE.names_of(p) & names), None)
        if match is None:
            continue  # counted by the F1 test
        if "country" in gold and gold["country"] != match["country"]:
            wrong.append((gold["name"], gold["country"], match["country"]))
        titles = {SCORE.norm(t) for t in match["titles"]}
        wrong += [(gold["name"], t, match["titles"]) for t in gold.get("titles", [])
                  if SCORE.norm(t) not in titles]
    assert wrong == []


def test_dev_gold_entity_f1(nlp: Language) -> None:
    total = SCORE.Tally()
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        predicted = _predict(nlp, "\n\n".join(gold["paragraphs"]))
        total.add(SCORE.score_entities(gold, {"entities": predicted}))
    assert total.f1 >= GOLD_FLOOR, (total.f1, total.misses, total.extras)


def test_dev_gold_titles(nlp: Language) -> None:
    """Every gold title is found, under the scorer's normalization (which drops "the")."""
    missing = []
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        predicted = _predict(nlp, "\n\n".join(gold["paragraphs"]))
        for g in gold["entities"]:
            match = next((p for p in predicted if p["type"] == g["type"]
                          and SCORE.names_of(p) & SCORE.names_of(g)), None)
            got = {SCORE.norm(t) for t in match["titles"]} if match else set()
            missing += [(g["name"], t) for t in g.get("titles", []) if SCORE.norm(t) not in got]
    assert missing == []
