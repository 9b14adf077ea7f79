"""The word lists of the quantities stage, read once from ``data/quantities/*.toml``.

Every language resource the stage consults (number words, approximators, unit -> kind tables,
currencies, owner verbs) lives in those data files so that a reader can audit and extend them
without reading code; this module turns them into lookup tables with one normalization: keys are
lower-case and a hyphen counts as a space ("asylum-seeker" == "asylum seeker").
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsgraph.record import QuantityKind

KINDS: tuple[QuantityKind, ...] = (
    "personnel", "aircraft", "vessels", "vehicles", "weapons", "money", "people", "other"
)
MILITARY: frozenset[str] = frozenset({"personnel", "aircraft", "vessels", "vehicles", "weapons"})


def key(text: str) -> str:
    """The lookup form of a word or phrase: lower case, hyphens as spaces, single spaces."""
    return " ".join(text.lower().replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class QuantityLexicon:
    # numbers.toml
    words: Mapping[str, float]
    scales: Mapping[str, float]
    suffixes: Mapping[str, float]
    vague: Mapping[str, float]
    vague_counts: Mapping[str, float]
    fractions: Mapping[str, float]
    change_verbs: frozenset[str]
    date_words: frozenset[str]
    # approximators.toml: phrases as tuples of lower-case words, longest first
    approx_before: Mapping[str, tuple[tuple[str, ...], ...]]  # by last word
    approx_after: Mapping[str, tuple[tuple[str, ...], ...]]  # by first word
    continuation: frozenset[str]
    # units.toml
    kinds: Mapping[str, QuantityKind]
    head_words: frozenset[str]  # last words of units and ambiguous heads
    currency_heads: frozenset[str]  # last words of currency names
    max_unit_words: int
    ambiguous: frozenset[str]
    modifier_kinds: Mapping[str, QuantityKind]
    unit_suffixes: tuple[tuple[str, QuantityKind], ...]
    models: tuple[tuple[re.Pattern[str], QuantityKind], ...]
    model_numbers: re.Pattern[str]
    not_units: frozenset[str]
    labels: frozenset[str]
    containers: Mapping[str, QuantityKind | None]
    estimate_nouns: frozenset[str]
    strong_nouns: Mapping[str, QuantityKind]
    unit_drop: frozenset[str]
    casualty_verbs: Mapping[str, str]
    sourcing_verbs: frozenset[str]
    source_nouns: frozenset[str]
    person_nouns: frozenset[str]  # WordNet's, less [people_nouns] not_people and [kinds]
    act_heads: frozenset[str]  # "sale", "order": counted things whose kind a modifier gives
    makers: frozenset[str]  # "boeing", "lockheed martin": part of the unit, never the owner
    max_maker_words: int
    person_suffixes: tuple[str, ...]  # agent-noun endings of unknown person nouns
    not_person_tails: frozenset[str]  # known nouns that end a compound that is not a person
    anaphora_determiners: frozenset[str]
    anaphora_between: frozenset[str]
    anaphora_identifying: frozenset[str]
    anaphora_rest: frozenset[str]  # "the other two contractors": a count of the rest
    anaphora_max: float
    abstract: frozenset[str]  # "three confirmed diagnoses": small counts left out
    abstract_max: float
    capacity_verbs: frozenset[str]
    capacity_participles: frozenset[str]
    capacity_nouns: frozenset[str]
    capacity_modal_verbs: frozenset[str]
    other_senses: Mapping[str, tuple[frozenset[str], frozenset[str]]]  # noun -> (after, before)
    # currencies.toml
    currency_symbols: Mapping[str, str]
    symbols_need_scale: frozenset[str]
    currency_codes: Mapping[str, str]
    currency_names: Mapping[str, str]
    currency_openers: frozenset[str]  # first words of currency names, lower case, any number
    rates: Mapping[str, str]
    money_objects: frozenset[str]  # "pounds of funding": money; "pounds of cocaine": weight
    weight_verbs: frozenset[str]
    mass_units: frozenset[str]
    # owners.toml
    owner_verbs: Mapping[str, frozenset[str]]
    object_control: frozenset[str]
    acquire: frozenset[str]
    nominals: frozenset[str]
    announce: frozenset[str]
    of_owner: frozenset[str]
    from_owner_kinds: frozenset[str]

    def model_kind(self, text: str) -> QuantityKind | None:
        """The kind of a model designation ("F-16s" -> aircraft), if the text is one."""
        for pattern, kind in self.models:
            if pattern.fullmatch(text):
                return kind
        return None

    def is_person_noun(self, forms: tuple[str, ...]) -> bool:
        """Whether a lower-case noun (its lookup forms, lemma first) names a person: WordNet's
        list, else an agent-noun ending (`person_by_ending`)."""
        return any(f in self.person_nouns for f in forms) or self.person_by_ending(forms[0])

    def person_by_ending(self, word: str) -> bool:
        """Whether a lower-case noun unknown to the person list is a person by its ending
        ("influencer", "asylee"): it ends like an agent noun, and neither it nor any of its
        tails is a known non-person noun ("supercomputer") or a role that is not counted as
        people ("chipmaker")."""
        if len(word) < 5 or not word.endswith(self.person_suffixes) or " " in word:
            return False
        tails = self.not_person_tails  # tails of 4+ letters: "cer" and "ter" are WordNet nouns
        return word not in tails and not any(word[i:] in tails for i in range(1, len(word) - 3))

    def owner_verbs_for(self, kind: QuantityKind) -> frozenset[str]:
        group = "military" if kind in MILITARY else kind
        return self.owner_verbs["any"] | self.owner_verbs.get(group, frozenset())


def _text(name: str) -> str:
    return (resources.files("newsgraph") / "data" / "quantities" / name).read_text(encoding="utf-8")


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(_text(name))


def _word_list(name: str) -> frozenset[str]:
    """A one-word-a-line list with # comments (the WordNet extracts)."""
    return frozenset(
        key(line) for line in _text(name).splitlines() if line.strip() and line[0] != "#"
    )


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(key(p).split()) for p in items), key=len, reverse=True))


