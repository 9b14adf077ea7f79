"""What each grammar rule means: the matched tokens read as one date, resolved.

One interpreter per rule of `data/dates/grammar.toml`, each a function of the matched tokens
(`Expression`) that returns a `Resolution`, or None when the match is not a date after all
("the past week" is a duration, "the year" alone refers to nothing). Relative expressions count
from the publication date ("last week") or, when they point back into the story ("the next
day", "two days later", "that year"), from the last date resolved before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc

from newsgraph.nlp.dates import calendar as cal
from newsgraph.nlp.dates.calendar import Point, Tense
from newsgraph.nlp.dates.lexicon import Lexicon
from newsgraph.nlp.dates.tense import tense
from newsgraph.record import Granularity

#: The granularity a unit resolves to; None for decades and centuries (prefix values).
_GRANULARITY: dict[str, Granularity | None] = {
    "day": "day", "fortnight": "day", "week": "week", "weekend": "week", "month": "month",
    "quarter": "year", "half": "year", "year": "year", "decade": None, "century": None,
}
#: Months of the n-th quarter / half.
_PERIOD_MONTHS = {"quarter": 3, "half": 6}

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


@dataclass(frozen=True, slots=True)
class Resolution:
    value: str | None
    granularity: Granularity | None
    #: what later anaphora ("the next day") count from; None for prefixes and failures
    point: Point | None = None


def _resolved(point: Point | None, granularity: Granularity | None) -> Resolution:
    if point is None:
        return Resolution(None, granularity)
    return Resolution(point.value, point.granularity, point)


@dataclass(slots=True)
class Context:
    """The document-wide state the interpreters read: classes, values, publication, and the
    dates resolved so far, which anaphora count from."""

    doc: Doc
    classes: str
    values: list[Any]
    published: date | None
    lex: Lexicon
    #: the dates resolved so far, in text order
    points: list[Point] = field(default_factory=list)


@dataclass(slots=True)
class Expression:
    """The tokens [start, end) a rule matched, with their classes and values."""

    ctx: Context
    start: int
    end: int
    cls: str = field(init=False)
    _tense: Tense | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.cls = self.ctx.classes[self.start : self.end]

    def val(self, k: int) -> Any:
        return self.ctx.values[self.start + k]

    def lower(self, k: int) -> str:
        return str(self.ctx.doc[self.start + k].lower_)

    def first(self, chars: str, begin: int = 0) -> int:
        """Index of the first token at or after `begin` whose class is in `chars`, or -1."""
        return next((k for k in range(begin, len(self.cls)) if self.cls[k] in chars), -1)

    def shift(self, begin: int = 0, end: int | None = None) -> int:
        """The sum of the shift words in [begin, end): "this past" is -1."""
        stop = len(self.cls) if end is None else end
        return sum(self.val(k) for k in range(begin, stop) if self.cls[k] == "S")

    @property
    def before(self) -> str:
        """The word right before the expression, lower-case."""
        return str(self.ctx.doc[self.start - 1].lower_) if self.start else ""

    @property
    def tense(self) -> Tense:
        """The tense of the governing verb, read from the parse only when a rule asks."""
        if self._tense is None:
            self._tense = tense(self.ctx.doc[self.start : self.end], self.ctx.lex)
        return self._tense

    def unresolved(self) -> bool:
        """A boundary with no single value: "the turn of the century"."""
        return any(
            self.cls[k] == "B" and self.lower(k) in self.ctx.lex.unresolved_boundaries
            for k in range(len(self.cls))
        )


Interpreter = Callable[[Expression], "Resolution | None"]


# -- absolute and calendar dates ----------------------------------------------------------------


def numeric(e: Expression) -> Resolution | None:
    """2019-11-19, 2019/11/19, 11/19/2019 (US order unless the first number exceeds 12),
    19.11.2019 (European order)."""
    text = e.val(0)
    if m := _ISO.fullmatch(text):
        y, mo, d = (int(g) for g in m.groups())
    elif m := _SLASHED.fullmatch(text):
        mo, d, y = (int(g) for g in m.groups())
        if mo > 12:
            mo, d = d, mo
        if y < 100:
            y += 2000
    elif m := _DOTTED.fullmatch(text):
        d, mo, y = (int(g) for g in m.groups())
    else:
        return None
    point = cal.make_day(y, mo, d)
    return _resolved(point, "day") if point else None


def calendar(e: Expression) -> Resolution | None:
    """A month, with a day, a year or a year shift: "In May", "Nov. 19, 2019", "early
    February", "last November", "October 27 this year", "the end of May last year"."""
    m = e.first("M")
    month = int(e.val(m))
    k = e.first("do")
    day = int(e.val(k)) if k >= 0 else None
    granularity: Granularity = "day" if day else "month"
    if (day is not None and not 1 <= day <= 31) or e.unresolved():
        return Resolution(None, granularity)
    y = e.first("y")
    unit = e.first("U", m)
    pub = e.ctx.published
    year: int | None
    if y >= 0:
        year = int(e.val(y))
    elif unit >= 0:
        if e.val(unit) != "year":
            return None
        year = pub.year + e.shift(m) if pub else None
    elif pub is None:
        year = None
    elif "S" in e.cls[:m]:
        year = cal.shifted_month_year(pub, month, e.shift(0, m))
    else:
        year = cal.pick_year(pub, month, month, day, e.tense)
    if year is None:
        return Resolution(None, granularity)
    point = cal.make_day(year, month, day) if day else cal.month(year, month)
    return _resolved(point, granularity)


