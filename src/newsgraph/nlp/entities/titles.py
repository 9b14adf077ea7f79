"""Titles and roles as the article states them, read off the parse around a person's name.

Where a title is found:
- a role phrase that the name is in apposition to, before it: "the country’s embattled
  president, Aleksandr Lukashenko", "U.S. ambassador to the United Nations Linda
  Thomas-Greenfield";
- modifiers inside the name's noun phrase: "Pentagon spokesperson John Kirby";
- an apposition after the name: "Laima Liucija Andrikiene, chair of Lithuania’s Foreign Affairs
  Committee,";
- "X, who is the Y," and "X is the Y".
A phrase is a title only if its head noun is a role noun (`data/entities/titles.toml`).

How a title is trimmed (one rule for all): determiners go ("the commander of ..." -> "commander
of ..."); a possessor goes when it is a common noun or a pronoun ("the parliament’s deputy
speaker" -> "deputy speaker", "his adviser" -> "adviser") and stays when it is a name, because a
named possessor is part of the role ("China’s ambassador to Britain", "Hong Kong’s new police
commissioner"); adjectives that judge the person rather than qualify the role go ("embattled");
everything after the head noun's own phrase goes (commas, relative clauses).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.resources import Lexicon, lexicon
from newsgraph.nlp.pipeline import lemma

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PROPER = frozenset({"NNP", "NNPS"})
#: Tokens that close a title phrase.
_STOP = frozenset({",", ";", ":", "(", ")", "—", "–", "--", '"', "“", "”", "who", "which",
                   "that", "whose", "and", "or", "but"})
#: Tags of the words of a role phrase before a name.
_PHRASE_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "POS", "DT", "HYPH",
                          "CD", "VBN"})
#: ... and of the modifiers a role noun can have before it ("the country’s new").
_MODIFIER_TAGS = _PHRASE_TAGS - {"CD"}
#: Prepositions inside a role phrase ("head of sales", "ambassador to the UN").
_ROLE_PREPS = frozenset({"of", "to", "for", "at", "on"})
#: Longest title kept, in tokens: longer stretches are clauses the parse attached wrongly.
_MAX_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    #: the role noun.
    head: int
    #: token indices of the entities that the title says the person belongs to, best first:
    #: a name before the head ("Pentagon spokesperson", "China’s ambassador"), then the object
    #: of "of"/"for"/"at" after it ("chair of the committee").
    owners: tuple[int, ...]


def titles_of(doc: Doc, start: int, end: int,
              kind: Callable[[int], str | None] = lambda i: None) -> list[Title]:
    """The titles stated around the person mention at tokens [start, end).

    `kind(i)` is the type of the entity mentioned at token i, or None.
    """
    lex = lexicon()
    root = _root(doc, start, end)
    found: list[Title] = []
    for head, lo, hi in _candidates(doc, root, start, end, lex):
        while hi - 1 > head.i and _courtesy(doc[hi - 1], lex):
            hi -= 1  # "physician Dr." before "Harold Bornstein"
        title = _build(doc, head, lo, hi, lex, kind)
        if title is not None and all(t.text != title.text for t in found):
            found.append(title)
    return found


#: Courtesy titles written in full, beside the abbreviations ("Dr.", "Mr.").
_COURTESY = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "madam"})


def _courtesy(tok: Token, lex: Lexicon) -> bool:
    """A courtesy title or an abbreviated rank before a name ("Dr.", "Sen."): no role."""
    word = tok.lower_
    return (word in _COURTESY or (word.endswith(".") and word in lex.honorifics)) \
        and tok.i > 0 and tok.doc[tok.i - 1].text != "-"


def is_role(tok: Token, lex: Lexicon) -> bool:
    return tok.tag_ in _NOUN_TAGS and (tok.lower_ in lex.role_nouns
                                       or lemma(tok) in lex.role_nouns)


def _root(doc: Doc, start: int, end: int) -> Token:
    for tok in doc[start:end]:
        if not start <= tok.head.i < end or tok.head is tok:
            return tok
    return doc[end - 1]


def _role_head(tok: Token, lex: Lexicon) -> Token | None:
    """The role noun a phrase is headed by: the token itself, or the noun of a compound
    chain it sits in ("deputy speaker" -> "speaker")."""
    if is_role(tok, lex):
        return tok
    if tok.dep_ == "compound" and is_role(tok.head, lex):
        return tok.head
    return None


def _candidates(doc: Doc, root: Token, start: int, end: int,
                lex: Lexicon) -> list[tuple[Token, int, int]]:
    """(role head, first token, end token) of each phrase that may be a title."""
    out: list[tuple[Token, int, int]] = []
    # 1. the name is in apposition (or, as the parser often has it, a conjunct) to a role
    #    phrase before it
    head = root.head
    if root.dep_ in ("appos", "conj", "npadvmod", "compound") and head.i < start:
        role = _role_head(head, lex)
        if role is not None and (root.dep_ != "conj" or doc[start - 1].text == ","):
            out.append((role, role.left_edge.i, start))
    # 2. a role phrase right before the name, no comma: "Pentagon spokesperson John Kirby",
    #    "Brightwater's former head of sales Peter Lindqvist" (read off the words: the parser
    #    often hangs the name on the phrase's last noun)
    before = _phrase_before(doc, start, lex)
    if before is not None:
        out.append(before)
    # 3. an apposition after the name, or "who is the Y" / "is the Y"
    for child in root.rights:
        if child.i < end:
            continue
        if child.dep_ == "appos":
            role = _role_head(child, lex)
            if role is not None:
                out.append((role, child.left_edge.i, child.right_edge.i + 1))
        elif child.dep_ == "relcl" and lemma(child) == "be":
            out += _attrs(child, lex)
    if root.dep_ in ("nsubj", "nsubjpass") and lemma(root.head) == "be":
        out += _attrs(root.head, lex)
    # 4. surface fallback for an apposition the parser attached elsewhere:
    #    "Name, chair of the committee, said"
    if not out and end + 1 < len(doc) and doc[end].text == ",":
        out += _surface_apposition(doc, end + 1, lex)
    return out


def _phrase_before(doc: Doc, start: int, lex: Lexicon) -> tuple[Token, int, int] | None:
    """The role phrase that ends where the name starts: scan back over nouns, adjectives,
    names, possessives and the prepositions of a role ("of", "to", "for"), then start the title
    at the first role noun's own modifiers ("a letter to Foreign Minister X" -> "Foreign
    Minister")."""
    if start == 0 or doc[start - 1].tag_ == "IN":
        return None  # "the lawyer of Daniel Okafor": the name is the object, not the holder
    while start > 1 and _courtesy(doc[start - 1], lex):
        start -= 1  # "physician Dr. Harold Bornstein": "Dr." is no part of the title
    i = start
    while i > 0 and start - i < _MAX_TOKENS:
        tok = doc[i - 1]
        if not (tok.tag_ in _PHRASE_TAGS or (tok.tag_ == "IN" and tok.lower_ in _ROLE_PREPS)):
            break
        i -= 1
    # "aide to Vice President Pence": a role after the last preposition is the name's own
    preps = [t.i for t in doc[i:start] if t.tag_ == "IN"]
    if preps and any(is_role(t, lex) for t in doc[preps[-1] + 1:start]):
        i = preps[-1] + 1
    roles = [t for t in doc[i:start] if is_role(t, lex)]
    if not roles:
        return None
    lo = roles[0].i
    while lo > i and doc[lo - 1].tag_ in _MODIFIER_TAGS:
        lo -= 1
    return roles[0], lo, start


