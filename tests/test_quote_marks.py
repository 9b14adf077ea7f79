"""Quotation-mark pairing (`newsgraph.nlp.quotes.marks`): pure text, no parser."""

from __future__ import annotations

import pytest

from newsgraph.nlp.quotes.marks import find_marked, paragraph_spans


def quoted(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We know the price,” she said.", ["We know the price,"]),
        ('"It\'s over," the coach said. "We\'ll be back."', ["It's over,", "We'll be back."]),
        # apostrophes inside words and after a plural s do not pair with anything
        (
            "Beijing has sought to capitalize on the Balkans’ frustration. “That’s not "
            "so,” said the Joneses’ lawyer. “We don’t agree.”",
            ["That’s not so,", "We don’t agree."],
        ),
        # British copy: single marks, with possessives and contractions inside
        (
            "‘The players’ attitude wasn’t acceptable,’ Lindgren said. ‘The lads’ belief was "
            "incredible.’",
            ["The players’ attitude wasn’t acceptable,", "The lads’ belief was incredible."],
        ),
        # nested single marks stay inside the double-quoted stretch
        ("“He told me ‘go home’ and left,” she said.", ["He told me ‘go home’ and left,"]),
        # elisions after a space are not opening marks
        ("The ’90s were ‘great’ years, ’til they ended.", ["great"]),
        # a ” typed where “ was meant still opens
        ("He said ”we will win” and left.", ["we will win"]),
        # AP-style closing with two single marks
        ("“It was an attempt to mislead,’’ Moy said.", ["It was an attempt to mislead,"]),
        ("no quotation marks at all", []),
        ("", []),
        ("5\" by 7\" frames", []),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_a_quotation_left_open_continues_into_the_next_paragraph() -> None:
    text = ("Cheuk said: “These rioters are criminals.\n\n“Other than coming out, I don’t see "
            "any option.”\n\nThe police agreed.")
    marks = find_marked(text)
    assert [text[m.start : m.end] for m in marks] == [
        "These rioters are criminals.",
        "Other than coming out, I don’t see any option.",
    ]
    assert [m.continues for m in marks] == [False, True]
    assert marks[0].close_at is None and marks[1].close_at is not None
    assert [m.paragraph for m in marks] == [0, 1]


def test_an_unclosed_stray_mark_does_not_swallow_its_paragraph() -> None:
    assert quoted("The shelf is 40“ wide and sturdy.") == []


def test_an_unclosed_quotation_of_several_words_runs_to_the_paragraph_end() -> None:
    assert quoted("He said: “we will never give up on this town\n\nNext paragraph.") == [
        "we will never give up on this town"
    ]


def test_paragraph_spans_skip_blank_paragraphs() -> None:
    text = "One.\n\n\n\nTwo.\n\n  \n\nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two.", "Three."]