def weekday(e: Expression) -> Resolution | None:
    """A weekday: the latest on or before publication, the next one after it when the verb is
    future or "next" says so, "last Tuesday" strictly before, "Tuesday last week" in that week."""
    w = e.first("W")
    wd = int(e.val(w))
    pub = e.ctx.published
    if pub is None:
        return Resolution(None, "day")
    unit = e.first("U", w)
    if unit >= 0:
        if e.val(unit) != "week":
            return None
        start = cal.monday(pub) + timedelta(weeks=e.shift(w))
        return _resolved(cal.day(start + timedelta(days=wd)), "day")
    if "S" in e.cls[:w]:
        offset = e.shift(0, w)
        if offset == 0:
            return _resolved(cal.day(cal.monday(pub) + timedelta(days=wd)), "day")
        side: Tense = "future" if offset > 0 else "past"
        return _resolved(cal.day(cal.weekday_on(pub, wd, side, strict=True)), "day")
    return _resolved(cal.day(cal.weekday_on(pub, wd, e.tense)), "day")


def deictic(e: Expression) -> Resolution | None:
    """today, tonight, yesterday, tomorrow, this morning, last night."""
    r = e.first("R")
    offset = int(e.val(r)) if r >= 0 else e.shift()
    pub = e.ctx.published
    return _resolved(cal.day(pub + timedelta(days=offset)) if pub else None, "day")


def holiday(e: Expression) -> Resolution | None:
    """Christmas, New Year's Eve, Thanksgiving (the 4th Thursday of November): the one a shift
    word names ("last Christmas"), the next one for a future verb, else the nearest."""
    spec = str(e.val(e.first("H")))
    y = e.first("y")
    if y >= 0:
        return _resolved(_holiday_on(spec, int(e.val(y))), "day")
    pub = e.ctx.published
    if pub is None:
        return Resolution(None, "day")
    days = [p for p in (_holiday_on(spec, pub.year + k) for k in (-1, 0, 1)) if p]
    if "S" in e.cls:
        offset = e.shift()
        ahead = [p for p in days if p.start > pub]
        behind = [p for p in days if p.start < pub]
        this_year = [p for p in days if p.start.year == pub.year]
        chosen = this_year[:1] if offset == 0 else ahead[:1] if offset > 0 else behind[-1:]
    elif e.tense == "future":
        chosen = [p for p in days if p.start >= pub][:1]
    else:
        # a holiday is written about ahead as much as after ("Black Friday deals have gone
        # live", "the Christmas rush"): the nearest one
        chosen = [cal.day(cal.nearest(pub, [p.start for p in days]))] if days else []
    return _resolved(chosen[0] if chosen else None, "day")


def _holiday_on(spec: str, year: int) -> Point | None:
    """The holiday in a year, from its spec: "12:25", or "11:3:4+1" (the 4th Thursday of
    November, plus one day)."""
    rule, _, plus = spec.partition("+")
    parts = [int(p) for p in rule.split(":")]
    if len(parts) == 2:
        point = cal.make_day(year, parts[0], parts[1])
        return point and cal.day(point.start + timedelta(days=int(plus or 0)))
    when = cal.nth_weekday(year, parts[0], parts[1], parts[2])
    return cal.day(when + timedelta(days=int(plus or 0)))


