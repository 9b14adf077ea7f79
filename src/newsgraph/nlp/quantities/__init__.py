"""Quantities: how many of what, whose, and how exactly the article says it.

One pass over the article's numerals (`numbers.scan_numerals`), each taken through:

1. not a quantity? years, dates, ages, labels, percentages, ratios, slogans (`filters`);
2. approximators before and after ("more than", "just under", "or so") and ranges ("20-30",
   "between 20 and 30": the value is the lower bound, approx "between");
3. what it counts (`units.counted`): the counted noun by the parse, its kind from the
   unit lexicon (any noun for a person counts people), money's currency; when no noun is
   written, the unit of the nearest earlier count in the sentence ("1,000 troops ... and an
   additional 2,000", "five sales: two to X and three to Y", "270 aircraft, including 12
   freight"), after a casualty verb the verb ("killed 12 and wounded 30"), the other level of a
   change ("from about 3,000 to 2,300 workers"), or the plural noun an appended change follows
   ("a commitment of 777X jets, down by 30 to 126"); then what is a count after all: not a
   definite reference ("the two leaders"), not inside a singular noun phrase ("a 40 Under 40
   honoree"); a capacity ("seating 300 passengers") is kept only to lend its unit to the count
   after it ("built for 35, held 155");
4. the rate ("$150 million a year" -> per "year");
5. whose (`owner.owner`), else the owner of the count it continues: an earlier count of
   the same thing in the sentence ("3,000 U.S. troops ..., with 1,000 troops being
   repositioned"), or, after "additional"/"another"/"more", anywhere in the last paragraphs.

Vague magnitudes ("thousands of asylum-seekers", "dozens") are recognized but left out unless
``vague=True``: their value is only a convention (the lower bound, documented in
``data/quantities/numbers.toml``), and a record consumer summing or comparing `value` would be
misled; with ``vague=True`` they come with approx = the vague phrase ("thousands of").
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quantities.filters import (
    abstract_count,
    capacity,
    definite_reference,
    not_a_quantity,
    quote_marks,
    singular_phrase,
)
from newsgraph.nlp.quantities.lexicon import QuantityLexicon, lexicon
from newsgraph.nlp.quantities.numbers import Numeral, scan_numerals, token_columns
from newsgraph.nlp.quantities.owner import agent, governed, owner
from newsgraph.nlp.quantities.units import (
    Counted,
    Missing,
    appended_change,
    counted,
    numeral_root,
    singular_keys,
    written_noun,
)
from newsgraph.record import Entity, Quantity

#: How far back (characters) "an additional 8,500 troops" looks for the count it adds to; a
#: news paragraph is 300-600 characters, so this spans the two or three before it.
_CONTINUATION_REACH = 1500
_ANAPHORS = frozenset({"these", "those", "the", "both", "all"})
_SMALL_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                          "eleven", "twelve"})
#: Clauses that continue the one before ("... were deployed, joining 2,500 already there").
_LINKED_CLAUSES = frozenset({"conj", "advcl"})
_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})
_ELLIPTICAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "conj", "appos", "attr", "ROOT"})
#: Prepositions that take a part of the count before them ("including 12 freighters").
_SUBSET_PREPS = frozenset({"including", "excluding", "incl", "incl."})
_ELLIPTICAL_PREPS = frozenset({"of", "to", "from", "with", "than", "including", "among", "about",
                               "around", "over", "under", "by", "for"})


@dataclass(slots=True)
class _Found:
    """A quantity under construction, with what later counts may inherit from it."""

    quantity: Quantity
    sent: int
    head_key: str
    owner: Entity | None
    compound: bool = False
    anchor: Token | None = None  # the counted noun, or the number when none is written
    hidden: bool = False  # a capacity: not reported, but "built for 2,000 refugees, holds 9,000"


def find_quantities(doc: Doc, entities: EntityIndex, *, vague: bool = False) -> list[Quantity]:
    """The article's quantities in text order (see the module docstring)."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return []  # every step reads the parse; a document the parser failed on has none
    lex = lexicon()
    starts = _sentence_starts(doc)
    cols = token_columns(doc)
    quotes = quote_marks(cols)
    found: list[_Found] = []
    for num in scan_numerals(doc, cols):
        if (num.vague and not vague) or not_a_quantity(doc, num, lex, quotes):
            continue
        item = _quantity(doc, num, lex, entities, bisect.bisect_right(starts, num.start), found)
        if item is not None:
            found.append(item)
    return [f.quantity for f in found if not f.hidden]


def _sentence_starts(doc: Doc) -> list[int]:
    return [sent.start for sent in doc.sents]


