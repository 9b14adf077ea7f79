"""Mentions: the model's entity spans, cleaned, typed and linked to what the data knows.

spaCy's small English model finds most names but draws some spans wrong and mislabels others;
this module repairs the spans by rule (a leading "the" or honorific, a possessive "'s", a
paragraph break inside a span, "Lithuania's Foreign Affairs Committee" holding two names) and
the types with data (a country tagged ORG is a place; a span ending in "Committee" is an
organisation; "Lithuanian" tagged GPE is a nationality), so that no name of the dev articles is
special-cased in code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    HEAD,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    IS_UPPER,
    LIKE_NUM,
    ORTH,
    TAG,
)
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.entities import evidence
from newsgraph.nlp.entities.datelines import find_datelines
from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.resources import (
    Lexicon,
    Names,
    Ref,
    common_adjectives,
    common_nouns,
    given_names,
    lexicon,
    names,
)
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import EntityType

#: Penn tags of tokens that never start or end a name ("the", "'s", punctuation).
_EDGE_TAGS = frozenset({"DT", "POS", "PRP$", ",", ".", ":", "``", "''", "-LRB-", "-RRB-",
                        "HYPH", "NFP", "SYM"})
#: A name holds at least one noun or adjective ("Lithuanian" is JJ, "U.S." NNP).
_NAME_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "JJ", "JJS", "JJR"})
_BRACKETS = frozenset({"(", ")", "[", "]"})
#: Prepositions a name can hold but not end with ("Office for the Southern District of").
_NAME_PREPS = frozenset({"of", "for", "on", "de", "del", "da", "do", "and", "&"})
#: Name particles that join two capitalized words into one name ("Viña del Mar", "Dar es
#: Salaam", "Mohammed bin Salman"), unlike "of" or "in", which also join two names.
_JOINING_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "della", "di", "du", "es",
                                "bin", "ibn", "bint", "van", "von", "der", "den", "al", "el",
                                "la", "le", "los", "las", "ben", "ter", "ten", "zu"})
#: Labels of model spans that hold no name we keep; a nationality word inside one is not
#: scanned ("in English" is a language).
_OTHER_LABELS = frozenset({"LANGUAGE", "WORK_OF_ART", "PRODUCT", "DATE", "TIME", "MONEY",
                           "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Words after a hyphen that make the name before it an owner: a company, a state, a group
#: ("Glencore-owned"); "-based" and "-born" follow places and are left to the model.
_OWNING_SUFFIXES = frozenset({"owned", "led", "backed", "run", "funded", "controlled",
                              "operated", "sponsored", "financed"})
#: A one-word "person" that is a city this large and no given name is the city ("Odessa"); the
#: given-name lists leave out such cities' names (build_given_names.CITY_POPULATION).
_WORLD_CITY = 1_000_000
#: A city this large is a place even where the model called its name a product ("Montevideo").
_KNOWN_CITY = 100_000
#: Acronyms are 2-6 capitals ("EU", "WTO", "NATO").
_ACRONYM_LENGTHS = range(2, 7)


@dataclass(slots=True)
class Mention:
    """One occurrence of a name in the text (token span [start, end))."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    type: EntityType
    label: str
    key: str
    ref: Ref | None = None
    #: other surface forms this occurrence shows ("Lithuania’s Foreign Affairs Committee").
    forms: list[str] = field(default_factory=list)
    #: the mention that owns this one ("Lithuania" in "Lithuania’s Foreign Affairs Committee",
    #: "U.S." in "U.S. Congress").
    owner: Mention | None = None
    #: the mention this one is the acronym of, by "Long Form (LF)" in the text.
    expands: Mention | None = None
    #: the place line that opens a wire story ("FRANKFURT (Reuters) -").
    dateline: bool = False
    #: whether the mention opens its sentence (its capital letter then says nothing).
    sentence_start: bool = False

    @property
    def canon(self) -> str | None:
        return self.ref.canon if self.ref else None


