#!/usr/bin/env python3
"""Quotations and quantities: newsgraph against textacy and quantulum3 on the same articles.

    python benchmarks/quotes_quantities.py [GOLD_DIR_OR_FILE ...]

By default it reads the dev gold (tests/fixtures/gold), the quotation fixtures
(tests/fixtures/quotes/gold) and the held-out gold (tests/fixtures/gold_heldout). For every
gold file it runs `newsgraph.extract` on the article, then gives the other tools the very text
our NLP saw (the record's clean body), and scores all of them with the functions of
tests/eval/score.py:

- quotations: newsgraph against textacy 0.13's `extract.triples.direct_quotations`, which
  needs a full spaCy pipeline (tagger, lemmatizer, parser: the same model, all components on)
  and finds direct quotations only, so the table also scores the direct quotations alone;
- quantities: newsgraph against quantulum3 on the gold files that annotate quantities.
  quantulum3 knows units, not counted things, so its output is mapped to our kinds two ways:
  "units" uses its units alone (a currency is `money`, anything else `other`); "+ nouns" also
  looks at the three words after the number and names the kind from a fixed table of counted
  nouns (`COUNTED` below: troops -> personnel, jets -> aircraft, ...), a generous reading that
  gives it the one thing it lacks.

It prints one table per facet and set, and the time per article of each tool.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_GOLD = [FIXTURES / "gold", FIXTURES / "quotes" / "gold", FIXTURES / "gold_heldout"]
#: the name each gold folder's tables go under
SET_NAMES = {"fixtures/gold": "dev gold", "quotes/gold": "quote fixtures",
             "fixtures/gold_heldout": "held-out gold"}
SEED = FIXTURES / "corpus" / "lithuania-troops.txt"

#: counted nouns -> our quantity kinds, for reading quantulum3's unitless numbers ("+ nouns")
COUNTED: dict[str, str] = {
    **dict.fromkeys(["troops", "troop", "soldiers", "soldier", "personnel", "marines", "sailors",
                     "servicemembers", "forces", "officers", "paratroopers", "reservists"],
                    "personnel"),
    **dict.fromkeys(["people", "residents", "civilians", "refugees", "migrants", "children",
                     "students", "workers", "volunteers", "deaths", "dead", "victims", "persons",
                     "inhabitants", "asylum-seekers"], "people"),
    **dict.fromkeys(["jets", "jet", "aircraft", "planes", "plane", "helicopters", "fighters",
                     "drones", "bombers", "f-15", "f-16s", "f-16", "f-35s", "f-35"], "aircraft"),
    **dict.fromkeys(["ships", "warships", "vessels", "boats", "submarines", "frigates",
                     "destroyers", "carriers"], "vessels"),
    **dict.fromkeys(["tanks", "vehicles", "trucks", "ambulances", "armored", "armoured"],
                    "vehicles"),
    **dict.fromkeys(["missiles", "weapons", "rockets", "rifles", "guns", "shells", "warheads",
                     "launchers", "howitzers"], "weapons"),
}
_CURRENCY_WORDS = ("dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee", "ruble",
                   "rouble", "franc", "won", "peso", "real", "lira")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    return module


score = load_scorer()


# ---- the other tools ---------------------------------------------------------------------------

def textacy_quotes(nlp: Any, text: str) -> tuple[list[dict[str, Any]], bool]:
    """textacy's direct quotations as record items, and whether it gave up on the article
    (it raises on an odd number of quote-like tokens rather than guess)."""
    from textacy.extract.triples import direct_quotations

    doc = nlp(text)
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], True
    out = []
    for speaker, cue, content in triples:
        inner = content.text.strip().strip("\"“”‘’'").strip()
        out.append({"text": inner, "speaker": " ".join(t.text for t in speaker),
                    "speaker_id": None, "direct": True, "cue": " ".join(t.text for t in cue),
                    "span": [content.start_char, content.end_char]})
    return out, False


def quantulum_quantities(text: str, *, nouns: bool) -> list[dict[str, Any]]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        unit = q.unit
        name = (unit.name or "").lower()
        money = unit.entity.name == "currency" or any(w in name for w in _CURRENCY_WORDS)
        kind = "money" if money else "other"
        if not money and nouns:
            after = re.findall(r"[\w-]+", text[q.span[1] : q.span[1] + 40].lower())[:3]
            kind = next((COUNTED[w] for w in after if w in COUNTED), "other")
        out.append({"value": q.value, "unit": unit.name, "kind": kind, "text": q.surface,
                    "span": list(q.span), "per": "year" if "per year" in name else None})
    return out


# ---- running and scoring -----------------------------------------------------------------------

@dataclass
class Row:
    tally: Any = field(default_factory=lambda: score.Tally())
    seconds: float = 0.0
    articles: int = 0
    gave_up: int = 0

    def add(self, tally: Any, seconds: float, gave_up: bool = False) -> None:
        self.tally.add(tally)
        self.seconds += seconds
        self.articles += 1
        self.gave_up += gave_up


def gold_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out += sorted(p.glob("*.gold.json")) if p.is_dir() else [p]
    return out


def article_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    path = (gold_path.parent.parent / gold["article"]).resolve()
    return path if path.exists() else (gold_path.parent.parent.parent / gold["article"]).resolve()


def direct_only(gold: dict[str, Any]) -> dict[str, Any]:
    return {**gold, "quotes": [q for q in gold["quotes"] if q.get("direct")]}


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


#: (words, seconds) of the quotation stage alone, per article
stage_ms: list[tuple[int, float]] = []


def stage_time(text: str, repeat: int = 5) -> float:
    """Best-of-`repeat` time of `find_quotes` alone on a parsed article."""
    from newsgraph.nlp.entities import find_entities
    from newsgraph.nlp.pipeline import load_nlp
    from newsgraph.nlp.quotes import find_quotes

    doc = load_nlp()(text)
    entities = find_entities(doc)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        find_quotes(doc, entities)
        best = min(best, time.perf_counter() - t0)
    return best


def run(paths: list[Path]) -> dict[str, dict[str, Row]]:
    import spacy

    import newsgraph
    from newsgraph.nlp.pipeline import model_name

    full_nlp = spacy.load(model_name())  # textacy reads lemmas and coarse tags: all components
    # warm up every tool (model and classifier loading is not per-article time)
    warm = "“We are ready,” the minister said on Monday, as 3,000 troops and $5 million arrived."
    newsgraph.extract(warm)
    textacy_quotes(full_nlp, warm)
    quantulum_quantities(warm, nouns=False)
    tables: dict[str, dict[str, Row]] = {}
    for gp in gold_files(paths):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        folder = f"{gp.parent.parent.name}/{gp.parent.name}"
        set_name = SET_NAMES.get(folder, folder)
        record, t_ours = timed(lambda g=gold, p=gp: newsgraph.extract(
            article_path(p, g), published=g.get("published")).to_dict())
        text = record["text"]
        stage_ms.append((len(text.split()), stage_time(text)))
        if gold.get("quotes"):
            (tq, gave_up), t_tx = timed(lambda t=text: textacy_quotes(full_nlp, t))
            rows = tables.setdefault(f"quotes, {set_name}", {})
            rows.setdefault("newsgraph", Row()).add(score.score_quotes(gold, record), t_ours)
            rows.setdefault("textacy", Row()).add(
                score.score_quotes(gold, {"quotes": tq, "entities": []}), t_tx, gave_up)
            direct = direct_only(gold)
            mine = {**record, "quotes": [q for q in record["quotes"] if q["direct"]]}
            rows = tables.setdefault(f"direct quotes only, {set_name}", {})
            rows.setdefault("newsgraph", Row()).add(score.score_quotes(direct, mine), t_ours)
            rows.setdefault("textacy", Row()).add(
                score.score_quotes(direct, {"quotes": tq, "entities": []}), t_tx, gave_up)
        if gold.get("quantities"):
            rows = tables.setdefault(f"quantities, {set_name}", {})
            rows.setdefault("newsgraph", Row()).add(score.score_quantities(gold, record), t_ours)
            for label, nouns in (("quantulum3 units", False), ("quantulum3 + nouns", True)):
                qs, t_q = timed(lambda t=text, n=nouns: quantulum_quantities(t, nouns=n))
                rows.setdefault(label, Row()).add(
                    score.score_quantities(gold, {"quantities": qs}), t_q)
    return tables


def seed_timing(repeat: int = 50) -> str:
    """The stage's time on the seed article, best of `repeat` runs: on the clean body the
    pipeline gives it, and on the raw file (all 1,260 words of it, chrome included)."""
    import newsgraph

    body = newsgraph.extract(SEED).text
    raw = SEED.read_text(encoding="utf-8")
    parts = []
    for label, text in (("clean body", body), ("raw file", raw)):
        ms = 1000 * stage_time(text, repeat)
        parts.append(f"{label} {len(text.split())} words: {ms:.2f} ms")
    return "; ".join(parts)


def main() -> int:
    warnings.filterwarnings("ignore")  # sklearn's pickle-version and spaCy's model notices
    paths = [Path(a) for a in sys.argv[1:]] or DEFAULT_GOLD
    tables = run(paths)
    for title, rows in tables.items():
        n = next(iter(rows.values())).articles
        print(f"\n{title} ({n} articles)")
        print(f"  {'tool':<20} {'P':>5} {'R':>5} {'F1':>5}   {'tp':>4} {'fp':>4} {'fn':>4}"
              f"   {'ms/article':>10}  note")
        for tool, row in rows.items():
            t = row.tally
            ms = 1000 * row.seconds / max(row.articles, 1)
            note = f"gave up on {row.gave_up} article(s)" if row.gave_up else ""
            if tool == "newsgraph":
                note = "whole pipeline (cleaning, parse, all stages)"
            print(f"  {tool:<20} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}   {t.tp:4d} "
                  f"{t.fp:4d} {t.fn:4d}   {ms:10.0f}  {note}")
    words = sum(w for w, _ in stage_ms)
    seconds = sum(s for _, s in stage_ms)
    print(f"\nnewsgraph quotation stage alone (find_quotes, best of 5 runs per article): "
          f"{1000 * seconds / max(len(stage_ms), 1):.2f} ms per article, "
          f"{1000 * seconds * 1260 / max(words, 1):.2f} ms per 1,260 words "
          f"({len(stage_ms)} articles, {words} words)")
    print(f"on the seed ({SEED.name}, best of 50): {seed_timing()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
