"""The event lexicon: predicate entries, argument frames, word classes and grammar words, as data.

Everything the coder knows about English event language lives in TOML files under
`newsgraph/data/events/` (the format is in docs/events.md). This module reads them once,
checks them (a typo in a data file is a `ConfigError` naming the file and entry, not a silent
miss) and indexes the entries by trigger lemma, so the coder makes one dictionary lookup per
token.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from spacy.strings import hash_string  # type: ignore[attr-defined]

from newsgraph.errors import ConfigError

Pos = Literal["verb", "noun"]
Policy = Literal["drop", "claimed", "keep", "same"]

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ROLES = ("actor", "recipient", "theme", "partner", "destination", "origin")
#: Slots that take no argument after the colon; "prep:X" and "deep:X" take a preposition.
SLOTS = frozenset({
    "subj", "obj", "iobj", "ccomp_subj", "loc", "from", "poss", "compound", "agent", "gov_subj",
    "gov_obj", "gov_agent", "theme_mod", "obj_owner", "acl_head", "judged", "host_subj",
})
POLICIES = ("drop", "claimed", "keep", "same")
#: Classes the coder computes instead of listing words: a named entity, a number, money.
BUILTIN_CLASSES = frozenset({"entity", "org", "place", "person", "number", "money",
                             "question"})

#: Words that, right after the verb of a phrase, are particles ("hand over", "crack down on").
_PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "aside", "over", "in"})
#: Words that start a prepositional phrase in a predicate phrase ("call for", "lay siege to").
_PREPS = frozenset({
    "to", "for", "on", "against", "with", "from", "of", "into", "at", "about", "by", "toward",
    "towards", "upon", "through", "near", "across", "onto", "under", "outside", "behind",
    "around",
})
_ARTICLES = frozenset({"a", "an", "the"})

_ENTRY_KEYS = frozenset({
    "verbs", "nouns", "type", "mode", "frame", "roles", "objects", "not_objects", "subjects",
    "not_subjects", "modifiers", "not_modifiers", "prep", "not_prep", "pobjs", "not_pobjs",
    "in_prep", "complement", "not_complements", "content_words", "ccomp_self", "content",
    "nominal_content", "content_types", "requires", "if_object", "not_content_words",
    "judgments", "negated_judgments", "judged", "agentless", "undergone", "when_negated",
})
_FILE_KEYS = frozenset({"type", "mode", "frame", "entry"})
_GRAMMAR_KEYS = frozenset({
    "light_verbs", "progression_verbs", "object_control", "report_verbs", "destination_preps",
    "origin_preps", "locative_heads", "quantifier_heads", "status",
    "place_anaphors", "adjunct_preps", "topic_preps", "purpose_verbs", "group_anaphors",
    "arbitrary_control", "light_nouns", "pair_anaphors", "retold_acts",
})
_STATUS_KEYS = frozenset({
    "planned_aux", "considered_aux", "requested_aux", "planned_governors", "considered_governors",
    "requested_governors", "announced_governors", "negating_governors", "planned_modifiers",
    "considered_modifiers", "requested_modifiers", "negation_words", "negating_preps",
    "hypothetical_marks", "planned_nouns", "considered_nouns", "disbelief_verbs",
    "pending_words", "causative_governors",
})
_TYPE_KEYS = frozenset({
    "modes", "mode_by_class", "content", "nominal_content", "actorless", "implicit_actor",
    "theme_is_actor", "future", "people_actors", "foreign_recipient",
})


@dataclass(frozen=True, slots=True)
class Term:
    """One word a constraint accepts: a lemma (with required modifiers) or a word class."""

    head: str | None = None
    cls: str | None = None
    mods: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TermSet:
    """Terms of one constraint, split for fast tests: bare lemmas as a set, the rest apart."""

    words: frozenset[str] = frozenset()
    classes: tuple[str, ...] = ()
    phrases: tuple[Term, ...] = ()
    #: whether there is any term (asked tens of thousands of times per article)
    nonempty: bool = False

    def __bool__(self) -> bool:
        return self.nonempty

    @classmethod
    def of(cls, terms: Iterable[Term]) -> TermSet:
        terms = list(terms)
        return cls(
            words=frozenset(t.head for t in terms if t.head and not t.mods),
            classes=tuple(t.cls for t in terms if t.cls is not None),
            phrases=tuple(t for t in terms if t.head and t.mods),
            nonempty=bool(terms),
        )


@dataclass(frozen=True, slots=True)
class Phrase:
    """How a trigger is written: "lay siege to" is head "lay", object "siege", prep "to"."""

    head: str
    particles: tuple[str, ...] = ()
    objects: tuple[Term, ...] = ()
    prep: str | None = None
    pobj: Term | None = None
    mods: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Frame:
    """Where each role is found, for verb triggers and for noun triggers."""

    name: str
    verb: Mapping[str, tuple[str, ...]]
    noun: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class TypeSpec:
    name: str
    modes: tuple[str, ...]
    mode_by_class: tuple[tuple[str, str], ...]
    content: Policy
    nominal_content: Policy
    actorless: bool
    implicit_actor: str | None
    theme_is_actor: bool
    future: str | None
    #: any group of people named as the actor is a description ("consumers boycotted")
    people_actors: bool = False
    #: a recipient that is the actor itself makes no event ("gives to ITS industry")
    foreign_recipient: bool = False


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One way of expressing an event, with the constraints that keep it precise."""

    type: str
    mode: str | None
    pos: Pos
    phrase: Phrase
    roles: Mapping[str, tuple[str, ...]]
    objects: TermSet = TermSet()
    #: like `objects`, but only when the trigger has an object at all
    if_object: TermSet = TermSet()
    not_objects: TermSet = TermSet()
    subjects: TermSet = TermSet()
    not_subjects: TermSet = TermSet()
    modifiers: TermSet = TermSet()
    not_modifiers: TermSet = TermSet()
    prep: tuple[str, ...] = ()
    not_prep: tuple[str, ...] = ()
    pobjs: TermSet = TermSet()
    not_pobjs: TermSet = TermSet()
    in_prep: tuple[str, ...] = ()
    complement: bool | None = None
    not_complements: TermSet = TermSet()
    content_words: TermSet = TermSet()
    #: words of the trigger's clause that disqualify it ("pleaded NOT guilty")
    not_content_words: TermSet = TermSet()
    #: the words that judge what a verb of saying or judging is about must be among these
    #: ("called the process a SHAM", "said the move was ILLEGAL"; syntax.judgment)
    judgments: TermSet = TermSet()
    #: the same, for words that judge when negated ("was NOT in LINE with our goals")
    negated_judgments: TermSet = TermSet()
    #: what is judged must name a participant, have a possessor, or be one of these
    judged: TermSet = TermSet()
    #: a passive with no by-agent is coded with a null actor when its patient is a person
    #: ("he was ARRESTED in April", "was CONVICTED of fraud")
    agentless: bool = False
    #: the subject undergoes the act, whose doer may go unnamed ("Webb FACES nine charges",
    #: "faces scrutiny from the SEC"): coded with a null actor when the subject is a person
    undergone: bool = False
    #: the type a plainly negated trigger is coded as ("did NOT ACCEPT the offer": REJECT)
    when_negated: str | None = None
    #: whether the entry codes a judgment (and needs a judging word in the sentence)
    judging: bool = False
    ccomp_self: bool = False
    content: Policy | None = None
    nominal_content: Policy | None = None
    content_types: Mapping[str, str] = field(default_factory=dict)
    #: roles that must be filled, else the next entry for the token is tried
    requires: tuple[str, ...] = ()
    source: str = ""

    @property
    def specificity(self) -> int:
        """How narrowly the entry is written; the narrowest matching entry wins.

        Positive constraints count 2, the words of a phrase 1 each, exclusions nothing: an entry
        that names its objects beats a bare verb entry for the same lemma.
        """
        positive = (
            self.objects, self.subjects, self.modifiers, self.prep, self.pobjs, self.in_prep,
            self.content_words, self.requires, self.if_object, self.judgments, self.judged,
            self.negated_judgments,
        )
        score = 2 * sum(1 for c in positive if c) + 2 * int(self.complement is True)
        score += 2 * int(self.ccomp_self)
        p = self.phrase
        return score + len(p.particles) + len(p.objects) + int(p.prep is not None) + len(p.mods)


