"""Who wrote it and for whom: bylines ("By Jane Doe and John Roe, Reuters") and author bios
("Amy Mackinnon is a national security reporter at Foreign Policy. Twitter: @ak_mack").

Both are whole lines lifted out of the body; what they name becomes the record's `authors` and
`publisher`. A line counts only when all of it has the expected shape, so a sentence that starts
with "By" or mentions a reporter stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.clean.blocks import word_count
from newsgraph.clean.patterns import people
from newsgraph.clean.stamps import read_stamp

_BYLINE_MAX_WORDS = 16
_BIO_MAX_WORDS = 70
_NAME_MAX_TOKENS = 5

_BYLINE = re.compile(
    r"^(?:(?:written|story|words|text|reporting|report|posted|compiled) )?by\s*:?\s+(?P<rest>.+)$"
    r"|^(?:author|authors|byline)\s*:\s*(?P<rest2>.+)$",
    re.IGNORECASE,
)
# separators between a byline's parts: "By Jane Doe | Reuters", "By JANE DOE • Feb 3, 2022"
_DATE_CUT = re.compile(r"\s+(?:on|at)\s+|,\s*")
_PARTS = re.compile(r"\s*(?:[|•·/]|\s[–—-]\s)\s*")
_LIST = re.compile(r"\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.IGNORECASE)
_AND_LIST = re.compile(r"\s(?:and|&)\s", re.IGNORECASE)
_WHERE = re.compile(r"\s+(?P<word>in|from|at|for)\s+(?P<place>[A-Z].*)$")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w’'.-]*|(?:Mc|Mac|O’|O'|D’|D')[A-Z]\w*)$")

# A bio: a name, then what the person is or does.
_BIO = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]*|[a-z]{1,4}(?=\s+[A-Z]))){1,4})"
    r"\s+(?P<verb>is|was|has been|serves as|works as|covers|writes|reports)\b\s*(?P<rest>.*)$"
)
_ORG = r"(?:[Tt]he\s+)?[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|and|&|the|on|for)(?=[\s.,;]|$))*"
_AFTER_ROLE = re.compile(rf"^[\w\s-]{{0,40}}?\b(?:at|for|with|of)\s+(?P<pub>{_ORG})")
_POSSESSIVE = re.compile(rf"^(?P<pub>{_ORG})[’']s\s")
_BEFORE_ROLE = re.compile(rf"\b(?:a|an|the)\s+(?P<pub>{_ORG})\s+(?:[a-z-]+\s+){{0,3}}$")
# what the person is: "a national security and intelligence reporter", "IGN's deal curator",
# "the Moscow bureau chief" -- the role closes a short noun phrase right after the verb
_ROLE_LEAD = re.compile(rf"^(?:(?:a|an|the|one of the|one of)\s+|{_ORG}[’']s\s+)")
_ROLE_WITHIN_WORDS = 8
_POSSESSIVE_S = re.compile(r"[’']s$")
_TRAILING_SMALL = re.compile(r"(?:\s+(?:of|and|&|the|on|for))+$")
_FIRST_SENTENCE = re.compile(r"(?<=[a-z0-9)])\.(?:\s|$)")


@dataclass(slots=True)
class Credit:
    """What a byline or a bio line says."""

    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    day: str | None = None


def read_byline(text: str) -> Credit | None:
    """The authors (and publisher, date) of a byline, or None when the line is not one."""
    match = _BYLINE.match(text)
    if not match or word_count(text) > _BYLINE_MAX_WORDS:
        return None
    rest = (match["rest"] or match["rest2"]).strip().rstrip(".")
    credit = Credit()
    for cut in _DATE_CUT.finditer(rest):  # "Posted by Jane Doe on June 2, 2022"
        stamp = read_stamp(rest[cut.end() :])
        if stamp:
            credit.day = stamp.day
            rest = rest[: cut.start()]
            break
    for n, part in enumerate(p for p in _PARTS.split(rest) if p):
        stamp = read_stamp(part)
        if stamp:
            credit.day = credit.day or stamp.day
        elif n == 0:
            if not _read_names(part, credit):
                return None
        elif _is_role(part):
            continue
        elif is_publisher(part):
            credit.publisher = credit.publisher or part
        else:
            return None
    return credit


def _read_names(part: str, credit: Credit) -> bool:
    """The names, roles and outlet of a byline's first part into `credit`; False when some
    segment is none of these (the line is a sentence, not a byline)."""
    segments = [s for s in _LIST.split(part) if s]
    and_closed = bool(_AND_LIST.search(part))
    for i, segment in enumerate(segments):
        last = i > 0 and i == len(segments) - 1
        where = _WHERE.search(segment)  # "Jane Doe in Kyiv", "Jane Doe for The Guardian"
        if where:
            if where["word"] == "for" and is_publisher(where["place"]):
                credit.publisher = credit.publisher or where["place"]
            segment = segment[: where.start()]
        if _is_role(segment):
            outlet = people().author_roles.sub("", segment).strip()  # "Reuters Staff"
            if outlet and is_publisher(outlet):
                credit.publisher = credit.publisher or outlet
            continue
        after_and_list = last and and_closed and not _AND_LIST.search(part.rsplit(",", 1)[-1])
        if is_publisher(segment) or (after_and_list and i > 1):
            credit.publisher = credit.publisher or segment
            continue
        name = person_name(segment)
        if name is not None:
            credit.authors.append(name)
        elif last and segment[:1].isupper() and word_count(segment) <= 4:
            credit.publisher = credit.publisher or segment  # "By Jane Doe, Kommersant"
        else:
            return False
    return True


def person_name(text: str) -> str | None:
    """A person's name in display case, or None when `text` is not shaped like one: two to five
    capitalized words (particles such as "von", "bin" allowed inside)."""
    vocab = people()
    tokens = text.split()
    if not 2 <= len(tokens) <= _NAME_MAX_TOKENS:
        return None
    for i, token in enumerate(tokens):
        if 0 < i < len(tokens) - 1 and token.lower() in vocab.particles:
            continue
        if not _NAME_TOKEN.match(token) or token.strip(".,") in vocab.not_names:
            return None
    if text.isupper():
        return " ".join(t.lower() if t.lower() in vocab.particles else t.title() for t in tokens)
    return text


def _is_role(text: str) -> bool:
    """"Staff Writer", "Senior Correspondent", "Foreign Affairs Editor": a role, not a name."""
    roles = people().author_roles
    return word_count(text) <= 4 and any(m.end() == len(text) for m in roles.finditer(text))


def is_publisher(text: str) -> bool:
    """A known news organisation, or a short capitalized phrase with an outlet word in it."""
    vocab = people()
    if text.casefold() in vocab.agencies:
        return True
    words = text.split()
    return (
        0 < len(words) <= 6
        and words[0][:1].isupper()
        and any(_POSSESSIVE_S.sub("", w).strip(".,") in vocab.publisher_words for w in words)
    )


def bio_name(text: str) -> str | None:
    """The name a bio-shaped text opens with ("Phil Helsel is a reporter"), else None."""
    match = _BIO.match(text)
    return match["name"] if match else None


def read_bio(text: str) -> Credit | None:
    """The author and publisher of an author bio line, or None when the line is not one."""
    if word_count(text) > _BIO_MAX_WORDS:
        return None
    match = _BIO.match(text)
    if not match:
        return None
    name = person_name(match["name"])
    if name is None:
        return None
    rest = match["rest"]
    first = _FIRST_SENTENCE.split(rest, maxsplit=1)[0]
    credit = Credit(authors=[name])
    if match["verb"] in ("covers", "writes", "reports"):
        pub = _AFTER_ROLE.search(first)
        credit.publisher = _clean_org(pub["pub"]) if pub else None
        return credit
    lead = _ROLE_LEAD.match(first)
    if not lead:
        return None
    phrase = " ".join(first[lead.end() :].split()[:_ROLE_WITHIN_WORDS])
    vocab = people()
    role = vocab.author_roles.search(first, lead.end(), lead.end() + len(phrase))
    if not role:
        return None
    if not vocab.roles.fullmatch(role.group()):
        return credit  # a fellow's or a professor's institution is not the publisher
    owner = _POSSESSIVE.match(first)
    before = _BEFORE_ROLE.search(first[: role.start()])
    after = _AFTER_ROLE.search(first[role.end():])
    if owner and owner.end() <= role.start():
        credit.publisher = _clean_org(owner["pub"])
    elif after:
        credit.publisher = _clean_org(after["pub"])
    elif before and is_publisher(before["pub"]):
        credit.publisher = _clean_org(before["pub"])
    return credit


def _clean_org(text: str) -> str:
    org = _TRAILING_SMALL.sub("", text).rstrip(".,’'")
    return "The" + org[3:] if org.startswith("the ") else org


def merge_names(found: list[str], more: list[str]) -> list[str]:
    """`found` plus the names of `more` it does not hold yet (compared case-insensitively)."""
    seen = {n.casefold() for n in found}
    out = list(found)
    for name in more:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


# "KYIV, Ukraine (AP) — ...", "LONDON, Feb 3 (Reuters) - ...": the agency in a lead's dateline
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,[\w .,'’-]{1,40}?)?\s*\((?P<agency>[^)]{2,40})\)\s*[-–—]"
)


def dateline_agency(text: str) -> str | None:
    """The news agency named in the dateline that opens a lead paragraph, if any."""
    found = _DATELINE_AGENCY.match(text)
    return found["agency"] if found and is_publisher(found["agency"]) else None


def read_name_line(text: str, *, by_a_stamp: bool) -> Credit | None:
    """A byline without "By" under a headline: "Jane Doe in Kyiv", "Jane Doe and John Roe", or
    a lone name when a date stamp sits right by it. Two capitalized words alone ("Middle East")
    are too often a section label to be taken for a name."""
    if word_count(text) > _BYLINE_MAX_WORDS or text.startswith(("By ", "by ")):
        return None
    credit = Credit()
    if not _read_names(text, credit) or not credit.authors:
        return None
    cued = by_a_stamp or _WHERE.search(text) or len(credit.authors) > 1
    return credit if cued else None
