"""Capitals acting as governments: "Moscow is conducting exercises" is Russia acting.

A capital is the state when it does or undergoes something (subject, agent, object, possessor:
"Vilnius withdrew", "accusing Beijing", "Moscow's control", "talks with Moscow"), and a place
when something happens in it (object of a locative preposition: "an office in Vilnius", "flew to
Moscow"; or a modifier of a non-government noun: "Moscow residents"). The decision reads only the
dependency parse; the word lists are in `data/entities/lexicon.toml`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.labels import is_locative
from newsgraph.nlp.entities.resources import lexicon
from newsgraph.nlp.pipeline import lemma


def acts_as_government(doc: Doc, start: int, end: int) -> bool:
    """Whether the capital mentioned at tokens [start, end) stands for its state."""
    lex = lexicon()
    root = _root(doc, start, end)
    # "Washington state" and "the Moscow region" are places.
    if end < len(doc) and doc[end].lower_ in lex.place_descriptors:
        return False
    # The first of coordinated names carries the relation: "between Moscow and Washington".
    tok = root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    dep = tok.dep_
    if dep == "pobj":
        return not is_locative(tok.head, lex)
    if dep in ("compound", "nmod", "amod"):
        if _misread_verb(tok.head):
            return True  # "suggested that Beijing resume buying": the subject of a verb
        return lemma(tok.head) in lex.government_nouns or tok.head.lower_ in lex.government_nouns
    # Subject, agent, object, possessor, and whatever else: a capital named in news without a
    # preposition of place is the government far more often than the city.
    return dep != "npadvmod"


def _root(doc: Doc, start: int, end: int) -> Token:
    """The span's syntactic head: the token whose head lies outside the span."""
    for tok in doc[start:end]:
        if not start <= tok.head.i < end or tok.head is tok:
            return tok
    return doc[end - 1]


#: Clause relations (and the parser's unlabelled "dep"): a bare singular noun heading one is a
#: verb the tagger misread.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "xcomp", "relcl", "dep"})


def _misread_verb(head: Token) -> bool:
    """ "that Beijing resume buying": a singular noun with no determiner that heads a clause is
    a verb, and the capital before it its subject."""
    return head.tag_ == "NN" and head.dep_ in _CLAUSE_DEPS and not any(
        c.dep_ in ("det", "poss") for c in head.children)
