"""Whole-extraction throughput: `newsgraph extract` against bare spaCy parsing of the same texts.

    python benchmarks/throughput.py [--rounds 5] [--corpus tests/fixtures/corpus]

The texts are the clean bodies of the corpus: the hand-checked `articleBody` of every page in
`corpus/html/ground-truth.json` plus the seed article's text. Both sides run as whole processes
(start-up, model load and all), alternating A B A B so that drift of a shared machine hits both:

- A: `newsgraph extract DIR --format jsonl -o /dev/null` (every stage: cleaning, entities,
  dates, quantities, quotes, events, serialization);
- B: a process that loads the same spaCy model with its default pipeline and runs
  `nlp.pipe(texts, batch_size=32)` over the same texts, doing nothing with the result.

It prints words/s of each and the ratio A/B per round (above 1.0: newsgraph does all of its work
faster than spaCy's default pipeline alone parses the text), and their median.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS, corpus_texts

BARE_SPACY = """
import sys
from pathlib import Path
from newsgraph.nlp.pipeline import model_name
import spacy
nlp = spacy.load(model_name())
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()

    texts = corpus_texts(args.corpus)
    words = sum(len(t.split()) for t in texts)
    newsgraph = shutil.which("newsgraph") or str(Path(sys.executable).with_name("newsgraph"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, text in enumerate(texts):
            (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
        ours = [newsgraph, "extract", str(folder), "--format", "jsonl", "-o", "/dev/null",
                "--no-progress"]
        bare = [sys.executable, "-c", BARE_SPACY, str(folder)]
        timed(ours), timed(bare)  # warm-up: file cache, bytecode
        print(f"{len(texts)} articles, {words:,} words; {args.rounds} rounds, alternating")
        print(f"{'round':>5} {'newsgraph w/s':>14} {'bare spaCy w/s':>15} {'ratio':>6}")
        ratios = []
        for r in range(1, args.rounds + 1):
            a, b = timed(ours), timed(bare)
            ratios.append(b / a)
            print(f"{r:>5} {words / a:>14,.0f} {words / b:>15,.0f} {b / a:>6.2f}")
    print(f"median ratio newsgraph/bare spaCy throughput: {statistics.median(ratios):.2f}x "
          f"(min {min(ratios):.2f}, max {max(ratios):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
