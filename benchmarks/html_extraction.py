"""HTML main-text extraction: our `clean()` against trafilatura alone, on the same pages.

    python benchmarks/html_extraction.py [--corpus tests/fixtures/corpus/html] [-v]

The pages are the 62 of `tests/fixtures/corpus/html/` (from the Scrapinghub
article-extraction-benchmark, with a hand-checked `articleBody` per page in ground-truth.json).
The metric is the benchmark's own (`newsgraph.clean.shingles`): word 4-gram multisets of the
extracted text against the ground truth, precision and recall averaged over pages, F1 of those.

- trafilatura: `trafilatura.extract(html, url=url)` with its default options;
- newsgraph: the body of `newsgraph.clean.clean()` (paragraphs joined by newlines), which runs
  trafilatura once and then our own cleaning; a page it finds no article in counts as empty.

It prints both scores, the ratio of the F1s, and the CPU time per page of each (after one
warm-up page per side, so that what loads once per process is not counted per page); `-v`
lists the pages where the two differ most.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from newsgraph.clean import clean
from newsgraph.clean.shingles import PageScore, Score, score, score_page
from newsgraph.errors import NoArticle
from newsgraph.ingest.document import RawDocument

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus" / "html"


@dataclass(frozen=True, slots=True)
class Sample:
    id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True, slots=True)
class Run:
    score: Score
    pages: dict[str, PageScore]
    seconds_per_page: float


def load(corpus: Path = CORPUS) -> list[Sample]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        Sample(
            page_id,
            entry["url"],
            gzip.decompress((corpus / f"{page_id}.html.gz").read_bytes()).decode("utf-8"),
            entry["articleBody"],
        )
        for page_id, entry in sorted(truth.items())
    ]


def trafilatura_text(sample: Sample) -> str:
    return trafilatura.extract(sample.html, url=sample.url) or ""


def newsgraph_text(sample: Sample) -> str:
    raw = RawDocument(source=sample.id, content=sample.html, markup="html", url=sample.url)
    try:
        return "\n".join(clean(raw).paragraphs)
    except NoArticle:
        return ""


def run(samples: list[Sample], extract: Callable[[Sample], str]) -> Run:
    if samples:
        extract(samples[0])  # one-time loads (data files, the language model) are not per page
    start = time.process_time()  # CPU time: other processes on the machine do not count
    texts = {s.id: extract(s) for s in samples}
    elapsed = time.process_time() - start
    pages = {s.id: score_page(s.truth, texts[s.id]) for s in samples}
    return Run(score(pages.values()), pages, elapsed / max(1, len(samples)))


def compare(samples: list[Sample]) -> tuple[Run, Run]:
    """Both extractors on the same pages, trafilatura first (it also warms its caches up)."""
    return run(samples, trafilatura_text), run(samples, newsgraph_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the pages that differ")
    args = parser.parse_args(argv)
    samples = load(args.corpus)
    base, ours = compare(samples)
    for name, result in (("trafilatura", base), ("newsgraph", ours)):
        got = result.score
        print(
            f"{name:<12} precision={got.precision:.4f} recall={got.recall:.4f} F1={got.f1:.4f}"
            f"  ({result.seconds_per_page * 1000:.1f} ms/page)"
        )
    print(f"ratio newsgraph/trafilatura F1 = {ours.score.f1 / base.score.f1:.4f}  "
          f"({len(samples)} pages)")
    if args.verbose:
        def f1(p: PageScore) -> float:
            return Score(p.precision, p.recall).f1

        diffs = sorted(samples, key=lambda s: f1(ours.pages[s.id]) - f1(base.pages[s.id]))
        for s in diffs[:8] + diffs[-8:]:
            a, b = base.pages[s.id], ours.pages[s.id]
            print(f"  {s.id[:10]} trafilatura p={a.precision:.3f} r={a.recall:.3f}"
                  f"  newsgraph p={b.precision:.3f} r={b.recall:.3f}  {s.url[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
