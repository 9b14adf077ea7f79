"""Numbers that are not quantities, whatever noun follows them.

Years, dates and times ("in 1940", "2019-2020"), ages ("John Smith, 45,", "aged 45"),
percentages, ordinals, ratios ("one in five"), labels and names with numbers ("Article 5",
"No. 10", "Leopard 2", "17+1", "24/7"), the pronoun "one" ("one of the", "no one"), and numbers
inside a short quoted phrase without a verb (slogans and titles: "one country, two systems").
Durations, measures, scores and page furniture ("three days", "30 km", "a 3-1 win", "12
comments") are left out later, by their unit (``data/quantities/units.toml`` [not_units]).
Model designations ("F-16", "COVID-19", "G7") are single tokens the numeral scanner never reads
as numbers.

Two more are decided once the counted noun is known: definite references ("the two leaders",
"the only two Arab states": which things, not how many; `definite_reference`) and capacities
("a jet seating 300 passengers", "a cell meant for 35"; `capacity`).
"""

from __future__ import annotations

import bisect
import functools

import numpy as np
import numpy.typing as npt
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quantities.lexicon import QuantityLexicon, key
from newsgraph.nlp.quantities.numbers import Numeral
from newsgraph.nlp.quantities.units import singular_keys

_DATE_LABELS = frozenset({"DATE", "TIME"})
#: Entities whose numbers are part of a name ("Group of 20", "Boeing 737 Max", "Fortune 500",
#: "Resolution 2334"), a share or a rank.
_NAME_LABELS = frozenset({"PERCENT", "ORDINAL", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC",
                          "ORG", "LANGUAGE"})
_PERCENT = frozenset({"%", "percent", "pct", "percentage", "percentile"})
_YEAR_BEFORE = frozenset({"in", "since", "by", "until", "till", "from", "of", "before", "after",
                          "during", "circa", "early", "late", "mid", "between", "year", "spring",
                          "summer", "autumn", "fall", "winter", "'s", "’s"})
_ONE_NOT_A_COUNT_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which",
                                     "some", "someone", "anyone", "everyone", "another", "last"})
_ONE_NOT_A_COUNT_AFTER = frozenset({"of", "another", "by", "day", "or", "way", "thing", "point",
                                    "side", "hand", "another's"})
#: Words that open a date after a number the tagger put in the same DATE entity.
_DATE_OPENERS = frozenset({"the", "this", "that", "last", "next", "a", "an", "per", "each",
                           "every"})
_AGE_BEFORE = frozenset({"aged", "age", "ages", "ageing", "age of"})
_INCH_MARKS = frozenset({'"', "″", "′", "'", "”"})
_GLUE = frozenset({"+", "/", ":", "x", "×", "^"})
#: A quoted fragment this short without a verb is a slogan, title or scare quote, not a report.
_MAX_QUOTED = 8
_OPEN_QUOTES = frozenset({"“", '"', "‘", "«", "„"})
_CLOSE_QUOTES = frozenset({"”", '"', "’", "»", "“"})


def not_a_quantity(doc: Doc, num: Numeral, lex: QuantityLexicon, quotes: list[int]) -> bool:
    """Whether the number at `num` is a date, age, label, ratio, percentage or other non-count."""
    first = doc[num.start]
    before = doc[num.start - 1] if num.start > 0 else None
    after = doc[num.end] if num.end < len(doc) else None
    return (
        _dateish(doc, num, before, lex)
        or (after is not None and (after.lower_ in _PERCENT or _per_cent(doc, num.end)
                                  or after.ent_type_ == "PERCENT"
                                  or after.ent_type_ == "ORDINAL"))
        or (first.ent_type_ in _NAME_LABELS and not num.currency and not num.scaled
            and "," not in first.text)
        or _glued(doc, num, before, after)
        or _label(num, first, before, after, lex)
        or _age(doc, num, before, after)
        or _pronoun_one(num, first, before, after)
        or _ratio(doc, num, after)
        or _quoted_fragment(doc, num, quotes)
    )


