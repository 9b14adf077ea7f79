"""Mentions: the model's entity spans, cleaned, typed and linked to what the data knows.

spaCy's small English model finds most names but draws some spans wrong and mislabels others;
this module repairs the spans by rule (a leading "the" or honorific, a possessive "'s", a
paragraph break inside a span, "Lithuania's Foreign Affairs Committee" holding two names) and
the types with data (a country tagged ORG is a place; a span ending in "Committee" is an
organisation; "Lithuanian" tagged GPE is a nationality), so that no name of the dev articles is
special-cased in code.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

import numpy
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.entities import evidence, scan
from newsgraph.nlp.entities import spans as spanfix
from newsgraph.nlp.entities.columns import SPACE, Columns, columns, string_id
from newsgraph.nlp.entities.datelines import find_datelines
from newsgraph.nlp.entities.gazetteer import fold, places, towns
from newsgraph.nlp.entities.mention import Mention, is_role_word, span_text
from newsgraph.nlp.entities.resources import (
    Lexicon,
    Names,
    Ref,
    common_adjectives,
    common_nouns,
    common_verbs,
    given_names,
    lexicon,
    names,
)
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import EntityType

__all__ = ["Mention", "find_mentions", "is_locative"]

#: Penn tags of tokens that never start or end a name ("the", "'s", punctuation).
_EDGE_TAGS = frozenset({"DT", "POS", "PRP$", ",", ".", ":", "``", "''", "-LRB-", "-RRB-",
                        "HYPH", "NFP", "SYM"})
#: A name holds at least one noun or adjective ("Lithuanian" is JJ, "U.S." NNP).
_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJS", "JJR"})
_BRACKETS = frozenset({"(", ")", "[", "]"})
#: A letter of any script.
_LETTER = re.compile(r"[^\W\d_]")
#: Name particles that join two capitalized words into one name ("Viña del Mar", "Dar es
#: Salaam", "Mohammed bin Salman"), unlike "of" or "in", which also join two names.
_JOINING_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "della", "di", "du", "es",
                                "bin", "ibn", "bint", "van", "von", "der", "den", "al", "el",
                                "la", "le", "los", "las", "ben", "ter", "ten", "zu"})
#: A one-word "person" that is a city this large and no given name is the city ("Odessa"); the
#: given-name lists leave out such cities' names (build_given_names.CITY_POPULATION).
_WORLD_CITY = 1_000_000
#: A city this large is a place even where the model called its name a product ("Montevideo").
_KNOWN_CITY = 100_000
#: Acronyms are 2-6 capitals ("EU", "WTO", "NATO").
_ACRONYM_LENGTHS = range(2, 7)



def find_mentions(doc: Doc) -> list[Mention]:
    """All mentions of the article, in text order, none overlapping."""
    lex, known = lexicon(), names()
    cols = columns(doc)
    datelines = find_datelines(doc, cols)
    soft, hard = _breaks(doc, cols)
    spans = [(start, end, label) for ent in doc.ents
             if (label := _label(ent, lex, known)) in lex.labels
             for start, end in _segments(ent, soft, hard)]
    spans = _around_datelines(spans, datelines)
    out: list[Mention] = [_dateline(doc, a, b, known) for a, b in datelines]
    for start, end, label in spanfix.repair(doc, spans):
        out += _clean(doc, start, end, label, lex, known)
    out += scan.scan_known(doc, cols, out, known)
    out += scan.scan_acronyms(doc, cols, out, lex, known)
    out += scan.scan_described(doc, cols, out, lex, known)
    out += scan.scan_cities(doc, cols, out)
    out += scan.scan_conjuncts(doc, cols, out)
    out += scan.scan_surnames(doc, cols, out)
    out.sort(key=lambda m: m.start)
    _extend_names(doc, out, lex)
    out = [m for m in out if not _misread(doc, m, lex)]
    _retype_by_context(doc, out, lex)
    evidence.retype(doc, out, lex)
    evidence.titled_people(doc, out, lex)
    _join_directional(doc, out, lex)
    spanfix.join_coordinated_places(doc, out, lex)
    _link_prefixes(doc, out, known)
    out += _link_acronyms(doc, out, lex)
    out.sort(key=lambda m: m.start)
    return [m for m in out if not _credit_line(doc, m)]


# --- 1. spans -------------------------------------------------------------------------------

def _credit_line(doc: Doc, m: Mention) -> bool:
    """A news agency's credit, not a mention of it: in brackets ("LONDON (AP) —"), before
    "Photo" ("AP Photo/Jane Doe"), after a copyright sign ("© 2019 Associated Press")."""
    if m.ref is None or not m.ref.credit:
        return False
    before = doc[m.start - 1].text if m.start > 0 else ""
    after = doc[m.end].text if m.end < len(doc) else ""
    if before == "(" or after in ("Photo", "Photos", "/"):
        return True
    return any(t.lower_ in ("©", "copyright") for t in doc[max(0, m.start - 3):m.start])

def _breaks(doc: Doc, cols: Columns) -> tuple[list[int], list[int]]:
    """Token indices where a sentence starts, and of line breaks and brackets: where a name
    may be cut (found with arrays, so that most spans are passed whole without a look)."""
    soft = numpy.flatnonzero(cols.sent_start == 1).tolist()
    brackets = numpy.isin(cols.orth, _bracket_ids())
    hard = [i for i in numpy.flatnonzero(cols.has(SPACE) | brackets).tolist()
            if "\n" in doc[i].text or brackets[i]]
    return soft, hard


@functools.cache
def _bracket_ids() -> Any:
    return numpy.array(sorted(string_id(b) for b in _BRACKETS), dtype=numpy.uint64)


def _segments(ent: Span, soft: list[int], hard: list[int]) -> list[tuple[int, int]]:
    """The span cut at paragraph breaks, line breaks and brackets: a name crosses none
    ("World Health Organization (WHO" is two names)."""
    start, end = ent.start, ent.end
    k, j = bisect.bisect_left(hard, start), bisect.bisect_right(soft, start)
    if (k == len(hard) or hard[k] >= end) and (j == len(soft) or soft[j] >= end):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    start = ent.start
    for tok in ent:
        if tok.is_sent_start and tok.i > start and ent.label_ != "PERSON":
            out.append((start, tok.i))  # "on X. Turkish Energy Minister": two sentences
            start = tok.i
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in _BRACKETS:
            end = tok.i if tok.is_space or tok.text in _BRACKETS else tok.i + 1
            if end > start:
                out.append((start, end))
            start = tok.i + 1
    if ent.end > start:
        out.append((start, ent.end))
    return out


def _label(ent: Span, lex: Lexicon, known: Names) -> str:
    """The model's label, or GPE for a known place it called a product or a work ("in
    Montevideo", "the Sahel" tagged PRODUCT), or ORG for one after an organisation noun."""
    label = str(ent.label_)
    if label in lex.labels or label not in ("PRODUCT", "WORK_OF_ART"):
        return label
    if _after_org_noun(ent, lex):
        return "ORG"  # "the charity Mothers Against Gun Violence", "the website Bellingcat"
    if len(ent) > 3:
        return label
    text = str(ent.text)
    if text.startswith(("the ", "The ")):
        text = text[4:]
    key = fold(text)
    ref = known.refs.get(key)
    if (ref is not None and ref.type == "PLACE") or key in known.capitals or any(
            p.population >= _KNOWN_CITY for p in places(text)):
        return "GPE"
    return label


