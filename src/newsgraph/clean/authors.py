"""Authors from a page's metadata: the person names in fields that also hold agencies, outlets,
roles, dates, bios and website accounts.

What pages put in their author fields, and what of it is the author:

- "JILL LAWLESS Associated Press", "Finian Cunningham. Sputnik International", "Jill Disis, CNN
  Business": the name, without the agency or outlet glued to it (and in title case when the
  page shouts it);
- "Phil Helsel is a reporter": the name, without the bio sentence;
- "Analysis by Chris Cillizza", "Текст Венера Ерофеева": the name, without the credit word;
- "Malcolm Owen Monday", "Carrie Arnold November": the name, without the date run into it;
- "PTI", "REUTERS", "Associated Press": nobody. An agency is the copy's source, a credit like
  the publisher, not a person who wrote it;
- "CNN Editor-at-large", "Science X staff", "Admin", "Jdadmin": nobody (a role, a desk, an
  account); "AppleInsider", "Beachbody": nobody when it is the site's own name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.clean.blocks import normalize_space
from newsgraph.clean.patterns import people, sites
from newsgraph.clean.people import bio_name, is_publisher
from newsgraph.clean.site import squash

_NAME_MAX_TOKENS = 5
# several names in one field: "Jane Doe; John Roe", "Jane Doe and John Roe"
_SEVERAL = re.compile(r"\s*;\s*|\s+(?:and|&)\s+", re.IGNORECASE)
# what follows a name in the same field: ", CNN Business", ". Sputnik International",
# " | Reuters", " - Staff". A period closes the name only after a word of two lower-case
# letters or more, so initials ("Sarah E. Needleman", "Patrick W. Carlineo Jr.") stay.
_AFTER_NAME = re.compile(r"\s*(?:[,|•·/(]|(?<=[a-z]{2})\.(?:\s|$)|\s[–—-]\s)")
_ADMIN = "admin"
# an initial ("E.", "W") or a name particle may be lower case or a single letter
_INITIAL = re.compile(r"^[A-Z]\.?$")


def author_names(values: Iterable[str], sites_names: Iterable[str] = (), host: str | None = None,
                 ) -> list[str]:
    """The person names among a page's author values, in order, without repeats."""
    keys = {squash(n) for n in sites_names if n}
    if host:
        keys.add(squash(host))
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for part in _SEVERAL.split(normalize_space(value)):
            name = author_name(part, keys)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
    return out


def author_name(value: str, site_keys: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The person's name in one author value, or None when the value names no person."""
    text = sites().author_prefix.sub("", normalize_space(value), count=1)
    text = bio_name(text) or text
    text = _AFTER_NAME.split(text, maxsplit=1)[0].strip()
    tokens = _cut_outlet(text.split(), site_keys)
    while tokens and tokens[-1].strip(".,") in people().not_names:  # "Malcolm Owen Monday"
        tokens.pop()
    if not tokens or len(tokens) > _NAME_MAX_TOKENS:
        return None
    name = " ".join(tokens)
    if _not_a_person(name, site_keys) or not all(_name_token(t) for t in tokens):
        return None
    return _display_case(name)


def _cut_outlet(tokens: list[str], site_keys: set[str] | frozenset[str]) -> list[str]:
    """The tokens before an agency or outlet glued to the name: "JILL LAWLESS Associated Press",
    "JANE DOE Harbor Times" (a shouted name followed by an outlet in title case)."""
    agencies = people().agencies
    for k in range(1, len(tokens)):
        rest = " ".join(tokens[k:])
        if rest.casefold() in agencies or squash(rest) in site_keys:
            return tokens[:k]
        if tokens[k - 1].isupper() and not tokens[k].isupper() and is_publisher(rest):
            return tokens[:k]
    return tokens


def _not_a_person(name: str, site_keys: set[str] | frozenset[str]) -> bool:
    folded = name.casefold()
    vocab = people()
    tokens = name.split()
    squashed = squash(name)
    return (
        folded in vocab.agencies
        or folded in sites().generic_authors
        or _ADMIN in folded
        or squashed in site_keys
        or (len(tokens) == 1 and any(squashed in k for k in site_keys if len(squashed) >= 4))
        or (len(tokens) > 1 and tokens[0].casefold() in vocab.agencies)  # "CNN Business"
        or bool(vocab.roles.fullmatch(tokens[-1]))  # "Science X staff"
    )


def _name_token(token: str) -> bool:
    """A word of a name: capitalized in any script ("Венера"), an initial, or a particle."""
    if any(ch.isdigit() for ch in token) or "@" in token:
        return False
    return token[0].isupper() or token.casefold() in people().particles or bool(
        _INITIAL.match(token)
    )


def _display_case(name: str) -> str:
    """A shouted name in title case ("JILL LAWLESS" -> "Jill Lawless"); others as written."""
    if not name.isupper():
        return name
    particles = people().particles
    return " ".join(
        t.casefold() if t.casefold() in particles else t if _INITIAL.match(t) else t.title()
        for t in name.split()
    )
