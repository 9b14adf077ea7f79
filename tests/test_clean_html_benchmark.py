"""HTML main-text extraction against the 62 hand-checked pages of the article-extraction
benchmark: our `clean()` must stay at least as good as trafilatura alone, measured in the same run
by `benchmarks/html_extraction.py` (word 4-gram F1, newsgraph.clean.shingles)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.clean.shingles import PageScore, score, score_page, shingles

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "html_extraction.py"
# Measured 0.9760 (precision 0.987, recall 0.966) against trafilatura's 0.9500 on these pages;
# the floor sits just under it. Raise it when cleaning improves; never lower it to pass.
# Since dropping syndication notes ("This article has been adapted from its original source.",
# which the benchmark's two Al Bawaba bodies keep as text) and keeping a lead that was taken for
# a dek (PolitiFact): 0.9759 (precision 0.9865, recall 0.9655).
FLOOR_F1 = 0.973


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("html_extraction", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def runs() -> tuple[object, object]:
    bench = _benchmark()
    samples = bench.load()
    assert len(samples) == 62
    result: tuple[object, object] = bench.compare(samples)
    return result


def test_ours_beats_the_floor(runs: tuple[object, object]) -> None:
    _, ours = runs
    assert ours.score.f1 >= FLOOR_F1  # type: ignore[attr-defined]


def test_ours_is_at_least_as_good_as_trafilatura_alone(runs: tuple[object, object]) -> None:
    base, ours = runs
    assert ours.score.f1 >= base.score.f1  # type: ignore[attr-defined]
    assert ours.score.precision > base.score.precision  # type: ignore[attr-defined]


# ---- the metric itself -------------------------------------------------------------------------

def test_shingles_are_word_four_grams_with_counts() -> None:
    grams = shingles("a b c d e a b c d")
    assert grams[("a", "b", "c", "d")] == 2
    assert sum(grams.values()) == 6
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}


@pytest.mark.parametrize(
    ("truth", "predicted", "precision", "recall"),
    [
        ("one two three four five", "one two three four five", 1.0, 1.0),
        ("one two three four five", "", 0.0, 0.0),
        ("one two three four five", "one two three four five six seven", 0.5, 1.0),
        ("one two three four five six seven", "one two three four five", 1.0, 0.5),
    ],
)
def test_page_score(truth: str, predicted: str, precision: float, recall: float) -> None:
    page = score_page(truth, predicted)
    assert (page.precision, page.recall) == (precision, recall)


def test_precision_is_averaged_over_pages_with_output_only() -> None:
    pages = [PageScore(1.0, 0.0, 0.0), PageScore(0.0, 0.0, 1.0)]  # the second extracted nothing
    total = score(pages)
    assert (total.precision, total.recall) == (1.0, 0.5)
    assert round(total.f1, 4) == 0.6667
