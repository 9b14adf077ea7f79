"""Types from the words around a name, where the model's label is wrong.

spaCy's small model types names by their look and a short window; in a sentence fed alone it often
calls a person an organisation ("Olaf Scholz", "Kassym-Jomart Tokayev"), a person a place ("Job
Sikhala"), a company a person ("Novo Nordisk", "Gavi") and a village a person ("Huwara"). The
article itself usually says what the name is, and each rule below reads one kind of such evidence
from data lists (`data/entities/lexicon.toml`, `given_names_*.txt`), never from particular names:

- a person: a role noun or honorific right before the name ("Chancellor Olaf Scholz",
  "opposition lawmaker Job Sikhala"); a title the parse attaches to it ("the French ambassador,
  Sylvain Itté"); a given name first ("Emeka Nwosu"); the subject of a verb of saying when the
  model called it a place ("Job Sikhala said");
- an organisation: a noun of organisations in apposition or right before ("Gavi, the vaccine
  alliance"; "drugmaker Takeda"; "state-run Codelco"), shares traded ("Vale shares"), a sports
  club's name ("Real Madrid", "Manchester City", "Inter Miami");
- a place is read in `labels._placed_by_context` (prepositions of place, "the village of X").

Names the data knows (countries, known organisations, nationalities) are never retyped here, and
a name that holds an organisation's or a place's head noun ("... Ministry", "... Province")
keeps the type that head gives it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.gazetteer import fold, places
from newsgraph.nlp.entities.resources import Lexicon, given_names, names
from newsgraph.nlp.entities.titles import is_role, titles_of
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import EntityType

if TYPE_CHECKING:
    from newsgraph.nlp.entities.mention import Mention

_PROPER = frozenset({"NNP", "NNPS"})


def retype(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """Set the type of each mention whose context says the model's label is wrong."""
    for m in mentions:
        if m.ref is not None or m.dateline or m.type == "OTHER":
            continue
        kind = evidence(doc, m, lex)
        if kind is not None and kind != m.type:
            m.type = kind
            m.label = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "GPE"}[kind]


def titled_people(doc: Doc, mentions: list[Mention], lex: Lexicon) -> None:
    """A name the article titles as a person once ("President Trump") is a person wherever the
    model typed it otherwise ("Trump" as ORG elsewhere in the article)."""
    titled = {m.key for m in mentions if m.type == "PERSON" and m.ref is None
              and _titled_before(doc, m.start, lex)}
    if not titled:
        return
    for m in mentions:
        if m.key in titled and m.ref is None and m.type in ("ORG", "PLACE") and not m.dateline:
            m.type, m.label = "PERSON", "PERSON"


def evidence(doc: Doc, m: Mention, lex: Lexicon) -> EntityType | None:
    """The type the context shows, or None when it shows nothing."""
    if m.type in ("PERSON", "ORG") and m.end < len(doc):
        head = doc[m.end]  # "Walter Reed hospital", "the Kennedy airport"
        word = head.lower_
        if (word in lex.org_heads or (word in lex.place_heads and m.type == "PERSON")) \
                and head.is_lower and head.i == _root(doc, m.start, m.end).head.i:
            return "ORG" if word in lex.org_heads else "PLACE"
    words = [doc[i].lower_ for i in range(m.start, m.end)]
    if m.type != "ORG" and (_is_club(m, words, lex) or is_newspaper(doc, m.start, m.end, lex)):
        return "ORG"
    if words[-1] in lex.org_heads or words[-1] in lex.place_heads:
        return None  # "Finance Ministry", "Rafah crossing": the head noun already decided
    if m.type in ("PERSON", "PLACE", "GROUP") and _is_org(doc, m, words, lex):
        return "ORG"
    if m.type in ("ORG", "PLACE", "GROUP") and _is_person(doc, m, words, lex):
        return "PERSON"
    return None


def given_name_first(doc: Doc, start: int, end: int) -> bool:
    """A name of two or more words whose first is a given name ("Olaf Scholz")."""
    first = doc[start]
    return end - start >= 2 and first.is_title and fold(first.text) in given_names()


def _is_person(doc: Doc, m: Mention, words: list[str], lex: Lexicon) -> bool:
    if "&" in words or "and" in words or _is_club(m, words, lex) or any(
            w in lex.org_heads or w in lex.place_heads for w in words):
        return False  # "University of Washington", "Goddard Space Flight Center"
    if _determined(doc, m.start):
        return False  # "the Trade Partnership", "the northern Sierra Nevada": no person's name
    known_place = bool(places(m.text)) or m.key in names().capitals \
        or compass_district(doc, m.start, m.end, lex)
    if _titled_before(doc, m.start, lex) and not (known_place and m.end - m.start == 1):
        return True  # "Chancellor Olaf Scholz", "opposition lawmaker Job Sikhala"
    if known_place:
        return False
    if given_name_first(doc, m.start, m.end) and m.type != "GROUP":
        return True  # "Emeka Nwosu", "Santiago Peña" (a city's name first: no person)
    if m.type == "GROUP":
        return False
    beside_comma = (m.start > 0 and doc[m.start - 1].text == ",") or (
        m.end < len(doc) and doc[m.end].text == ",")
    if (m.end - m.start >= 2 or beside_comma) and any(
            doc[t.head].tag_ in ("NN", "NNP") for t in titles_of(doc, m.start, m.end)):
        return True  # "the French ambassador, Sylvain Itté", "Asim Jihad, the spokesman"
    return m.type == "PLACE" and m.end - m.start >= 2 and _says(doc, m, lex)


