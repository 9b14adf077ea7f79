"""Names the model missed: known names, acronyms and described names it left untagged.

The small model tags nothing on some names in some sentences ("the Pentagon", "on Facebook and
TikTok", "the RSF paramilitary group", "Glencore-owned mines"). Each scan here finds one kind by
data or by how the sentence uses the words, and returns new mentions for the caller to add:

- `scan_known`: countries, capitals, nationalities and organisations of the data files, in their
  exact case;
- `scan_acronyms`: words in capitals used as organisations are ("the CSTO", "ELN rebels");
- `scan_described`: a capitalized word the sentence describes as an organisation ("Ørsted, the
  Danish wind farm developer", "Glencore-owned").
"""

from __future__ import annotations

import functools
from typing import Any

import numpy
from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.columns import (
    ALPHA,
    BEGIN,
    CAPITAL,
    HYPHENED,
    LOWER,
    OUTSIDE,
    TITLE,
    UPPER,
    Columns,
    string_id,
)
from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.mention import OTHER_LABELS, Mention, is_role_word
from newsgraph.nlp.entities.resources import (
    Lexicon,
    Names,
    Ref,
    common_adjectives,
    common_nouns,
    given_names,
    lexicon,
)
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import EntityType

#: Words after a hyphen that make the name before it an owner: a company, a state, a group
#: ("Glencore-owned"); "-based" and "-born" follow places and are left to the model.
_OWNING_SUFFIXES = frozenset({"owned", "led", "backed", "run", "funded", "controlled",
                              "operated", "sponsored", "financed"})