def _quantity(
    doc: Doc, num: Numeral, lex: QuantityLexicon, entities: EntityIndex, sent: int,
    found: list[_Found],
) -> _Found | None:
    # 2. approximators, and the words that make a count continue another
    approx, start = _approx_before(doc, num, lex)
    after, k = _approx_after(doc, num.end, lex)
    approx = approx or after or ("between" if num.high is not None else None) or num.vague
    continues, start = _continuation(doc, num, start, k, lex)
    # 3. what it counts
    root = numeral_root(doc, num)
    what, source = _what(doc, num, root, k, lex, entities, sent, found, continues)
    if what is None or (approx is None and definite_reference(doc, num, what.head, lex)) or (
        singular_phrase(doc, start, num, what.head) or abstract_count(num, what.head, lex)
    ):
        return None
    hidden = capacity((governed(what, root), doc[num.start]), lex)
    # 4. the rate
    per, end = _rate(doc, max(num.end - 1, what.last) + 1, lex)
    # 5. whose
    who = owner(doc, what, root, lex, entities)
    if who is None:
        source = source or _same_thing(found, sent, what, continues, doc[num.start].idx)
        actor = agent(what, root, lex, entities) if source is not None else None
        if source is not None and (actor is None or actor is source.owner):
            who = source.owner
    text, span = _text(doc, start, end)
    quantity = Quantity(
        value=num.value, unit=what.unit, kind=what.kind, approx=approx, currency=what.currency,
        per=per, subject=who.name if who else None, text=text, span=span,
        subject_id=who.id if who else None,
    )
    anchor = what.head if what.head is not None else root
    return _Found(quantity, sent, _head_key(what), who, what.compound, anchor, hidden)


def _what(
    doc: Doc, num: Numeral, root: Token, k: int, lex: QuantityLexicon, entities: EntityIndex,
    sent: int, found: list[_Found], continues: bool,
) -> tuple[Counted | None, _Found | None]:
    """(what the number counts, the earlier count it took its unit from) or (None, None)."""
    what = counted(doc, num, root, k, lex, entities)
    source: _Found | None = None
    if what is Missing.BARE or (what is Missing.NO_NOUN and _bare(root)):
        source = _antecedent(found, sent, doc[num.start].idx, continues)
        partitive = _partitive(root)
        if source is not None and not (
            continues or partitive or source.hidden or _subset(root) or _parallel(root, source)
        ):  # a capacity's unit goes to the count after it: "built for 2,000 refugees, holds 9,000"
            source = None
        # "shot down 25 of them" continues the count; "killed 12" counts people
        what = _elliptical(doc, k, root, source) if partitive else _casualty(root, lex)
        if what is Missing.NO_NOUN:
            what = _elliptical(doc, k, root, source)
    elif what is Missing.NOT_A_UNIT:
        what, source = _subset_of(doc, root, k, lex, sent, found)
    if what is Missing.NO_NOUN:
        what = _level_pair(doc, root, lex, entities)
    if what is Missing.NO_NOUN:
        what = appended_change(doc, root, lex, entities)
    if isinstance(what, Missing) or _companion(what.head) or _sources(what, num.value, lex):
        return None, None
    return what, source