def _per_cent(doc: Doc, i: int) -> bool:
    """ "5.25 per cent" (token i is "per"): a share; "$44 million per week" is a rate."""
    return doc[i].lower_ == "per" and i + 1 < len(doc) and doc[i + 1].lower_ in ("cent", "mille")


def _dateish(doc: Doc, num: Numeral, before: Token | None, lex: QuantityLexicon) -> bool:
    tokens = doc[num.start : num.end]
    year = (
        num.high is None and not num.scaled and not num.currency and num.end - num.start == 1
        and len(tokens[0].text) == 4 and tokens[0].text.isdigit() and 1000 <= num.value <= 2100
    )
    in_date = _in_date(doc, num, lex)
    if year and (in_date or before is None or before.lower_ in _YEAR_BEFORE
                 or before.tag_ in ("IN", "NNP")):
        return True
    # in a date or time expression, only a count with thousands separators or a scale survives
    # ("3,000 troops" mislabelled DATE); "five days", "the 1990s", "10 a.m." do not
    return in_date and not (num.scaled or "," in tokens[-1].text or num.currency)


def _in_date(doc: Doc, num: Numeral, lex: QuantityLexicon) -> bool:
    """In a DATE or TIME entity with a word of time in it ("May 5", "10 a.m.", "the last 20
    years"). The tagger also labels counts so ("Between 20 and 30", "14 boats overnight"):
    without a word of time the label is not trusted."""
    tokens = doc[num.start : num.end]
    ent = next((t for t in tokens if t.ent_type_ in _DATE_LABELS), None)
    if ent is None:
        return False
    if num.end < len(doc) and doc[num.end].lower_ in _DATE_OPENERS:
        return False  # "up from 45 the week before", "300 last year": the date starts after
    i, j = ent.i, ent.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
        j += 1
    return any(
        not (num.start <= t.i < num.end) and (t.lower_ in lex.date_words or lemma(t) in
                                              lex.date_words)
        for t in doc[i : j + 1]
    )


def _glued(doc: Doc, num: Numeral, before: Token | None, after: Token | None) -> bool:
    """ "17+1", "24/7", "3:1", "+1 202 555", "787-9", "A350-900", "a 3-1 win", 22" (inches):
    a number glued to an operator, a mark or another number is a name, a code or a score."""
    last = doc[num.end - 1]
    if after is not None and not last.whitespace_:
        if unit_price(doc, num):
            return False  # "$0.23/W", "€1.10/litre": a price per unit, see _rate
        if after.text in _GLUE or after.text in _INCH_MARKS:
            return True
        if after.text in ("-", "–") and num.end + 1 < len(doc) and _has_digit(doc[num.end + 1]):
            return True  # ranges were joined before: what is left is "3-1", "787-9"
    if before is None or before.whitespace_:
        return False
    if before.text in _GLUE:
        return True
    return before.text in ("-", "–") and num.start >= 2 and _has_digit(doc[num.start - 2]) and (
        not doc[num.start - 2].whitespace_
    )


def unit_price(doc: Doc, num: Numeral) -> bool:
    """ "$0.23/W", "$2.50/gallon", "€0.30/kWh": money glued to a slash and a unit word."""
    end = num.end
    return num.currency is not None and end + 1 < len(doc) and doc[end].text == "/" and (
        not doc[end - 1].whitespace_ and not doc[end].whitespace_
        and doc[end + 1].is_alpha and len(doc[end + 1]) <= _MAX_UNIT_CHARS)


#: A unit written after a slash is an abbreviation or a word ("W", "kWh", "MMBtu", "gallon").
_MAX_UNIT_CHARS = 8


def _has_digit(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text)


