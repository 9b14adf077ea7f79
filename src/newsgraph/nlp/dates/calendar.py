"""Calendar arithmetic for temporal expressions: pure functions of dates, no parsing.

A resolved expression is a `Point`: the first day of the smallest calendar unit of ours that
holds all of it (day, ISO week, month or year) and that unit. Its value is the record's form:
"2022-02-01" (day), the Monday "2022-01-24" (week), "2022-01" (month), "2021" (year). So the value
of a month is a prefix of the value of every day in it, and a quarter or "the first half of
2020", which no unit of ours fits exactly, is given as its year.

Decades and centuries are larger than any unit of ours: they resolve to the TimeML prefix form
("199" for the 1990s, "20" for the 21st century) with no granularity and are no `Point`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from newsgraph.record import Granularity

#: How the governing verb places a date: "past" resolves year-less and weekday dates backwards,
#: "future" forwards, "near" (present tense, modals, plans made in the past) to the closer side.
Tense = Literal["past", "future", "near"]

#: How far back or ahead a year-less date may look for a valid year: far enough to reach the
#: previous (or next) February 29 from any day.
_LEAP_SEARCH = 9

#: Units of relative expressions, in months, when they are whole months.
_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12}

#: Granularities from finest to coarsest: an anchor serves a shift by a unit no finer than its own.
_ORDER: dict[Granularity, int] = {"day": 0, "week": 1, "month": 2, "year": 3}
_UNIT_NEEDS: dict[str, Granularity] = {
    "day": "day", "fortnight": "day", "week": "week", "weekend": "week", "month": "month",
    "quarter": "month", "half": "month", "year": "year", "decade": "year", "century": "year",
}


@dataclass(frozen=True, slots=True)
class Point:
    """A resolved date: the first day of its unit, and the unit."""

    start: date
    granularity: Granularity

    @property
    def value(self) -> str:
        if self.granularity == "year":
            return f"{self.start.year:04d}"
        if self.granularity == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


def day(d: date) -> Point:
    return Point(d, "day")


def week(d: date) -> Point:
    return Point(monday(d), "week")


def month(year: int, month_: int) -> Point | None:
    return Point(date(year, month_, 1), "month") if _valid_year(year) else None


def year(year_: int) -> Point | None:
    return Point(date(year_, 1, 1), "year") if _valid_year(year_) else None


def make_day(year_: int, month_: int, day_: int) -> Point | None:
    """The day, or None when it does not exist (February 30, February 29 of 2023)."""
    if not _valid_year(year_) or not 1 <= month_ <= 12:
        return None
    if not 1 <= day_ <= calendar.monthrange(year_, month_)[1]:
        return None
    return Point(date(year_, month_, day_), "day")


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def add_months(d: date, n: int) -> date:
    """The first day of the month n months after d's month."""
    index = d.year * 12 + d.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def decade_prefix(year_: int) -> str:
    return f"{year_ // 10:03d}"


def century_prefix(year_: int) -> str:
    return f"{year_ // 100:02d}"


def pick_year(
    pub: date, first_month: int, last_month: int, day_: int | None, tense: Tense
) -> int | None:
    """The year of a year-less date or period ("In May", "Nov. 19", "the first quarter").

    Past (the default): the latest one that has begun by publication. Future: the earliest one
    that has not ended by publication (so "will ... in February", written on February 3, is this
    February). Near (reported speech, "said Britain would leave on Oct. 31"): whichever of the
    two is closer to publication. Day dates skip years where the day does not exist (Feb. 29).
    """
    if tense == "near":
        past = pick_year(pub, first_month, last_month, day_, "past")
        ahead = pick_year(pub, first_month, last_month, day_, "future")
        if past is None or ahead is None:
            return past or ahead
        return min((past, ahead), key=lambda y: _distance(pub, y, first_month, last_month, day_))
    future = tense == "future"
    step = 1 if future else -1
    now = (pub.year, pub.month)
    for y in range(pub.year, pub.year + step * _LEAP_SEARCH, step):
        if day_ is None:
            fits = (y, last_month) >= now if future else (y, first_month) <= now
        else:
            point = make_day(y, first_month, day_)
            fits = point is not None and (point.start >= pub if future else point.start <= pub)
        if fits:
            return y
    return None


def _distance(pub: date, y: int, first_month: int, last_month: int, day_: int | None) -> int:
    """Days between publication and a date or period of year y (0 when it holds pub)."""
    if day_ is not None:
        return abs((date(y, first_month, day_) - pub).days)
    start = date(y, first_month, 1)
    end = add_months(date(y, last_month, 1), 1) - timedelta(days=1)
    return max((start - pub).days, (pub - end).days, 0)


def nearest(pub: date, candidates: list[date]) -> date:
    return min(candidates, key=lambda d: abs((d - pub).days))


def shifted_month_year(pub: date, month_: int, shift: int) -> int:
    """The year of "last November" (the latest before this month), "next May" (the earliest
    after this month) and "this May" (this year's)."""
    if shift < 0:
        return pub.year if month_ < pub.month else pub.year - 1
    if shift > 0:
        return pub.year if month_ > pub.month else pub.year + 1
    return pub.year


def weekday_on(pub: date, weekday: int, tense: Tense, *, strict: bool = False) -> date:
    """The weekday nearest publication on one side: the latest on or before it (the day itself
    unless `strict`), the earliest strictly after it (future), or the closer of the two."""
    ahead = pub + timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)
    back = (pub.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    behind = pub - timedelta(days=back)
    if tense == "near":
        return nearest(pub, [behind, ahead])
    return ahead if tense == "future" else behind


def nth_weekday(year_: int, month_: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (Thanksgiving: the 4th Thursday of November), or
    with a negative n counted from the month's end (-1: the last)."""
    if n < 0:
        last = add_months(date(year_, month_, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
    first = date(year_, month_, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def serves(anchor: Point, unit: str) -> bool:
    """Whether a date is fine enough to count a unit from: any date for "the next year", a day
    for "the day before"."""
    need = _UNIT_NEEDS.get(unit)
    return need is not None and _ORDER[anchor.granularity] <= _ORDER[need]


def shift(anchor: Point, unit: str, n: int) -> Point | None:
    """`anchor` moved by n units ("last week" from the publication day, "the next day" from a
    day mentioned before). None when the anchor is too coarse for the unit: "the day before"
    a month has no day."""
    if not serves(anchor, unit):
        return None
    start = anchor.start
    try:
        if unit == "day":
            return day(start + timedelta(days=n))
        if unit == "fortnight":
            return day(start + timedelta(days=14 * n))
        if unit in ("week", "weekend"):
            return week(start + timedelta(weeks=n))
        if unit == "decade":
            return year(start.year + 10 * n)
        if unit == "century":
            return year(start.year + 100 * n)
        months = _MONTHS_IN[unit]
        if unit in ("quarter", "half"):
            start = date(start.year, (start.month - 1) // months * months + 1, 1)
        moved = add_months(start, n * months)
    except (OverflowError, ValueError):
        return None
    if unit == "month":
        return month(moved.year, moved.month)
    if unit == "year":
        return year(moved.year)
    return Point(moved, "year") if _valid_year(moved.year) else None


def _valid_year(y: int) -> bool:
    return 1 <= y <= 9999