def _text(doc: Doc, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The quantity's text and character span, tokens `start`..`end` inclusive."""
    last = doc[end].text
    # "$400m." at the end of a sentence is one token: the period is not the quantity's
    trim = 1 if last in ("m.", "bn.") else 0
    span = (doc[start].idx, doc[end].idx + len(last) - trim)
    text = doc[start : end + 1].text
    return (text[:-trim] if trim else text), span


def _bare(root: Token) -> bool:
    """A number standing for a noun phrase of its own ("an additional 2,000", "killed 12"), not
    a time or place ("at 10", "in 2")."""
    if root.dep_ == "pobj":
        return root.head.lower_ in _ELLIPTICAL_PREPS
    return root.dep_ in _ELLIPTICAL_DEPS


def _head_key(what: Counted) -> str:
    return singular_keys(what.head)[0] if what.head is not None else what.unit.lower()


# ---- approximators ----------------------------------------------------------------------------

def _approx_before(doc: Doc, num: Numeral, lex: QuantityLexicon) -> tuple[str | None, int]:
    """("more than", first token index) for "more than 100,000"; (None, num.start) if none."""
    start = num.start
    if num.high is not None and doc[start].lower_ in ("between", "from"):
        return None, start
    if start == 0:
        return None, start
    for phrase in lex.approx_before.get(doc[start - 1].lower_, ()):
        n = len(phrase)
        if start - n < 0:
            continue
        if n == 1 or tuple(doc[i].lower_ for i in range(start - n, start)) == phrase:
            first = start - n
            text = " ".join(phrase)
            if phrase[0] in ("an", "a"):
                text = " ".join(phrase[1:])
            elif first > 0 and doc[first - 1].lower_ in ("an", "a") and n == 1:
                first -= 1  # "an estimated", "a reported"
            return text, first
    return None, start


def _approx_after(doc: Doc, end: int, lex: QuantityLexicon) -> tuple[str | None, int]:
    """("or so", next index) for "100 or so people", "500-plus students"."""
    n = len(doc)
    k = end + 1 if end < n and doc[end].text == "-" else end
    if k >= n:
        return None, end
    for phrase in lex.approx_after.get(doc[k].lower_, ()):
        m = len(phrase)
        if k + m <= n and all(doc[k + i].lower_ == w for i, w in enumerate(phrase)):
            return " ".join(phrase), k + m
    return None, end


def _continuation(
    doc: Doc, num: Numeral, start: int, k: int, lex: QuantityLexicon
) -> tuple[bool, int]:
    """Whether the count adds to an earlier one ("an additional 2,000", "2,000 more")."""
    if start > 0 and doc[start - 1].lower_ in lex.continuation:
        first = start - 1
        if first > 0 and doc[first - 1].lower_ in ("an", "a"):
            first -= 1
        return True, first
    if k < len(doc) and doc[k].lower_ in lex.continuation and doc[k].lower_ != "another":
        return True, start
    return False, start


# ---- units from elsewhere ---------------------------------------------------------------------

def _antecedent(found: list[_Found], sent: int, idx: int, continues: bool) -> _Found | None:
    """The count a bare number continues: the last one in its sentence, or after "additional"
    the last one within reach."""
    if not found or found[-1].compound:
        return None  # "the 193-member Assembly voted 120 to 14": 14 is not members
    last = found[-1]
    return last if _near(last, sent, idx, continues) else None


def _near(prev: _Found, sent: int, idx: int, continues: bool) -> bool:
    """In the same sentence, or within reach for a count that says it continues another."""
    return prev.sent == sent or (continues and idx - prev.quantity.span[1] < _CONTINUATION_REACH)


def _parallel(root: Token, source: _Found) -> bool:
    """Whether a bare number stands in the same construction as the count before it, so that
    it shares its unit: coordinated or adverbial clauses ("1,000 troops being repositioned ...
    and an additional 2,000 to be deployed", "1,500 troops were deployed, joining 2,500 already
    there"), the same verb again ("the U.S. sent 500 troops and Britain sent
    300"), or a comparison ("10,000 migrants, up from 8,000"). "The firm, which employs 5,000
    people, said sales rose to 300" is none of these."""
    if root.dep_ == "conj" or (
        root.dep_ == "appos" and source.anchor is not None and root.head.i == source.anchor.i
    ):
        return True  # "... and 2,000 more", "40 ambulances: 25 for Gaza and 15 for Rafah"
    if root.head.lower_ == "from" and root.head.head.lower_ in ("up", "down"):
        return True
    if source.anchor is None:
        return False
    mine, theirs = _clause_verb(root), _clause_verb(source.anchor)
    return (
        mine.i == theirs.i
        or (mine.dep_ in _LINKED_CLAUSES and mine.head.i == theirs.i)
        or (theirs.dep_ in _LINKED_CLAUSES and theirs.head.i == mine.i)
        or lemma(mine) == lemma(theirs)
    )


def _clause_verb(tok: Token) -> Token:
    """The nearest verb above a token (itself if it is one)."""
    for _ in range(8):
        if tok.tag_.startswith("VB") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _level_pair(
    doc: Doc, root: Token, lex: QuantityLexicon, entities: EntityIndex
) -> Counted | Missing:
    """ "from about 3,000 to 2,300 workers", "cut from 5,000 to 3,000 troops": the parser hangs
    the first level on the second (a fall is no range: `numbers` joins only rising ones); both
    count the same thing."""
    level = root.head
    if root.dep_ != "quantmod" or level.i <= root.i or not level.like_num or not any(
        t.lower_ == "to" for t in doc[root.i + 1 : level.i]
    ) or (root.i > 0 and doc[root.i - 1].lower_ == "by"):
        return Missing.NO_NOUN  # "down by 12 to 38": 12 is the change, not a level
    found = counted(doc, Numeral(level.i, level.i + 1, 0.0), level, level.i + 1, lex, entities)
    if isinstance(found, Missing):
        return Missing.NO_NOUN
    return dataclasses.replace(found, last=root.i, compound=False)  # the text is the number


def _subset(tok: Token) -> bool:
    """ "270 aircraft, including 12 freighters": a part of the count just given."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _SUBSET_PREPS


def _subset_of(
    doc: Doc, root: Token, k: int, lex: QuantityLexicon, sent: int, found: list[_Found]
) -> tuple[Counted | Missing, _Found | None]:
    """A count whose noun no list knows, inside "including" after a count in its sentence
    ("a fleet of 270 aircraft, including 12 freight"): things of the same kind."""
    noun = written_noun(doc, root, k, lex)
    if noun is None or not found or found[-1].sent != sent or not _subset(noun):
        return Missing.NOT_A_UNIT, None
    if any(f in lex.not_units for f in singular_keys(noun)) or noun.ent_type_ in ("DATE", "TIME"):
        return Missing.NOT_A_UNIT, None  # "including 12 days"
    source = found[-1]
    q = source.quantity
    unit = q.unit if q.kind == "money" else noun.text  # "$5bn, including 2 billion grants": USD
    return Counted(unit, q.kind, q.currency, noun, noun.i), source


def _partitive(root: Token) -> bool:
    """ "25 of them", "two of those": a number of things already counted."""
    return any(
        c.lower_ == "of" and any(g.tag_ in ("PRP", "DT") for g in c.children) for c in root.rights
    )


def _elliptical(doc: Doc, k: int, root: Token, source: _Found | None) -> Counted | Missing:
    if source is None or _anaphoric(root):
        return Missing.NO_NOUN
    q = source.quantity
    last = k if k < len(doc) and doc[k].lower_ in ("others", "more") else root.i
    return Counted(q.unit, q.kind, q.currency, None, max(last, root.i))


def _anaphoric(root: Token) -> bool:
    """ "these two", "the three": a few things already named, not a new count."""
    det = next((c for c in root.lefts if c.dep_ in ("det", "predet")), None)
    if det is None and root.i > 0:
        det = root.doc[root.i - 1]
    return det is not None and det.lower_ in _ANAPHORS and root.like_num and (
        root.lower_ in _SMALL_WORDS or (root.text.isdigit() and int(root.text) <= 12)
    )


def _casualty(root: Token, lex: QuantityLexicon) -> Counted | Missing:
    """ "the strike killed 12 and wounded 30", "at least 12 were killed": people, by the verb."""
    verb = root.head
    if root.dep_ in ("dobj", "nsubjpass") and verb.tag_.startswith("VB"):
        unit = lex.casualty_verbs.get(lemma(verb))
        if unit is not None:
            return Counted(unit, "people", last=root.i)
    return Missing.NO_NOUN


def _same_thing(
    found: list[_Found], sent: int, what: Counted, continues: bool, idx: int
) -> _Found | None:
    """An earlier count of the same thing, nearby, whose owner this one shares."""
    key = _head_key(what)
    for prev in reversed(found):
        if not _near(prev, sent, idx, continues):
            return None
        if prev.quantity.kind == what.kind and prev.head_key == key:
            return prev
    return None


def _sources(what: Counted, value: float, lex: QuantityLexicon) -> bool:
    """ "two U.S. officials said", "according to three diplomats", "one user wrote": a count of
    the people a report cites is attribution, not a figure the report gives. Any one person
    who speaks is a source; more than one must be of the kinds reports cite ("300 protesters
    said" is a figure)."""
    head = what.head
    if head is None or what.kind != "people" or (
        value != 1 and singular_keys(head)[0] not in lex.source_nouns
    ):
        return False
    if head.dep_ == "nsubj" and lemma(head.head) in lex.sourcing_verbs:
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _companion(head: Token | None) -> bool:
    """ "Andrikiene and three other lawmakers": a count of the companions of a named actor
    says who took part, not how many of something there are."""
    if head is None or head.dep_ != "conj" or not any(c.lower_ == "other" for c in head.lefts):
        return False
    return head.head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or head.head.tag_ == "NNP"


# ---- rates ------------------------------------------------------------------------------------

def _rate(doc: Doc, k: int, lex: QuantityLexicon) -> tuple[str | None, int]:
    """(per, last token index) for "a year", "per day", "-a-year", "annually" after a count,
    and for a unit price's "/W" or "/gallon" (a slash says "per" of any unit written after it)."""
    n = len(doc)
    if k + 1 < n and doc[k].text == "/" and not doc[k - 1].whitespace_ and \
            not doc[k].whitespace_ and doc[k + 1].is_alpha:
        word = doc[k + 1]
        return lex.rates.get(singular_keys(word)[0], word.text), word.i
    j = k + 1 if k < n and doc[k].text == "-" else k
    if j < n and doc[j].lower_.endswith("ly") and doc[j].lower_ in lex.rates:
        return lex.rates[doc[j].lower_], j  # "annually", "a day" written as "daily"
    if j + 1 < n and doc[j].lower_ in _RATE_WORDS:
        word = doc[j + 2] if doc[j + 1].text == "-" and j + 2 < n else doc[j + 1]
        rate = lex.rates.get(singular_keys(word)[0])
        if rate is not None and word.tag_.startswith("NN"):
            return rate, word.i
    return None, k - 1