def find_mentions(doc: Doc) -> list[Mention]:
    """All mentions of the article, in text order, none overlapping."""
    lex, known = lexicon(), names()
    datelines = find_datelines(doc)
    spans = [(start, end, _label(ent, lex, known)) for ent in doc.ents
             if ent.label_ in lex.labels or _label(ent, lex, known) != ent.label_
             for start, end in _segments(ent)]
    spans = _around_datelines(spans, datelines)
    out: list[Mention] = [_dateline(doc, a, b, known) for a, b in datelines]
    for start, end, label in _repair_spans(doc, spans):
        out += _clean(doc, start, end, label, lex, known)
    out += _scan_untagged(doc, out, known)
    out += _scan_acronyms(doc, out, lex, known)
    out += _scan_described(doc, out, lex, known)
    out.sort(key=lambda m: m.start)
    _extend_names(doc, out, lex)
    out = [m for m in out if not _misread(doc, m, lex)]
    _retype_by_context(doc, out, lex)
    evidence.retype(doc, out, lex)
    _join_directional(doc, out, lex)
    _link_prefixes(doc, out, known)
    out += _link_acronyms(doc, out, lex)
    out.sort(key=lambda m: m.start)
    return out


# --- 1. spans -------------------------------------------------------------------------------

def _segments(ent: Span) -> list[tuple[int, int]]:
    """The span cut at paragraph breaks, line breaks and brackets: a name crosses none
    ("World Health Organization (WHO" is two names)."""
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