def _by_last_word(
    phrases: tuple[tuple[str, ...], ...]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[-1], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _by_first_word(
    phrases: tuple[tuple[str, ...], ...]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {k: tuple(v) for k, v in out.items()}


def _openers_of(names: dict[str, str]) -> set[str]:
    """First words of currency names in the forms a text writes them ("euros", "hong")."""
    out: set[str] = set()
    for name in names:
        first = key(name).split()[0]
        out |= {first, first + "s", first + "es"}
    return out | {"reais", "roubles", "kronor", "kroner", "lei", "zlotys", "hryvnias", "pence"}


def _keys(items: list[str]) -> frozenset[str]:
    return frozenset(key(i) for i in items)


def _kind(value: str) -> QuantityKind:
    if value not in KINDS:
        raise ValueError(f"unknown quantity kind {value!r} in data/quantities")
    return value


@functools.cache
def lexicon() -> QuantityLexicon:
    """The process-wide lexicon (the data files are read on first use, ~5 ms)."""
    numbers = _load("numbers.toml")
    approx = _load("approximators.toml")
    units = _load("units.toml")
    money = _load("currencies.toml")
    owners = _load("owners.toml")
    kinds: dict[str, QuantityKind] = {}
    for kind, items in units["kinds"].items():
        for item in items:
            kinds.setdefault(key(item), _kind(kind))
    people = units["people_nouns"]
    not_people = _keys(people["not_people"])
    anaphora, capacity = units["anaphora"], units["capacity"]
    not_units = {key(w) for group in units["not_units"].values() for w in group}
    codes = {c: c for c in money["iso"]["codes"]} | dict(money["code_aliases"])
    return QuantityLexicon(
        words={key(k): float(v) for k, v in numbers["words"].items()},
        scales={k.lower(): float(v) for k, v in numbers["scales"].items()},
        suffixes={k: float(v) for k, v in numbers["suffixes"].items()},
        vague={k: float(v) for k, v in numbers["vague"].items()},
        vague_counts={k: float(v) for k, v in numbers["vague_counts"].items()},
        fractions={k: float(v) for k, v in numbers["fractions"].items()},
        change_verbs=_keys(numbers["ranges"]["change_verbs"]),
        date_words=frozenset(w.lower() for w in numbers["dates"]["words"]),
        approx_before=_by_last_word(_phrases(approx["before"])),
        approx_after=_by_first_word(_phrases(approx["after"])),
        continuation=_keys(approx["continuation"]),
        kinds=kinds,
        head_words=frozenset(
            {k.split()[-1] for k in kinds}
            | {key(k).split()[-1] for k in units["ambiguous"]["heads"]}
            | _keys(units["act_heads"]["heads"])
        ),
        currency_heads=frozenset(key(k).split()[-1] for k in money["names"]),
        max_unit_words=max(len(k.split()) for k in kinds),
        ambiguous=_keys(units["ambiguous"]["heads"]),
        modifier_kinds={key(k): _kind(v) for k, v in units["modifier_kinds"].items()},
        unit_suffixes=tuple((k, _kind(v)) for k, v in units["suffixes"].items()),
        models=tuple((re.compile(p), _kind(v)) for p, v in units["models"].items()),
        model_numbers=re.compile("|".join(units["model_numbers"]["patterns"])),
        not_units=frozenset(not_units),
        labels=_keys(units["labels"]["words"]),
        containers={key(k): (_kind(v) if v else None) for k, v in units["containers"].items()},
        strong_nouns={key(k): _kind(v) for k, v in units["strong_nouns"].items()},
        estimate_nouns=_keys(units["estimates"]["nouns"]),
        unit_drop=_keys(units["unit_drop"]["words"]),
        casualty_verbs=dict(units["casualty_verbs"]),
        sourcing_verbs=_keys(units["sourcing"]["verbs"]),
        source_nouns=_keys(units["sourcing"]["nouns"]),
        person_nouns=_word_list("person_nouns.txt") - not_people - kinds.keys(),
        act_heads=_keys(units["act_heads"]["heads"]),
        makers=_keys(units["makers"]["names"]),
        max_maker_words=max(len(key(k).split()) for k in units["makers"]["names"]),
        person_suffixes=tuple(people["suffixes"]),
        not_person_tails=_word_list("not_person_suffixed.txt") | not_people,
        anaphora_determiners=_keys(anaphora["determiners"]),
        anaphora_between=_keys(anaphora["between"]),
        anaphora_identifying=_keys(anaphora["identifying"]),
        anaphora_rest=_keys(anaphora["rest"]),
        anaphora_max=float(anaphora["max_value"]),
        abstract=_keys(units["abstract"]["nouns"]),
        abstract_max=float(units["abstract"]["max_value"]),
        capacity_verbs=_keys(capacity["verbs"]),
        capacity_participles=_keys(capacity["participles"]),
        capacity_nouns=_keys(capacity["nouns"]),
        capacity_modal_verbs=_keys(capacity["modal_verbs"]),
        other_senses={
            key(k): (_keys(v.get("after", [])), _keys(v.get("before", [])))
            for k, v in units["other_senses"].items()
        },
        currency_symbols=dict(money["symbols"]),
        symbols_need_scale=frozenset(money["letter_symbols"]["needs_scale"]),
        currency_codes=codes,
        currency_names={key(k): v for k, v in money["names"].items()},
        currency_openers=frozenset(_openers_of(money["names"])),
        rates={key(k): v for k, v in money["rates"].items()},
        money_objects=_keys(money["weights"]["money_objects"]),
        weight_verbs=_keys(money["weights"]["verbs"]),
        mass_units=_keys(money["weights"]["mass_units"]),
        owner_verbs={k: _keys(v) for k, v in owners["verbs"].items()},
        object_control=_keys(owners["object_control"]),
        acquire=_keys(owners["acquire"]),
        nominals=_keys(owners["nominals"]),
        announce=_keys(owners["announce"]),
        of_owner=_keys(owners["of_owner"]),
        from_owner_kinds=_keys(owners["from_owner_kinds"]),
    )