def season(e: Expression) -> Resolution | None:
    """summer 2019, last fall, next spring: the year the season falls in (a winter spans two,
    so "last winter" has no value)."""
    y = e.first("y")
    if y >= 0:
        return _resolved(cal.year(int(e.val(y))), "year")
    start_month = int(e.val(e.first("Z")))
    pub = e.ctx.published
    if pub is None or start_month == 12:
        return Resolution(None, "year")
    offset = e.shift()
    year = pub.year
    if offset < 0 and (pub.year, pub.month) <= (year, start_month + 2):
        year -= 1
    elif offset > 0 and (pub.year, pub.month) >= (year, start_month):
        year += 1
    return _resolved(cal.year(year), "year")


def year(e: Expression) -> Resolution | None:
    """since 2019, the 1990s, fiscal 2019, Q3 2019, the first quarter (of 2020), the 21st
    century, the last week of January."""
    k = e.first("k")
    if k >= 0:
        return Resolution(str(e.val(k)), None)
    q = e.first("q")
    if q >= 0:
        return _period(e, int(e.val(q)), "quarter", q + 1)
    unit = e.first("U")
    if unit < 0:
        return _resolved(cal.year(int(e.val(e.first("y")))), "year")
    name = str(e.val(unit))
    o = e.first("o")
    if o >= 0 and name == "century":
        return Resolution(f"{int(e.val(o)) - 1:02d}", None)
    if o >= 0 and name in _PERIOD_MONTHS:
        return _period(e, int(e.val(o)), name, unit + 1)
    if name in ("day", "week", "month") and e.first("f", unit) >= 0:
        return _container(e, e.first("f", unit) + 1)
    y = e.first("y")
    return _resolved(cal.year(int(e.val(y))), "year") if y >= 0 else None


def _period(e: Expression, n: int, unit: str, after: int) -> Resolution | None:
    """The n-th quarter or half: its year, from what follows or from the tense."""
    size = _PERIOD_MONTHS[unit]
    if not 1 <= n <= 12 // size:
        return None
    first = (n - 1) * size + 1
    y = e.first("y", after)
    pub = e.ctx.published
    if y >= 0:
        year: int | None = int(e.val(y))
    elif e.first("U", after) >= 0:
        container = _container(e, e.first("f", after) + 1)
        return container if container is None or container.granularity == "year" else None
    elif pub is None:
        year = None
    else:
        year = cal.pick_year(pub, first, first + size - 1, None, e.tense)
    return _resolved(cal.year(year) if year else None, "year")


def _container(e: Expression, k: int) -> Resolution | None:
    """What "of ..." names after a part: a year, "next year", "the year", a month."""
    if k <= 0 or k >= len(e.cls):
        return None
    pub = e.ctx.published
    cls = e.cls[k]
    if cls == "y":
        return _resolved(cal.year(int(e.val(k))), "year")
    if cls == "M":
        month = int(e.val(k))
        y = e.first("y", k)
        if y >= 0:
            return _resolved(cal.month(int(e.val(y)), month), "month")
        year = cal.pick_year(pub, month, month, None, e.tense) if pub else None
        return _resolved(cal.month(year, month) if year else None, "month")
    unit = e.first("U", k)
    if unit < 0 or e.val(unit) != "year":
        return None
    return _resolved(cal.year(pub.year + e.shift(k)) if pub else None, "year")


# -- relative expressions -----------------------------------------------------------------------


def relative(e: Expression) -> Resolution | None:
    """last week, later this month, the previous day, that year, two days ago, a year later,
    the day before, the end of the year, over the weekend."""
    cls = e.cls
    if cls == "tU":
        return _weekend(e)
    if cls in ("tUr", "tPr"):
        return _before_after(e, 1, len(cls) - 1)
    last = cls[-1]
    if last in "ALr" or cls.endswith("gw"):
        return _counted(e)
    u = len(cls) - 1
    if cls[u - 1] == "t":
        return _current(e, u)
    return _shifted(e, u)


def _unit(e: Expression, k: int) -> tuple[str, bool]:
    """The unit at k and whether it is written in the plural ("days")."""
    if e.cls[k] == "P":
        return "day", False
    name = str(e.val(k))
    return name, e.lower(k) != name


def _anchor(e: Expression, unit: str, anaphoric: bool) -> Point | None:
    """Publication day, or for anaphora the last date before that is fine enough for the unit:
    "the day before" after "on Monday ... since 2014" counts from Monday."""
    if anaphoric:
        return next((p for p in reversed(e.ctx.points) if cal.serves(p, unit)), None)
    pub = e.ctx.published
    return cal.day(pub) if pub else None


