"""The event coder on whole articles: fixtures written for the tests and the dev gold."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import newsgraph
from newsgraph.nlp.entity_index import name_key
from newsgraph.record import Article, Event

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "events"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))

#: Floor for the dev-gold events F1 (the scorer's matching: type, actor, quantity, destination).
#: Measured 0.94 when this gate was set; the floor leaves room for the other stages' changes.
EVENTS_F1_FLOOR = 0.85


def _names(article: Article, values: list[str | None]) -> set[str]:
    by_name = {e.name: e for e in article.entities}
    out: set[str] = set()
    for v in values:
        if v:
            out.add(name_key(v))
            if v in by_name:
                out |= {name_key(a) for a in by_name[v].aliases}
    return out


def _any(words: list[str], names: set[str]) -> bool:
    keys = [name_key(w) for w in words]
    return any(k == n or k in n.replace("-", " ").split() or (" " in k and k in n)
               for k in keys for n in names)


def _fits(article: Article, e: Event, want: dict[str, Any]) -> bool:
    if e.type != want["type"]:
        return False
    if "actor_any" in want and not _any(want["actor_any"],
                                        _names(article, [e.actor, *e.actors])):
        return False
    if "recipient_any" in want and not _any(want["recipient_any"],
                                            _names(article, [e.recipient, *e.recipients])):
        return False
    if "quantity" in want and (e.quantity is None or e.quantity.value != want["quantity"]):
        return False
    return all(want[k] == getattr(e, k) for k in ("mode", "status") if k in want)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_article(name: str) -> None:
    spec = EXPECTED[name]
    article = newsgraph.extract(str(FIXTURES / name), published=spec["published"])
    free = list(article.events)
    for want in spec["events"]:
        hit = next((e for e in free if _fits(article, e, want)), None)
        assert hit is not None, f"{name}: missing {want}; got " + str(
            [(e.type, e.actors, e.mode, e.status) for e in article.events])
        free.remove(hit)
    for unwanted in spec["absent"]:
        query = {k: v for k, v in unwanted.items() if k != "why"}
        bad = [e for e in article.events if _fits(article, e, query)]
        assert not bad, f"{name}: {unwanted['why']}: {bad}"


def _scorer() -> Any:
    name = "newsgraph_eval_score"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_dev_gold_events_f1() -> None:
    score = _scorer()
    total = score.Tally()
    for gold_path in sorted((HERE / "fixtures" / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = newsgraph.extract(str(HERE / "fixtures" / gold["article"]),
                                    published=gold["published"])
        total.add(score.score_events(gold, article.to_dict()))
    assert total.f1 >= EVENTS_F1_FLOOR, (total.f1, total.misses, total.extras)