def _label(
    num: Numeral, first: Token, before: Token | None, after: Token | None, lex: QuantityLexicon
) -> bool:
    """ "Article 5", "No. 10", "Flight 370"; "Leopard 2", "Boeing 737" (a proper noun + digits);
    "737 Max", "400 737 Max jets" (a model number, or a number right after another)."""
    single = num.end - num.start == 1 and first.text.isdigit() and num.high is None
    if single and after is not None and lex.model_numbers.fullmatch(first.text) and (
        after.text[:1].isupper() or after.text in ("-", "–")
    ):
        return True
    if before is None:
        return False
    if before.text == "." and num.start >= 2 and doc_lower(first, -2) in lex.labels:
        return True  # "No. 2": the tokenizer may split the abbreviation's period
    if single and before.like_num and before.whitespace_ and before.text[-1:].isdigit():
        return True  # "roughly 400 737 Max jets": the second number names the first's thing
    if before.lower_ in lex.labels and before.lower_ not in lex.kinds:
        return True
    if single and before.tag_ == "POS" and num.start >= 2 and (
        key(doc_text(first, -2)) in lex.makers and lex.model_numbers.fullmatch(first.text)
    ):
        return True  # "Boeing's 787 jets"
    return (
        before.tag_ in ("NNP", "NNPS") and before.ent_type_ not in _DATE_LABELS
        and num.end - num.start == 1 and first.text.isdigit() and not num.currency
        and num.high is None and lex.model_kind(first.text) is None
    )


def doc_text(tok: Token, offset: int) -> str:
    """The text of the token `offset` places from `tok` ("" off the document)."""
    i = tok.i + offset
    return tok.doc[i].text if 0 <= i < len(tok.doc) else ""


def doc_lower(tok: Token, offset: int) -> str:
    """The lower-case text of the token `offset` places from `tok` ("" off the document)."""
    i = tok.i + offset
    return tok.doc[i].lower_ if 0 <= i < len(tok.doc) else ""


def _age(doc: Doc, num: Numeral, before: Token | None, after: Token | None) -> bool:
    """ "aged 45", "John Smith, 45, said" (a number between commas after a name)."""
    if before is None:
        return False
    if before.lower_ in _AGE_BEFORE:
        return True
    if before.text == "," and num.start >= 2 and after is not None and after.text in (",", "."):
        name = doc[num.start - 2]
        return name.ent_type_ == "PERSON" or name.tag_ in ("NNP", "NNPS")
    return False


def _pronoun_one(num: Numeral, first: Token, before: Token | None, after: Token | None) -> bool:
    if num.end - num.start != 1 or first.lower_ != "one":
        return False
    return (before is not None and before.lower_ in _ONE_NOT_A_COUNT_BEFORE) or (
        after is not None and after.lower_ in _ONE_NOT_A_COUNT_AFTER
    )


def _ratio(doc: Doc, num: Numeral, after: Token | None) -> bool:
    """ "one in five adults", "1 out of 3": a share, not a count (either of its numbers)."""
    if num.start >= 2 and doc[num.start - 1].lower_ in ("in", "of") and _ratio_head(
        doc[num.start - 2]
    ):
        k = num.start - 2 if doc[num.start - 1].lower_ == "in" else num.start - 3
        return k >= 0 and _ratio_head(doc[k]) and (
            doc[num.start - 1].lower_ == "in" or doc[num.start - 2].lower_ == "out"
        )
    if after is None or after.lower_ not in ("in", "out"):
        return False
    k = num.end + (2 if after.lower_ == "out" else 1)
    return k < len(doc) and _ratio_head(doc[k])


def _ratio_head(tok: Token) -> bool:
    """A small number that can be a ratio's term: "1", "five", "ten" (not "2021")."""
    return tok.like_num and not (tok.text.isdigit() and len(tok.text) == 4) and tok.text != ","


def quote_marks(cols: npt.NDArray[np.uint64]) -> list[int]:
    """Indices of the quotation-mark tokens (`cols` from `numbers.token_columns`), in order."""
    found: list[int] = np.flatnonzero(np.isin(cols[:, 0], _quote_hashes())).tolist()
    return found


@functools.cache
def _quote_hashes() -> npt.NDArray[np.uint64]:
    return np.array([get_string_id(q) for q in _OPEN_QUOTES | _CLOSE_QUOTES], dtype=np.uint64)


