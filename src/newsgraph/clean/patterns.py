"""The cleaning vocabularies, loaded once from `newsgraph/data/clean/` and compiled.

Rules live in data files so that a new kind of chrome is a line of TOML with a test case, not a
branch in code. Everything here is cached: the first call compiles, the rest are lookups.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

_DEFAULT_MAX_WORDS = 40
# Curly and straight apostrophes are one character for the rules, which are written with \x27.
_APOSTROPHES = ("’", "‘", "ʼ")


def _fold(text: str) -> str:
    for char in _APOSTROPHES:
        if char in text:
            text = text.replace(char, "'")
    return text


def _load(name: str) -> dict[str, Any]:
    resource = files("newsgraph").joinpath(f"data/clean/{name}")
    return tomllib.loads(resource.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class _Floating:
    """A rule searched anywhere in a line."""

    regex: re.Pattern[str]
    reason: str


@dataclass(frozen=True, slots=True)
class _Chrome:
    #: per word limit (ascending), the rules that apply to lines of at most that many words:
    #: the anchored ones as one alternation tried at the start of the line only (named groups
    #: give the reason), the floating ones by the strings they need
    limits: tuple[int, ...]
    anchored: tuple[re.Pattern[str] | None, ...]
    floating: tuple[tuple[tuple[str, tuple[_Floating, ...]], ...], ...]
    reasons: tuple[str, ...]


@functools.cache
def _chrome() -> _Chrome:
    rules = _load("chrome.toml")["rule"]
    for r in rules:
        if not r["pattern"].startswith("^") and not r.get("needs"):
            raise ValueError(f"chrome.toml: rule {r['pattern']!r} is not anchored and has no needs")
    limits = tuple(sorted({_max_words(r) for r in rules}))
    anchored: list[re.Pattern[str] | None] = []
    floating = []
    for limit in limits:
        applicable = [(i, r) for i, r in enumerate(rules) if _max_words(r) >= limit]
        alternatives = [
            f"(?P<r{i}>{r['pattern'][1:]})" for i, r in applicable if r["pattern"].startswith("^")
        ]
        anchored.append(re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None)
        by_need: dict[str, list[_Floating]] = {}
        for _, r in applicable:
            if not r["pattern"].startswith("^"):
                rule = _Floating(re.compile(r["pattern"], re.IGNORECASE), str(r["reason"]))
                for need in r["needs"]:
                    by_need.setdefault(need, []).append(rule)
        floating.append(tuple((need, tuple(found)) for need, found in by_need.items()))
    reasons = tuple(str(r["reason"]) for r in rules)
    return _Chrome(limits, tuple(anchored), tuple(floating), reasons)


def _max_words(rule: dict[str, Any]) -> int:
    return int(rule.get("max_words", _DEFAULT_MAX_WORDS))


def chrome_reason(text: str, words: int) -> str | None:
    """The reason a line is page chrome by the rules of chrome.toml, or None."""
    chrome = _chrome()
    tier = next((n for n, limit in enumerate(chrome.limits) if words <= limit), None)
    if tier is None:
        return None  # longer than any chrome
    folded = _fold(text)
    anchored = chrome.anchored[tier]
    found = anchored.match(folded) if anchored else None
    if found and found.lastgroup:
        return chrome.reasons[int(found.lastgroup[1:])]
    lowered = folded.lower()
    for need, rules in chrome.floating[tier]:
        if need in lowered:
            for rule in rules:
                if rule.regex.search(folded):
                    return rule.reason
    return None


# Section markers are short: "More from Foreign Policy", "Related stories", "DON'T MISS".
MARKER_MAX_WORDS = 8


@functools.cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _load("markers.toml")
    teasers = re.compile("(?:" + "|".join(data["markers"]) + r")[^.!?]*?:?\s*$", re.IGNORECASE)
    end = re.compile("(?:" + "|".join(data["end_markers"]) + ")", re.IGNORECASE)
    return teasers, end


def is_marker(text: str, words: int) -> bool:
    """Whether a line opens a list of links to other articles."""
    return words <= MARKER_MAX_WORDS and bool(_markers()[0].match(_fold(text)))


_ABOUT = re.compile(r"(?i:about)\s+(?P<name>[A-Z][\w&.,’' -]{1,60}?)\s*:?$")


def is_end_marker(text: str, words: int, following: str | None) -> bool:
    """Whether a line opens the end matter ("About Acme Corp" over "Acme Corp is ...")."""
    if words > MARKER_MAX_WORDS:
        return False
    if _markers()[1].match(text):
        return True
    about = _ABOUT.match(text)
    return bool(about and following and following.startswith(about["name"]))


@dataclass(frozen=True, slots=True)
class People:
    roles: re.Pattern[str]  # a journalist's role, matched as a whole word or phrase
    author_roles: re.Pattern[str]  # any role an author bio gives (journalist's or other)
    agencies: frozenset[str]  # casefolded
    publisher_words: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    share_words: frozenset[str]


@functools.cache
def people() -> People:
    data = _load("people.toml")
    return People(
        roles=_words(data["roles"]),
        author_roles=_words(data["roles"] + data["author_roles"]),
        agencies=frozenset(a.casefold() for a in data["agencies"]),
        publisher_words=frozenset(data["publisher_words"]),
        not_names=frozenset(data["not_names"]),
        particles=frozenset(data["name_particles"]),
        share_words=frozenset(data["share_words"]),
    )


def _words(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, plural "s" allowed, longest first."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")s?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateWords:
    #: the word opening a stamp, lower case: group "published" or "updated"
    prefix: re.Pattern[str]
    months: dict[str, int]
    filler: frozenset[str]


@functools.cache
def date_words() -> DateWords:
    data = _load("dates.toml")
    months = {name: n for n, names in enumerate(data["months"], 1) for name in names}
    def alternation(words: list[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    prefix = re.compile(
        rf"(?:(?P<published>{alternation(data['published'])})"
        rf"|(?P<updated>{alternation(data['updated'])}))\b"
    )
    return DateWords(
        prefix=prefix,
        months=months,
        filler=frozenset(data["filler"]),
    )


@dataclass(frozen=True, slots=True)
class Sites:
    #: " | ", " - ", " — " … between a headline and a site name; group "sep" is the separator
    title_separator: re.Pattern[str]
    generic_names: frozenset[str]  # casefolded
    host_suffix: re.Pattern[str]  # a name ending in a top-level domain ("Space.com")
    generic_authors: frozenset[str]  # casefolded
    author_prefix: re.Pattern[str]  # "By ", "Analysis by ", "Текст "


@functools.cache
def sites() -> Sites:
    data = _load("sites.toml")
    separators = "|".join(map(re.escape, data["title_separators"]))
    suffixes = "|".join(map(re.escape, sorted(data["host_suffixes"], key=len, reverse=True)))
    prefixes = "|".join(map(re.escape, sorted(data["author_prefixes"], key=len, reverse=True)))
    return Sites(
        title_separator=re.compile(rf"\s+(?P<sep>{separators})\s+"),
        generic_names=frozenset(n.casefold() for n in data["generic_site_names"]),
        host_suffix=re.compile(rf"\w\.(?:{suffixes})$", re.IGNORECASE),
        generic_authors=frozenset(n.casefold() for n in data["generic_authors"]),
        author_prefix=re.compile(rf"^(?:{prefixes})\b\s*:?\s+(?=\S)", re.IGNORECASE),
    )


@dataclass(frozen=True, slots=True)
class DekWords:
    continuation: frozenset[str]  # casefolded first words of a paragraph going on from another
    back_reference: re.Pattern[str]  # "The vendor": group "noun" is the noun referred back to
    attribution: re.Pattern[str]
    first_person: re.Pattern[str]
    markup: frozenset[str]  # lower case words of a class, id or itemprop that name a dek
    pronoun_speaker: re.Pattern[str]  # "she says", "said he"


@functools.cache
def dek_words() -> DekWords:
    data = _load("deks.toml")
    determiners = "|".join(map(re.escape, data["back_references"]))
    persons = {w for word in data["first_person"] for w in (word, word[0].upper() + word[1:])}
    pronouns = "|".join(map(re.escape, data["pronoun_speakers"]))
    verbs = _words(data["attribution"]).pattern
    return DekWords(
        continuation=frozenset(w.casefold() for w in data["continuation_openers"]),
        back_reference=re.compile(rf"(?:{determiners})\s+(?P<noun>[\w'-]+)", re.IGNORECASE),
        attribution=_words(data["attribution"]),
        first_person=re.compile(
            r"(?<![\w'’])(?:" + "|".join(map(re.escape, sorted(persons, key=len, reverse=True)))
            + r")(?![\w'’])"
        ),
        markup=frozenset(w.casefold() for w in data["dek_markup"]),
        pronoun_speaker=re.compile(
            rf"\b(?:(?:{pronouns})\s+{verbs}|{verbs}\s+(?:{pronouns}))",
            re.IGNORECASE,
        ),
    )


def fold(text: str) -> str:
    """The text with curly apostrophes read as straight ones, as the data files write them."""
    return _fold(text)
