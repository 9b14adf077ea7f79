"""Tokens to classes: one character per token of the parsed document, for the date grammar.

Most words take their class from the lexicon alone ("last" is a shift, "week" a unit). The
ambiguous ones are decided here from the token and its neighbours: "May" is a month, not the
modal, when spaCy tags it DATE, a day or year follows, or a word like "in" or "early" comes
before; "2019" is a year, not a count, in a DATE entity or after "in", "since", "of"; "15" is a
day next to a month unless it counts the noun after it ("In March 15 soldiers died").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import LOWER, SHAPE
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from newsgraph.nlp.dates.lexicon import HYPHENS, Lexicon

_DATE_LABELS = ("DATE", "TIME")
_COUNT_LABELS = ("MONEY", "PERCENT", "QUANTITY")
#: Years we read as years: from the middle ages to two centuries ahead ("until 2100"); larger
#: four-digit numbers in the benchmark pages were model numbers and prices.
_YEARS = range(1000, 2200)
#: spaCy word shape hash -> whether the shape has a digit ("dddd", "xxx-dddd", "Xd"); shapes
#: are few (runs of one kind are cut at four), so this fills up within the first articles.
_DIGIT_SHAPES: dict[int, bool] = {}

_YEAR = re.compile(r"\d{4}")
_SMALL = re.compile(r"\d{1,2}")
_NUMBER = re.compile(r"\d+")
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_DECADE = re.compile(r"(?:(?:early|mid|late)-)?(\d{3})0s")
_SHORT_DECADE = re.compile(r"(\d)0s")
_MODIFIED_YEAR = re.compile(r"(?:early|mid|late)-(\d{4})")
_FISCAL_YEAR = re.compile(r"fy-?(\d{4}|\d{2})")
_QUARTER = re.compile(r"q([1-4])")
_NUMERIC_DATE = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.\d{4}"
)
_SPLIT_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def classify(doc: Doc, lex: Lexicon) -> tuple[str, list[Any]]:
    """The class string of the document and each token's value (None where it has none).

    Words are looked up by spaCy's hash straight from `Doc.to_array`: a Token object is made
    only for the few tokens whose class needs a look at them (digits, months, weekdays,
    holidays, hyphens), which keeps this pass well under a millisecond for an article.
    """
    # two flat lists: a 2-D array's tolist() costs more than the whole loop below
    lowers = doc.to_array(LOWER).tolist()
    shapes = doc.to_array(SHAPE).tolist()
    classes = ["x"] * len(lowers)
    values: list[Any] = [None] * len(lowers)
    static, candidates, digits = lex.static_ids, lex.candidate_ids, _DIGIT_SHAPES
    skip = 0
    for i, (lower, shape) in enumerate(zip(lowers, shapes, strict=True)):
        if i < skip:
            continue
        hit = static.get(lower)
        if hit is not None:
            if hit[0] != "R" or not _in_name(doc, i, lex):
                classes[i], values[i] = hit
        elif lower in candidates:
            skip = i + _candidate(doc, i, lex, classes, values)
        elif digits.get(shape, True) and _has_digit(shape, doc.vocab.strings):
            skip = i + _shape(doc, i, doc[i], lex, classes, values)
    return "".join(classes), values


def _in_name(doc: Doc, i: int, lex: Lexicon) -> bool:
    """"Today" of "USA Today" or NBC's "Today": a name, not the publication day."""
    token = doc[i]
    if token.ent_type_ in lex.name_labels:
        return True
    return (
        token.text[:1].isupper()
        and not token.is_sent_start
        and i > 0
        and doc[i - 1].tag_ in ("NNP", "NNPS")
    )


def _has_digit(shape: int, strings: StringStore) -> bool:
    """Whether a word shape has a digit. The loop above asks the cache first and calls this
    only for shapes it has not seen or that have digits."""
    known = _DIGIT_SHAPES.get(shape)
    if known is None:
        known = _DIGIT_SHAPES[shape] = "d" in strings[shape]
    return known


