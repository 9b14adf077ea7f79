"""Name spans the model drew wrong, repaired before they are typed.

spaCy's small model cuts long organisation names at their inner words and glues neighbouring
words onto names. Each repair below reads the words around the model's spans, never a list of
particular names:

- a name cut at its preposition: "Office for the Southern District of" + "New York", "the
  Federal Reserve Bank" + "of" + "Dallas" (an organisation's head noun before "of"), "the
  Western District" + "of" + "Virginia" (a court district);
- an organisation's head noun left untagged before the tagged rest: "U.S. Attorney's Office
  for" + "the Western District" (the head and its capitalized words join the name);
- a name cut at "&" ("Procter" + "& Gamble"), or at "and" where the article spells the joined
  name's initials ("Trade" + "and" + "Industry Council" ... "TIC");
- a capitalized possessor before an organisation: "Attorney's" + "Office ...";
- a given name the model left out of a person's name, or cut at its hyphen ("Moon Jae" +
  "-in").

`split_coordinated` and `join_coordinated_places` handle the reverse: one span holding two places
that share a plural head noun ("Orange and Riverside counties" are Orange County and Riverside
County). `trim_opening_word` drops a sentence's capitalized first word that the model glued
onto a name the data knows ("Key Security Council powers").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IS_UPPER
from spacy.tokens import Doc

from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.resources import (
    Lexicon,
    Names,
    common_adjectives,
    common_nouns,
    given_names,
    lexicon,
    names,
)

if TYPE_CHECKING:
    from newsgraph.nlp.entities.mention import Mention

Span3 = tuple[int, int, str]

#: Prepositions a name can hold but not end with ("Office for the Southern District of").
NAME_PREPS = frozenset({"of", "for", "on", "de", "del", "da", "do", "and", "&"})
#: Words between an organisation's head noun and the place or body it is of ("Bank of",
#: "Office for the").
_OF_GAPS = (("of",), ("of", "the"), ("for",), ("for", "the"))
#: Labels a name can be joined from.
_JOINABLE = frozenset({"ORG", "GPE", "LOC", "FAC"})
#: Labels of a name's first conjunct when "and" joins it to an organisation's rest ("Parks"
#: tagged PERSON in "Parks and Wildlife Services").
_COORDINABLE = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC"})
#: Longest run of untagged capitalized words joined before an organisation's head noun
#: ("U.S. Attorney's Office" is "Attorney" "'s" "Office").
_MAX_PREFIX = 4


def repair(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """The model's (start, end, label) spans, in text order, with cut names joined."""
    out: list[Span3] = []
    lex, known = lexicon(), names()
    acronyms: set[str] | None = None
    for start, end, label in spans:
        prev_end = out[-1][1] if out else 0
        if label == "PERSON" and start > 0 and prev_end < start:
            start -= _given_name_before(doc, start, lex)
        if label == "PERSON":
            end = _hyphenated_end(doc, end, lex)
            if end - start == 1 and start > prev_end and doc[start - 1].is_title and \
                    doc[start - 1].lower_ in lex.royal_titles:
                start -= 1  # "Prince" + "Harry": a royal is named with the title
        if label in _JOINABLE and label != "ORG":
            start, label = _office_before(doc, start, prev_end, label, lex)
        if out and label in _JOINABLE:
            joined = _join(doc, out[-1], (start, end, label), lex, known)
            if joined is None and out[-1][2] in _COORDINABLE and label == "ORG" and \
                    doc[out[-1][1]].lower_ == "and" and out[-1][1] + 1 == start:
                acronyms = _acronyms(doc) if acronyms is None else acronyms
                if _initials(doc, out[-1][0], end) in acronyms:
                    joined = (out[-1][0], end, "ORG")  # "Parks and Wildlife Services" (PWS)
            if joined is not None:
                out[-1] = joined
                continue
        if label == "ORG" and start >= 2 and doc[start - 1].tag_ == "POS":
            start = _possessor_before(doc, start, prev_end, known)
        if label in ("LOC", "GPE"):
            end = _district_of(doc, start, end, lex, known)
        out.append((start, end, label))
    return out