def is_newspaper(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """ "the Intelligencer", "the Wheeling Intelligencer", "the Daily Star", "the Post": a
    newspaper's name ends in a word that only newspapers are named with, or, after "the", in
    one that is also a surname or a word ("Emily Post" is a person, "the Post" a paper)."""
    last = doc[end - 1]
    if not last.is_title or (end - start == 1 and last.is_sent_start):
        return False
    word = last.lower_
    if word in lex.media_words and (end - start > 1 or _after_the(doc, start)):
        return True
    return word in lex.media_words_after_the and _after_the(doc, start)


def _after_the(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ == "the"


def compass_district(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """ "Yobe North", "Lagos Central", "Kowloon West": a place the gazetteer knows, then a
    compass word, names a district or an electoral constituency (a senatorial district, a
    riding), not a person ("Oliver North", "Kanye West": a given name first) nor a body."""
    if end - start < 2 or doc[end - 1].lower_ not in lex.directional \
            or not doc[end - 1].is_title or given_name_first(doc, start, end):
        return False
    base = str(doc[start:end - 1].text)
    if base.startswith(("the ", "The ")):
        base = base[4:]
    ref = names().refs.get(fold(base))
    return bool(places(base)) or (ref is not None and ref.type == "PLACE")


def _determined(doc: Doc, start: int) -> bool:
    """Whether an article opens the name's noun phrase ("the right-wing Kohelet Policy
    Forum"): a person's name takes none."""
    i = start - 1
    while i >= 0 and start - i <= 4 and doc[i].tag_ in ("JJ", "VBN", "HYPH", "NN", "NNP"):
        i -= 1
    return i >= 0 and start - i <= 4 and doc[i].lower_ in ("the", "a", "an")


def _titled_before(doc: Doc, start: int, lex: Lexicon) -> bool:
    """A role noun or honorific right before the name, no comma between ("President X",
    "coach X"); "the head of X" has a preposition between and is not one."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.whitespace_ == "" and before.text == "-":
        return False
    return (before.lower_ in lex.honorifics and before.is_title) or is_role(before, lex)


def _says(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    root = _root(doc, m.start, m.end)
    return root.dep_ == "nsubj" and lemma(root.head) in lex.speech_verbs


def _is_org(doc: Doc, m: Mention, words: list[str], lex: Lexicon) -> bool:
    if _is_club(m, words, lex):
        return True
    if given_name_first(doc, m.start, m.end) or (m.type == "PLACE" and places(m.text)):
        return False
    root = _root(doc, m.start, m.end)
    if root.dep_ == "appos" and _org_noun(root.head, lex) and root.head.i < m.start:
        return True  # "the vaccine alliance, Gavi"
    if any(c.dep_ == "appos" and _org_noun(c, lex) for c in root.rights if c.i >= m.end):
        return True  # "Gavi, the vaccine alliance", "Novo Nordisk, the maker of Ozempic"
    if m.start > 0:
        before = doc[m.start - 1]
        if before.lower_ in lex.org_modifiers or (before.tag_ in ("NN", "NNS")
                                                   and _org_noun(before, lex)):
            return True  # "mining company Vale", "drugmaker Takeda"
        if m.start > 2 and doc[m.start - 2].text == "-" and str(
                doc[m.start - 3:m.start].text).lower() in lex.org_modifiers:
            return True  # "state-run Codelco"
    after = doc[m.end].lower_ if m.end < len(doc) else ""
    if after in ("shares", "stock"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "in") and root.head.head.lower_ \
        in ("shares", "stake", "stock")


def _org_noun(tok: Token, lex: Lexicon) -> bool:
    word = tok.lower_
    if is_role(tok, lex) and word not in ("group", "party", "union"):
        return False  # "Elon Musk, the owner": a role is a person's
    return word in lex.org_nouns or lemma(tok) in lex.org_nouns


def _is_club(m: Mention, words: list[str], lex: Lexicon) -> bool:
    """ "Real Madrid", "Manchester City": a sports club, unless the whole is a place
    ("Mexico City")."""
    if len(words) < 2 or not (words[0] in lex.club_first or words[-1] in lex.club_last):
        return False
    return not places(m.text) and fold(m.text) not in names().refs


def _root(doc: Doc, start: int, end: int) -> Token:
    for tok in doc[start:end]:
        if not start <= tok.head.i < end or tok.head is tok:
            return tok
    return doc[end - 1]
