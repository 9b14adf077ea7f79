#!/usr/bin/env python3
"""Time of the event stage alone, per 1,260 words (the stage's budget is stated that way).

    python benchmarks/events_speed.py [--runs 30]

Each text is parsed once and given to the entity, date and quantity stages once; then
`code_events` runs `--runs` times on the same inputs and the median is kept (time.perf_counter).
Texts: the seed article's clean body (tests/fixtures/corpus/lithuania-troops.txt, published
2022-02-03)
and the 62 `articleBody` texts of tests/fixtures/corpus/html/ground-truth.json. Prints the seed
article's median, and the corpus total scaled to 1,260 words.
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import time
from pathlib import Path

import newsgraph
from newsgraph.events import code_events
from newsgraph.nlp.dates import find_dates
from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.pipeline import load_nlp
from newsgraph.nlp.quantities import find_quantities

HERE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
WORDS = 1260


def median_ms(text: str, published: datetime.date | None, runs: int) -> float:
    return timings(text, published, runs)[0]


def timings(text: str, published: datetime.date | None, runs: int) -> tuple[float, float]:
    """(median, fastest) run in ms; the fastest is the steadier figure on a shared machine."""
    doc = load_nlp()(text)
    entities = find_entities(doc)
    dates = find_dates(doc, published)
    quantities = find_quantities(doc, entities)
    code_events(doc, entities, quantities, dates)  # warm: lexicon, lemma cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        code_events(doc, entities, quantities, dates)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times), 1000 * min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    # the clean body, as the pipeline gives it to the stages
    body = newsgraph.extract(HERE / "lithuania-troops.txt", "2022-02-03").text
    ms, fastest = timings(body, datetime.date(2022, 2, 3), args.runs)
    words = len(body.split())
    print(f"seed article: {words} words, median {ms:.1f} ms ({ms * WORDS / words:.1f} ms per "
          f"{WORDS} words), fastest {fastest:.1f} ms ({fastest * WORDS / words:.1f} ms per "
          f"{WORDS} words)")
    truth = json.loads((HERE / "html" / "ground-truth.json").read_text(encoding="utf-8"))
    total_ms = total_words = 0.0
    for item in truth.values():
        text = item["articleBody"]
        total_ms += median_ms(text, None, max(args.runs // 3, 3))
        total_words += len(text.split())
    print(f"corpus: {len(truth)} bodies, {int(total_words)} words, {total_ms:.0f} ms "
          f"({total_ms * WORDS / total_words:.1f} ms per {WORDS} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
