"""The entity stage's language resources, loaded once from `newsgraph/data/entities/`.

Everything the stage knows about particular names (countries and their variants, capitals,
nationality words, organisations with several names, regions) and about English (role nouns,
prepositions that make a capital a place) is data; this module turns the files into lookup
tables keyed by `fold(name)`, so a mention is typed and linked with one dictionary look-up.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, cast

import numpy
from spacy.strings import get_string_id

from newsgraph.nlp.entities.gazetteer import Country, countries, fold
from newsgraph.record import EntityType

RefKind = Literal["country", "capital", "known", "group", "region"]

#: Country demonyms that take no plural "s" (the Chinese, the British, the French, the Swiss).
#: Demonyms in -i do ("Israelis", "Iraqis", "Thais").
_NO_PLURAL = ("ese", "ish", "ch", "sh", "ss")


@dataclass(frozen=True, slots=True)
class Ref:
    """What a name is known to be: the canonical referent a mention links to."""

    kind: RefKind
    #: ISO code for countries, capitals and nationalities; the canonical name otherwise.
    id: str
    type: EntityType
    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    #: for a group with no country: the name of the place it belongs to ("Soviet Union").
    of: str | None = None
    #: a news agency, whose name in brackets is a credit line, not a mention ("(Reuters)").
    credit: bool = False

    @property
    def canon(self) -> str:
        """The cluster key: every mention with the same canon is one entity."""
        kind = "country" if self.kind == "capital" else self.kind
        return f"{kind}:{self.id}"


@dataclass(frozen=True, slots=True)
class Lexicon:
    labels: dict[str, EntityType]
    not_names: frozenset[str]
    pronouns: frozenset[str]
    particles: frozenset[str]
    directional: frozenset[str]
    honorifics: frozenset[str]
    name_honorifics: frozenset[str]
    royal_titles: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    place_descriptors: frozenset[str]
    locative: frozenset[str]
    directional_preps: frozenset[str]
    motion_heads: frozenset[str]
    government_nouns: frozenset[str]
    not_metonyms: frozenset[str]
    role_nouns: frozenset[str]
    drop_adjectives: frozenset[str]
    affiliation_preps: frozenset[str]
    org_nouns: frozenset[str]
    org_modifiers: frozenset[str]
    club_first: frozenset[str]
    club_last: frozenset[str]
    hyphen_suffixes: frozenset[str]
    place_of_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    common_acronyms: frozenset[str]
    org_first: frozenset[str]
    corporate_suffixes: frozenset[str]
    trailing_titles: frozenset[str]
    title_qualifiers: frozenset[str]
    media_words: frozenset[str]
    media_words_after_the: frozenset[str]
    local_nouns: frozenset[str]
    venue_nouns: frozenset[str]
    disease_nouns: frozenset[str]
    #: phrases that make the next name another name of the one before, as word tuples;
    #: `renames` also take "the company" as their subject.
    alias_phrases: frozenset[tuple[str, ...]]
    rename_phrases: frozenset[tuple[str, ...]]
    #: plural place noun -> the singular that names each conjunct ("counties" -> "County").
    place_plurals: dict[str, str]
    #: "Calif." -> "California".
    state_abbreviations: dict[str, str]


@dataclass
class Names:
    """Every known name, folded, to what it refers to."""

    refs: dict[str, Ref] = field(default_factory=dict)
    #: capitals, kept apart: a capital is the country only when it acts (see metonymy.py).
    capitals: dict[str, Ref] = field(default_factory=dict)
    #: exact-case surface forms worth finding where the model tagged nothing.
    scan_forms: dict[str, str] = field(default_factory=dict)
    #: the first word of each scan form -> its forms, longest first.
    scan_starts: dict[str, list[str]] = field(default_factory=dict)

    @functools.cached_property
    def longest_scan(self) -> dict[str, int]:
        """Length of the longest scan form starting with each word."""
        return {w: max(map(len, forms)) for w, forms in self.scan_starts.items()}

    @functools.cached_property
    def scan_start_ids(self) -> Any:
        """`scan_starts` as spaCy string ids (the ORTH values), for a vectorized look-up."""
        return numpy.array(sorted(get_string_id(s) for s in self.scan_starts), dtype=numpy.uint64)
    #: the forms of each nationality, for aliases ("Lithuanian" -> also "Lithuanians").
    group_forms: dict[str, list[str]] = field(default_factory=dict)


@functools.cache
def _read_toml(area: str, name: str) -> dict[str, Any]:
    text = (resources.files("newsgraph") / "data" / area / name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def lexicon() -> Lexicon:
    lex = _read_toml("entities", "lexicon.toml")
    titles = _read_toml("entities", "titles.toml")
    words, meto = lex["words"], lex["metonymy"]

    def fs(values: list[str]) -> frozenset[str]:
        return frozenset(v.lower() for v in values)

    return Lexicon(
        labels=cast(dict[str, EntityType], dict(lex["labels"])),
        not_names=fs(words["not_names"]),
        pronouns=fs(words["pronouns"]),
        particles=fs(words["particles"]),
        directional=fs(words["directional"]),
        honorifics=fs(words["honorifics"]),
        name_honorifics=fs(words["name_honorifics"]),
        royal_titles=fs(words["royal_titles"]),
        org_heads=fs(words["org_heads"]),
        place_heads=fs(words["place_heads"]),
        place_descriptors=fs(words["place_descriptors"]),
        locative=fs(meto["locative"]),
        directional_preps=fs(meto["directional_preps"]),
        motion_heads=fs(meto["motion_heads"]),
        government_nouns=fs(meto["government_nouns"]),
        not_metonyms=fs(meto["not_metonyms"]),
        role_nouns=fs(titles["role_nouns"]),
        drop_adjectives=fs(titles["drop_adjectives"]),
        affiliation_preps=fs(titles["affiliation_preps"]),
        org_nouns=fs(words["org_nouns"]),
        org_modifiers=fs(words["org_modifiers"]),
        club_first=fs(words["club_first"]),
        club_last=fs(words["club_last"]),
        hyphen_suffixes=fs(words["hyphen_suffixes"]),
        place_of_nouns=fs(words["place_of_nouns"]),
        speech_verbs=fs(words["speech_verbs"]),
        common_acronyms=fs(words["common_acronyms"]),
        org_first=fs(words["org_first"]),
        corporate_suffixes=fs(words["corporate_suffixes"]),
        trailing_titles=fs(words["trailing_titles"]),
        title_qualifiers=fs(words["title_qualifiers"]),
        media_words=fs(words["media_words"]),
        media_words_after_the=fs(words["media_words_after_the"]),
        local_nouns=fs(words["local_nouns"]),
        venue_nouns=fs(words["venue_nouns"]),
        disease_nouns=fs(words["disease_nouns"]),
        alias_phrases=frozenset(tuple(p.lower().split()) for p in words["alias_phrases"]),
        rename_phrases=frozenset(tuple(p.lower().split()) for p in words["rename_phrases"]),
        place_plurals={k.lower(): v for k, v in lex["place_plurals"].items()},
        state_abbreviations=dict(lex["state_abbreviations"]),
    )


@functools.cache
def given_names() -> frozenset[str]:
    """Given names (folded) of `data/entities/given_names_*.txt`: evidence that a name is a
    person's ("Emeka Nwosu", "Olaf Scholz" tagged ORG or GPE by the model)."""
    out: set[str] = set()
    for name in ("given_names_world.txt", "given_names_census.txt"):
        text = (resources.files("newsgraph") / "data" / "entities" / name).read_text(
            encoding="utf-8")
        out.update(fold(line) for line in text.splitlines() if line and line[0] != "#")
    return frozenset(out - {""})