#: Longest second syllable of a hyphenated given name cut at its hyphen ("Jae-in", "Geun-hye",
#: "Moo-hyun"); longer lower-case words after a hyphen are compounds ("Biden-backed").
_MAX_NAME_SYLLABLE = 4


def _hyphenated_end(doc: Doc, end: int, lex: Lexicon) -> int:
    """ "Moon Jae" + "-in": the tokenizer splits a hyphenated given name at its hyphen, and the
    model may end the name there. The hyphen and a short lower-case syllable glued to both
    sides join the name; a compound's word ("-led", "-era") does not."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_ or \
            doc[end].whitespace_:
        return end
    syllable = doc[end + 1]
    if syllable.is_alpha and syllable.is_lower and len(syllable) <= _MAX_NAME_SYLLABLE and \
            syllable.lower_ not in lex.hyphen_suffixes and not doc[end - 1].is_lower:
        return end + 2
    return end


def _district_of(doc: Doc, start: int, end: int, lex: Lexicon, known: Names) -> int:
    """ "the Northern District" + "of Illinois" left untagged: a court district's state."""
    first = start + 1 if doc[start].lower_ == "the" else start
    if end - first != 2 or doc[end - 1].lower_ != "district" or end + 1 >= len(doc) \
            or doc[first].lower_ not in lex.directional or doc[end].lower_ != "of":
        return end
    stop = end + 1
    while stop < len(doc) and stop - end <= 3 and doc[stop].is_title and not doc[stop].ent_type_:
        stop += 1
    place = str(doc[end + 1:stop].text)
    if stop > end + 1 and (places(place) or fold(place) in known.refs):
        return stop
    return end


def _join(doc: Doc, prev: Span3, cur: Span3, lex: Lexicon, known: Names) -> Span3 | None:
    """The two spans as one name, when the words between make them one."""
    (a, b, prev_label), (start, end, label) = prev, cur
    if b == start and prev_label == "ORG" and label in ("GPE", "LOC", "ORG") \
            and doc[start - 1].lower_ in NAME_PREPS:
        return a, end, "ORG"  # the model's span ends in the preposition
    gap = tuple(t.lower_ for t in doc[b:start]) if start - b <= 2 else ()
    if gap == ("&",) and prev_label == "ORG":
        return a, end, "ORG"  # "Procter" + "& Gamble"
    if gap not in _OF_GAPS or doc[start].is_sent_start or (label == "ORG" and \
            known.refs.get(fold(str(doc[start:end].text))) is not None):
        return None
    head = doc[head_index(doc, a, b)].lower_
    if prev_label == "ORG" and head in lex.org_heads and \
            fold(str(doc[a:b].text)) not in known.refs:
        return a, end, "ORG"  # "the Federal Reserve Bank of Dallas"
    first = a + 1 if doc[a].lower_ == "the" else a
    if prev_label in ("LOC", "GPE") and head == "district" and b - first == 2 \
            and doc[first].lower_ in lex.directional and gap[0] == "of":
        return a, end, prev_label  # "the Western District of Virginia", a court district
    return None


