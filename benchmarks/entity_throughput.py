"""Entity-stage throughput: our pipeline plus `find_entities` against bare spaCy parsing.

    python benchmarks/entity_throughput.py [--rounds 5] [--corpus tests/fixtures/corpus]

The texts are the clean bodies of the corpus: the hand-checked `articleBody` of every page in
`corpus/html/ground-truth.json` plus the seed article. In one process, alternating A B A B so
that drift of a shared machine hits both sides:

- A (ours): `load_nlp()` (tok2vec, tagger, parser, ner) over the texts with `nlp.pipe(...,
  batch_size=32)`, then `find_entities(doc)` on every document;
- B (bare): the same model loaded with its default full pipeline, `nlp.pipe(texts,
  batch_size=32)`, nothing done with the result.

It prints words/s of each side and the ratio of their times (A/B: below 1.15 means our overhead
over the bare pipeline stays under 15%), and the entity stage's own cost in ms per 1,260-word
article (its budget: ~5 ms, within the ~8 ms that the two components we skip save; measured
~3.3 ms after the first round, ~4.7-5.3 ms after the second, which added datelines, context
typing and a larger gazetteer; ~4.3-4.7 ms after the third, which added span repairs and more
scans but reads token attributes as numpy columns: on the 62 bodies, alternating the second
round's package and the third's in one process, 5.16 -> 4.41 ms median). The first
pass of each side is a warm-up (model caches, the gazetteer's one-time load).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from corpus import DEFAULT_CORPUS, corpus_texts
from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.pipeline import load_nlp, model_name

#: The project's reference article length, in words, for per-article budgets.
ARTICLE_WORDS = 1260


def run_ours(texts: list[str]) -> tuple[float, float]:
    """(total seconds, seconds spent in find_entities)."""
    nlp = load_nlp()
    start = time.perf_counter()
    in_stage = 0.0
    for doc in nlp.pipe(texts, batch_size=32):
        t = time.perf_counter()
        find_entities(doc)
        in_stage += time.perf_counter() - t
    return time.perf_counter() - start, in_stage


def run_bare(nlp: spacy.language.Language, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()

    texts = corpus_texts(args.corpus)
    words = sum(len(t.split()) for t in texts)
    bare_nlp = spacy.load(model_name())
    run_ours(texts[:8]), run_bare(bare_nlp, texts[:8])  # warm-up
    print(f"{len(texts)} articles, {words:,} words; {args.rounds} rounds, alternating")
    print(f"{'round':>5} {'ours w/s':>10} {'bare w/s':>10} {'ratio':>6} "
          f"{'entities ms/article':>20}")
    ratios, stage_ms = [], []
    for r in range(1, args.rounds + 1):
        ours, stage = run_ours(texts)
        bare = run_bare(bare_nlp, texts)
        ratios.append(ours / bare)
        stage_ms.append(stage / words * ARTICLE_WORDS * 1000)
        print(f"{r:>5} {words / ours:>10,.0f} {words / bare:>10,.0f} {ours / bare:>6.3f} "
              f"{stage_ms[-1]:>20.2f}")
    ratio, ms = statistics.median(ratios), statistics.median(stage_ms)
    print(f"median time ratio ours/bare {ratio:.3f} (overhead {100 * (ratio - 1):+.1f}%); "
          f"entity stage {ms:.2f} ms per {ARTICLE_WORDS}-word article")
    return 0 if ratio < 1.15 else 1


if __name__ == "__main__":
    raise SystemExit(main())
