"""Date and time stamps: lines such as "Updated 11:04 AM EST, Thu February 3, 2022".

A stamp is chrome in the body but its day is metadata: the page's publication date, used when
the container gives none. Only whole lines made of date words count, so a sentence that mentions
a date is never taken for a stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newsgraph.clean.patterns import date_words

_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:t[\d:.+-]+z?)?|\d{1,4}(?:[/.]\d{1,4}){2}|\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"|\d+(?:st|nd|rd|th)?|[^\W\d_]+"
)
_MAX_TOKENS = 16
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})")


@dataclass(frozen=True, slots=True)
class Stamp:
    kind: Literal["published", "updated", "plain"]
    day: str | None  # ISO date, when the stamp names a full day


def read_stamp(text: str) -> Stamp | None:
    """The stamp a whole line is, or None when the line is anything else."""
    words = date_words()
    lowered = text.casefold()
    kind: Literal["published", "updated", "plain"] = "plain"
    opening = words.prefix.match(lowered)
    if opening:
        kind = "published" if opening["published"] else "updated"
        lowered = lowered[opening.end() :]
    tokens = _TOKEN.findall(lowered)
    if not tokens and kind != "plain":
        return Stamp(kind, None)  # "Published" on a line of its own, its date on the next
    if not tokens or len(tokens) > _MAX_TOKENS:
        return None
    has_month = any(t in words.months for t in tokens)
    has_number = any(t[0].isdigit() for t in tokens)
    if not (has_number or has_month):
        return None
    for token in tokens:
        if not (token[0].isdigit() or token in words.months or token in words.filler):
            return None
    if kind == "plain" and not has_month and not _ISO.search(lowered) and not _NUMERIC.search(
        lowered
    ):
        return None  # bare numbers ("2 3") are not a stamp unless a word said so
    return Stamp(kind, _day(tokens, lowered))


def _day(tokens: list[str], text: str) -> str | None:
    iso = _ISO.search(text)
    if iso:
        return _valid(int(iso[1]), int(iso[2]), int(iso[3]))
    months = date_words().months
    numbers = [int(n) for t in tokens if (n := t.rstrip("stndrh")).isdigit()]
    year = next((n for n in numbers if 1900 <= n <= 2100), None)
    month = next((months[t] for t in tokens if t in months), None)
    if month and year:
        day = next((n for n in numbers if 1 <= n <= 31), None)
        return _valid(year, month, day) if day else None
    numeric = _NUMERIC.search(text)
    if numeric:
        a, b, c = (int(x) for x in numeric.groups())
        if a > 31:  # 2022/02/03
            return _valid(a, b, c)
        year = c + 2000 if c < 100 else c
        # 03/02/2022: month first, the US habit, unless the first number cannot be a month
        return _valid(year, b, a) if a > 12 else _valid(year, a, b)
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
