"""The site's name: which of the names a page gives itself is the publisher, and the site's name
where it trails (or leads) a headline: "World Community Lashes Out … | Al Bawaba".

A page names its site several times, in several forms: `og:site_name` ("Deccan Herald"), the
JSON-LD publisher (often a desk: "DH News Service"), an application name, the end of its <title>
("- The New York Times"). The first usable name in that order wins, and a name that is the same
as a more readable variant of it gives way to that variant ("TheHill" to "The Hill", "Barrons" to
"Barron's").
"""

from __future__ import annotations

import re

from newsgraph.clean.blocks import word_count
from newsgraph.clean.patterns import people, sites
from newsgraph.clean.people import is_publisher

_SQUASH = re.compile(r"[\W_]+")
# a site name is short: "NBC 5 Dallas-Fort Worth", "Kabar tentang Dunia Islam"
_SITE_MAX_WORDS = 6
# a section label between a headline and the site name: "… | World | News | Express.co.uk"
_SECTION_MAX_WORDS = 2
# what must be left of a headline once a site name is cut from it
_TITLE_MIN_WORDS = 2
_PIPE = "|"


def squash(name: str) -> str:
    """Comparison key of a site name: letters and digits only, its domain ending dropped
    ("Space.com" and "Space", "Al-Bawaba" and "Al Bawaba", "TheHill" and "The Hill" agree)."""
    name = name.casefold().removeprefix("www.")
    if " " not in name:
        name = sites().host_suffix.sub(lambda m: m.group()[0], name)
    return _SQUASH.sub("", name)


def is_hostname(text: str) -> bool:
    """"www.wday.ru", "catchitkansas.com": a host name standing for a site's name."""
    return " " not in text.strip() and bool(sites().host_suffix.search(text.strip()))


def usable_name(name: str) -> str | None:
    """The site name a metadata value gives, or None for what is not one: a URL, a handle
    ("@politifact"), a generic word ("Hosted", "Home"), or a long phrase. A value that lists
    sections ("Autoracing | F1 | Indy") gives its first part."""
    name = sites().title_separator.split(name.strip())[0].strip()
    if is_hostname(name):
        name = name.removeprefix("www.")
    if (
        not name
        or name.startswith("@")
        or "/" in name
        or len(name.split()) > _SITE_MAX_WORDS  # words between spaces: a CJK name is one
        or name.casefold() in sites().generic_names
    ):
        return None
    return name


def choose_publisher(names: list[str]) -> str | None:
    """The publisher among a page's site names, most trusted first (see the module docstring)."""
    usable = [u for n in names if (u := usable_name(n))]
    if not usable:
        return None
    chosen = usable[0]
    for other in usable[1:]:
        if (squash(other) == squash(chosen) and _readability(other) > _readability(chosen)) or (
            _abbreviates(chosen, other)
        ):
            chosen = other
    return chosen


# "WSJ" for "Wall Street Journal": an abbreviation of two to five capitals
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")
_ARTICLE = frozenset({"the", "a", "an"})


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is the initials of `name` ("WSJ", "The Wall Street Journal")."""
    if not _ABBREVIATION.fullmatch(short):
        return False
    words = [w for w in name.split() if w.casefold() not in _ARTICLE]
    return len(words) == len(short) and all(w[:1].upper() == c for w, c in zip(words, short,
                                                                                 strict=True))


def _readability(name: str) -> int:
    """How much a variant of a name reads as a proper name: its word breaks and apostrophes
    count for it, shouting (an all-capitals name of more than a few letters, "WIRED") against."""
    score = name.count(" ") + name.count("'") + name.count("’")
    return score - 1 if name.isupper() and len(name) > 4 else score


def strip_site_name(title: str, names: list[str], hostname: str | None = None) -> str:
    """The headline without the site's name appended ("… | Al Bawaba", "… - 9to5Mac", "… —
    www.wday.ru") or put before it ("BBC News - …"), and without the section labels that sit
    between ("… | World | News | Express.co.uk"). A part of the headline after a dash or a colon
    that is not the site's name stays: "Bubonic plague: Third case … – ‘The plague is coming’"."""
    keys = {k for n in names if (k := squash(n))}
    label = hostname.split(".")[-2] if hostname and hostname.count(".") >= 1 else None
    split = sites().title_separator.split(title)
    parts, seps = split[::2], split[1::2]
    cut = False
    while len(parts) > 1:
        last, sep = parts[-1].strip(), seps[-1]
        if _names_site(last, sep, keys, label) or (cut and _is_section(last, sep)):
            parts, seps, cut = parts[:-1], seps[:-1], True
        else:
            break
    if len(parts) > 1 and squash(parts[0]) in keys:
        parts, seps = parts[1:], seps[1:]
    joined = parts[0] + "".join(f" {sep} {part}" for sep, part in zip(seps, parts[1:], strict=True))
    return joined.strip() if word_count(joined) >= _TITLE_MIN_WORDS else title


def _names_site(part: str, sep: str, keys: set[str], label: str | None) -> bool:
    squashed = squash(part)
    if not squashed or word_count(part) > _SITE_MAX_WORDS:
        return False
    return (
        squashed in keys
        or squashed == label
        or is_hostname(part)
        or part.casefold() in people().agencies
        or (sep == _PIPE and is_publisher(part))
    )


def _is_section(part: str, sep: str) -> bool:
    return sep == _PIPE and word_count(part) <= _SECTION_MAX_WORDS and part[:1].isupper()

