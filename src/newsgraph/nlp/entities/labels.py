"""Mentions: the model's entity spans, cleaned, typed and linked to what the data knows.

spaCy's small English model finds most names but draws some spans wrong and mislabels others;
this module repairs the spans by rule (a leading "the" or honorific, a possessive "'s", a
paragraph break inside a span, "Lithuania's Foreign Affairs Committee" holding two names) and
the types with data (a country tagged ORG is a place; a span ending in "Committee" is an
organisation; "Lithuanian" tagged GPE is a nationality), so that no name of the dev articles is
special-cased in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.resources import Lexicon, Names, Ref, lexicon, names
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
#: Punctuation after a dateline ("FRANKFURT (Reuters) -", "SÃO PAULO —", "ANTAKYA, Turkey").
_DATELINE_NEXT = frozenset({",", "(", "—", "–", "-", "--", ":"})
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
    spans = [(start, end, ent.label_) for ent in doc.ents if ent.label_ in lex.labels
             for start, end in _segments(ent)]
    out: list[Mention] = []
    for start, end, label in _repair_spans(doc, spans):
        out += _clean(doc, start, end, label, lex, known)
    out += _scan_untagged(doc, out, known)
    out.sort(key=lambda m: m.start)
    _datelines(doc, out, lex, known)
    _retype_by_context(doc, out, lex)
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


def _datelines(doc: Doc, mentions: list[Mention], lex: Lexicon, known: Names) -> None:
    """ "FRANKFURT (Reuters) -": a name in capitals opening a paragraph is where the story was
    filed, a place (the model often calls it ORG), never a government acting."""
    for m in mentions:
        at_start = m.start == 0 or "\n" in doc[m.start - 1].text
        if not (at_start and m.text.isupper() and len(m.key) > 2 and m.end < len(doc)
                and doc[m.end].text in _DATELINE_NEXT):
            continue
        m.type, m.label, m.dateline = "PLACE", "GPE", True
        if (m.ref is not None and m.ref.type != "PLACE") or (m.ref is not None \
                and m.ref.kind == "capital"):
            m.ref = None
    if mentions and mentions[0].start == 0:
        return
    # untagged: the first capitals of the article, if the gazetteer knows them
    end = 0
    while end < min(len(doc), 4) and doc[end].is_upper and doc[end].is_alpha:
        end += 1
    if 0 < end < len(doc) and doc[end].text in _DATELINE_NEXT:
        text = _text(doc, 0, end)
        if places(text) or fold(text) in known.refs:
            m = Mention(0, end, 0, len(text), text, "PLACE", "GPE", fold(text), dateline=True)
            ref = known.refs.get(m.key)
            m.ref = ref if ref is not None and ref.type == "PLACE" else None
            mentions.insert(0, m)


def _retype_by_context(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """A name the model called a person or an organisation that the sentence shows is a place:
    in apposition to or modifying a place noun ("the crossing, Bab al-Hawa", "the Rafah
    crossing", "the province of Hatay"), or after a preposition of place when the gazetteer
    knows it ("flew to São Paulo", "in Hatay")."""
    place_at = {m.start for m in mentions if m.type == "PLACE"}
    for m in mentions:
        if m.ref is None and m.type in ("ORG", "PERSON") and not m.dateline \
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
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in \
            lex.place_descriptors:
        return True  # "the province of Hatay"
    if root.dep_ == "pobj" and (m.key in names().capitals or _data_place(m.key)):
        return True  # "special envoy to Kyiv": a capital or country is no person
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
        while end - start > 1 and doc[start].lower_ in lex.honorifics:
            start += 1
    while end > start and (doc[end - 1].tag_ in _EDGE_TAGS or doc[end - 1].is_space
                           or doc[end - 1].lower_ in ("’s", "'s", "’", "'")):
        end -= 1
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
    capital = known.capitals.get(key) if label != "PERSON" else None
    kind = _type(doc, start, end, label, ref, capital is not None, lex)
    if kind is None:
        return None
    if ref is not None and ref.type != kind:
        ref = None  # "Jordan" the person is not Jordan the country
    m = Mention(start, end, doc[start].idx, doc[start].idx + len(text), text, kind, label, key,
                ref, sentence_start=bool(doc[start].is_sent_start))
    if capital is not None and ref is None:
        m.ref = capital  # a candidate only: metonymy.py decides government or place
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
    if not any(c.isalpha() for c in key):
        return False
    toks = doc[start:end]
    if not any(t.text[:1].isupper() for t in toks):
        return False
    if not any(t.tag_ in _NAME_TAGS for t in toks):
        return False  # "Commenting" (a verb) tagged ORG
    return not any(c in key for c in "@/") and "www" not in key


def _type(doc: Doc, start: int, end: int, label: str, ref: Ref | None, is_capital: bool,
          lex: Lexicon) -> EntityType | None:
    """The record type: what the data knows first, then the head noun, then the model."""
    if ref is not None and not (label == "PERSON" and end - start == 1 and ref.kind != "known"):
        return ref.type
    if is_capital and label in ("GPE", "ORG", "LOC", "FAC"):
        return "PLACE"
    kind = lex.labels.get(label)
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
    for i in numpy.flatnonzero(numpy.isin(orth, known.scan_start_ids)).tolist():
        k = owner[i]
        if i < skip_to or (k >= 0 and found[k].start != i):
            continue
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
    window = doc[i:i + _SCAN_WINDOW]
    text, base = window.text, window.start_char
    # token ends within the window, relative to its start: where a form may stop
    ends = {t.idx + len(t.text) - base: t.i + 1 for t in window}
    for form in known.scan_starts.get(doc[i].text, ()):
        end = ends.get(len(form))
        if end is None or not text.startswith(form):
            continue
        inside = {k for k in owner[i:end] if k >= 0}
        if any(found[k].end > end for k in inside):
            continue  # a longer tagged name covers it
        if inside and all(owner[t] >= 0 for t in range(i, end)):
            continue  # the model tagged these words already
        tok = doc[i]
        if end - i == 1 and tok.is_sent_start and not tok.is_upper:
            return None  # "Fed up with ...": a title-case word opening a sentence
        if _inside_longer_name(doc, i, end):
            return None
        key = known.scan_forms[form]
        ref = known.refs[key]
        return Mention(i, end, base, base + len(form), form, ref.type, "DATA", key, ref)
    return None


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