@dataclass(frozen=True, slots=True)
class Grammar:
    """Function words and governing verbs (grammar.toml), as sets for O(1) lookups."""

    light_verbs: Mapping[str, str]
    progression_verbs: frozenset[str]
    object_control: frozenset[str]
    report_verbs: frozenset[str]
    destination_preps: frozenset[str]
    origin_preps: frozenset[str]
    locative_heads: frozenset[str]
    quantifier_heads: frozenset[str]
    status: Mapping[str, frozenset[str]]
    place_anaphors: frozenset[str] = frozenset()
    adjunct_preps: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    purpose_verbs: frozenset[str] = frozenset()
    group_anaphors: frozenset[str] = frozenset()
    arbitrary_control: frozenset[str] = frozenset()
    light_nouns: frozenset[str] = frozenset()
    pair_anaphors: frozenset[str] = frozenset()
    retold_acts: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: tuple[Entry, ...]
    frames: Mapping[str, Frame]
    types: Mapping[str, TypeSpec]
    classes: Mapping[str, frozenset[str]]
    patterns: Mapping[str, tuple[re.Pattern[str], ...]]
    grammar: Grammar
    #: (pos, word) -> entries, most specific first
    index: Mapping[tuple[Pos, str], tuple[Entry, ...]]
    #: every word some entry is triggered by, for a cheap first test
    trigger_words: frozenset[str] = frozenset()
    #: word -> the classes it belongs to (the inverse of `classes`)
    word_classes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: spaCy's hashes of the written forms of the words judgment entries look for
    #: (_judgment_forms), compared with the LOWER column of a sentence
    judgment_forms: frozenset[int] = frozenset()
    #: trigger words that need one of these words among their dependents (_gates)
    gates: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: trigger words with judgment entries
    judging_words: frozenset[str] = frozenset()
    #: class members of several words ("witch hunt"), as terms: a head and its modifiers
    class_phrases: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)

    def candidates(self, pos: Pos, *words: str) -> tuple[Entry, ...]:
        if len(words) == 1 or words[0] == words[1]:
            return self.index.get((pos, words[0]), ())
        found: list[Entry] = []
        seen: set[int] = set()
        for w in words:
            for e in self.index.get((pos, w), ()):
                if id(e) not in seen:
                    seen.add(id(e))
                    found.append(e)
        return tuple(found)

    def in_class(self, word: str, cls: str) -> bool:
        if cls in self.word_classes.get(word, ()):
            return True
        pats = self.patterns.get(cls, ())
        return "-" in word and any(p.match(word) for p in pats)


