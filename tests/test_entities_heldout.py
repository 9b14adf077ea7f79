"""The held-out entity set: sentences fed alone and short articles nobody tuned the stage on.

`fixtures/entities/heldout/` (see its README) was written before the stage was run on it. The
entity score uses the project scorer's rule (same type, a shared normalized name or alias, one
to one); on top of it this module checks what later stages read off a matched entity: the
country code of places and nationalities, the link from a nationality to its country entity
("Israeli troops" act for Israel) and the titles of people.

Run as a script for the full report with every miss and extra:

    python tests/test_entities_heldout.py [--quiet]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entities.gazetteer import fold
from newsgraph.nlp.entities.resources import names

HERE = Path(__file__).parent
HELDOUT = HERE / "fixtures" / "entities" / "heldout"

#: Floors, set from the measurement after the second round: sentences F1 0.979 (before the
#: round: 0.902), articles F1 0.959 over the six (before: 0.897; the weakest article 0.857),
#: countries 0.97, nationality links 13/13, titles 0.95. The floors leave a few points for
#: model noise only, so that a regression on unseen text fails here.
SENTENCE_FLOOR = 0.95
ARTICLES_FLOOR = 0.93
ARTICLE_FLOOR = 0.80
COUNTRY_FLOOR = 0.95
LINK_FLOOR = 0.95
TITLE_FLOOR = 0.90


def _scorer() -> ModuleType:
    name = "newsgraph_eval_score"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()


@dataclass
class Case:
    id: str
    text: str
    expected: dict[str, Any]


def sentences() -> list[Case]:
    lines = (HELDOUT / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    return [Case(d["id"], d["text"], d) for d in map(json.loads, filter(None, lines))]


def articles() -> list[Case]:
    out = []
    for path in sorted((HELDOUT / "articles").glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        out.append(Case(path.stem, path.read_text(encoding="utf-8").strip(), expected))
    return out


@dataclass
class Rate:
    ok: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, good: bool, what: str) -> None:
        self.total += 1
        self.ok += good
        if not good:
            self.wrong.append(what)

    @property
    def value(self) -> float:
        return self.ok / self.total if self.total else 1.0


@dataclass
class Report:
    tally: Any = field(default_factory=lambda: SCORE.Tally())
    country: Rate = field(default_factory=Rate)
    link: Rate = field(default_factory=Rate)
    titles: Rate = field(default_factory=Rate)


def _is_country(entity: dict[str, Any]) -> bool:
    ref = names().refs.get(fold(entity["name"]))
    return ref is not None and ref.kind == "country"


def _title_ok(gold: str, got: list[str]) -> bool:
    g = SCORE.norm(gold)
    return any(g == (t := SCORE.norm(x)) or g in t or (t and t in g) for x in got)


def score_case(nlp: Language, case: Case, report: Report) -> None:
    predicted = [asdict(e) for e in find_entities(nlp(case.text)).entities]
    tally = SCORE.score_entities(case.expected, {"entities": predicted})
    tally.misses = [f"{case.id}: {m}" for m in tally.misses]
    tally.extras = [f"{case.id}: {m}" for m in tally.extras]
    report.tally.add(tally)
    gold = case.expected["entities"]

    def match(g: dict[str, Any]) -> dict[str, Any] | None:
        return next((p for p in predicted if p["type"] == g["type"]
                     and SCORE.names_of(p) & SCORE.names_of(g)), None)

    for g in gold:
        p = match(g)
        if p is None:
            continue
        if "country" in g:
            report.country.add(p["country"] == g["country"],
                               f"{case.id}: {g['name']} {p['country']} != {g['country']}")
        for t in g.get("titles", []):
            report.titles.add(_title_ok(t, p["titles"]), f"{case.id}: {g['name']}: {t!r} "
                                                         f"not in {p['titles']}")
        if g["type"] == "GROUP" and g.get("country"):
            state = next((c for c in gold if c["type"] == "PLACE" and c.get("country")
                          == g["country"] and _is_country(c)), None)
            target = next((c for c in predicted if c["type"] == "PLACE" and SCORE.norm(
                state["name"]) in SCORE.names_of(c)), None) if state is not None else None
            if target is not None:
                report.link.add(p.get("affiliation") == target["id"],
                                f"{case.id}: {g['name']} -> {target['name']}: "
                                f"{p.get('affiliation')}")


def run(nlp: Language, cases: list[Case]) -> Report:
    report = Report()
    for case in cases:
        score_case(nlp, case, report)
    return report


def test_heldout_sentences(nlp: Language) -> None:
    report = run(nlp, sentences())
    t = report.tally
    assert t.f1 >= SENTENCE_FLOOR, (t.f1, t.misses, t.extras)
    assert report.country.value >= COUNTRY_FLOOR, report.country.wrong
    assert report.link.value >= LINK_FLOOR, report.link.wrong
    assert report.titles.value >= TITLE_FLOOR, report.titles.wrong


def test_heldout_articles(nlp: Language) -> None:
    report = run(nlp, articles())
    t = report.tally
    assert t.f1 >= ARTICLES_FLOOR, (t.f1, t.misses, t.extras)
    assert report.country.value >= COUNTRY_FLOOR, report.country.wrong


@pytest.mark.parametrize("case", articles(), ids=lambda c: c.id)
def test_heldout_article(nlp: Language, case: Case) -> None:
    report = Report()
    score_case(nlp, case, report)
    t = report.tally
    assert t.f1 >= ARTICLE_FLOOR, (t.f1, t.misses, t.extras)


def _print(label: str, report: Report, verbose: bool) -> None:
    t = report.tally
    print(f"{label}: P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f} "
          f"(tp {t.tp}, fp {t.fp}, fn {t.fn}); country {report.country.ok}/"
          f"{report.country.total}; nationality->country link {report.link.ok}/"
          f"{report.link.total}; titles {report.titles.ok}/{report.titles.total}")
    if verbose:
        for head, items in (("MISS", t.misses), ("EXTRA", t.extras),
                            ("COUNTRY", report.country.wrong), ("LINK", report.link.wrong),
                            ("TITLE", report.titles.wrong)):
            for item in items:
                print(f"  {head} {item}")


def main() -> int:
    from newsgraph.nlp.pipeline import load_nlp

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quiet", action="store_true", help="scores only")
    args = ap.parse_args()
    nlp = load_nlp()
    _print("sentences", run(nlp, sentences()), not args.quiet)
    _print("articles", run(nlp, articles()), not args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