@functools.cache
def common_nouns() -> frozenset[str]:
    """English common nouns (the lemmatizer's noun index, WordNet-based): a one-word "person"
    that only ever opens a sentence and is one of these ("Rice", "Keyboard") is a misread
    capitalized word."""
    from newsgraph.nlp.pipeline import load_nlp  # the loaded pipeline holds the tables

    lemmatizer: Any = load_nlp().get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index", {})
    return frozenset(table.get("noun", ()))


@functools.cache
def common_adjectives() -> frozenset[str]:
    """English adjectives (the same tables): "Supreme" in "Supreme Leader" is a word of a
    title, not a name."""
    from newsgraph.nlp.pipeline import load_nlp

    lemmatizer: Any = load_nlp().get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index", {})
    return frozenset(table.get("adj", ()))


@functools.cache
def common_verbs() -> frozenset[str]:
    """English verbs (the same tables): "Open" in "Fort Worth P.D. Open the door!" is an order,
    not a word of the name before it."""
    from newsgraph.nlp.pipeline import load_nlp

    lemmatizer: Any = load_nlp().get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index", {})
    return frozenset(table.get("verb", ()))


def _plural(demonym: str) -> str | None:
    return None if demonym.endswith(_NO_PLURAL) else demonym + "s"


def _add(names: Names, form: str, ref: Ref, *, scan: bool = False) -> None:
    key = fold(form)
    if key and key not in names.refs:
        names.refs[key] = ref
    if scan and len(form) > 1:
        _add_scan(names, form, key)


