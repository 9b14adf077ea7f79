"""The benchmark texts: the clean bodies of the corpus, shared by the throughput benchmarks.

The hand-checked `articleBody` of every page in `corpus/html/ground-truth.json` plus the seed
article, as the scripts next to this one import it (`from corpus import corpus_texts`).
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def corpus_texts(corpus: Path = DEFAULT_CORPUS) -> list[str]:
    truth = json.loads((corpus / "html" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [v["articleBody"] for _, v in sorted(truth.items())]
    seed = corpus / "lithuania-troops.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    return [t for t in texts if t.strip()]
