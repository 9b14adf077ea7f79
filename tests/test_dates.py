"""Dates through the real spaCy parse: each rule of the date stage, pinned as sentence tables.

A row names the sentence, the publication date (None: unknown), and the expression expected
with its exact text, value and granularity. Rows are written for the rule they pin, in other
words than the dev articles.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.nlp.dates import find_dates
from newsgraph.record import DateRef

Row = tuple[str, str | None, str, str | None, str | None]


def dates_in(nlp: Language, sentence: str, published: str | None) -> list[DateRef]:
    return find_dates(nlp(sentence), date.fromisoformat(published) if published else None)


def check(nlp: Language, row: Row) -> None:
    sentence, published, text, value, granularity = row
    found = dates_in(nlp, sentence, published)
    got = [(d.text, d.value, d.granularity) for d in found]
    assert (text, value, granularity) in got, got


# 2022-02-03 is a Thursday (the seed article's publication day).
WEEKDAYS: list[Row] = [
    ("On Tuesday, the Pentagon announced new deployments.", "2022-02-03",
     "On Tuesday", "2022-02-01", "day"),
    ("Officials said on Thursday that the talks had failed.", "2022-02-03",
     "on Thursday", "2022-02-03", "day"),
    ("The court ruled Saturday that the ban was lawful.", "2022-02-03",
     "Saturday", "2022-01-29", "day"),
    ("The strike began last Tuesday.", "2022-02-01",
     "last Tuesday", "2022-01-25", "day"),
    ("The ministry confirmed the arrests Tuesday last week.", "2022-02-03",
     "Tuesday last week", "2022-01-25", "day"),
    ("The summit will open next Tuesday in Madrid.", "2022-02-03",
     "next Tuesday", "2022-02-08", "day"),
    ("Rebels shelled the airport early Monday.", "2022-02-03",
     "early Monday", "2022-01-31", "day"),
    ("The blast shook the city on Wednesday night.", "2022-02-03",
     "on Wednesday night", "2022-02-02", "day"),
    ("The board met on Monday, Nov. 18, 2019, to approve the merger.", "2022-02-03",
     "on Monday, Nov. 18, 2019", "2019-11-18", "day"),
]

MONTHS: list[Row] = [
    ("In May, Vilnius withdrew from the forum.", "2022-02-03", "In May", "2021-05", "month"),
    ("In January, the embassy ordered families to leave.", "2022-02-03",
     "In January", "2022-01", "month"),
    ("Prices fell in February, the statistics office said.", "2022-02-03",
     "in February", "2022-02", "month"),
    ("In November 2021, Taiwan opened an office in Vilnius.", "2022-02-03",
     "In November 2021", "2021-11", "month"),
    ("Troops could arrive by early February.", "2022-02-03",
     "by early February", "2022-02", "month"),
    ("The ceasefire collapsed in mid-March.", "2022-02-03", "in mid-March", "2021-03", "month"),
    ("Harvests were poor in late May and early June.", "2022-02-03",
     "in late May", "2021-05", "month"),
    ("The plant was shut down last November.", "2022-02-03",
     "last November", "2021-11", "month"),
    ("Exports dropped in May of last year.", "2022-02-03",
     "in May of last year", "2021-05", "month"),
    ("The accord was signed at the end of May last year.", "2022-02-03",
     "at the end of May last year", "2021-05", "month"),
    ("The law took effect on Nov. 19.", "2022-02-03", "on Nov. 19", "2021-11-19", "day"),
    ("The protests began on 19 November 2019.", "2022-02-03",
     "on 19 November 2019", "2019-11-19", "day"),
    ("The decree is dated 2019-11-19.", "2022-02-03", "2019-11-19", "2019-11-19", "day"),
    ("Security was tight on the anniversary of the Sept. 11 attacks.", "2022-02-03",
     "Sept. 11", "2021-09-11", "day"),
    ("KYIV, Feb 24 (Reuters) - Russia launched an invasion.", "2022-02-24",
     "Feb 24", "2022-02-24", "day"),
    ("Turnout was high in the March 15 elections.", "2022-02-03",
     "March 15", "2021-03-15", "day"),
    ("The filing, dated 11/19/2019, was sealed.", "2022-02-03",
     "11/19/2019", "2019-11-19", "day"),
    ("The vote is set for October 27 this year.", "2022-02-03",
     "October 27 this year", "2022-10-27", "day"),
]

RELATIVE: list[Row] = [
    ("Jets were dispatched to Estonia last week.", "2022-02-03",
     "last week", "2022-01-24", "week"),
    ("Lawmakers are in Washington this week.", "2022-02-03", "this week", "2022-01-31", "week"),
    ("The envoy will return next week.", "2022-02-03", "next week", "2022-02-07", "week"),
    ("The official spoke last month.", "2022-02-03", "last month", "2022-01", "month"),
    ("Belarus will hold a referendum later this month.", "2022-02-03",
     "later this month", "2022-02", "month"),
    ("Exercises are planned for next month.", "2022-02-03", "next month", "2022-03", "month"),
    ("Last year, officials traveled to Minsk.", "2022-02-03", "Last year", "2021", "year"),
    ("The deal was struck earlier this year.", "2022-02-03",
     "earlier this year", "2022", "year"),
    ("Inflation accelerated late last year.", "2022-02-03", "late last year", "2021", "year"),
    ("The bridge will reopen by the end of the year.", "2022-02-03",
     "by the end of the year", "2022", "year"),
    ("The election was held two days ago.", "2022-02-03", "two days ago", "2022-02-01", "day"),
    ("The flood hit three weeks ago.", "2022-02-03", "three weeks ago", "2022-01-10", "week"),
    ("A year ago, the border was calm.", "2022-02-03", "A year ago", "2021", "year"),
    ("The ceasefire collapsed this past weekend.", "2022-02-03",
     "this past weekend", "2022-01-24", "week"),
    ("Protesters clashed with police over the weekend.", "2022-02-03",
     "the weekend", "2022-01-24", "week"),
]

DEICTIC: list[Row] = [
    ("Yesterday, the court ruled against him.", "2022-02-03",
     "Yesterday", "2022-02-02", "day"),
    ("The council meets tonight.", "2022-02-03", "tonight", "2022-02-03", "day"),
    ("Police arrived this morning.", "2022-02-03", "this morning", "2022-02-03", "day"),
    ("Sirens sounded across the capital last night.", "2022-02-03",
     "last night", "2022-02-02", "day"),
    ("The verdict is due tomorrow.", "2022-02-03", "tomorrow", "2022-02-04", "day"),
]

YEARS: list[Row] = [
    ("Troops have rotated through Lithuania since 2019.", "2022-02-03",
     "since 2019", "2019", "year"),
    ("It was one of the worst droughts of 2019.", "2022-02-03", "2019", "2019", "year"),
    ("He could remain in power until 2035.", "2022-02-03", "until 2035", "2035", "year"),
    ("The protests erupted in 2020.", "2022-02-03", "in 2020", "2020", "year"),
    ("The factory closed in the 1990s.", "2022-02-03", "in the 1990s", "199", None),
    ("Growth slowed in the early 2000s.", "2022-02-03", "in the early 2000s", "200", None),
    ("The church dates from the 14th century.", "2022-02-03", "from the 14th century", "13", None),
    ("Sales fell in the first quarter.", "2022-05-10", "in the first quarter", "2022", "year"),
    ("Sales fell in the third quarter.", "2022-02-03", "in the third quarter", "2021", "year"),
    ("Sales fell in the third quarter of 2021.", "2022-02-03",
     "in the third quarter of 2021", "2021", "year"),
    ("Profit doubled in Q3 2021.", "2022-02-03", "in Q3 2021", "2021", "year"),
    ("The agency overspent in fiscal 2020.", "2022-02-03", "in fiscal 2020", "2020", "year"),
    ("Rates will rise in the first half of next year.", "2022-02-03",
     "in the first half of next year", "2023", "year"),
    ("The economy grew by 3% in mid-2019.", "2022-02-03", "in mid-2019", "2019", "year"),
    ("Tourists returned last summer.", "2022-02-03", "last summer", "2021", "year"),
]

ANAPHORA: list[Row] = [
    ("On Monday, the army crossed the river. The day before, scouts had found a ford.",
     "2022-02-03", "The day before", "2022-01-30", "day"),
    ("The vote took place on Nov. 19, 2019. The next day, protesters gathered.",
     "2022-02-03", "The next day", "2019-11-20", "day"),
    ("The quarter ended Sept. 30, and profit rose from a year earlier.",
     "2021-10-27", "from a year earlier", "2020", "year"),
    ("Rebels took the city on March 5, 2014. Two weeks later, the army withdrew.",
     "2022-02-03", "Two weeks later", "2014-03-17", "week"),
    # a month is too coarse to count weeks from
    ("Rebels took the city in March 2014. Two weeks later, the army withdrew.",
     "2022-02-03", "Two weeks later", None, "week"),
    ("The talks opened on Tuesday. That night, the delegates dined together.",
     "2022-02-03", "That night", "2022-02-01", "day"),
    # an event we cannot date: kept, with no value
    ("The polls closed two days before the vote.", "2022-02-03",
     "two days before", None, "day"),
]

HOLIDAYS: list[Row] = [
    ("Shoppers crowded the malls before Christmas.", "2021-12-20",
     "before Christmas", "2021-12-25", "day"),
    ("Retailers cut prices on Black Friday.", "2021-12-02",
     "on Black Friday", "2021-11-26", "day"),
    ("Fireworks were banned on New Year's Eve.", "2022-01-03",
     "on New Year's Eve", "2021-12-31", "day"),
]


@pytest.mark.parametrize("row", WEEKDAYS + MONTHS + RELATIVE + DEICTIC + YEARS,
                         ids=lambda r: r[2])
def test_expression_resolves(nlp: Language, row: Row) -> None:
    check(nlp, row)


@pytest.mark.parametrize("row", ANAPHORA + HOLIDAYS, ids=lambda r: f"{r[2]} {r[3]}")
def test_anaphora_and_holidays(nlp: Language, row: Row) -> None:
    check(nlp, row)


# -- tense: from the governing verb in the parse ------------------------------------------------

FUTURE: list[Row] = [
    ("The delegation will meet Congress on Tuesday.", "2022-02-03",
     "on Tuesday", "2022-02-08", "day"),
    ("Lithuanian lawmakers are set to ask Congress on Tuesday for more troops.", "2022-02-03",
     "on Tuesday", "2022-02-08", "day"),
    ("Denmark is going to deploy four jets on Monday.", "2022-02-03",
     "on Monday", "2022-02-07", "day"),
    ("The minister is expected to visit Kyiv on Friday.", "2022-02-03",
     "on Friday", "2022-02-04", "day"),
    ("His sentencing is scheduled for Feb. 14.", "2019-11-19", "Feb. 14", "2020-02-14", "day"),
    ("The parliament plans to vote on the bill in May.", "2022-02-03",
     "in May", "2022-05", "month"),
    ("Elections will be held in January.", "2022-02-03", "in January", "2023-01", "month"),
    ("The court will rule in February.", "2022-02-03", "in February", "2022-02", "month"),
    ("The company will report fourth-quarter results on Feb. 2.", "2021-10-27",
     "fourth-quarter", "2021", "year"),
    # the default stays past when the verb is past
    ("The delegation met Congress on Tuesday.", "2022-02-03",
     "on Tuesday", "2022-02-01", "day"),
    ("The parliament voted on the bill in May.", "2022-02-03", "in May", "2021-05", "month"),
]

NEAREST: list[Row] = [
    # reported speech: the future of a speaker who spoke before publication
    ("Johnson vowed that Britain would leave the EU on Oct. 31.", "2019-11-19",
     "on Oct. 31", "2019-10-31", "day"),
    ("Officials said reinforcements would arrive by Thursday.", "2019-11-19",
     "by Thursday", "2019-11-21", "day"),
    # a plan made in the past may have come and gone
    ("Mr. Trump canceled an increase in tariffs planned for Oct. 15.", "2019-11-19",
     "Oct. 15", "2019-10-15", "day"),
    ("The utility was set to begin shutting off power Wednesday.", "2019-11-19",
     "Wednesday", "2019-11-20", "day"),
    # present tense and modals of possibility
    ("Lowe's reports earnings Wednesday.", "2019-11-19", "Wednesday", "2019-11-20", "day"),
    ("Russia could have 30,000 troops in the country by mid-May.", "2022-02-03",
     "by mid-May", "2022-05", "month"),
    # an infinitive takes the tense of the verb it hangs from
    ("He pleaded guilty Monday to threatening to kill a congresswoman in March.", "2019-11-19",
     "in March", "2019-03", "month"),
    ("The union wants to strike in March.", "2019-11-19", "in March", "2020-03", "month"),
    # "would have" is a past counterfactual
    ("The vote would have taken place on Tuesday.", "2022-02-03",
     "on Tuesday", "2022-02-01", "day"),
]


@pytest.mark.parametrize("row", FUTURE, ids=lambda r: r[0][:40])
def test_future_tense_points_ahead(nlp: Language, row: Row) -> None:
    check(nlp, row)


@pytest.mark.parametrize("row", NEAREST, ids=lambda r: r[0][:40])
def test_open_tense_takes_the_nearer_date(nlp: Language, row: Row) -> None:
    check(nlp, row)


# -- not dates ----------------------------------------------------------------------------------

NOT_DATES: list[tuple[str, str]] = [
    ("Vilnius may withdraw from the format, officials said.", "may"),
    ("Lithuania left the 17+1 format last year.", "17+1"),
    ("The initiative provides $150 million a year in military aid.", "a year"),
    ("The initiative provides $150 million per year in military aid.", "per year"),
    ("She served for three years before joining the ministry.", "three years"),
    ("The company hires 17-year-old apprentices.", "17-year-old"),
    ("He was 73 years old when he died.", "73 years"),
    ("Prices have risen every year.", "every year"),
    ("The ministry holds briefings every Tuesday.", "Tuesday"),
    ("Troops have been stationed there for decades.", "decades"),
    ("Inflation has doubled over the past two years.", "the past two years"),
    ("In the past week, 3,000 troops arrived.", "the past week"),
    ("Theresa May resigned after the vote.", "May"),
    ("Thousands march in protest against the law.", "march"),
    ("The army deployed 2,000 troops to the border.", "2,000"),
    ("The index rose to a total score of 2072.", "2072"),
    ("USA Today first reported the story.", "Today"),
    ("At the end of the day, voters will decide.", "the day"),
    ("The feud continues to this day.", "this day"),
    ("In March 15 soldiers were killed.", "15"),
    ("Rescuers worked through the night.", "night"),
    ("The meeting lasted 30 minutes.", "30 minutes"),
]


@pytest.mark.parametrize(("sentence", "fragment"), NOT_DATES, ids=lambda v: str(v)[:40])
def test_not_a_date(nlp: Language, sentence: str, fragment: str) -> None:
    start = sentence.index(fragment)
    end = start + len(fragment)
    found = dates_in(nlp, sentence, "2022-02-03")
    overlapping = [d for d in found if d.span[0] < end and start < d.span[1]]
    assert not overlapping, overlapping


def test_modal_may_and_month_may_in_one_sentence(nlp: Language) -> None:
    found = dates_in(nlp, "He may travel to Kyiv in May.", "2022-02-03")
    assert [(d.text, d.value) for d in found] == [("in May", "2022-05")]


# -- no publication date ------------------------------------------------------------------------

NO_PUBLICATION: list[Row] = [
    ("On Tuesday, the U.S. announced the deployment.", None, "On Tuesday", None, "day"),
    ("Last year, officials traveled to Minsk.", None, "Last year", None, "year"),
    ("In May, Vilnius withdrew from the forum.", None, "In May", None, "month"),
    ("The election was held two days ago.", None, "two days ago", None, "day"),
    ("Lawmakers are in Washington this week.", None, "this week", None, "week"),
    ("Yesterday, the court ruled.", None, "Yesterday", None, "day"),
    # absolute dates still resolve
    ("In November 2021, Taiwan opened an office.", None, "In November 2021", "2021-11", "month"),
    ("The protests began on 19 November 2019.", None, "on 19 November 2019", "2019-11-19", "day"),
    ("Troops have rotated through Lithuania since 2019.", None, "since 2019", "2019", "year"),
    ("The vote took place on Nov. 19, 2019. The next day, protesters gathered.", None,
     "The next day", "2019-11-20", "day"),
]


@pytest.mark.parametrize("row", NO_PUBLICATION, ids=lambda r: r[2])
def test_without_publication_date(nlp: Language, row: Row) -> None:
    check(nlp, row)


# -- year boundaries and leap years -------------------------------------------------------------

BOUNDARIES: list[Row] = [
    # 2022-01-03 is a Monday
    ("In December, the parliament voted.", "2022-01-03", "In December", "2021-12", "month"),
    ("Last week, the army moved north.", "2022-01-03", "Last week", "2021-12-27", "week"),
    ("The report came out on Friday.", "2022-01-03", "on Friday", "2021-12-31", "day"),
    ("The agreement was reached last month.", "2022-01-03", "last month", "2021-12", "month"),
    ("Last year, exports fell.", "2022-01-03", "Last year", "2021", "year"),
    ("The talks will resume in December.", "2022-01-03", "in December", "2022-12", "month"),
    ("The bill passed on Dec. 28.", "2022-01-03", "on Dec. 28", "2021-12-28", "day"),
    # 2021-12-31 is a Friday
    ("The envoy will return next week.", "2021-12-31", "next week", "2022-01-03", "week"),
    ("Prices will rise next month.", "2021-12-31", "next month", "2022-01", "month"),
    ("The election will be held next year.", "2021-12-31", "next year", "2022", "year"),
]

LEAP: list[Row] = [
    ("The vote was held yesterday.", "2024-03-01", "yesterday", "2024-02-29", "day"),
    ("The vote was held on Feb. 29.", "2024-03-01", "on Feb. 29", "2024-02-29", "day"),
    ("The vote was held on Feb. 29.", "2023-03-01", "on Feb. 29", "2020-02-29", "day"),
    ("The company will report on Feb. 29.", "2023-03-01", "on Feb. 29", "2024-02-29", "day"),
    ("The storm hit two days ago.", "2024-03-01", "two days ago", "2024-02-28", "day"),
    ("The storm hit two days ago.", "2023-03-01", "two days ago", "2023-02-27", "day"),
    ("Last week, rain fell.", "2024-03-01", "Last week", "2024-02-19", "week"),
    ("A year ago the river flooded.", "2024-02-29", "A year ago", "2023", "year"),
    ("The deadline is Feb. 30, the ministry said.", "2024-03-01", "Feb. 30", None, "day"),
]


@pytest.mark.parametrize("row", BOUNDARIES + LEAP, ids=lambda r: f"{r[1]} {r[2]}")
def test_year_boundaries_and_leap_years(nlp: Language, row: Row) -> None:
    check(nlp, row)


# -- text and spans -----------------------------------------------------------------------------


def test_text_is_the_span_and_takes_its_preposition(nlp: Language, seed_path: Path) -> None:
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    found = find_dates(doc, date(2022, 2, 3))
    assert found
    for d in found:
        assert doc.text[d.span[0] : d.span[1]] == d.text
    texts = {d.text for d in found}
    assert {"On Tuesday", "In May", "In November 2021", "since 2019"} <= texts


def test_preposition_of_a_possessive_stays_out(nlp: Language) -> None:
    found = dates_in(nlp, "Executives met at October's summit in Lisbon.", "2022-02-03")
    assert [d.text for d in found] == ["October"]


# -- bad input ----------------------------------------------------------------------------------

ODD_INPUTS = [
    "",
    "   \n\n  ",
    "—, . ; ! ?",
    "9999-99-99 and 31/31/2020 and 0000-00-00",
    "December 32, 2020 and Feb. 31 and the 40th of May",
    "In 9999, next year, and the year after, a century later.",
    "Q5 FY99999 mid-99999 the 99th century 1000000s",
    "May May May may May 2019 may",
    "last last last week this this month the the the day before before",
    "a a a few few years ago ago",
]


@pytest.mark.parametrize("text", ODD_INPUTS)
@pytest.mark.parametrize("published", [None, date(2022, 2, 3), date.max, date.min])
def test_odd_input_never_raises(nlp: Language, text: str, published: date | None) -> None:
    for d in find_dates(nlp(text), published):
        assert d.granularity in (None, "day", "week", "month", "year")