def _quoted_fragment(doc: Doc, num: Numeral, quotes: list[int]) -> bool:
    """Inside quotation marks that close within a few tokens around a verbless phrase."""
    at = bisect.bisect_left(quotes, num.start)
    if at == 0 or at >= len(quotes):
        return False
    lo, hi = quotes[at - 1], quotes[at]
    if hi < num.end or hi - lo > _MAX_QUOTED + 1 or doc[lo].text not in _OPEN_QUOTES:
        return False
    if doc[lo].tag_ == "''" or doc[hi].text not in _CLOSE_QUOTES or doc[hi].tag_ == "``":
        return False
    inside = doc[lo + 1 : hi]
    return not any(
        t.tag_.startswith("VB") or t.tag_ == "MD" or (t.is_sent_start and t.i > lo + 1)
        for t in inside
    )


def definite_reference(doc: Doc, num: Numeral, head: Token | None, lex: QuantityLexicon) -> bool:
    """ "the two leaders", "the only two Arab states", "these three companies": a small count
    after a definite determiner names things already introduced (``units.toml`` [anaphora])."""
    if head is None or head.i < num.end or num.scaled or num.vague or num.high is not None:
        return False
    if num.value > lex.anaphora_max or num.currency is not None:
        return False
    i, identifying, rest = num.start - 1, False, False
    while i >= 0 and num.start - i <= 3 and doc[i].lower_ in lex.anaphora_between:
        identifying = identifying or doc[i].lower_ in lex.anaphora_identifying
        rest = rest or doc[i].lower_ in lex.anaphora_rest
        i -= 1
    if i < 0 or doc[i].lower_ not in lex.anaphora_determiners:
        return False
    if identifying:
        return True
    if rest:
        return False  # "the other two contractors", "the remaining 11 hostages": how many more
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.like_num:
        return False  # "11 of the 12 cities": the whole a share is taken of
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights)


def abstract_count(num: Numeral, head: Token | None, lex: QuantityLexicon) -> bool:
    """ "three confirmed diagnoses", "nine state charges", "Three countries where ...": a small
    count of an abstraction or of countries describes the case, it is no figure
    (``units.toml`` [abstract])."""
    if head is None or num.scaled or num.vague or num.value > lex.abstract_max:
        return False
    return any(form in lex.abstract for form in singular_keys(head))


def singular_phrase(doc: Doc, first: int, num: Numeral, head: Token | None) -> bool:
    """ "a 40 Under 40 Award recipient", "a 3 bedroom flat": a number inside a noun phrase with
    "a" and a singular head describes one thing (`first`: the quantity's first token)."""
    if head is None or head.tag_ != "NN" or head.i < num.end or num.value <= 1:
        return False
    i = first - 1
    while i >= 0 and first - i <= 3 and (doc[i].like_num or doc[i].is_title):
        i -= 1  # "a 40 Under 40 Award recipient": a title with numbers in it
    return i >= 0 and doc[i].lower_ in ("a", "an")


def capacity(tokens: tuple[Token, ...], lex: QuantityLexicon) -> bool:
    """ "seating 242 to 330 passengers", "a cell meant for 35", "a capacity of 60,000", "the
    plane can carry 300 people": what something holds at most, not a count of things. `tokens`:
    what a verb may govern (the counted noun, the number's first token for a range)."""
    return any(_capacity(tok, lex) for tok in tokens)


def _capacity(governed: Token, lex: QuantityLexicon) -> bool:
    head = governed.head
    dep = governed.dep_
    if dep == "dobj" and head.tag_.startswith("VB"):
        verb = lemma(head)
        if verb in lex.capacity_verbs:
            return True
        return verb in lex.capacity_modal_verbs and any(
            c.dep_ == "aux" and c.lower_ in ("can", "could") for c in head.children
        )
    if dep == "pobj" and head.lower_ in ("for", "of"):
        above = head.head
        return (head.lower_ == "for" and above.tag_ == "VBN"
                and above.lower_ in lex.capacity_participles) or (
            above.tag_.startswith("NN") and lemma(above) in lex.capacity_nouns
        )
    return False