def _repair_spans(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Organisation names the model cut in two.

    "Office for the Southern District of" + "New York": a name ending in a preposition goes on
    with the next span. "Attorney's" + "Office ...": an untagged capitalized possessor right
    before an organisation is part of its name (as in "People's Liberation Army"), unless the
    data knows it as a name of its own (then labels._clean splits it off as the owner).
    """
    out: list[tuple[int, int, str]] = []
    lex = lexicon()
    for start, end, label in spans:
        if label == "PERSON" and start > 0 and (not out or out[-1][1] < start):
            start -= _given_name_before(doc, start, lex)
        if out and label in ("GPE", "LOC", "ORG") and out[-1][2] == "ORG" and out[-1][1] == start \
                and doc[start - 1].lower_ in _NAME_PREPS:
            out[-1] = (out[-1][0], end, "ORG")
            continue
        if label == "ORG" and start >= 2 and doc[start - 1].tag_ == "POS":
            s = start - 1
            while s > 0 and doc[s - 1].tag_ in ("NNP", "NNPS") and not doc[s - 1].is_sent_start \
                    and (not out or out[-1][1] < s):
                s -= 1
            if s < start - 1 and fold(doc[s:start - 1].text) not in names().refs:
                start = s
        out.append((start, end, label))
    return out


def _given_name_before(doc: Doc, start: int, lex: Lexicon) -> int:
    """1 when the word before a person's name is an untagged given name: the model often
    drops a sentence's first word ("Luiz Inácio Lula da Silva" tagged from "Inácio")."""
    tok = doc[start - 1]
    if tok.tag_ != "NNP" or not tok.is_title or not tok.is_alpha:
        return 0
    low = tok.lower_
    if low in lex.honorifics or low in lex.role_nouns or fold(tok.text) in names().refs:
        return 0
    return 1


def _label(ent: Span, lex: Lexicon, known: Names) -> str:
    """The model's label, or GPE for a known place it called a product or a work ("in
    Montevideo", "the Sahel" tagged PRODUCT)."""
    label = str(ent.label_)
    if label in lex.labels or label not in ("PRODUCT", "WORK_OF_ART") or len(ent) > 3:
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
    text = _text(doc, start, end)
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
                and not _is_role_word(before, lex):
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
    m.text = _text(doc, start, end)
    m.end_char = m.start_char + len(m.text)
    m.key = fold(m.text)
    m.sentence_start = bool(doc[start].is_sent_start)


def _misread(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Capitalized words that are no names: a plural common noun the model tagged ("Hundreds",
    "Gunmen", "Wildfires"), and an English word right before a role noun that it qualifies
    ("Finance Minister", "Supreme Leader": the title's first word)."""
    if m.ref is not None or m.end - m.start != 1 or m.dateline or places(m.text):
        return False
    tok = doc[m.start]
    if tok.is_upper:
        return False
    if tok.tag_ == "NNS" and lemma(tok) in common_nouns():
        return True
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.is_title and _is_role_word(nxt, lex) and (
        tok.lower_ in common_nouns() or tok.lower_ in common_adjectives()) \
        and fold(tok.text) not in given_names()


def _is_role_word(tok: Token, lex: Lexicon) -> bool:
    return tok.lower_ in lex.role_nouns or lemma(tok) in lex.role_nouns


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
                    named.forms.append(_text(doc, start, end))
                    named.owner = owner
                return [owner, *rest]
            break
    whole = _make(doc, start, end, label, lex, known)
    return [whole] if whole is not None else []


def _trim(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> tuple[int, int]:
    while start < end and (doc[start].tag_ in _EDGE_TAGS or doc[start].is_space
                           or doc[start].lower_ in ("the", "’", "'")):
        start += 1
    # "President Biden", "Mr. Kirby": the honorific is a title, not part of the name.
    if label == "PERSON":
        while end - start > 1 and doc[start].lower_ in lex.honorifics and not (
                doc[start].lower_ in lex.name_honorifics and end - start < 3):
            start += 1
    while end > start and (doc[end - 1].tag_ in _EDGE_TAGS or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("’s", "'s", "’", "'")):
        end -= 1
    # "Borussia Dortmund 2-0": a score is no part of a name
    if end - start > 2 and doc[end - 1].like_num and doc[end - 2].text in ("-", "–") \
            and end - start > 3 and doc[end - 3].like_num:
        end -= 3
    return start, end


def _text(doc: Doc, start: int, end: int) -> str:
    # the span's own text: `doc.text` would rebuild the whole document's string on every call
    return str(doc[start:end].text)


def _make(doc: Doc, start: int, end: int, label: str, lex: Lexicon,
          known: Names) -> Mention | None:
    text = _text(doc, start, end)
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
    if kind == "PLACE" and end < len(doc) and doc[end].lower_ in lex.place_descriptors:
        m.forms.append(_text(doc, start, end + 1))  # "Kowloon West" + "district"
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
    if not any(c.isalpha() for c in key):
        return False
    toks = doc[start:end]
    if not any(t.text[:1].isupper() for t in toks):
        return False
    if not any(t.tag_ in _NAME_TAGS or (t.is_title and not t.is_sent_start) for t in toks):
        return False  # "Commenting" (a verb opening a sentence) tagged ORG
    return not any(c in key for c in "@/") and "www" not in key


def _owned_name(doc: Doc, start: int, end: int) -> bool:
    """A nationality word followed by a name: "Saudi Aramco", not "South Korean"."""
    refs = names().refs
    if fold(_text(doc, start, end)) in refs:
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
    if before is not None and (before.lower_ in lex.honorifics or _is_role_word(before, lex)):
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
    if label == "NORP" and end - start > 1 and _owned_name(doc, start, end):
        return "ORG"  # "Saudi Aramco", "Turkish Airlines"
    if label == "PERSON" and end - start > 1 and doc[start].lower_ in lex.directional:
        return "PLACE"  # "West Java", "North Waziristan": no person's name starts so
    if label == "PERSON" and end - start == 1 and not _person_word(doc, start, lex) and any(
            p.population >= _WORLD_CITY and p.kind == "city" for p in places(doc[start].text)):
        return "PLACE"  # "struck Odessa": a city of millions, no given name
    if end - start > 1 and kind != "OTHER":
        head = doc[end - 1].lower_
        if head in lex.org_heads and kind in ("PLACE", "PERSON", "GROUP"):
            return "ORG"
        if head in lex.place_heads and kind in ("ORG", "PERSON"):
            return "PLACE"
    return kind


# --- 2. names the model missed ------------------------------------------------------------

def _scan_untagged(doc: Doc, found: list[Mention], known: Names) -> list[Mention]:
    """Countries and known organisations the model left untagged or cut short ("the Pentagon"
    often is untagged; "U.S. Congress" comes as "U.S." + nothing).

    Exact case only, so "US" is found and "us" is not; a one-word title-case hit at the start of
    a sentence is skipped ("Fed up with..."), as is a hit inside a longer capitalized name
    ("Bank of America"). A hit may swallow mentions that lie wholly inside it; those are removed
    from `found`. Returns the new mentions.
    """
    owner = [-1] * len(doc)
    for k, m in enumerate(found):
        owner[m.start:m.end] = [k] * (m.end - m.start)
    out: list[Mention] = []
    swallowed: set[int] = set()
    skip_to = 0
    # only tokens that start some form are looked at, found without touching the others
    orth = doc.to_array(ORTH)
    starts = numpy.flatnonzero(numpy.isin(orth, known.scan_start_ids)).tolist()
    attrs = doc.to_array([IS_ALPHA, IS_PUNCT, LIKE_NUM, IS_SPACE])
    mixed = numpy.flatnonzero(~attrs.any(axis=1))  # "U.S.-led": no word, number or mark
    hyphened = [i for i in mixed.tolist() if "-" in doc[i].text[1:-1]
                and doc[i].text[:1].isupper()]
    for i in sorted({*starts, *hyphened}):
        k = owner[i]
        if i < skip_to or (k >= 0 and found[k].start != i):
            continue
        if k >= 0 and known.longest_scan.get(doc[i].text, 99) <= len(doc[i].text):
            continue  # tagged already, and no form is longer than this word
        hit = _scan_at(doc, i, known, owner, found)
        if hit is not None:
            out.append(hit)
            swallowed.update(k for k in owner[hit.start:hit.end] if k >= 0)
            skip_to = hit.end
    if swallowed:
        found[:] = [m for k, m in enumerate(found) if k not in swallowed]
    return out


#: Tokens read after a candidate start: the longest scan form is shorter.
_SCAN_WINDOW = 8


def _scan_at(doc: Doc, i: int, known: Names, owner: list[int],
             found: list[Mention]) -> Mention | None:
    tok = doc[i]
    if "-" in tok.text[1:]:
        hyphened = _scan_hyphened(doc, i, known, owner)
        if hyphened is not None:
            return hyphened
    forms = known.scan_starts.get(tok.text, ())
    base = tok.idx
    text, ends = tok.text, {len(tok.text): i + 1}
    if any(len(f) > len(tok.text) for f in forms):
        window = doc[i:i + _SCAN_WINDOW]
        text = window.text
        # token ends within the window, relative to its start: where a form may stop
        ends = {t.idx + len(t.text) - base: t.i + 1 for t in window}
    for form in forms:
        end = ends.get(len(form))
        if end is None or not text.startswith(form):
            continue
        inside = {k for k in owner[i:end] if k >= 0}
        if any(found[k].end > end for k in inside):
            continue  # a longer tagged name covers it
        if inside and all(owner[t] >= 0 for t in range(i, end)):
            continue  # the model tagged these words already
        key = known.scan_forms[form]
        ref = _scan_ref(known, key)
        if ref.kind == "group" and (tok.ent_type_ in _OTHER_LABELS or tok.ent_type_ == "PERSON"
                                    or tok.tag_ not in ("NNP", "NNPS", "JJ")):
            return None  # "in English" is a language; "Christian Malanga" a person
        if end - i == 1 and tok.is_sent_start and not tok.is_upper and not (
                ref.kind in ("group", "country", "capital") and tok.tag_ in ("NNP", "NNPS", "JJ")):
            return None  # "Fed up with ...": a title-case word opening a sentence
        if _inside_longer_name(doc, i, end):
            return None
        return Mention(i, end, base, base + len(form), form, ref.type, "DATA", key, ref)
    return None


def _scan_ref(known: Names, key: str) -> Ref:
    """What a scanned form refers to: a capital before the exonym entry of its city ("Kyiv"),
    so that metonymy can decide."""
    ref = known.refs.get(key)
    capital = known.capitals.get(key)
    if capital is not None and (ref is None or ref.kind == "region"):
        return capital
    assert ref is not None
    return ref


def _scan_hyphened(doc: Doc, i: int, known: Names, owner: list[int]) -> Mention | None:
    """ "U.S.-led" is one token: the known name before the hyphen is a mention."""
    tok = doc[i]
    if owner[i] >= 0 or "-" not in tok.text[1:]:
        return None
    form, _, suffix = tok.text.rpartition("-")
    key = known.scan_forms.get(form)
    if key is None or suffix.lower() not in lexicon().hyphen_suffixes:
        return None
    ref = _scan_ref(known, key)
    return Mention(i, i + 1, tok.idx, tok.idx + len(form), form, ref.type, "DATA", key, ref)


def _scan_acronyms(doc: Doc, found: list[Mention], lex: Lexicon,
                   known: Names) -> list[Mention]:
    """Acronyms the model left untagged ("the RSF paramilitary group", "the Russian-led
    CSTO"): a word of 2-6 capitals (a digit allowed: "M23") in a sentence not written in
    capitals, that is no common abbreviation ("GDP", "CEO") and no known name, is an
    organisation's."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    words = _english_words()
    for i in numpy.flatnonzero(doc.to_array(IS_UPPER)).tolist():
        tok = doc[i]
        if tok.i in taken or tok.ent_type_ in _OTHER_LABELS or not _acronym_like(tok.text) \
                or tok.lower_ in lex.common_acronyms or tok.lower_ in lex.not_names \
                or tok.lower_ in words:
            continue
        key = fold(tok.text)
        if key in known.refs or key in known.capitals or not _named_like_an_org(tok, lex) \
                or _shouting(tok):
            continue
        out.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "ORG",
                           "ACRONYM", key, sentence_start=bool(tok.is_sent_start)))
    return out


def _scan_described(doc: Doc, found: list[Mention], lex: Lexicon,
                    known: Names) -> list[Mention]:
    """Names the model left untagged that the sentence describes as an organisation: before
    "-owned", "-led", "-backed" ("Glencore-owned mines"), or with an organisation noun in
    apposition ("Ørsted, the Danish wind farm developer,")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    for i in _described_candidates(doc).tolist():
        tok = doc[i]
        if tok.i in taken or tok.tag_ not in ("NNP", "NNPS") or not tok.is_title \
                or tok.ent_type_ in _OTHER_LABELS or fold(tok.text) in known.refs:
            continue
        nxt = doc[tok.i + 1:tok.i + 3]
        hyphen = len(nxt) == 2 and nxt[0].text == "-" and not tok.whitespace_ \
            and nxt[1].lower_ in _OWNING_SUFFIXES
        described = any(c.dep_ == "appos" and c.i > tok.i and (
            c.lower_ in lex.org_nouns or lemma(c) in lex.org_nouns) and not _is_role_word(c, lex)
            for c in tok.children)
        if (hyphen and not places(tok.text)) or (described and tok.dep_ in ("nsubj", "dobj")):
            out.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text,
                               "ORG", "ORG", fold(tok.text),
                               sentence_start=bool(tok.is_sent_start)))
            taken.add(tok.i)
    return out


def _described_candidates(doc: Doc) -> Any:
    """Untagged title-case proper nouns before a hyphen, or subjects and objects with an
    apposition: the only tokens `_scan_described` reads (found with arrays, not a loop)."""
    strings = doc.vocab.strings
    a = doc.to_array([TAG, IS_TITLE, ENT_IOB, DEP, ORTH])
    heads = doc.to_array(HEAD).astype(numpy.int64)  # offsets, stored as unsigned
    proper = numpy.isin(a[:, 0], [strings.add("NNP"), strings.add("NNPS")])
    role = numpy.isin(a[:, 3], [strings.add("nsubj"), strings.add("dobj")])
    appos = numpy.flatnonzero(a[:, 3] == strings.add("appos"))
    described = numpy.zeros(len(a), dtype=bool)
    described[appos + heads[appos]] = True
    hyphen = numpy.zeros(len(a), dtype=bool)
    hyphen[:-1] = a[1:, 4] == strings.add("-")
    return numpy.flatnonzero(proper & (a[:, 1] > 0) & (a[:, 2] != 3)
                             & ((role & described) | hyphen))


def _acronym_like(text: str) -> bool:
    """2-6 capital letters of the Latin alphabet ("RSF"; digits make product and unit codes:
    "PS4", "AC1200")."""
    return 2 <= len(text) <= 6 and text.isascii() and text.isalpha() and text.isupper()


#: Nouns whose compound modifier in capitals is an organisation ("the RSF paramilitary group",
#: "ELN rebels"), beside the organisation nouns of the lexicon.
_MEMBER_NOUNS = frozenset({"rebels", "fighters", "militants", "members", "leader", "leaders",
                           "spokesman", "spokeswoman", "spokesperson", "official", "officials",
                           "chief", "commander", "commanders", "troops", "forces", "government",
                           "lawmakers", "candidate", "statement"})


def _named_like_an_org(tok: Token, lex: Lexicon) -> bool:
    """An acronym used as organisations are: with "the" ("the CSTO"), or modifying a noun of
    organisations or their members ("the RSF paramilitary group", "ELN rebels")."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ in ("compound", "nmod") and (
        head.lower_ in _MEMBER_NOUNS or head.lower_ in lex.org_nouns
        or lemma(head) in lex.org_nouns)


@functools.cache
def _english_words() -> frozenset[str]:
    """English words and stop words: capitals spelling one are shouting, not an acronym."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return common_nouns() | common_adjectives() | frozenset(STOP_WORDS)


def _shouting(tok: Token) -> bool:
    """Whether the token's sentence is written in capitals (a headline, a dateline)."""
    words = [t for t in tok.sent if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 > len(words)


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.tag_ in ("NNP", "NNPS") and not before.is_sent_start:
        return True
    return after is not None and (after.tag_ in ("NNP", "NNPS") or (after.lower_ == "of"
                                  and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()))


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
            m.text = _text(doc, m.start, m.end)
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
            joined = _text(doc, prev.start, m.end)
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