# ---- loading ----------------------------------------------------------------------------------

def _data_dir() -> Traversable:
    return resources.files("newsgraph").joinpath("data", "events")


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with the package, loaded and checked once per process."""
    return load_lexicon()


def load_lexicon(extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped lexicon plus predicate files from `extra` (files or folders of *.toml)."""
    base = _data_dir()
    words = _read(base.joinpath("words.toml"), "words.toml")
    classes = {k: frozenset(_strings(v, f"words.toml [classes] {k}"))
               for k, v in _table(words, "classes", "words.toml").items()}
    patterns = {k: tuple(re.compile(p) for p in _strings(v, f"words.toml [patterns] {k}"))
                for k, v in words.get("patterns", {}).items()}
    grammar = _grammar(_read(base.joinpath("grammar.toml"), "grammar.toml"))
    frames = _frames(_read(base.joinpath("frames.toml"), "frames.toml"))
    known_classes = set(classes) | set(patterns) | BUILTIN_CLASSES | {"actor_noun"}
    types = _types(_read(base.joinpath("types.toml"), "types.toml"), known_classes)
    sources: list[tuple[str, dict[str, Any]]] = []
    pred_dir = base.joinpath("predicates")
    for item in sorted(pred_dir.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".toml"):
            sources.append((f"predicates/{item.name}", _read(item, item.name)))
    for given in extra:
        path = Path(given)
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        for f in files:
            sources.append((str(f), _read(f, str(f))))
    entries: list[Entry] = []
    for name, data in sources:
        entries += _entries(name, data, frames, types, known_classes)
    index = _index(entries, classes)
    inverse: dict[str, set[str]] = {}
    for cls, members in classes.items():
        for w in members:
            inverse.setdefault(w, set()).add(cls)
    return Lexicon(
        entries=tuple(entries), frames=frames, types=types, classes=classes,
        patterns=patterns, grammar=grammar, index=index,
        trigger_words=frozenset(w for _, w in index),
        word_classes={w: frozenset(c) for w, c in inverse.items()},
        judgment_forms=_judgment_forms(entries, classes),
        gates=_gates(index),
        judging_words=frozenset(w for (_, w), es in index.items() if any(e.judging for e in es)),
        class_phrases={cls: tuple(parse_term(w) for w in members if " " in w)
                       for cls, members in classes.items() if any(" " in w for w in members)},
    )


