"""The date lexicon and grammar: word tables and the class-string pattern, loaded once.

Both are data (`data/dates/lexicon.toml`, `data/dates/grammar.toml`): a new relative word or a
new rule is a change to a file, not to code. This module reads them on first use and compiles
the grammar's rules into one regular expression with a named group per rule.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.strings import get_string_id

_DATA = "data/dates"
#: Hyphens: between two words with no space ("mid-March") they join one expression.
HYPHENS = ("-", "–")

#: Fixed words of the grammar that are not in a lexicon table.
_FIXED = {
    "the": ("t", None), "of": ("f", None), ",": (",", None), "in": ("I", None),
    "a": ("a", 1), "an": ("a", 1), "from": ("g", None), "now": ("w", None),
    "'": ("'", None), "’": ("'", None), "‘": ("'", None),
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    #: lower-case word -> (class, value) for the words whose class needs no context
    static: dict[str, tuple[str, Any]]
    #: the same keyed by spaCy's hash of the word, read straight from `Doc.to_array(LOWER)`
    static_ids: dict[int, tuple[str, Any]]
    #: hashes of the words whose class depends on the token and its context (months,
    #: weekdays, holidays, hyphens)
    candidate_ids: frozenset[int]
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    #: first word -> [(remaining words, spec)], longest first
    holidays: dict[str, list[tuple[tuple[str, ...], str]]]
    anaphoric_shifts: frozenset[str]
    duration_after_the: frozenset[str]
    unresolved_boundaries: frozenset[str]
    month_before: frozenset[str]
    year_before: frozenset[str]
    prepositions: frozenset[str]
    duration_before: frozenset[str]
    frequency_before: frozenset[str]
    name_labels: frozenset[str]
    future_auxiliaries: frozenset[str]
    modal_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    #: lemma -> the preposition it needs ("" for none)
    scheduling: dict[str, str]
    pattern: re.Pattern[str]


def _numbers(table: dict[str, Any]) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in table.items()}


def _words(table: dict[str, Any], key: str = "words") -> frozenset[str]:
    return frozenset(str(w).lower() for w in table.get(key, []))


def _static(data: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    table: dict[str, tuple[str, Any]] = dict(_FIXED)
    counts = dict(data["counts"])
    vague = counts.pop("vague")
    directions = data["directions"]
    layers: list[tuple[str, dict[str, Any]]] = [
        ("U", data["units"]),
        ("S", data["shifts"]),
        ("h", dict.fromkeys(data["anaphoric"]["determiners"], 0)),
        ("R", data["deictic_days"]),
        ("P", dict.fromkeys(data["day_parts"]["words"], "day")),
        ("E", {w: w for w in data["modifiers"]["within"]}),
        ("L", {w: directions[w] for w in data["modifiers"]["relative"]}),
        ("B", {w: w for w in data["boundaries"]["words"]}),
        ("A", {w: directions[w] for w in ("ago", "hence")}),
        ("r", {w: directions[w] for w in ("before", "after")}),
        ("n", counts),
        ("v", dict.fromkeys(vague)),
        ("o", data["ordinals"]),
        ("Z", data["seasons"]),
        ("F", dict.fromkeys(data["fiscal"]["words"])),
    ]
    for cls, words in layers:
        for word, value in words.items():
            table[word.lower()] = (cls, value)
    return table


def _holidays(table: dict[str, str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, spec in table.items():
        words = tuple(re.findall(r"\w+|[’']\w*", name.lower()))
        out.setdefault(words[0], []).append((words[1:], spec))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return out


def _scheduling(words: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in words:
        head, _, prep = entry.partition(" ")
        out[head] = prep
    return out


def compile_grammar(grammar: dict[str, Any]) -> re.Pattern[str]:
    """One alternation of the rules, in file order, each a named group, macros expanded, behind
    a look-ahead for the classes an expression can start with."""
    macros: dict[str, str] = grammar["macros"]

    def expand(text: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: macros[m.group(1)], text)

    for name in list(macros):
        macros[name] = expand(macros[name])
    rules = [f"(?P<{name}>{expand(rule)})" for name, rule in grammar["rules"].items()]
    start = re.escape(grammar["scan"]["start"])
    return re.compile(f"(?=[{start}])(?:{'|'.join(rules)})")


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon and the compiled grammar, read from the package data on first use."""
    root = resources.files("newsgraph").joinpath(_DATA)
    data = tomllib.loads(root.joinpath("lexicon.toml").read_text(encoding="utf-8"))
    grammar = tomllib.loads(root.joinpath("grammar.toml").read_text(encoding="utf-8"))
    context, future, anaphoric = data["context"], data["future"], data["anaphoric"]
    static = _static(data)
    months = _numbers(data["months"])
    month_abbreviations = _numbers(data["month_abbreviations"])
    weekdays = _numbers(data["weekdays"])
    weekday_abbreviations = _numbers(data["weekday_abbreviations"])
    holidays = _holidays(data["holidays"])
    candidates = [*months, *month_abbreviations, *weekdays, *weekday_abbreviations, *holidays]
    return Lexicon(
        static=static,
        static_ids={get_string_id(w): hit for w, hit in static.items()},
        candidate_ids=frozenset(get_string_id(w) for w in [*candidates, *HYPHENS]),
        months=months,
        ambiguous_months=_words(data["ambiguous_months"]),
        month_abbreviations=month_abbreviations,
        weekdays=weekdays,
        weekday_abbreviations=weekday_abbreviations,
        holidays=holidays,
        anaphoric_shifts=_words(anaphoric, "shifts"),
        duration_after_the=_words(anaphoric, "duration_after_the"),
        unresolved_boundaries=_words(data["boundaries"], "unresolved"),
        month_before=_words(context, "month_before"),
        year_before=_words(context, "year_before"),
        prepositions=_words(context, "prepositions"),
        duration_before=_words(context, "duration_before"),
        frequency_before=_words(context, "frequency_before"),
        name_labels=frozenset(context["name_labels"]),
        future_auxiliaries=_words(future, "auxiliaries"),
        modal_auxiliaries=_words(future, "modals"),
        future_governors=_words(future, "governors"),
        scheduling=_scheduling(future["scheduling"]),
        pattern=compile_grammar(grammar),
    )
