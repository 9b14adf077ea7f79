"""Calendar arithmetic of the date stage, without any parsing."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.nlp.dates import calendar as cal
from newsgraph.nlp.dates.calendar import Point

D = date.fromisoformat


@pytest.mark.parametrize(
    ("point", "value"),
    [
        (Point(D("2022-02-01"), "day"), "2022-02-01"),
        (cal.week(D("2022-02-03")), "2022-01-31"),
        (cal.week(D("2022-01-02")), "2021-12-27"),  # a Sunday: its ISO week began in 2021
        (Point(D("2022-01-01"), "month"), "2022-01"),
        (Point(D("2021-01-01"), "year"), "2021"),
        (Point(D("0999-01-01"), "year"), "0999"),
    ],
)
def test_point_values(point: Point, value: str) -> None:
    assert point.value == value


@pytest.mark.parametrize(
    ("pub", "first", "last", "day", "tense", "year"),
    [
        ("2022-02-03", 5, 5, None, "past", 2021),
        ("2022-02-03", 2, 2, None, "past", 2022),  # this month has begun
        ("2022-02-03", 1, 1, None, "future", 2023),
        ("2022-02-03", 2, 2, None, "future", 2022),  # and has not ended
        ("2022-02-03", 1, 3, None, "future", 2022),  # the first quarter is under way
        ("2022-01-03", 12, 12, None, "past", 2021),
        ("2022-02-03", 2, 2, 3, "past", 2022),  # the day itself
        ("2022-02-03", 2, 2, 4, "past", 2021),
        ("2022-02-03", 2, 2, 3, "future", 2022),
        ("2023-03-01", 2, 2, 29, "past", 2020),  # the last February 29
        ("2023-03-01", 2, 2, 29, "future", 2024),
        ("2019-11-19", 10, 10, 31, "near", 2019),  # 19 days back beats 347 ahead
        ("2019-11-19", 2, 2, 14, "near", 2020),
        ("2022-02-03", 5, 5, None, "near", 2022),
        ("2022-02-03", 11, 11, None, "near", 2021),
    ],
)
def test_pick_year(
    pub: str, first: int, last: int, day: int | None, tense: cal.Tense, year: int
) -> None:
    assert cal.pick_year(D(pub), first, last, day, tense) == year


@pytest.mark.parametrize(
    ("pub", "weekday", "tense", "strict", "expected"),
    [
        ("2022-02-03", 1, "past", False, "2022-02-01"),
        ("2022-02-03", 3, "past", False, "2022-02-03"),  # the day itself
        ("2022-02-03", 3, "past", True, "2022-01-27"),  # "last Thursday"
        ("2022-02-03", 1, "future", False, "2022-02-08"),
        ("2022-02-03", 3, "future", False, "2022-02-10"),  # strictly after
        ("2022-02-03", 0, "near", False, "2022-01-31"),  # 3 days back, 4 ahead
        ("2022-02-03", 5, "near", False, "2022-02-05"),
        ("2022-01-03", 4, "past", False, "2021-12-31"),
    ],
)
def test_weekday_on(pub: str, weekday: int, tense: cal.Tense, strict: bool, expected: str) -> None:
    assert cal.weekday_on(D(pub), weekday, tense, strict=strict) == D(expected)


@pytest.mark.parametrize(
    ("year", "month", "weekday", "n", "expected"),
    [
        (2021, 11, 3, 4, "2021-11-25"),  # Thanksgiving
        (2022, 5, 0, -1, "2022-05-30"),  # Memorial Day, the last Monday of May
        (2020, 11, 0, 1, "2020-11-02"),  # the Monday before Election Day
        (2024, 2, 3, -1, "2024-02-29"),  # the last Thursday of a leap February
    ],
)
def test_nth_weekday(year: int, month: int, weekday: int, n: int, expected: str) -> None:
    assert cal.nth_weekday(year, month, weekday, n) == D(expected)


@pytest.mark.parametrize(
    ("anchor", "unit", "n", "value"),
    [
        (cal.day(D("2022-02-03")), "week", -1, "2022-01-24"),
        (cal.day(D("2022-01-03")), "week", -1, "2021-12-27"),
        (cal.day(D("2022-03-01")), "day", -1, "2022-02-28"),
        (cal.day(D("2024-03-01")), "day", -1, "2024-02-29"),
        (cal.day(D("2022-01-15")), "month", -1, "2021-12"),
        (cal.day(D("2021-12-31")), "month", 1, "2022-01"),
        (cal.day(D("2022-02-03")), "year", -1, "2021"),
        (cal.day(D("2022-02-03")), "quarter", -1, "2021"),
        (cal.day(D("2022-05-03")), "quarter", -1, "2022"),
        (cal.day(D("2022-02-03")), "decade", -2, "2002"),
        (cal.day(D("2022-02-03")), "fortnight", -1, "2022-01-20"),
        (Point(D("2021-11-01"), "month"), "year", -1, "2020"),
    ],
)
def test_shift(anchor: Point, unit: str, n: int, value: str) -> None:
    moved = cal.shift(anchor, unit, n)
    assert moved is not None
    assert moved.value == value


def test_shift_needs_a_fine_enough_anchor() -> None:
    month = Point(D("2014-03-01"), "month")
    assert cal.shift(month, "day", -1) is None
    assert cal.shift(month, "week", 2) is None
    assert cal.shift(Point(D("2014-01-01"), "year"), "month", 1) is None


def test_shift_out_of_range_is_none() -> None:
    assert cal.shift(cal.day(date.max), "day", 1) is None
    assert cal.shift(cal.day(date.max), "year", 1) is None
    assert cal.shift(cal.day(date.min), "month", -1) is None


def test_prefixes() -> None:
    assert cal.decade_prefix(1994) == "199"
    assert cal.decade_prefix(2003) == "200"
    assert cal.century_prefix(2022) == "20"
    assert cal.make_day(2023, 2, 29) is None
    assert cal.make_day(2024, 2, 29) == cal.day(D("2024-02-29"))