def _gates(index: Mapping[tuple[Pos, str], tuple[Entry, ...]]) -> dict[str, frozenset[str]]:
    """Trigger words all of whose entries are phrases needing a particle or a named object
    ("be CRITICAL of", "remain RELUCTANT"): word -> the words one of which must be among the
    token's dependents. A copula without one is no candidate, which keeps the many "is" and
    "was" of an article from costing a trigger test each."""
    needs: dict[str, set[str] | None] = {}
    for (_, word), entries in index.items():
        for e in entries:
            p = e.phrase
            wanted = {p.particles[0]} if p.particles else \
                {t.head for t in p.objects if t.head and t.cls is None}
            if not wanted or any(t.cls is not None for t in p.objects):
                needs[word] = None
            elif needs.get(word, set()) is not None:
                needs[word] = (needs.get(word) or set()) | wanted
    return {w: frozenset(ws) for w, ws in needs.items() if ws}


def _judgment_forms(entries: list[Entry], classes: Mapping[str, frozenset[str]]
                    ) -> frozenset[int]:
    """Every written form of the words that entries with `judgments` look for ("violates",
    "provocations"): a sentence without one cannot hold such an event, which spares the test
    on every "said" of an article."""
    words: set[str] = set()
    for e in entries:
        for terms in (e.judgments, e.negated_judgments):
            words |= terms.words | {t.head for t in terms.phrases if t.head}
            for cls in terms.classes:
                words |= {w.split()[-1] for w in classes.get(cls, ())}
    forms: set[str] = set()
    for w in words:
        forms |= {w, w + "s", w + "es", w + "d", w + "ed", w + "ing", w[:-1] + "ing",
                  w[:-1] + "ies", w[:-1] + "ied"}
    return frozenset(hash_string(f) for f in forms)


def _read(item: Traversable | Path, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(item.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"event lexicon {name}: {e}") from None


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"event lexicon {where}: [{key}] must be a table")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"event lexicon {where}: expected a list of strings, got {value!r}")
    return [v.strip().lower() for v in value]