def _move(
    e: Expression, unit: str, offset: int, anaphoric: bool, *, prefix: bool = True
) -> Resolution:
    """The anchor moved by offset units. Decades and centuries named as such ("this decade",
    "that century") are prefixes; counted ("a decade ago") they move the year."""
    granularity = _GRANULARITY.get(unit)
    anchor = _anchor(e, unit, anaphoric)
    if anchor is None:
        return Resolution(None, granularity)
    if granularity is None and prefix:
        years = anchor.start.year + offset * (10 if unit == "decade" else 100)
        value = cal.decade_prefix(years) if unit == "decade" else cal.century_prefix(years)
        return Resolution(value, None)
    return _resolved(cal.shift(anchor, unit, offset), granularity)


def _shifted(e: Expression, u: int) -> Resolution | None:
    """last week, this month, next year, this past weekend, the previous day, that year."""
    unit, plural = _unit(e, u)
    if plural:
        return None
    if e.unresolved():
        return Resolution(None, _GRANULARITY.get(unit))
    k = e.first("Sh")
    lex = e.ctx.lex
    words = {e.lower(j) for j in range(k, u)}
    after_the = k > 0 and e.cls[k - 1] == "t"
    if "h" in e.cls[k:u]:
        anaphoric, offset = True, 0
    else:
        if after_the and words & lex.duration_after_the:
            return None  # "the past week", "the last year": spans up to now
        anaphoric = bool(words & lex.anaphoric_shifts) or (after_the and "next" in words)
        offset = e.shift(k, u)
        if anaphoric and e.before in lex.duration_before:
            return None  # "over the next year"
    if unit == "day" and not anaphoric:
        return None  # "this day" ("to this day"), "next day": no date
    return _move(e, unit, offset, anaphoric)


def _current(e: Expression, u: int) -> Resolution | None:
    """After a boundary or modifier: "the end of the year", "earlier in the week"."""
    unit, plural = _unit(e, u)
    if plural or unit == "day":
        return None  # "at the end of the day" is an idiom
    if e.unresolved():
        return Resolution(None, _GRANULARITY.get(unit))
    return _move(e, unit, 0, anaphoric=False)


def _counted(e: Expression) -> Resolution | None:
    """two days ago, a year later, three weeks earlier, a few years ago, two years from now."""
    if e.before in e.ctx.lex.duration_before:
        return None  # "for two years before ..."
    cls = e.cls
    u = e.first("UP")
    unit, _ = _unit(e, u)
    if cls.endswith("gw"):
        direction, anaphoric = 1, False
    else:
        direction, anaphoric = int(e.val(len(cls) - 1)), cls[-1] != "A"
    count = _count(e, u)
    if count is None:
        return Resolution(None, _GRANULARITY.get(unit))
    if cls[-1] == "r":
        return _before_after(e, count, len(cls) - 1)
    return _move(e, unit, direction * count, anaphoric, prefix=False)


def _count(e: Expression, u: int) -> int | None:
    """The number before the unit; None for a vague one ("a few", "several")."""
    if "v" in e.cls[:u]:
        return None
    numbers = [int(e.val(k)) for k in range(u) if e.cls[k] in "adn"]
    return numbers[-1] if numbers else 1


def _before_after(e: Expression, count: int, r: int) -> Resolution | None:
    """"the day before", "two weeks after": counted from the last date when nothing follows;
    "the day before the vote", "seven years after he sought refuge" count from an event we
    cannot date."""
    unit, _ = _unit(e, e.first("UP"))
    doc = e.ctx.doc
    k = e.start + r + 1
    if k < len(doc) and not (doc[k].is_punct or doc[k].is_space or doc[k].is_sent_start):
        return Resolution(None, _GRANULARITY.get(unit))
    return _move(e, unit, int(e.val(r)) * count, anaphoric=True)


def _weekend(e: Expression) -> Resolution | None:
    """"over the weekend": the last one, or the coming one for a future verb."""
    unit, plural = _unit(e, 1)
    pub = e.ctx.published
    if unit != "weekend" or plural:
        return None
    if pub is None:
        return Resolution(None, "week")
    if e.tense == "future" or pub.weekday() >= 5:
        return _resolved(cal.week(pub), "week")
    return _resolved(cal.week(pub - timedelta(weeks=1)), "week")


RULES: dict[str, Interpreter] = {
    "numeric": numeric,
    "calendar": calendar,
    "holiday": holiday,
    "season": season,
    "weekday": weekday,
    "deictic": deictic,
    "year": year,
    "relative": relative,
}