def _attrs(verb: Token, lex: Lexicon) -> list[tuple[Token, int, int]]:
    out = []
    for attr in verb.children:
        if attr.dep_ == "attr" and attr.i > verb.i:
            role = _role_head(attr, lex)
            if role is not None:
                out.append((role, attr.left_edge.i, attr.right_edge.i + 1))
    return out


def _surface_apposition(doc: Doc, i: int, lex: Lexicon) -> list[tuple[Token, int, int]]:
    j = i
    while j < len(doc) and j - i < _MAX_TOKENS:
        tok = doc[j]
        if tok.text in _STOP or tok.tag_.startswith("VB") or tok.is_space:
            break
        j += 1
    if j >= len(doc) or doc[j].text not in (",", ".", "—", "–", ";") or j == i:
        return []
    roles = [t for t in doc[i:j] if is_role(t, lex)]
    return [(roles[0], i, j)] if roles and roles[0].i - i <= 4 else []


def _build(doc: Doc, head: Token, lo: int, hi: int, lex: Lexicon,
           kind: Callable[[int], str | None]) -> Title | None:
    # the phrase: from lo, through the head, up to the first token that closes it
    toks: list[Token] = []
    for tok in doc[lo:hi]:
        if tok.i > head.i and ((tok.text in _STOP and kind(tok.i) is None) or tok.is_space):
            break  # "and" inside "National Security and Defence Committee" does not close it
        if tok.is_space or "\n" in tok.text:
            return None
        toks.append(tok)
    if not toks or len(toks) > _MAX_TOKENS or any(
            t.tag_.startswith("VB") and t.dep_ not in ("amod", "compound") for t in toks):
        return None
    toks = _trim(toks, head, lex, kind)
    if head not in toks:
        return None
    text = "".join(t.text_with_ws for t in toks).strip()
    return Title(text, head.i, _owners(toks, head, lex, kind))