def _grammar(data: dict[str, Any]) -> Grammar:
    unknown = set(data) - _GRAMMAR_KEYS
    if unknown:
        raise ConfigError(f"event lexicon grammar.toml: unknown keys {sorted(unknown)}")
    light: dict[str, str] = {}
    for status, verbs in _table(data, "light_verbs", "grammar.toml").items():
        if status not in ("announced", "planned", "considered", "occurred"):
            raise ConfigError(f"event lexicon grammar.toml: [light_verbs] {status!r} is not a "
                              "status (announced, planned, considered, occurred)")
        for v in _strings(verbs, f"grammar.toml [light_verbs] {status}"):
            light.setdefault(v, status)

    def words(key: str) -> frozenset[str]:
        return frozenset(_strings(data.get(key, []), f"grammar.toml {key}"))

    status_table = _table(data, "status", "grammar.toml")
    unknown = set(status_table) - _STATUS_KEYS
    if unknown:
        raise ConfigError(f"event lexicon grammar.toml: unknown [status] keys {sorted(unknown)}")
    statuses = {k: frozenset(_strings(v, f"grammar.toml [status] {k}"))
                for k, v in status_table.items()}
    return Grammar(
        light_verbs=light,
        progression_verbs=words("progression_verbs"),
        object_control=words("object_control"),
        report_verbs=words("report_verbs"),
        destination_preps=words("destination_preps"),
        origin_preps=words("origin_preps"),
        locative_heads=words("locative_heads"),
        quantifier_heads=words("quantifier_heads"),
        status=statuses,
        place_anaphors=words("place_anaphors"),
        adjunct_preps=words("adjunct_preps"),
        topic_preps=words("topic_preps"),
        purpose_verbs=words("purpose_verbs"),
        group_anaphors=words("group_anaphors"),
        arbitrary_control=words("arbitrary_control"),
        light_nouns=words("light_nouns"),
        pair_anaphors=words("pair_anaphors"),
        retold_acts=words("retold_acts"),
    )


def _check_slots(slots: list[str], where: str) -> tuple[str, ...]:
    for s in slots:
        kind, _, arg = s.partition(":")
        if (kind in ("prep", "deep") and arg) or (s in SLOTS):
            continue
        raise ConfigError(f"event lexicon {where}: unknown slot {s!r} "
                          f"(use one of {sorted(SLOTS)} or prep:X, deep:X)")
    return tuple(slots)


