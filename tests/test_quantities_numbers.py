"""Numerals: how numbers are written in the news and what they are worth (`nlp.numbers`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.nlp.quantities.numbers import Numeral, scan_numerals


def numerals(nlp: Language, text: str) -> list[tuple[str, Numeral]]:
    doc = nlp(text)
    return [(doc[n.start : n.end].text, n) for n in scan_numerals(doc)]


# (text, the numeral as written, value, currency, vague phrase, upper bound)
CASES = [
    ("They sent six tanks.", "six", 6, None, None, None),
    ("They sent 3,000 troops.", "3,000", 3000, None, None, None),
    ("It has 5.1 million people.", "5.1 million", 5_100_000, None, None, None),
    ("Exports reached 1.5bn last year.", "1.5bn", 1_500_000_000, None, None, None),
    ("They bought a dozen drones.", "a dozen", 12, None, None, None),
    ("They bought two dozen drones.", "two dozen", 24, None, None, None),
    ("Some twenty-five soldiers died.", "twenty-five", 25, None, None, None),
    ("It employs two hundred and fifty people.", "two hundred and fifty", 250, None, None, None),
    ("It took in three hundred and fifty thousand people.", "three hundred and fifty thousand",
     350_000, None, None, None),
    ("It took in half a million refugees.", "half a million", 500_000, None, None, None),
    ("It took in a million refugees.", "a million", 1_000_000, None, None, None),
    ("The census counted 1,200,000 people.", "1,200,000", 1_200_000, None, None, None),
    ("The city has 3m people.", "3m", 3_000_000, None, None, None),
    ("It received $150 million a year.", "$150 million", 150_000_000, "USD", None, None),
    ("The EU pledged €2bn.", "€2bn", 2_000_000_000, "EUR", None, None),
    ("Britain paid £30m on Monday.", "£30m", 30_000_000, "GBP", None, None),
    ("Britain paid £30m.", "£30m.", 30_000_000, "GBP", None, None),  # "m." is one token
    ("The firm raised US$1.2bn.", "US$1.2bn", 1_200_000_000, "USD", None, None),
    ("The deal is worth HK$3bn.", "HK$3bn", 3_000_000_000, "HKD", None, None),
    ("The bank lent A$20 million.", "A$20 million", 20_000_000, "AUD", None, None),
    ("Japan spent ¥500 billion.", "¥500 billion", 500_000_000_000, "JPY", None, None),
    ("India set aside Rs 500 crore.", "Rs 500 crore", 5_000_000_000, "INR", None, None),
    ("The fund holds USD 5 million.", "USD 5 million", 5_000_000, "USD", None, None),
    ("Britain gave £1.2tn.", "£1.2tn", 1_200_000_000_000, "GBP", None, None),
    ("It costs $400m.", "$400m.", 400_000_000, "USD", None, None),
    # vague magnitudes: the lower bound the words allow (see data/quantities/numbers.toml)
    ("Thousands of people fled.", "Thousands", 2000, None, "thousands of", None),
    ("Tens of thousands of people fled.", "Tens of thousands", 20_000, None,
     "tens of thousands of", None),
    ("Hundreds of thousands of people fled.", "Hundreds of thousands", 200_000, None,
     "hundreds of thousands of", None),
    ("Dozens were hurt.", "Dozens", 24, None, "dozens", None),
    ("Several hundred soldiers left.", "Several hundred", 300, None, "several hundred", None),
    ("A few thousand soldiers left.", "A few thousand", 2000, None, "few thousand", None),
    # ranges keep the lower bound and the upper one
    ("Between 20 and 30 people died.", "Between 20 and 30", 20, None, None, 30),
    ("Some 20-30 people died.", "20-30", 20, None, None, 30),
    ("Some 20 to 30 people died.", "20 to 30", 20, None, None, 30),
    ("Two or three countries said no.", "Two or three", 2, None, None, 3),
    ("It will cost $20-30 million.", "$20-30 million", 20_000_000, "USD", None, 30_000_000),
    ("It will cost between 3 and 5 billion dollars.", "between 3 and 5 billion",
     3_000_000_000, None, None, 5_000_000_000),
]


@pytest.mark.parametrize(("text", "written", "value", "currency", "vague", "high"), CASES)
def test_numeral(nlp: Language, text: str, written: str, value: float, currency: str | None,
                 vague: str | None, high: float | None) -> None:
    found = dict(numerals(nlp, text))
    assert written in found, f"{written!r} not among {list(found)}"
    num = found[written]
    assert num.value == pytest.approx(value)
    assert num.currency == currency
    assert num.vague == vague
    assert num.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize(
    ("text", "not_written"),
    [
        ("It rose from 20 to 30 percent.", "from 20 to 30"),  # a change, not a range
        ("They won 3-1 at home.", "3-1"),  # a score: the high end is lower
        ("The F-16s and COVID-19 and G7 and 1990s.", "16"),  # model names and decades
        ("He scores goals for fun.", "scores"),  # a verb, not "scores of"
    ],
)
def test_not_a_numeral(nlp: Language, text: str, not_written: str) -> None:
    assert not_written not in dict(numerals(nlp, text))


def test_ranges_join_only_adjacent_numbers(nlp: Language) -> None:
    written = [w for w, _ in numerals(nlp, "In 2019 500 people came, and 20 to 30 left.")]
    assert written == ["2019", "500", "20 to 30"]