def scan_known(doc: Doc, cols: Columns, found: list[Mention], known: Names) -> list[Mention]:
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
    ids = known.scan_start_ids  # sorted: membership by binary search
    at = numpy.searchsorted(ids, cols.orth)
    at[at == len(ids)] = 0
    hits = (ids[at] == cols.orth) | cols.has(HYPHENED)  # "U.S.-led" is one token
    for i in numpy.flatnonzero(hits).tolist():
        k = owner[i]
        if i < skip_to or (k >= 0 and found[k].start != i):
            continue
        pair = _scan_pair(doc, i, known) if cols.flags[i] & HYPHENED else []
        if pair:
            out += pair  # "U.S.-Canada trade": two countries
            if k >= 0:
                swallowed.add(k)
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
    longest = known.longest_scan.get(tok.text, 0)
    if longest > len(text):
        # the words a form may span, and where each ends relative to the start: read only as far
        # as the longest form starting with this word reaches
        parts = [tok.text_with_ws]
        for j in range(i + 1, min(len(doc), i + _SCAN_WINDOW)):
            t = doc[j]
            offset = t.idx - base
            if offset >= longest:
                break
            parts.append(t.text_with_ws)
            ends[offset + len(t.text)] = j + 1
        text = "".join(parts)
    for form in forms:
        end = ends.get(len(form))
        if end is None or not text.startswith(form):
            continue
        inside = {k for k in owner[i:end] if k >= 0}
        if any(found[k].end > end for k in inside):
            continue  # a longer tagged name covers it
        if inside and all(owner[t] >= 0 for t in range(i, end)) and (len(inside) == 1 or any(
                (r := found[k].ref) is not None and r.kind != "group" for k in inside)):
            continue  # the model tagged these words already ("Liberal" + "Democrat" is one)
        key = known.scan_forms[form]
        ref = _scan_ref(known, key)
        if ref.kind == "group" and (tok.ent_type_ in OTHER_LABELS or tok.ent_type_ == "PERSON"
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


def _scan_pair(doc: Doc, i: int, known: Names) -> list[Mention]:
    """ "U.S.-Mexico border", "U.S.-China talks" (one token): each side is a mention of its
    country."""
    tok = doc[i]
    first, _, second = tok.text.partition("-")
    out: list[Mention] = []
    offset = 0
    for form in (first, second):
        key = known.scan_forms.get(form)
        if key is None:
            return []
        ref = _scan_ref(known, key)
        if ref.kind not in ("country", "capital"):
            return []
        start = tok.idx + offset
        out.append(Mention(i, i + 1, start, start + len(form), form, ref.type, "DATA", key, ref))
        offset += len(form) + 1
    return out


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


def scan_acronyms(doc: Doc, cols: Columns, found: list[Mention], lex: Lexicon,
                  known: Names) -> list[Mention]:
    """Acronyms the model left untagged ("the RSF paramilitary group", "the Russian-led
    CSTO"): a word of 2-6 capitals (a digit allowed: "M23") in a sentence not written in
    capitals, that is no common abbreviation ("GDP", "CEO") and no known name, is an
    organisation's."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    words = _english_words()
    for i in numpy.flatnonzero(cols.has(UPPER)).tolist():
        tok = doc[i]
        if tok.i in taken or tok.ent_type_ in OTHER_LABELS or not _acronym_like(tok.text) \
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


def scan_described(doc: Doc, cols: Columns, found: list[Mention], lex: Lexicon,
                   known: Names) -> list[Mention]:
    """Names the model left untagged that the sentence describes: an organisation before
    "-owned", "-led", "-backed" ("Glencore-owned mines"), after an organisation noun ("the
    group Nurses for Safe Staffing"), or with one in apposition ("Ørsted, the Danish wind farm
    developer,"); a person with a role in apposition ("Eswar Prasad, a trade professor")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    for i in _described_candidates(cols, lex).tolist():
        tok = doc[i]
        if tok.i in taken or not tok.is_title or tok.ent_type_ in OTHER_LABELS \
                or fold(tok.text) in known.refs:
            continue
        kind, start, end = _described(doc, tok, lex, taken)
        if kind is None or fold(str(doc[start:end].text)) in known.refs:
            continue
        text = str(doc[start:end].text)
        out.append(Mention(start, end, doc[start].idx, doc[start].idx + len(text), text, kind,
                           kind, fold(text), sentence_start=bool(doc[start].is_sent_start)))
        taken.update(range(start, end))
    return out


def _described(doc: Doc, tok: Token, lex: Lexicon,
               taken: set[int]) -> tuple[EntityType | None, int, int]:
    """What the sentence says the untagged name at `tok` is, and the name's tokens."""
    i = tok.i
    if tok.lower_ in lex.org_first and i + 1 < len(doc) and doc[i + 1].is_title \
            and i + 1 not in taken:
        return "ORG", i, _run_end(doc, i, taken)  # "Air Peace"
    if i > 0 and doc[i - 1].tag_ in ("NN", "NNS") and _org_noun(doc[i - 1], lex) \
            and not tok.is_sent_start:
        end = _run_end(doc, i, taken)
        if end - i > 1 or tok.tag_ in ("NNP", "NNPS"):
            return "ORG", i, end  # "the group Doctors for Camp Closure"
    if tok.tag_ not in ("NNP", "NNPS"):
        return None, i, i
    nxt = doc[i + 1:i + 3]
    if len(nxt) == 2 and nxt[0].text == "-" and not tok.whitespace_ \
            and nxt[1].lower_ in _OWNING_SUFFIXES:
        return (None if places(tok.text) else "ORG"), i, i + 1  # "Glencore-owned"
    if tok.dep_ not in ("nsubj", "dobj"):
        return None, i, i
    appos = [c for c in tok.rights if c.dep_ == "appos"]
    start = _run_start(doc, i, taken)
    if any(_org_noun(c, lex) for c in appos):
        return "ORG", start, i + 1  # "Ørsted, the Danish wind farm developer"
    if 2 <= i + 1 - start <= 3 and any(is_role_word(c, lex) for c in appos) and all(
            t.is_alpha and t.tag_ == "NNP" for t in doc[start:i + 1]) \
            and doc[i].lower_ not in lex.org_heads and doc[start].lower_ not in lex.org_first:
        return "PERSON", start, i + 1  # "Eswar Prasad, a trade professor at Cornell"
    return None, i, i


def _org_noun(tok: Token, lex: Lexicon) -> bool:
    return (tok.lower_ in lex.org_nouns or lemma(tok) in lex.org_nouns) \
        and not is_role_word(tok, lex)


#: Lower-case words inside an untagged organisation's name ("Doctors for Camp Closure").
_RUN_PARTICLES = frozenset({"for", "of", "and", "&", "the", "on", "against", "without"})
#: Longest untagged name read, in tokens.
_MAX_RUN = 8


def _run_end(doc: Doc, i: int, taken: set[int]) -> int:
    """End of the capitalized words from i, with the little words of a name between them."""
    end = i + 1
    while end < len(doc) and end - i < _MAX_RUN and end not in taken:
        tok = doc[end]
        word = tok.is_title and not tok.is_sent_start and tok.tag_.startswith("NN")
        particle = tok.lower_ in _RUN_PARTICLES and end + 1 < len(doc) \
            and doc[end + 1].is_title and end + 1 not in taken
        if not (word or particle):
            break
        end += 1
    while doc[end - 1].lower_ in _RUN_PARTICLES:
        end -= 1
    return end


def _run_start(doc: Doc, i: int, taken: set[int]) -> int:
    """Start of the untagged capitalized compound words before i ("Eswar" of "Eswar Prasad")."""
    start = i
    while start > 0 and start - 1 not in taken and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i == i and doc[start - 1].is_title:
        start -= 1
    return start


def scan_surnames(doc: Doc, cols: Columns, found: list[Mention]) -> list[Mention]:
    """A person's surname the model left untagged after it tagged the full name ("Maj. Gen.
    Sarah Okafor told reporters ... Okafor said"): the same word alone, not beside another
    capitalized word, is another mention of the person."""
    surnames = {doc[m.end - 1].orth for m in found if m.type == "PERSON" and m.ref is None
                and m.end - m.start >= 2 and doc[m.end - 1].is_title}
    if not surnames:
        return []
    taken = {i for m in found for i in range(m.start, m.end)}
    words = _english_words()
    out: list[Mention] = []
    hits = numpy.isin(cols.orth, numpy.array(sorted(surnames), dtype=numpy.uint64))
    for i in numpy.flatnonzero(hits & (cols.ent_iob == OUTSIDE)).tolist():
        tok = doc[i]
        if i in taken or not tok.tag_.startswith("NNP") or _capitalized_neighbour(doc, i):
            continue
        if tok.is_sent_start and tok.lower_ in words and not _subject_of_verb(doc, i):
            continue  # "Young people ..." beside Neil Young; "Grant told lawmakers" is Grant
        out.append(Mention(i, i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PERSON",
                           "PERSON", fold(tok.text), sentence_start=bool(tok.is_sent_start)))
    return out


#: Adverbs read past between a sentence's first word and its verb ("Webb STILL faces").
_MAX_ADVERBS = 2


def _subject_of_verb(doc: Doc, i: int) -> bool:
    """Whether the word at i is followed by a verb, past an adverb or two: "Grant told", "Webb
    still faces", "Rice later said"."""
    j = i + 1
    while j < len(doc) and j - i <= _MAX_ADVERBS and doc[j].tag_ in ("RB", "RBR"):
        j += 1
    return j < len(doc) and doc[j].tag_.startswith(("VB", "MD"))


def scan_conjuncts(doc: Doc, cols: Columns, found: list[Mention]) -> list[Mention]:
    """An untagged capitalized word coordinated with an organisation is one too ("on Facebook
    and Nextdoor"), also inside a span the model called a work of art ("Facebook and Nextdoor"
    as one title). Places are left to the model and the gazetteer."""
    kind_at: dict[int, Mention] = {}
    for m in found:
        if m.type == "ORG":
            for i in range(m.start, m.end):
                kind_at[i] = m
    out: list[Mention] = []
    words = _english_words()
    conj = (cols.dep == string_id("conj")) & cols.has(TITLE) & (
        (cols.tag == string_id("NNP")) | (cols.tag == string_id("NNPS")))
    for i in numpy.flatnonzero(conj).tolist():
        tok = doc[i]
        head = kind_at.get(int(cols.head[i]))
        if head is None or i in kind_at or tok.is_sent_start or not tok.is_alpha \
                or len(tok.text) < 2 or tok.lower_ in words \
                or (tok.ent_type_ and tok.ent_type_ not in OTHER_LABELS) \
                or _capitalized_neighbour(doc, i):
            continue  # an English word ("Senate Leader"), a tagged word, part of a longer name
        out.append(Mention(i, i + 1, tok.idx, tok.idx + len(tok.text), tok.text, head.type,
                           head.label, fold(tok.text)))
    return out


def scan_cities(doc: Doc, cols: Columns, found: list[Mention]) -> list[Mention]:
    """Large cities the model left untagged where a name is expected: as a modifier ("the CBP
    McAllen facility") or after a preposition ("flights to Tacoma"). The city must have
    100,000+ people and be no given name or English word ("Mobile", "Victoria")."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out: list[Mention] = []
    # English words: stop words and adjectives only, the noun list holds city names ("mcallen")
    words = common_adjectives()
    givens = given_names()
    dep = cols.dep
    candidates = (cols.tag == string_id("NNP")) & (cols.ent_iob == OUTSIDE) & (
        cols.flags & (CAPITAL | ALPHA | UPPER) == CAPITAL | ALPHA) & (cols.sent_start != 1) & (
        (dep == string_id("compound")) | (dep == string_id("pobj")))
    for i in numpy.flatnonzero(candidates).tolist():
        tok = doc[i]
        if i in taken or tok.is_stop or tok.lower_ in words or fold(tok.text) in givens \
                or _capitalized_neighbour(doc, i):
            continue
        if any(p.population >= _KNOWN_CITY and p.kind == "city" for p in places(tok.text)):
            out.append(Mention(i, i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PLACE",
                               "GPE", fold(tok.text)))
    return out


def _capitalized_neighbour(doc: Doc, i: int) -> bool:
    """An untagged capitalized word beside: the city's name is part of another name ("New
    York Islanders", "Pittsburgh Penguins", "Tampa Bay")."""
    return any(0 <= j < len(doc) and not doc[j].ent_type_ and doc[j].text[:1].isupper()
               and not doc[j].is_sent_start for j in (i - 1, i + 1))


#: A city this large is a place wherever the model left its name untagged.
_KNOWN_CITY = 100_000


def _described_candidates(cols: Columns, lex: Lexicon) -> Any:
    """Untagged capitalized words before a hyphen, after a lower-case noun, or subjects and
    objects with an apposition: the only tokens `scan_described` reads (found with arrays, not a
    loop)."""
    tag, dep = cols.tag, cols.dep
    proper = (tag == string_id("NNP")) | (tag == string_id("NNPS"))
    noun = (tag == string_id("NN")) | (tag == string_id("NNS"))
    role = (dep == string_id("nsubj")) | (dep == string_id("dobj"))
    described = numpy.zeros(len(tag), dtype=bool)
    described[cols.head[numpy.flatnonzero(dep == string_id("appos"))]] = True
    hyphen = numpy.zeros(len(tag), dtype=bool)
    hyphen[:-1] = cols.orth[1:] == string_id("-")
    after_noun = numpy.zeros(len(tag), dtype=bool)
    after_noun[1:] = noun[:-1] & cols.has(LOWER)[:-1]
    first = numpy.isin(cols.orth, _first_word_ids(lex.org_first))
    return numpy.flatnonzero(cols.has(TITLE) & (cols.ent_iob != BEGIN) & (
        (proper & ((role & described) | hyphen)) | ((proper | noun) & after_noun) | first))


@functools.cache
def _first_word_ids(words: frozenset[str]) -> Any:
    """ORTH ids of the capitalized forms of first words of organisations ("Air")."""
    return numpy.array(sorted(string_id(w.capitalize()) for w in words), dtype=numpy.uint64)


def _acronym_like(text: str) -> bool:
    """2-6 capital letters of the Latin alphabet, an "&" allowed between them ("RSF", "SDG&E";
    digits make product and unit codes: "PS4", "AC1200")."""
    letters = text.replace("&", "")
    return 2 <= len(text) <= 6 and text.isascii() and letters.isalpha() and text.isupper() \
        and len(letters) >= 2 and text[0] != "&" and text[-1] != "&"


#: Nouns whose compound modifier in capitals is an organisation ("the RSF paramilitary group",
#: "ELN rebels"), beside the organisation nouns of the lexicon.
_MEMBER_NOUNS = frozenset({"rebels", "fighters", "militants", "members", "leader", "leaders",
                           "spokesman", "spokeswoman", "spokesperson", "official", "officials",
                           "chief", "commander", "commanders", "troops", "forces", "government",
                           "lawmakers", "candidate", "statement", "crews", "workers",
                           "employees", "staff", "executives", "customers", "agents",
                           "investigators", "shares", "shareholders", "engineers"})


def _named_like_an_org(tok: Token, lex: Lexicon) -> bool:
    """An acronym used as organisations are: with "the" ("the CSTO"), or modifying a noun of
    organisations or their members ("the RSF paramilitary group", "ELN rebels")."""
    if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ == "nsubj" and lemma(head) in lex.speech_verbs:
        return True  # "SDG&E said": no person's name is written in capitals
    return tok.dep_ in ("compound", "nmod", "amod") and (
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