def _roles(table: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ConfigError(f"event lexicon {where}: roles must be a table")
    out: dict[str, tuple[str, ...]] = {}
    for role, slots in table.items():
        if role not in ROLES:
            raise ConfigError(f"event lexicon {where}: unknown role {role!r} (roles: {ROLES})")
        out[role] = _check_slots(_strings(slots, f"{where} {role}"), f"{where} {role}")
    return out


def _frames(data: dict[str, Any]) -> dict[str, Frame]:
    frames: dict[str, Frame] = {}
    for name, spec in data.items():
        where = f"frames.toml [{name}]"
        if not isinstance(spec, dict) or set(spec) - {"verb", "noun"}:
            raise ConfigError(f"event lexicon {where}: a frame has only verb.* and noun.* keys")
        frames[name] = Frame(name, _roles(spec.get("verb", {}), f"{where} verb"),
                             _roles(spec.get("noun", {}), f"{where} noun"))
    return frames


def _policy(value: Any, where: str) -> Policy:
    if value not in POLICIES:
        raise ConfigError(f"event lexicon {where}: {value!r} is not one of {POLICIES}")
    policy: Policy = value
    return policy


def _types(data: dict[str, Any], known_classes: set[str]) -> dict[str, TypeSpec]:
    missing = set(TYPES) - set(data)
    if missing:
        raise ConfigError(f"event lexicon types.toml: missing types {sorted(missing)}")
    out: dict[str, TypeSpec] = {}
    for name, spec in data.items():
        where = f"types.toml [{name}]"
        if name not in TYPES:
            raise ConfigError(f"event lexicon {where}: not a PLOVER type")
        unknown = set(spec) - _TYPE_KEYS
        if unknown:
            raise ConfigError(f"event lexicon {where}: unknown keys {sorted(unknown)}")
        modes = tuple(_strings(spec.get("modes", []), where))
        by_class = tuple((str(k), str(v)) for k, v in spec.get("mode_by_class", {}).items())
        for cls, mode in by_class:
            if cls not in known_classes or mode not in modes:
                raise ConfigError(f"event lexicon {where}: mode_by_class {cls} = {mode!r}: "
                                  "unknown class or mode")
        future = spec.get("future")
        if future is not None and future not in TYPES:
            raise ConfigError(f"event lexicon {where}: future {future!r} is not a PLOVER type")
        out[name] = TypeSpec(
            name=name, modes=modes, mode_by_class=by_class,
            content=_policy(spec.get("content", "keep"), where),
            nominal_content=_policy(spec.get("nominal_content", "same"), where),
            actorless=bool(spec.get("actorless", False)),
            implicit_actor=spec.get("implicit_actor"),
            theme_is_actor=bool(spec.get("theme_is_actor", False)),
            future=future,
            people_actors=bool(spec.get("people_actors", False)),
            foreign_recipient=bool(spec.get("foreign_recipient", False)),
        )
    return out


def parse_term(text: str) -> Term:
    """ "@weapons" is a class; "green light" is the lemma "light" modified by "green"."""
    text = text.strip().lower()
    if text.startswith("@"):
        return Term(cls=text[1:])
    words = [w for w in text.split() if w not in _ARTICLES]
    if "of" in words[1:-1]:
        # "state of emergency": the head is before "of", what follows hangs below it
        at = words.index("of")
        return Term(head=words[at - 1], mods=(*words[:at - 1], *words[at + 1:]))
    return Term(head=words[-1], mods=tuple(words[:-1])) if words else Term(head=text)


def parse_phrase(text: str, pos: Pos) -> Phrase:
    """Split a predicate phrase into head, particles, object, preposition and its object.

    Verbs: "crack down on" -> crack + particle down + prep on; "lay siege to" -> lay + object
    siege + prep to; "go on strike" -> go + prep on + object-of-prep strike. Nouns are
    head-final: "hunger strike" -> strike modified by hunger; "exchange of fire" -> exchange +
    prep of + fire.
    """
    words = text.strip().lower().split()
    before: list[str] = []
    after: list[str] = []
    prep: str | None = None
    for w in words[1:] if pos == "verb" else words:
        if prep is None and w in _PREPS and (before or pos == "verb"):
            prep = w
        elif prep is None:
            before.append(w)
        else:
            after.append(w)
    pobj = parse_term(" ".join(after)) if after else None
    if pos == "noun":
        head = before[-1] if before else words[0]
        mods = tuple(w for w in before[:-1] if w not in _ARTICLES)
        return Phrase(head=head, prep=prep, pobj=pobj, mods=mods)
    particles = []
    rest = list(before)
    while rest and rest[0] in _PARTICLES:
        particles.append(rest.pop(0))
    objects = (parse_term(" ".join(rest)),) if rest else ()
    return Phrase(head=words[0], particles=tuple(particles), objects=objects, prep=prep, pobj=pobj)


def _terms(value: Any, where: str, known_classes: set[str]) -> TermSet:
    terms = tuple(parse_term(s) for s in _strings(value, where))
    for t in terms:
        if t.cls is not None and t.cls not in known_classes:
            raise ConfigError(f"event lexicon {where}: unknown word class @{t.cls}")
    return TermSet.of(terms)


def _entries(
    name: str,
    data: dict[str, Any],
    frames: Mapping[str, Frame],
    types: Mapping[str, TypeSpec],
    known_classes: set[str],
) -> list[Entry]:
    unknown = set(data) - _FILE_KEYS
    if unknown:
        raise ConfigError(f"event lexicon {name}: unknown top-level keys {sorted(unknown)}")
    out: list[Entry] = []
    for i, raw in enumerate(data.get("entry", []), 1):
        where = f"{name} entry {i}"
        if not isinstance(raw, dict):
            raise ConfigError(f"event lexicon {where}: an entry is a table")
        bad = set(raw) - _ENTRY_KEYS
        if bad:
            raise ConfigError(f"event lexicon {where}: unknown keys {sorted(bad)}")
        out += _entry(where, {**{k: data[k] for k in ("type", "mode", "frame") if k in data},
                              **raw}, frames, types, known_classes)
    return out


def _entry(
    where: str,
    raw: dict[str, Any],
    frames: Mapping[str, Frame],
    types: Mapping[str, TypeSpec],
    known_classes: set[str],
) -> list[Entry]:
    etype = str(raw.get("type"))
    if etype not in types:
        raise ConfigError(f"event lexicon {where}: type {etype!r} is not a PLOVER type")
    mode = raw.get("mode")
    if mode is not None and mode not in types[etype].modes:
        raise ConfigError(f"event lexicon {where}: mode {mode!r} is not a mode of {etype} "
                          f"({types[etype].modes})")
    frame_name = raw.get("frame", "directed")
    if frame_name not in frames:
        raise ConfigError(f"event lexicon {where}: unknown frame {frame_name!r}")
    frame = frames[frame_name]
    overrides = _roles(raw.get("roles", {}), where)
    content_types = raw.get("content_types", {})
    for inner, outer in content_types.items():
        if inner not in TYPES or (outer not in TYPES and outer != "inner"):
            raise ConfigError(f"event lexicon {where}: content_types {inner} = {outer!r}")
    if not raw.get("verbs") and not raw.get("nouns"):
        raise ConfigError(f"event lexicon {where}: an entry needs verbs or nouns")

    def terms(key: str) -> TermSet:
        return _terms(raw.get(key, []), f"{where} {key}", known_classes)

    def words(key: str) -> tuple[str, ...]:
        return tuple(_strings(raw.get(key, []), f"{where} {key}"))

    def policy(key: str) -> Policy | None:
        return _policy(raw[key], where) if key in raw else None

    when_negated = raw.get("when_negated")
    if when_negated is not None and when_negated not in TYPES:
        raise ConfigError(f"event lexicon {where}: when_negated {when_negated!r} is not a "
                          "PLOVER type")
    complement = raw.get("complement")
    if complement is not None and not isinstance(complement, bool):
        raise ConfigError(f"event lexicon {where}: complement must be true or false")
    template = Entry(
        type=etype, mode=mode, pos="verb", phrase=Phrase(head=""), roles={},
        objects=terms("objects"), if_object=terms("if_object"),
        not_objects=terms("not_objects"), subjects=terms("subjects"),
        not_subjects=terms("not_subjects"),
        modifiers=terms("modifiers"), not_modifiers=terms("not_modifiers"), prep=words("prep"),
        not_prep=words("not_prep"), pobjs=terms("pobjs"), not_pobjs=terms("not_pobjs"),
        in_prep=words("in_prep"), complement=complement,
        not_complements=terms("not_complements"), content_words=terms("content_words"),
        not_content_words=terms("not_content_words"), judgments=terms("judgments"),
        negated_judgments=terms("negated_judgments"),
        judged=terms("judged"), agentless=bool(raw.get("agentless", False)),
        undergone=bool(raw.get("undergone", False)),
        when_negated=when_negated,
        judging=bool(raw.get("judgments") or raw.get("negated_judgments")),
        ccomp_self=bool(raw.get("ccomp_self", False)), content=policy("content"),
        nominal_content=policy("nominal_content"), content_types=dict(content_types),
        requires=words("requires"), source=where,
    )
    for role in template.requires:
        if role not in (*ROLES, "location"):
            raise ConfigError(f"event lexicon {where}: requires {role!r}: not a role {ROLES}")
    out: list[Entry] = []
    poses: tuple[tuple[Pos, str, Mapping[str, tuple[str, ...]]], ...] = (
        ("verb", "verbs", frame.verb), ("noun", "nouns", frame.noun))
    for pos, key, defaults in poses:
        roles = {**defaults, **overrides}
        for text in _strings(raw.get(key, []), f"{where} {key}"):
            out.append(replace(template, pos=pos, phrase=parse_phrase(text, pos), roles=roles))
    return out


def _index(entries: list[Entry], classes: Mapping[str, frozenset[str]]
           ) -> dict[tuple[Pos, str], tuple[Entry, ...]]:
    index: dict[tuple[Pos, str], list[Entry]] = {}
    for e in entries:
        head = e.phrase.head
        keys = classes.get(head[1:], frozenset()) if head.startswith("@") else {head}
        for k in keys:
            index.setdefault((e.pos, k), []).append(e)
    # stable sort: the most specific entry first, file order among equals
    return {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in index.items()}
