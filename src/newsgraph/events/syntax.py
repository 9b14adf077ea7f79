"""Reading predicate-argument structure off spaCy's dependency parse.

The parser gives grammatical relations; events need semantic ones. The helpers here undo the
passive ("jets were dispatched BY x"), follow control and raising ("Denmark is set TO DEPLOY",
"Moscow is expected TO AMASS"), coordination ("laid siege ... AND THREATENED"), participles and
relative clauses ("the Initiative, WHICH provides"), and find the verb that governs a nominal
event ("the Pentagon ANNOUNCED the deployment"). They only read the Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

from newsgraph.events.lexicon import Grammar
from newsgraph.nlp.pipeline import lemma

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
#: Complements that can hold the words of a phrase's object ("find GUILTY", "run AMOK").
LOOSE_OBJECT_DEPS = frozenset({"dobj", "oprd", "acomp", "attr", "advmod", "npadvmod", "dative",
                               "xcomp", "ccomp", "intj", "prt"})
PREP_DEPS = frozenset({"prep", "dative", "agent"})
NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Links along which an infinitive or gerund shares its governor's subject.
_CONTROL_DEPS = frozenset({"xcomp"})


class Tree:
    """The children of every token, listed once.

    `Token.children` rescans the head's whole span on every call (for a sentence root, the
    sentence); the coder asks for children thousands of times per article, so it reads them
    from here. The head indices come from one `Doc.to_array` call; Token objects are made only
    for the heads that are asked about.
    """

    __slots__ = ("_doc", "_index", "_tokens")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._index: dict[int, list[int]] = {}
        self._tokens: dict[int, list[Token]] = {}
        if len(doc):
            # relative head offsets; negative ones come back as uint64, hence the cast
            for i, rel in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
                if rel:
                    self._index.setdefault(i + rel, []).append(i)

    def kids(self, tok: Token) -> list[Token]:
        found = self._tokens.get(tok.i)
        if found is None:
            doc = self._doc
            found = self._tokens[tok.i] = [doc[i] for i in self._index.get(tok.i, ())]
        return found

    def child(self, tok: Token, *deps: str) -> Token | None:
        for c in self.kids(tok):
            if c.dep_ in deps:
                return c
        return None


def is_verb(t: Token) -> bool:
    return t.tag_.startswith("VB")


def is_noun(t: Token) -> bool:
    return t.tag_ in NOUN_TAGS


def children(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def child(t: Token, *deps: str) -> Token | None:
    for c in t.children:
        if c.dep_ in deps:
            return c
    return None


def is_passive(v: Token) -> bool:
    """Passive voice, including reduced relatives ("troops deployed to X") and conjoined
    participles that share an auxiliary ("were arrested and charged")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in v.children):
        return True
    if v.tag_ != "VBN":
        return False
    if v.dep_ == "acl":
        return True
    if v.dep_ == "conj" and is_verb(v.head) and not child(v, "nsubj", "aux", "dobj"):
        return is_passive(v.head)
    return False


def gram_subject(v: Token, grammar: Grammar, depth: int = 0) -> Token | None:
    """The grammatical subject of a verb, inherited where English leaves it unsaid."""
    own = child(v, "nsubj", "nsubjpass")
    if own is not None or depth > 6:
        return own
    if v.tag_ in ("VBD", "VBZ", "VBP"):
        # a finite verb whose subject the parser mislabelled: "Azerbaijan massed troops" with
        # "Azerbaijan" as npadvmod
        for c in v.lefts:
            if c.dep_ in ("npadvmod", "dep", "nmod") and c.tag_ in ("NNP", "NNPS", "NNS", "NN"):
                return c
    head = v.head
    if head.i == v.i:
        return None
    dep = v.dep_
    if dep in _CONTROL_DEPS and is_verb(head):
        obj = child(head, "dobj")
        if obj is not None and lemma(head) in grammar.object_control:
            return obj
        return gram_subject(head, grammar, depth + 1)
    if dep == "conj" and is_verb(head):
        stray = _stray_subject(v, head)
        return stray if stray is not None else gram_subject(head, grammar, depth + 1)
    if dep == "advcl" and is_verb(head):
        if child(v, "aux") is not None and child(v, "aux").lower_ == "to":  # type: ignore[union-attr]
            # "gave the green light FOR ESTONIA ... to send"
            for c in head.children:
                if c.dep_ in ("dative", "prep") and c.lower_ == "for" and c.i < v.i:
                    pobj = child(c, "pobj")
                    if pobj is not None:
                        return pobj
        if v.tag_ in ("VBG", "VBN") or child(v, "aux") is not None:
            return gram_subject(head, grammar, depth + 1)
        return None
    if dep == "acl" and is_noun(head) and _to_infinitive(v):
        # "the junta had no AUTHORITY to expel", "Russia's PLAN to deploy": the owner of the
        # noun, else the subject of the verb the noun depends on
        owner = child(head, "poss")
        if owner is not None:
            return owner
        if head.dep_ in ("dobj", "attr", "nsubjpass") and is_verb(head.head):
            return gram_subject(head.head, grammar, depth + 1)
        return None
    if dep in ("relcl", "acl") and is_noun(head):
        return head
    if dep == "pcomp" and head.dep_ in PREP_DEPS and is_verb(head.head):
        # "accused Beijing OF retaliating" -> Beijing; "retaliated BY imposing" -> the subject
        gov = head.head
        obj = child(gov, "dobj")
        if obj is not None and head.lower_ in ("of", "for", "with", "from", "into"):
            return obj
        return gram_subject(gov, grammar, depth + 1)
    return None