def _candidate(
    doc: Doc, i: int, lex: Lexicon, classes: list[str], values: list[Any]
) -> int:
    """Class a month, weekday, holiday or hyphen; returns how many tokens it took."""
    token = doc[i]
    lower = token.lower_
    if lower in HYPHENS:
        if not token.whitespace_ and i and not doc[i - 1].whitespace_:
            classes[i] = "~"
        return 1
    if lower in lex.holidays:
        taken = _holiday(doc, i, token, lex, classes, values)
        if taken:
            return taken
    _word(doc, i, token, lower, lex, classes, values)
    return 1


def _word(
    doc: Doc, i: int, token: Token, lower: str, lex: Lexicon,
    classes: list[str], values: list[Any],
) -> None:
    if not token.text[:1].isupper():
        return
    month = _month(doc, i, token, lower, lex)
    if month is not None:
        classes[i], values[i] = "M", month
        return
    weekday = lex.weekdays.get(lower)
    if weekday is not None and token.ent_type_ not in lex.name_labels:
        classes[i], values[i] = "W", weekday
        return
    weekday = lex.weekday_abbreviations.get(lower)
    if weekday is not None and token.ent_type_ in _DATE_LABELS:
        classes[i], values[i] = "W", weekday


def _month(doc: Doc, i: int, token: Token, lower: str, lex: Lexicon) -> int | None:
    number = lex.months.get(lower)
    if number is not None:
        if token.tag_ == "MD":
            return None
        follows = _number_follows(doc, i)
        if token.ent_type_ in lex.name_labels and not follows:
            return None
        if lower in lex.ambiguous_months and not (
            follows or token.ent_type_ in _DATE_LABELS or _before(doc, i) in lex.month_before
        ):
            return None
        return number
    number = lex.month_abbreviations.get(lower)
    if number is not None and (_number_follows(doc, i) or token.ent_type_ in _DATE_LABELS):
        return number
    return None


def _number_follows(doc: Doc, i: int) -> bool:
    if i + 1 >= len(doc):
        return False
    text = doc[i + 1].text
    return bool(_SMALL.fullmatch(text) or _YEAR.fullmatch(text) or _ORDINAL.fullmatch(text))


def _before(doc: Doc, i: int) -> str:
    return doc[i - 1].lower_ if i else ""


def _is_month_word(lower: str, lex: Lexicon) -> bool:
    return lower in lex.months or lower in lex.month_abbreviations


def _shape(
    doc: Doc, i: int, token: Token, lex: Lexicon, classes: list[str], values: list[Any]
) -> int:
    """Class a token with a digit in it ("2019", "19th", "1990s", "mid-2019", "FY2019", "Q3",
    "11/19/2019"); returns how many tokens it took."""
    word = token.text
    lower = token.lower_
    if _YEAR.fullmatch(word):
        iso = _split_iso(doc, i)
        if iso:
            return _take(i, "i", iso, classes, values)
        number = int(word)
        year = _is_year(doc, i, token, number, lex, classes)
        classes[i], values[i] = ("y" if year else "n"), number
    elif _SMALL.fullmatch(word):
        number = int(word)
        day = 1 <= number <= 31 and _is_day(doc, i, token, lex)
        classes[i], values[i] = ("d" if day else "n"), number
    elif m := _ORDINAL.fullmatch(lower):
        classes[i], values[i] = "o", int(m.group(1))
    elif m := _DECADE.fullmatch(lower):
        classes[i], values[i] = "k", m.group(1)
    elif (m := _SHORT_DECADE.fullmatch(lower)) and classes[i - 1 if i else 0] in "'t":
        digit = m.group(1)
        classes[i], values[i] = "k", ("20" if digit in "012" else "19") + digit
    elif m := _MODIFIED_YEAR.fullmatch(lower):
        classes[i], values[i] = "y", int(m.group(1))
    elif m := _FISCAL_YEAR.fullmatch(lower):
        digits = m.group(1)
        classes[i], values[i] = "y", int(digits) + (2000 if len(digits) == 2 else 0)
    elif m := _QUARTER.fullmatch(lower):
        classes[i], values[i] = "q", int(m.group(1))
    elif _NUMERIC_DATE.fullmatch(word):
        classes[i], values[i] = "i", word
    elif _NUMBER.fullmatch(word):
        classes[i], values[i] = "n", int(word)
    return 1