def _add_scan(names: Names, form: str, key: str) -> None:
    if form.startswith("The "):
        return  # "The Associated Press": found as "Associated Press", not at every "The"
    names.scan_forms.setdefault(form, key)
    forms = names.scan_starts.setdefault(re.split(r"[\s'’-]", form, maxsplit=1)[0], [])
    forms.append(form)
    forms.sort(key=len, reverse=True)


#: Capitals of countries smaller than this are not read as metonyms: their names are mostly
#: people's or other places' names ("Victoria", "Douglas"); the news capitals are all larger.
_METONYM_MIN_POPULATION = 500_000


def _add_countries(names: Names, extra: dict[str, Any]) -> None:
    by_population = sorted(countries().values(), key=lambda c: -c.population)
    not_metonyms = lexicon().not_metonyms
    for c in by_population:
        data = extra.get(c.iso, {})
        ref = country_ref(c)
        for form in (c.name, c.geonames_name, *data.get("aliases", [])):
            _add(names, form, ref, scan=True)
        metonyms = list(data.get("metonyms", []))
        if c.capital and c.population >= _METONYM_MIN_POPULATION:
            metonyms.append(c.capital)
        for capital in metonyms:
            key = fold(capital)
            if key in not_metonyms or key == fold(c.name):
                continue
            ref = Ref("capital", c.iso, "PLACE", c.name, c.iso)
            if names.capitals.setdefault(key, ref) is ref and key not in names.refs:
                _add_scan(names, capital, key)


def _add_formal_names(names: Names) -> None:
    """ "State of Israel", "Kingdom of Saudi Arabia": each country's formal names, after every
    country's own names so that an alias wins ("Republic of China" is Taiwan's)."""
    words = _read_toml("entities", "lexicon.toml")["words"]
    skip = set(words["formal_exceptions"])
    for c in countries().values():
        ref = country_ref(c)
        for prefix in words["formal_states"]:
            form = f"{prefix} {fold(c.name)}"
            if form not in skip:
                _add(names, form, ref)


def country_ref(c: Country) -> Ref:
    extra = _read_toml("entities", "countries.toml").get(c.iso, {})
    return Ref("country", c.iso, "PLACE", c.name, c.iso, tuple(extra.get("aliases", [])))


def _add_groups(names: Names, data: dict[str, Any]) -> None:
    # Largest country first: "Chinese" is China's before it is Hong Kong's or Macao's.
    for c in sorted(countries().values(), key=lambda c: -c.population):
        forms: list[str] = []
        for demonym in c.demonyms:
            plural = _plural(demonym)
            forms += [demonym, *([plural] if plural else [])]
        forms += data["countries"].get(c.iso, [])
        if not forms or fold(forms[0]) in names.refs:
            continue
        ref = Ref("group", c.iso, "GROUP", forms[0], c.iso, tuple(forms))
        names.group_forms[ref.canon] = forms
        for form in forms:
            _add(names, form, ref, scan=True)
    for name, spec in data["groups"].items():
        forms = [name, *spec.get("forms", [])]
        ref = Ref("group", name, "GROUP", name, spec.get("country"), tuple(forms), spec.get("of"))
        names.group_forms[ref.canon] = forms
        for form in forms:
            _add(names, form, ref, scan=spec.get("scan", True))


@functools.cache
def names() -> Names:
    """The name tables. Order sets precedence: a known organisation's alias beats a country's,
    a country's beats a nationality word's ("Congo" is a country before anything else)."""
    out = Names()
    for spec in _read_toml("entities", "known.toml")["entity"]:
        ref = Ref("known", spec["name"], spec["type"], spec["name"], spec.get("country"),
                  tuple(spec.get("aliases", [])), credit=spec.get("credit", False))
        for form in (spec["name"], *spec.get("aliases", [])):
            _add(out, form, ref, scan=True)
    _add_countries(out, _read_toml("entities", "countries.toml"))
    _add_formal_names(out)
    for name, spec in _read_toml("entities", "regions.toml").items():
        ref = Ref("region", name, "PLACE", name, spec.get("country"),
                  tuple(spec.get("aliases", [])))
        for form in (name, *spec.get("aliases", [])):
            _add(out, form, ref)
    _add_groups(out, _read_toml("entities", "demonyms.toml"))
    return out


def region_spec(name: str) -> dict[str, Any]:
    """The regions.toml entry of a region Ref's id (coordinates, or the city it stands for)."""
    spec: dict[str, Any] = _read_toml("entities", "regions.toml").get(name, {})
    return spec
