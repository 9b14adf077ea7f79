"""The quality gate: dev-gold F1 per facet may not fall below the floors in eval_baseline.json.

The floors are what the pipeline measured when they were set, rounded down a little; raise them
when the pipeline improves, and lower one only with a note in the commit saying why.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import newsgraph

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "eval_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def totals(scorer: ModuleType) -> dict[str, object]:
    score = scorer
    totals = {facet: score.Tally() for facet in score.FACETS}
    for gold_path in sorted((HERE / "fixtures" / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = HERE / "fixtures" / gold["article"]
        record = newsgraph.extract(article, published=gold.get("published")).to_dict()
        for facet in score.FACETS:
            if facet == "cleaning" or gold.get(facet):
                totals[facet].add(score.SCORERS[facet](gold, record))
    return totals


@pytest.mark.parametrize("facet", sorted(BASELINE["floors"]))
def test_facet_f1_stays_above_its_floor(totals: dict[str, object], facet: str) -> None:
    tally = totals[facet]
    floor = BASELINE["floors"][facet]
    assert tally.f1 >= floor, (  # type: ignore[attr-defined]
        f"{facet}: F1 {tally.f1:.3f} < floor {floor}; misses {tally.misses[:8]}; "  # type: ignore[attr-defined]
        f"extras {tally.extras[:8]}"  # type: ignore[attr-defined]
    )