def _is_year(
    doc: Doc, i: int, token: Token, number: int, lex: Lexicon, classes: list[str]
) -> bool:
    """A four-digit number is a year after a date preposition or a month, or where spaCy tags
    it DATE and it is not part of a model name or a row of figures."""
    if number not in _YEARS or token.ent_type_ in _COUNT_LABELS:
        return False
    before = _before(doc, i)
    if before in lex.year_before or _is_month_word(before, lex):
        return True
    # "the end of 2018", "the first half of 2019", "May of 2019", "the summer of 2019"; after
    # other words only where spaCy saw a date ("the best phones of 2019"), as for a bare number
    if before == "of" and i >= 2:
        if classes[i - 2] in "BUMZ":
            return True
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in doc[i - 2].children):
            return False  # "a total score of 2072", "a depth of 1200": a measure
    if token.ent_type_ not in _DATE_LABELS:
        # "Nov. 19, 2019" when spaCy left the year out of the date
        return before == "," and i >= 3 and _is_month_word(doc[i - 3].lower_, lex)
    # spaCy's DATE also takes model numbers ("RTX 2060") and table cells ("2194 1 0 10 17")
    if i and doc[i - 1].tag_ == "NNP" and doc[i - 1].ent_type_ != "DATE":
        return False
    return not (i + 1 < len(doc) and doc[i + 1].like_num)


def _is_day(doc: Doc, i: int, token: Token, lex: Lexicon) -> bool:
    """A day of a month next to it, not the count of the noun after it: "March 15", "Feb 24
    (Reuters)" and "the Sept. 11 attacks", but "In March 15 soldiers were killed" (spaCy reads
    that 15 as a day)."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and _is_month_word(after.lower_, lex):
        return True
    before = _before(doc, i)
    if before in lex.month_abbreviations:
        return True  # abbreviations only ever come with days
    if before in lex.months:
        if after is not None and after.tag_ in ("NNS", "NNPS"):
            return not _counts_after_month(doc, i)
        return token.ent_type_ in _DATE_LABELS or not (after and after.tag_.startswith("NN"))
    return token.ent_type_ in _DATE_LABELS


def _counts_after_month(doc: Doc, i: int) -> bool:
    """A number after "in March" (a month closing a prepositional phrase) that stands before a
    plural noun counts it; "the March 15 elections" is a date."""
    return i >= 2 and doc[i - 2].tag_ == "IN"


def _split_iso(doc: Doc, i: int) -> tuple[str, int] | None:
    """"2019-11-19", which spaCy splits in five tokens: the text and the token count."""
    if i + 4 >= len(doc):
        return None
    parts = doc[i : i + 5]
    if any(t.whitespace_ for t in parts[:4]):
        return None
    text = parts.text
    return (text, 5) if _SPLIT_ISO.fullmatch(text) else None


def _holiday(
    doc: Doc, i: int, token: Token, lex: Lexicon, classes: list[str], values: list[Any]
) -> int:
    """Class a holiday name; returns how many tokens it took (0: not a holiday)."""
    if not token.text[:1].isupper():
        return 0
    for rest, spec in lex.holidays[token.lower_]:
        end = i + 1 + len(rest)
        if end <= len(doc) and all(
            doc[i + 1 + k].lower_.replace("’", "'") == word for k, word in enumerate(rest)
        ):
            return _take(i, "H", (spec, end - i), classes, values)
    return 0


def _take(
    i: int, cls: str, found: tuple[str, int], classes: list[str], values: list[Any]
) -> int:
    """Give token i the class and the value of `found` (value, token count), and the tokens
    after it the continuation class 'j'; returns the token count."""
    value, count = found
    classes[i], values[i] = cls, value
    for k in range(i + 1, i + count):
        classes[k] = "j"
    return count