def head_index(doc: Doc, start: int, end: int) -> int:
    """The name's head noun: the word before its first preposition ("Office" in "Office for
    the Southern District of New York", "Bank" in "Bank of Japan"), else its last word."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("of", "for"):
            return i - 1
    return end - 1


def _office_before(doc: Doc, start: int, prev_end: int, label: str,
                   lex: Lexicon) -> tuple[int, str]:
    """ "Attorney's Office for" + "the Western District": an untagged organisation head noun
    and the capitalized words before it start the name."""
    i = start - 1
    while i > prev_end and doc[i].lower_ in ("the", "for", "of") and start - i <= 2:
        i -= 1
    if i == start - 1 or doc[i + 1].lower_ not in ("for", "of") or i < prev_end:
        return start, label
    head = doc[i]
    if not (head.is_title and head.tag_ in ("NNP", "NNPS") and not head.ent_type_
            and head.lower_ in lex.org_heads):
        return start, label
    first = i
    while first - 1 >= prev_end and i - first < _MAX_PREFIX and not doc[first].is_sent_start:
        before = doc[first - 1]
        if before.ent_type_ or not (before.is_title or before.tag_ == "POS"):
            break
        first -= 1
    if doc[first].tag_ == "POS":
        first += 1
    return first, "ORG"


def _possessor_before(doc: Doc, start: int, prev_end: int, known: Names) -> int:
    """ "Attorney's" + "Office ...": an untagged capitalized possessor right before an
    organisation is part of its name (as in "People's Liberation Army"), unless the data knows
    it as a name of its own (then labels._clean splits it off as the owner)."""
    s = start - 1
    while s > 0 and doc[s - 1].tag_ in ("NNP", "NNPS") and not doc[s - 1].is_sent_start \
            and prev_end < s:
        s -= 1
    if s < start - 1 and fold(str(doc[s:start - 1].text)) not in known.refs:
        return s
    return start


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


def _acronyms(doc: Doc) -> set[str]:
    """Every word in capitals of the document, lower-cased, letters only ("PG&E" -> "pge")."""
    out: set[str] = set()
    for i in numpy.flatnonzero(doc.to_array(IS_UPPER)).tolist():
        word = "".join(ch for ch in doc[i].lower_ if ch.isalpha())
        if 2 <= len(word) <= 6:
            out.add(word)
    return out


def _initials(doc: Doc, start: int, end: int) -> str:
    return "".join(t.lower_[0] for t in doc[start:end] if t.is_title)


# --- coordinated places --------------------------------------------------------------------

def plural_head(doc: Doc, end: int, lex: Lexicon) -> str | None:
    """The singular head a plural place noun after a name gives it ("counties" -> "County")."""
    if end < len(doc) and doc[end].is_lower:
        return lex.place_plurals.get(doc[end].lower_)
    return None


def split_coordinated(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """ "Orange and Riverside" before "counties": the conjuncts, each its own place."""
    out: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        if doc[i].lower_ in ("and", ",", "or"):
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out


def join_coordinated_places(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """ "Kano and Kaduna states", "Orange and Riverside counties": every conjunct before a
    plural place noun is a place, also known as the conjunct with the singular noun ("Kano
    State")."""
    for k, m in enumerate(mentions):
        head = plural_head(doc, m.end, lex)
        if head is None or m.dateline:
            continue
        group = [m]
        j = k - 1
        while j >= 0 and 0 < group[0].start - mentions[j].end <= 2 and all(
                t.lower_ in ("and", ",", "or") for t in doc[mentions[j].end:group[0].start]):
            group.insert(0, mentions[j])
            j -= 1
        if len(group) < 2:
            continue  # "the Baltic states", "the Gulf states": a region's countries
        for g in group:
            if g.ref is not None and g.ref.type != "PLACE":
                continue
            g.type, g.label = "PLACE", "GPE"
            form = f"{g.text} {head}"
            if form not in g.forms:
                g.forms.append(form)


# --- a capitalized first word glued onto a known name ------------------------------------------

def trim_opening_word(doc: Doc, start: int, end: int, known: Names) -> int:
    """ "Key Security Council powers", "Senior Hamas officials": a sentence's first word that is
    an English word, before a name the data knows as an organisation or a people, is no part of
    the name. Places keep theirs ("Inner Mongolia", "Northern Ireland")."""
    if end - start < 2:
        return start
    first = doc[start]
    if not first.is_sent_start or not first.is_title:
        return start
    word = first.lower_
    if (word not in common_adjectives() and word not in common_nouns()) or \
            fold(first.text) in given_names():
        return start
    text = str(doc[start:end].text)
    if fold(text) in known.refs or places(text):
        return start
    ref = known.refs.get(fold(str(doc[start + 1:end].text)))
    if ref is not None and ref.type in ("ORG", "GROUP"):
        return start + 1
    return start
