"""Which side of publication a date is spoken of: the tense of the verb that governs it.

"On Tuesday, X announced" is the Tuesday just past; "will meet on Tuesday", "is set to ask ...
on Tuesday" and "is scheduled for Tuesday" point to the next one. Present tense and modals
("reports earnings Wednesday", "could leave by May", "said the talks would resume on Monday")
and plans made in the past ("tariffs planned for Oct. 15") say nothing certain: the date on the
nearer side is taken. The answer comes from the date's governing verb (climbing the dependency
tree from the date), its auxiliaries and the chain of to-clauses above it ("set to", "plans to",
"expected to", "going to", "is to"), never from words that merely stand nearby.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.nlp.dates.calendar import Tense
from newsgraph.nlp.dates.lexicon import Lexicon
from newsgraph.nlp.pipeline import lemma

#: The climb from a date to its verb crosses a preposition, a noun or two ("the meeting on
#: Tuesday"); past this many steps the date belongs to no verb we could read.
_MAX_CLIMB = 6
_HAVE = frozenset(("has", "have", "had", "'ve", "’ve", "having"))
#: Forms that carry a tense; a bare participle ("published in May") counts as past.
_TENSED = ("VBD", "VBZ", "VBP", "MD", "VBN")


def tense(span: Span, lex: Lexicon) -> Tense:
    """How the date's governing verb places it relative to publication."""
    token: Token = span.root
    previous: Token | None = None
    # 1. climb to the governing verb; a scheduling word on the way decides on its own
    for _ in range(_MAX_CLIMB):
        if _schedules(token, previous, lex):
            return _planned(token)
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            break
        if token.head is token:
            return "near"
        previous, token = token, token.head
    else:
        return "near"
    # 2. the verb, then each verb whose to-clause holds it
    verb = token
    for _ in range(_MAX_CLIMB):
        found = _auxiliary_tense(token, lex)
        if found:
            return found
        if token.dep_ != "xcomp" or token.head is token:
            break
        token = token.head
        if _governs_future(token, lex):
            return _planned(token)
    # 3. an infinitive or a gerund has no tense of its own: "pleaded guilty to threatening
    # to kill him in March" takes the tense of "pleaded"
    finite = _finite(verb)
    return _auxiliary_tense(finite, lex) or ("past" if _is_past(finite) else "near")


def _finite(verb: Token) -> Token:
    """The nearest verb at or above `verb` that carries a tense (crossing the prepositions and
    nouns between them), or `verb` itself when there is none."""
    token = verb
    for _ in range(_MAX_CLIMB):
        if token.tag_ in _TENSED or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in _TENSED for c in token.children
        ):
            return token
        if token.head is token:
            break
        token = token.head
    return verb


def _auxiliary_tense(verb: Token, lex: Lexicon) -> Tense | None:
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in lex.future_auxiliaries for a in auxiliaries):
        return "future"
    if any(a in lex.modal_auxiliaries for a in auxiliaries):
        return "past" if _HAVE.intersection(auxiliaries) else "near"
    return None


def _is_past(verb: Token) -> bool:
    """"said", "was set", "has said", and a bare participle ("published in May")."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "VBD" for a in auxiliaries):
        return True
    if verb.tag_ == "VBN":
        return not auxiliaries or any(a.lower_ in _HAVE for a in auxiliaries)
    return False


def _planned(token: Token) -> Tense:
    """A plan ahead, unless made in the past ("was scheduled for", "tariffs planned for Oct.
    15"): then it may have come and gone, and the nearer date is taken."""
    verb = token if token.tag_.startswith("VB") or token.head is token else token.head
    return "near" if _is_past(verb) else "future"


def _schedules(token: Token, previous: Token | None, lex: Lexicon) -> bool:
    """"scheduled for", "due on", "slated for": as a verb or an adjective, not a noun ("its
    plans for an offering on Sept. 30" say nothing of the date)."""
    if not (token.tag_.startswith("VB") or token.tag_ == "JJ"):
        return False
    prep = lex.scheduling.get(lemma(token))
    if prep is None:
        return False
    return not prep or (previous is not None and previous.lower_ == prep)


def _governs_future(token: Token, lex: Lexicon) -> bool:
    word = lemma(token)
    if word not in lex.future_governors:
        return False
    # "went to Vilnius" is no plan: "go" only as "going to"
    return word != "go" or token.tag_ == "VBG"