def _trim(toks: list[Token], head: Token, lex: Lexicon,
          kind: Callable[[int], str | None]) -> list[Token]:
    # a possessor before the head: kept when it is a place or an organisation the article
    # names, dropped when a common noun, a pronoun or a person ("Okafor's lawyer" -> "lawyer")
    for k, tok in enumerate(toks):
        if tok.i >= head.i:
            break
        if tok.tag_ == "POS":
            owner = {kind(t.i) for t in toks[:k]}
            if not owner & {"ORG", "PLACE", "GROUP"} or "PERSON" in owner:
                toks = toks[k + 1:]
            break
    while toks and toks[0].i < head.i and toks[0].tag_ in ("DT", "PRP$", "IN", "CC", ",", "HYPH"):
        toks = toks[1:]
    # judging adjectives and ages ("embattled", "77-year-old") describe the person, not the role
    aged = _words_with_digits([t for t in toks if t.i < head.i])
    toks = [t for t in toks if t.i not in aged and not (
        t.i < head.i and t.lower_ in lex.drop_adjectives
        and (t.tag_.startswith("JJ") or t.dep_ == "amod"))]
    while toks and toks[-1].i > head.i and (toks[-1].tag_ in ("IN", "DT", "CC", ",", "POS")
                                            or toks[-1].is_punct):
        toks = toks[:-1]
    return toks


def _words_with_digits(toks: list[Token]) -> set[int]:
    """Token indices of the written words (tokens not separated by spaces) that hold a digit:
    "77-year-old" is five tokens and one word."""
    out: set[int] = set()
    word: list[Token] = []
    for tok in toks:
        word.append(tok)
        if tok.whitespace_ or tok is toks[-1]:
            if any(ch.isdigit() for t in word for ch in t.text):
                out.update(t.i for t in word)
            word = []
    return out


def _owners(toks: list[Token], head: Token, lex: Lexicon,
            kind: Callable[[int], str | None]) -> tuple[int, ...]:
    before = [t.i for t in toks if t.i < head.i and kind(t.i) not in (None, "PERSON")]
    after: list[int] = []
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in lex.affiliation_preps:
            after += [c.i for c in prep.children
                      if c.dep_ == "pobj" and kind(c.i) not in (None, "PERSON")]
    return (*reversed(before), *after)
