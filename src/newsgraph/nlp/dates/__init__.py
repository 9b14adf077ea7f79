"""Dates: every temporal expression of the article, resolved against the publication date.

1. every token gets a class character (`timex_tokens`: month, weekday, unit, shift, year...),
   the ambiguous ones ("May", "2019", "15") decided from the parse and the entities;
2. the grammar (`data/dates/grammar.toml`), one regular expression over that class string,
   finds the expressions in one pass;
3. each match is read by its rule's interpreter (`timex_rules`) and resolved: against the
   publication date, against the tense of its verb (`timex_tense`) for a weekday or month
   without a year, or against the last date mentioned ("the next day").

What is not a date: durations ("for three years", "the past two weeks", "decades"), rates and
habits ("$150 million a year", "every Tuesday"), ages ("17-year-old"), clock times alone. They
are not points in time, and the record has no place for them, so they are left out rather than
given a null value. A date that is one but cannot be resolved (no publication date, "the day
before the vote") keeps `value: null` and its granularity. Values follow CONTRACT.md, and a
decade or century, larger than any unit of the contract, is the TimeML prefix ("199" for the
1990s, "20" for the 21st century) with a null granularity.
"""

from __future__ import annotations

import logging
from datetime import date

from spacy.tokens import Doc

from newsgraph.nlp.dates.lexicon import lexicon
from newsgraph.nlp.dates.rules import RULES, Context, Expression, Resolution
from newsgraph.nlp.dates.tokens import classify
from newsgraph.record import DateRef

log = logging.getLogger(__name__)


def find_dates(doc: Doc, published: date | None) -> list[DateRef]:
    """The article's dates in text order, each with its text as written and its span."""
    if not len(doc):
        return []
    lex = lexicon()
    classes, values = classify(doc, lex)
    ctx = Context(doc, classes, values, published, lex)
    dates: list[DateRef] = []
    for match in lex.pattern.finditer(classes):
        expr = Expression(ctx, match.start(), match.end())
        if expr.before in lex.frequency_before:
            continue  # "every Tuesday", "each May": habits
        resolution = _interpret(expr, match.lastgroup or "")
        if resolution is None:
            continue
        if resolution.point is not None:
            ctx.points.append(resolution.point)
        dates.append(_date_ref(expr, resolution))
    return dates


def _interpret(expr: Expression, rule: str) -> Resolution | None:
    try:
        return RULES[rule](expr)
    except (ValueError, OverflowError) as e:  # a date out of range ("December 32, 9999")
        log.debug("date %r not resolved: %s", expr.ctx.doc[expr.start : expr.end].text, e)
        return None


def _date_ref(expr: Expression, resolution: Resolution) -> DateRef:
    """The reference, its text taking in a preposition that introduces it ("On Tuesday")."""
    doc, lex = expr.ctx.doc, expr.ctx.lex
    start = expr.start
    possessive = expr.end < len(doc) and doc[expr.end].tag_ == "POS"  # "at October's summit"
    if (
        start
        and not possessive
        and doc[start - 1].lower_ in lex.prepositions
        and doc[start - 1].tag_ == "IN"
    ):
        start -= 1
    words = doc[start : expr.end]
    return DateRef(
        text=words.text,
        value=resolution.value,
        granularity=resolution.granularity,
        span=(words.start_char, words.end_char),
    )