def _after_org_noun(ent: Span, lex: Lexicon) -> bool:
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.tag_ in ("NN", "NNS") and (before.lower_ in lex.org_nouns or lemma(
        before) in lex.org_nouns) and not is_role_word(before, lex)


def _around_datelines(spans: list[tuple[int, int, str]],
                      datelines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The model's spans with each dateline as a span of its own: a span that covers part of
    a dateline keeps only what follows it ("ROTTERDAM - Thousands" -> "Thousands", which then
    fails as a name), and "SAO" of "SAO PAULO," becomes the whole dateline."""
    if not datelines:
        return spans
    out = []
    for start, end, label in spans:
        for a, b in datelines:
            if start < b and end > a:
                start = max(start, b)
        if start < end:
            out.append((start, end, label))
    return sorted(out)


def _dateline(doc: Doc, start: int, end: int, known: Names) -> Mention:
    """ "FRANKFURT (Reuters) -": where the story was filed, a place (the model often calls it
    ORG, or tags nothing), never a government acting."""
    text = span_text(doc, start, end)
    m = Mention(start, end, doc[start].idx, doc[start].idx + len(text), text, "PLACE", "GPE",
                fold(text), dateline=True, sentence_start=True)
    ref = known.refs.get(m.key)
    m.ref = ref if ref is not None and ref.type == "PLACE" else None
    return m


def _extend_names(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """Names the model cut short: "Viña" + "del Mar", "Nwosu" after the given name "Emeka",
    "Novak" (a given name) + "Djokovic" (untagged)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    givens = given_names()
    for m in mentions:
        if m.dateline:
            continue
        end = m.end
        while end + 1 < len(doc) and doc[end].lower_ in _JOINING_PARTICLES and \
                _free_name_word(doc[end + 1], taken) and m.type in ("PLACE", "PERSON", "ORG"):
            end += 2
        grown = end > m.end
        if end - m.start == 1 and fold(m.text) in givens and (
                m.ref is None or m.type == "GROUP"):
            while end < len(doc) and end - m.start < 4 and _free_name_word(doc[end], taken):
                end += 1
            if end > m.end and not grown and not lex.club_last & {doc[end - 1].lower_}:
                m.type, m.label, m.ref = "PERSON", "PERSON", None
            elif not grown:
                end = m.end
        start = m.start
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.i not in taken and before.is_title \
                and before.tag_ in ("NNP", "NNPS") and fold(before.text) in givens \
                and m.ref is None and before.lower_ not in lex.honorifics \
                and not is_role_word(before, lex):
            start -= 1
            m.type, m.label = "PERSON", "PERSON"
        if (start, end) != (m.start, m.end):
            _respan(doc, m, start, end)
            taken.update(range(start, end))


def _free_name_word(tok: Token, taken: set[int]) -> bool:
    """An untagged capitalized proper noun that may continue a name."""
    return tok.i not in taken and tok.is_title and tok.is_alpha and tok.tag_ in ("NNP", "NNPS") \
        and not tok.is_sent_start


def _respan(doc: Doc, m: Mention, start: int, end: int) -> None:
    m.start, m.end = start, end
    m.start_char = doc[start].idx
    m.text = span_text(doc, start, end)
    m.end_char = m.start_char + len(m.text)
    m.key = fold(m.text)
    m.sentence_start = bool(doc[start].is_sent_start)


def _misread(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Capitalized words that are no names: a plural common noun the model tagged ("Hundreds",
    "Gunmen", "Wildfires"), a common noun opening a sentence tagged as a nationality ("Smoke"),
    and an English word right before a role noun that it qualifies ("Finance Minister",
    "Supreme Leader": the title's first word)."""
    if m.ref is not None or m.end - m.start != 1 or m.dateline or places(m.text):
        return False
    tok = doc[m.start]
    if tok.is_upper:
        return False
    if tok.tag_ == "NNS" and lemma(tok) in common_nouns():
        # "the Conservatives", "the Greens" mid-sentence: a capitalized plural after "the" is
        # a party's or a team's name
        return tok.is_sent_start or m.start == 0 or doc[m.start - 1].lower_ != "the"
    if m.label == "NORP" and tok.is_sent_start and tok.tag_ == "NN" \
            and tok.lower_ in common_nouns():
        return True  # "Smoke drifted over ...": no nationality the data knows
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.is_title and is_role_word(nxt, lex) and (
        tok.lower_ in common_nouns() or tok.lower_ in common_adjectives()) \
        and fold(tok.text) not in given_names()


def _retype_by_context(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """A name the model called a person or an organisation that the sentence shows is a place:
    in apposition to or modifying a place noun ("the crossing, Bab al-Hawa", "the Rafah
    crossing", "the province of Hatay"), or after a preposition of place when the gazetteer
    knows it ("flew to São Paulo", "in Hatay")."""
    place_at = {m.start for m in mentions if m.type == "PLACE"}
    for m in mentions:
        if m.ref is None and m.type in ("ORG", "PERSON", "GROUP") and not m.dateline \
                and _placed_by_context(doc, m, lex, place_at):
            m.type, m.label = "PLACE", "GPE"


def _placed_by_context(doc: Doc, m: Mention, lex: Lexicon, place_at: set[int]) -> bool:
    root = _root(doc, m.start, m.end)
    head = root.head
    if m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].lower_ in \
            lex.place_heads:
        return True  # "the only open crossing, Bab al-Hawa"
    if root.dep_ in ("appos", "compound") and head.lower_ in lex.place_heads:
        return True  # "the Rafah crossing"
    if m.start > 0 and doc[m.start - 1].is_lower and doc[m.start - 1].lower_ in \
            lex.directional and m.type != "GROUP" and doc[m.end - 1].lower_ not in lex.org_heads:
        return True  # "the northern Sierra Nevada": no organisation has a compass point
    if root.dep_ == "pobj" and head.lower_ == "of" and (head.head.lower_ in \
            lex.place_descriptors or head.head.lower_ in lex.place_of_nouns) \
            and not evidence.given_name_first(doc, m.start, m.end):
        return True  # "the province of Hatay", "the village of Huwara"
    if m.end < len(doc) and doc[m.end].lower_ in lex.place_descriptors and \
            _known_place(m.text) and not doc[m.end].is_title:
        return True  # "in Rakhine state", "the Donetsk region"
    if root.dep_ == "pobj" and (m.key in names().capitals or _data_place(m.key)):
        return True  # "special envoy to Kyiv": a capital or country is no person
    if root.dep_ == "conj" and head.left_edge.i in place_at and head.dep_ == "pobj" \
            and is_locative(head.head, lex) and m.type in ("PERSON", "GROUP") \
            and not evidence.given_name_first(doc, m.start, m.end):
        return True  # "in Sanaa and Hodeidah"
    if not _known_place(m.text):
        return False
    if root.dep_ == "pobj":
        return is_locative(head, lex)  # "flew to São Paulo"
    return root.dep_ == "conj" and head.left_edge.i in place_at


def _data_place(key: str) -> bool:
    ref = names().refs.get(key)
    return ref is not None and ref.type == "PLACE"


def _known_place(text: str) -> bool:
    ref = names().refs.get(fold(text))
    return bool(places(text)) or (ref is not None and ref.type == "PLACE")


def _root(doc: Doc, start: int, end: int) -> Token:
    for tok in doc[start:end]:
        if not start <= tok.head.i < end or tok.head is tok:
            return tok
    return doc[end - 1]


def is_locative(prep: Token, lex: Lexicon) -> bool:
    """Whether a preposition places its object ("in", "near"; "to"/"from" after a verb of
    motion: "flew to Moscow", not "a message to Moscow")."""
    word = prep.lower_
    if word in lex.locative:
        return True
    if word in lex.directional_preps:
        return lemma(prep.head) in lex.motion_heads or prep.head.lower_ in lex.motion_heads
    return False


def _clean(doc: Doc, start: int, end: int, label: str, lex: Lexicon,
           known: Names) -> list[Mention]:
    start, end = _trim(doc, start, end, label, lex)
    if start >= end:
        return []
    start = spanfix.trim_opening_word(doc, start, end, known)
    if label != "NORP" and end - start > 2 and spanfix.plural_head(doc, end, lex) and any(
            doc[i].lower_ == "and" for i in range(start, end)):
        return [m for a, b in spanfix.split_coordinated(doc, start, end)
                for m in _clean(doc, a, b, "GPE", lex, known)]  # "Orange and Riverside counties"
    # a lower-case word that is no name particle ends a name: "Garrett hit Rudolph" is two
    # (within a hyphenated word it does not: "Cheuk Hau-yip")
    if label != "NORP":
        for i in range(start, end):
            tok = doc[i]
            joined = i > start and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
            if joined and tok.lower_ in lex.hyphen_suffixes:  # "TotalEnergies-led"
                return _clean(doc, start, i - 1, label, lex, known)
            if tok.is_lower and tok.is_alpha and tok.lower_ not in lex.particles and not joined:
                return [*_clean(doc, start, i, label, lex, known),
                        *_clean(doc, i + 1, end, label, lex, known)]
    # An inner possessive: "Lithuania’s Foreign Affairs Committee" is the committee, owned by a
    # name the data knows; "People’s Liberation Army" stays whole ("People" is no name).
    for i in range(start + 1, end - 1):
        if doc[i].tag_ == "POS":
            owner = _make(doc, start, i, "GPE", lex, known)
            if owner is not None and owner.ref is not None:
                rest = _clean(doc, i + 1, end, label, lex, known)
                for named in rest[:1]:
                    named.forms.append(span_text(doc, start, end))
                    named.owner = owner
                return [owner, *rest]
            break
    whole = _make(doc, start, end, label, lex, known)
    return [whole] if whole is not None else []


def _trim(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> tuple[int, int]:
    while start < end and _edge(doc[start], _OPENING):
        start += 1
    # "President Biden", "Mr. Kirby": the honorific is a title, not part of the name.
    if label == "PERSON":
        while end - start > 1 and (word := doc[start].lower_) in lex.honorifics and not (
                word in lex.name_honorifics and end - start < 3):
            start += 1
    while end > start and _edge(doc[end - 1], _CLOSING):
        end -= 1
    if label not in ("PERSON", "EVENT", "LAW"):
        end = _before_title(doc, start, end, lex)
        end = _before_order(doc, start, end)
        while end > start and _edge(doc[end - 1], _CLOSING):
            end -= 1
    # "Borussia Dortmund 2-0": a score is no part of a name
    if end - start > 2 and doc[end - 1].like_num and doc[end - 2].text in ("-", "–") \
            and end - start > 3 and doc[end - 3].like_num:
        end -= 3
    return start, end


def _before_title(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """ "House of Representatives Speaker", "the House Rt" (of "Rt. Hon. Jane Doe"), "Senate
    Majority Leader": a trailing office word or honorific, and the qualifiers before it, are the
    title of the person named next, not part of the organisation's name. The word before the
    title must be a name's noun: "Office of the Special Envoy", "Office of the Prime Minister",
    "Attorney General" end in their own role (an adjective, "the" or a role noun before it)."""
    if end - start < 2 or not _trailing_title(doc[end - 1], lex):
        return end
    cut = end - 1
    while cut - start > 1 and doc[cut - 1].lower_ in lex.title_qualifiers:
        cut -= 1
    prev = doc[cut - 1]
    word = prev.lower_
    if not prev.text[:1].isupper() or word in common_adjectives() or word in lex.honorifics \
            or (is_role_word(prev, lex) and not word.endswith("s")) \
            or fold(span_text(doc, start, end)) in names().refs:
        return end
    return cut


def _trailing_title(tok: Token, lex: Lexicon) -> bool:
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in lex.trailing_titles


def _before_order(doc: Doc, start: int, end: int) -> int:
    """ "Fort Worth P.D. Open the door!": a shouted order after a name that ends in an
    abbreviation's period. The period ended the name's sentence (the parser, seeing an
    abbreviation, does not split there); the capitalized verb with its object opens the next."""
    if end - start < 2 or end >= len(doc) or not doc[end - 2].text.endswith("."):
        return end
    verb, after = doc[end - 1], doc[end]
    if not verb.is_title or after.tag_ not in ("DT", "PRP", "PRP$", "RP") \
            or verb.lower_ not in common_verbs():
        return end
    for tok in doc[end:end + _ORDER_WINDOW]:
        if tok.text in (".", "?", "!"):
            return end - 1 if tok.text == "!" else end
    return end


#: Tokens read after a name for the "!" that closes a shouted order ("Open the door!").
_ORDER_WINDOW = 10

#: Words a name neither starts nor ends with, beside the edge tags.
_OPENING = frozenset({"the", "’", "'"})
_CLOSING = frozenset({"’s", "'s", "’", "'"})


def _edge(tok: Token, words: frozenset[str]) -> bool:
    return tok.tag_ in _EDGE_TAGS or tok.is_space or tok.lower_ in words


def _make(doc: Doc, start: int, end: int, label: str, lex: Lexicon,
          known: Names) -> Mention | None:
    text = span_text(doc, start, end)
    state = lex.state_abbreviations.get(text)
    if state is not None:  # "Monroe, La.": the state, named in full
        return Mention(start, end, doc[start].idx, doc[start].idx + len(text), state, "PLACE",
                       "GPE", fold(state), forms=[text])
    key = fold(text)
    if not _is_name(doc, start, end, text, key, lex):
        return None
    ref = known.refs.get(key)
    capital = known.capitals.get(key) if label != "PERSON" or (
        end - start == 1 and not _person_word(doc, start, lex)) else None
    kind = _type(doc, start, end, label, ref, capital is not None, lex)
    if kind is None:
        return None
    if ref is not None and ref.type != kind:
        ref = None  # "Jordan" the person is not Jordan the country
    m = Mention(start, end, doc[start].idx, doc[start].idx + len(text), text, kind, label, key,
                ref, sentence_start=bool(doc[start].is_sent_start))
    if capital is not None and (ref is None or ref.kind == "region"):
        # a candidate only: metonymy.py decides government or place; a capital beats the
        # exonym entry of regions.toml ("Kyiv said")
        m.ref = capital
    if kind == "PLACE" and end < len(doc) and doc[end].lower_ in lex.place_descriptors \
            and doc[end].is_lower:  # "New York State" is a name of its own
        m.forms.append(span_text(doc, start, end + 1))  # "Kowloon West" + "district"
    return m


def _is_name(doc: Doc, start: int, end: int, text: str, key: str, lex: Lexicon) -> bool:
    """Not a name: no letters, all lower case, a pronoun, a weekday, a lone "Central".

    A form in capitals is an abbreviation, never the word it spells ("US" is not "us").
    """
    if not key or len(key) < 2 or key in lex.not_names:
        return False
    if key in lex.pronouns and not text.isupper():
        return False
    if text.isupper() and key in lex.common_acronyms and end - start == 1:
        return False  # "737 MAX", "LNG" tagged ORG
    if "@" in key or "/" in key or "www" in key or not _LETTER.search(key):
        return False
    capital = tagged = False
    for i in range(start, end):
        tok = doc[i]
        capital = capital or tok.text[:1].isupper()
        tagged = tagged or tok.tag_ in _NAME_TAGS or (tok.is_title and not tok.is_sent_start)
        if capital and tagged:
            return True
    return False  # all lower case; or "Commenting" (a verb opening a sentence) tagged ORG


def _owned_name(doc: Doc, start: int, end: int) -> bool:
    """A nationality word followed by a name: "Saudi Aramco", not "South Korean"."""
    refs = names().refs
    if fold(span_text(doc, start, end)) in refs:
        return False
    first = refs.get(fold(doc[start].text))
    return first is not None and first.kind == "group" and all(
        t.is_title or t.is_upper for t in doc[start + 1:end]) and not any(
        t.lower_ in ("people", "forces") for t in doc[start + 1:end])


def _person_word(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Whether a one-word name the model called a person and the data knows as a country or a
    capital ("Jordan", "Kyiv", "Azerbaijan") is a person: only with an honorific or role before
    it, or a given name that is no country ("Georgia" stays a place)."""
    before = doc[i - 1] if i > 0 else None
    if before is not None and (before.lower_ in lex.honorifics or is_role_word(before, lex)):
        return True
    return fold(doc[i].text) in given_names()


def _type(doc: Doc, start: int, end: int, label: str, ref: Ref | None, is_capital: bool,
          lex: Lexicon) -> EntityType | None:
    """The record type: what the data knows first, then the head noun, then the model."""
    if ref is not None and not (label == "PERSON" and end - start == 1 and ref.kind != "known"
                                and _person_word(doc, start, lex)):
        return ref.type
    if is_capital and label in ("GPE", "ORG", "LOC", "FAC", "PERSON") and not (
            label == "PERSON" and _person_word(doc, start, lex)):
        return "PLACE"
    kind = lex.labels.get(label)
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_lower:
        # "bird flu", "Lassa fever", "Zika virus": a disease's name, no referent
        if after.lower_ in lex.disease_nouns or (
                after.tag_ == "POS" and end + 1 < len(doc)
                and doc[end + 1].lower_ in lex.disease_nouns):
            return None
        if kind in ("ORG", "PERSON", "OTHER") and (after.lower_ in lex.local_nouns or (
                after.lower_ in lex.venue_nouns and _gazetteer_place(doc, start, end))):
            return "PLACE"  # "a Forest Hill police sergeant", "a Mosul apartment"
    if label == "NORP" and end - start > 1 and _owned_name(doc, start, end):
        return "ORG"  # "Saudi Aramco", "Turkish Airlines"
    if label == "PERSON" and end - start > 1 and doc[start].lower_ in lex.directional:
        return "PLACE"  # "West Java", "North Waziristan": no person's name starts so
    if label in ("PERSON", "ORG") and evidence.compass_district(doc, start, end, lex):
        return "PLACE"  # "Yobe North", "Kano Central": a constituency or district
    if label == "PERSON" and end - start == 1 and not _person_word(doc, start, lex) and any(
            p.population >= _WORLD_CITY and p.kind == "city" for p in places(doc[start].text)):
        return "PLACE"  # "struck Odessa": a city of millions, no given name
    if end - start > 1 and kind != "OTHER":
        head = doc[spanfix.head_index(doc, start, end)].lower_
        if doc[start].lower_ in lex.org_first and kind in ("PLACE", "PERSON"):
            return "ORG"  # "Air Astana"
        if head in lex.org_heads and kind in ("PLACE", "PERSON", "GROUP"):
            return "ORG"
        if head in lex.place_heads and kind in ("ORG", "PERSON"):
            return "PLACE"
    return kind


def _gazetteer_place(doc: Doc, start: int, end: int) -> bool:
    name = span_text(doc, start, end)
    return bool(places(name) or towns(name))


# --- 3. repairs across mentions -------------------------------------------------------------

def _join_directional(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """ "Central and Eastern European": the model tags "Eastern European" only."""
    ends = {m.end for m in mentions}
    for m in mentions:
        s = m.start
        if (s >= 2 and doc[s].lower_ in lex.directional and doc[s - 1].lower_ == "and"
                and doc[s - 2].lower_ in lex.directional and doc[s - 2].text[:1].isupper()
                and s - 1 not in ends):  # not "the Middle East and North Africa"
            m.start, m.start_char = s - 2, doc[s - 2].idx
            m.text = span_text(doc, m.start, m.end)
            m.key = fold(m.text)


def _link_prefixes(doc: Doc, mentions: list[Mention], known: Names) -> None:
    """Owners: the name before an inner possessive, or a country right before an organisation.

    "U.S. Congress" is tagged as GPE "U.S." + ORG "Congress": the organisation gets the joined
    form as another surface form (and the known entry it names, if any) and the country as
    owner; both mentions stay, so "U.S." is still a mention of the United States.
    """
    for i, m in enumerate(mentions):
        if i == 0 or m.type != "ORG" or m.owner is not None:
            continue
        prev = mentions[i - 1]
        if (prev.end == m.start and prev.ref is not None and prev.ref.kind == "country"
                and doc[prev.end - 1].whitespace_ == " "):
            joined = span_text(doc, prev.start, m.end)
            m.forms.append(joined)
            m.owner = prev
            ref = known.refs.get(fold(joined))
            if m.ref is None and ref is not None and ref.type == "ORG":
                m.ref = ref


def _link_acronyms(doc: Doc, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """ "World Trade Organization (WTO)": the bracketed capitals are the name's acronym.

    An organisation's acronym may come from another language ("Superior Electoral Court
    (TSE)"), so any bracketed capitals after one count; after another kind of name the letters
    must follow the name's ("Turkey (AP)" is a dateline's agency, not Turkey).
    Returns the acronym mentions the model had not tagged; the caller adds them.
    """
    by_start = {m.start: m for m in mentions}
    new: list[Mention] = []
    for m in mentions:
        j = m.end
        if not (j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")"):
            continue
        tok = doc[j + 1]
        if not (tok.is_upper and tok.is_alpha and len(tok.text) in _ACRONYM_LENGTHS) \
                or tok.lower_ in lex.not_names or m.type == "PERSON":
            continue
        if m.type != "ORG" and not _spells(tok.text, m.text):
            continue
        acro = by_start.get(j + 1)
        if acro is None:
            acro = Mention(j + 1, j + 2, tok.idx, tok.idx + len(tok.text), tok.text, m.type,
                           "ACRONYM", fold(tok.text))
            new.append(acro)
        acro.expands = m
    return new


def _spells(acronym: str, name: str) -> bool:
    """Whether the acronym's letters appear in order in the name, starting with its first."""
    letters = iter(name.lower())
    return name[:1].lower() == acronym[:1].lower() and all(
        ch in letters for ch in acronym.lower())
