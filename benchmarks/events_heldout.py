#!/usr/bin/env python3
"""Event coding on held-out sentences: precision, recall and F1, with every miss and extra.

Usage:
    python benchmarks/events_heldout.py [tests/fixtures/events/heldout.jsonl] [-q] [--group G]

Each line of the file is one sentence, fed alone to `newsgraph.extract` (an article of one
sentence, as event coders are judged sentence by sentence), with the events a human coder
expects (written before the coder was run on them; see tests/fixtures/events/README.md).

An expected event is matched the way the project's scorer matches events (tests/eval/score.py):
the type (or one of `alt_types`), the first actor (one of the names in `actor`, compared with
the predicted entity's name and aliases after normalization, or one of the words in `actor_any`
inside the predicted actor), the quantity value and the destination when the line gives them.
Each prediction answers at most one expected event. Predictions that answer an `optional` event
(a reading the coder may or may not give) count neither way; every other prediction is an
extra. Recipient and status are not scored; their agreement on matched events is reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph.record import Article, Event

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "events" / "heldout.jsonl"


def norm(s: str | None) -> str:
    """The scorer's normalization: NFKC, casefold, no punctuation, no leading "the"."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("’", "'").replace("'s ", " ").replace(".", "")
    s = re.sub(r"[^\w\s+-]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def names(article: Article, name: str | None) -> set[str]:
    """A predicted participant's name and, for an entity, its aliases."""
    if not name:
        return set()
    out = {norm(name)}
    for e in article.entities:
        if e.name == name:
            out |= {norm(a) for a in e.aliases}
    return out - {""}


def same_value(a: float, b: float | None) -> bool:
    return b is not None and abs(a - b) <= 0.01 * max(abs(a), abs(b), 1)


def answers(want: dict[str, Any], article: Article, e: Event) -> bool:
    if e.type not in [want["type"], *want.get("alt_types", [])]:
        return False
    if want.get("actor") or want.get("actor_any"):
        gold = {norm(n) for n in want.get("actor", [])}
        actor = norm(e.actor)
        if not (gold & names(article, e.actor)) and \
                not any(norm(w) in actor for w in want.get("actor_any", []) if actor):
            return False
    if "quantity" in want and not same_value(want["quantity"],
                                             e.quantity.value if e.quantity else None):
        return False
    if want.get("destination"):
        gold = {norm(n) for n in want["destination"]}
        if not gold & names(article, e.destination):
            return False
    return True


def show(e: Event) -> str:
    q = f" q={e.quantity.value:g}" if e.quantity else ""
    dest = f" ->{e.destination}" if e.destination else ""
    rec = f" rec={e.recipient}" if e.recipient else ""
    return f"{e.type}/{e.mode} {e.actor!r}{rec}{q}{dest} [{e.status}] <{e.trigger}>"


def want_text(w: dict[str, Any]) -> str:
    who = w.get("actor", [])[:2] + w.get("actor_any", [])[:2]
    extra = "".join(f" {k}={w[k]}" for k in ("quantity", "destination", "status") if k in w)
    return f"{w['type']} {who}{extra}"


@dataclass
class Result:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_ok: int = 0
    status_n: int = 0
    rec_ok: int = 0
    rec_n: int = 0
    report: list[str] = field(default_factory=list)
    by_group: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read(path: str | Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]


def evaluate(rows: list[dict[str, Any]]) -> Result:
    """Extract each sentence alone and match its events against the expected ones."""
    res = Result()
    for row in rows:
        article = newsgraph.extract(row["text"])
        free = list(article.events)
        lines: list[str] = []
        c = res.by_group.setdefault(row["group"], Counter())
        for want in row["events"]:
            hit = next((e for e in free if answers(want, article, e)), None)
            if hit is None:
                res.fn += 1
                c["fn"] += 1
                lines.append(f"  MISS  {want_text(want)}")
                continue
            free.remove(hit)
            res.tp += 1
            c["tp"] += 1
            if "status" in want:
                res.status_n += 1
                res.status_ok += hit.status == want["status"]
            if want.get("recipient"):
                res.rec_n += 1
                gold = {norm(n) for n in want["recipient"]}
                res.rec_ok += bool(gold & set().union(*(names(article, r) for r in
                                                        [hit.recipient, *hit.recipients])))
        for opt in row.get("optional", []):
            hit = next((e for e in free if answers(opt, article, e)), None)
            if hit is not None:
                free.remove(hit)
        for e in free:
            res.fp += 1
            c["fp"] += 1
            lines.append(f"  EXTRA {show(e)}")
        if lines:
            got = "; ".join(show(e) for e in article.events) or "-"
            res.report.append(f"[{row['id']}] {row['text']}\n" + "\n".join(lines)
                              + f"\n  got: {got}")
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("-q", "--quiet", action="store_true", help="totals only")
    ap.add_argument("--group", help="only lines of this group (AGREE, negative, ...)")
    args = ap.parse_args()
    rows = read(args.path)
    if args.group:
        rows = [r for r in rows if r["group"] == args.group]
    started = time.perf_counter()
    res = evaluate(rows)
    elapsed = time.perf_counter() - started
    if not args.quiet:
        print("\n".join(res.report))
        print()
        for g, c in res.by_group.items():
            print(f"  {g:10s} tp {c['tp']:3d}  fp {c['fp']:3d}  fn {c['fn']:3d}")
    print(f"sentences {len(rows)}  gold events {res.tp + res.fn}  predicted {res.tp + res.fp}  "
          f"({elapsed:.1f} s)")
    print(f"status agrees on {res.status_ok}/{res.status_n} matched events with a status; "
          f"recipient on {res.rec_ok}/{res.rec_n}")
    print(f"held-out events  P {res.precision:.3f}  R {res.recall:.3f}  F1 {res.f1:.3f}  "
          f"(tp {res.tp}, fp {res.fp}, fn {res.fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