def _to_infinitive(v: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _stray_subject(v: Token, head: Token) -> Token | None:
    """A subject the parser hung on the first conjunct: in "X is conducting exercises, but the
    deployment's SCALE and timing have raised concerns", "scale" comes out as an object of
    "conducting". A noun of the head placed between the conjunction and v is v's subject."""
    cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < v.i), None)
    if cc is None:
        return None
    for c in head.children:
        if c.dep_ in ("dobj", "npadvmod", "attr") and cc.i < c.i < v.i:
            return c
    return None


def agent_and_patient(v: Token, grammar: Grammar) -> tuple[Token | None, Token | None]:
    """(who does it, what it is done to) for a verb, with the passive undone."""
    if is_passive(v):
        agent = None
        by = child(v, "agent")
        if by is not None:
            agent = child(by, "pobj")
        if v.dep_ == "acl" and is_noun(v.head) and child(v, "nsubjpass") is None:
            return agent, v.head  # "troops deployed to X", "2,000 troops to be deployed"
        return agent, gram_subject(v, grammar)
    return gram_subject(v, grammar), child(v, "dobj")


def conjuncts(t: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Germany and Poland")."""
    out = [t]
    for c in t.conjuncts:
        if c.i > t.i and c not in out:
            out.append(c)
    return out


def prep_objects(t: Token, words: frozenset[str] | set[str] | tuple[str, ...],
                 kids: Iterable[Token] | None = None) -> list[Token]:
    """Objects of the prepositions `words` attached to t ("to Estonia", "out of Kherson",
    "close to its border"); `kids` are t's children when the caller has them listed."""
    out: list[Token] = []
    for c in t.children if kids is None else kids:
        if c.dep_ in PREP_DEPS or (c.dep_ in ("prt", "advmod") and c.tag_ in ("IN", "RP", "RB")):
            key = prep_key(c)
            if key in words:
                out += prep_object(c)
    return out


def prep_key(p: Token) -> str:
    """The preposition as written, joining the two-word ones spaCy splits."""
    w = p.lower_
    if w == "of" and p.i > 0 and p.doc[p.i - 1].lower_ == "out":
        return "out of"
    if w == "to" and p.head.lower_ in ("close", "near", "next") and p.head.i == p.i - 1:
        return f"{p.head.lower_} to"
    if w == "out":
        of = child(p, "prep")
        if of is not None and of.lower_ == "of":
            return "out of"
    return w


def prep_object(p: Token) -> list[Token]:
    obj = child(p, "pobj", "pcomp")
    if obj is None:
        inner = child(p, "prep")  # "out of X" parsed as out -> of -> X
        if inner is not None:
            obj = child(inner, "pobj")
    return [obj] if obj is not None else []


def light_governor(noun: Token, grammar: Grammar) -> tuple[Token | None, str]:
    """The verb that a nominal event hangs from, and how: ("announced", "dobj") for "announced
    the deployment", ("took", "prep") for "took part in the crackdown", ("began", "nsubj")
    for "the protests began"."""
    n = noun
    while n.dep_ == "conj" and n.head.i != n.i:
        n = n.head
    head = n.head
    if head.i == n.i:
        return None, ""
    if n.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and is_verb(head):
        return head, "dobj"
    if n.dep_ == "nsubj" and is_verb(head):
        return head, "nsubj"
    if n.dep_ == "pobj" and head.lower_ in grammar.adjunct_preps:
        return None, ""  # "expanded trade DURING THE VISIT": a circumstance, not an object
    if n.dep_ == "pobj" and head.dep_ in PREP_DEPS and is_verb(head.head):
        return head.head, "prep"
    if n.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "dobj":
        # "took PART in the exercises", "played a ROLE in"
        obj = head.head
        if is_verb(obj.head):
            return obj.head, "prep"
    return None, ""


def subtree_without(t: Token, *skip: Token) -> Iterator[Token]:
    """t's subtree, leaving out the subtrees rooted at `skip`."""
    stop = {s.i for s in skip if s is not None}
    stack = [t]
    while stack:
        cur = stack.pop()
        if cur.i in stop:
            continue
        yield cur
        stack.extend(cur.children)


def clause_head(t: Token) -> Token:
    """The verb whose clause holds t: t itself for a verb, the governing verb for a noun."""
    cur = t
    for _ in range(12):
        if is_verb(cur) or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def sentence_is_question(tokens: list[Token]) -> bool:
    """A question is no report of an event ("Will those troops remain in Belarus?")."""
    for tok in reversed(tokens):
        if tok.is_space or tok.is_quote or tok.lower_ in (")", "”", "’", "'", '"'):
            continue
        return tok.text == "?"
    return False
