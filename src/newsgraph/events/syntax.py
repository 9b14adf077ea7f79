"""Reading predicate-argument structure off spaCy's dependency parse.

The parser gives grammatical relations; events need semantic ones. The helpers here undo the
passive ("jets were dispatched BY x"), follow control and raising ("Denmark is set TO DEPLOY",
"Moscow is expected TO AMASS"), coordination ("laid siege ... AND THREATENED"), participles and
relative clauses ("the Initiative, WHICH provides"), and find the verb that governs a nominal
event ("the Pentagon ANNOUNCED the deployment"). They only read the Doc.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import HEAD, IS_ALPHA, IS_ASCII, LOWER, SENT_START, TAG
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
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})
#: Links along which an infinitive or gerund shares its governor's subject.
_CONTROL_DEPS = frozenset({"xcomp"})


#: A wire dateline at the start of a paragraph: "KYIV, Ukraine (AP) —", "ROTTERDAM -",
#: "WASHINGTON (Reuters) -". The place opens the story; it does nothing in it.
_DATELINE = re.compile(
    r"^\((?:CNN|AP|AFP|Reuters|UPI|dpa|Xinhua|Bloomberg|AFP-JIJI)\)(?: ?[—–―-] ?| )|"  # "(CNN) —"
    r"^[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+)*"  # the city, in capitals
    r"(?:, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*)*"  # ", Ukraine", ", N.Y."
    r"(?: ?\([A-Za-z][\w .&-]{0,20}\))?"  # " (AP)", " (Reuters)"
    r"(?: ?[—–―] ?| --? |: )", re.M)


def _dateline_at(doc: Doc, start: int) -> tuple[int, int] | None:
    """The character span of a dateline opening the paragraph at token `start`, if any."""
    if start >= len(doc):
        return None
    first = doc[start]
    if not (first.text.startswith("(") or (first.is_upper and len(first.text) > 2)):
        return None
    head = doc[start:min(start + 16, len(doc))]
    m = _DATELINE.match(head.text_with_ws)
    if m is None or m.end() >= 60:
        return None
    return first.idx, first.idx + m.end()


class Tree:
    """The children of every token, listed once.

    `Token.children` rescans the head's whole span on every call (for a sentence root, the
    sentence); the coder asks for children thousands of times per article, so it reads them
    from here. The head indices come from one `Doc.to_array` call; Token objects are made only
    for the heads that are asked about.
    """

    __slots__ = ("_breaks", "_doc", "_index", "_tokens", "datelines", "rows")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._index: dict[int, list[int]] = {}
        self._tokens: dict[int, list[Token]] = {}
        #: tokens that break paragraphs (the parser can run a sentence over a heading into the
        #: next paragraph; no argument crosses a break)
        self._breaks: list[int] = []
        #: character spans of wire datelines at paragraph starts (usually none)
        self.datelines: list[tuple[int, int]] = []
        #: one row per token: HEAD, TAG, SENT_START, IS_ALPHA, IS_ASCII, LOWER (one
        #: `to_array` call for everything the coder reads off every token)
        self.rows = doc.to_array([HEAD, TAG, SENT_START, IS_ALPHA, IS_ASCII, LOWER])
        if not len(doc):
            return
        rows = self.rows
        # relative head offsets; negative ones come back as uint64, hence the cast
        for i, rel in enumerate(rows[:, 0].astype("int64").tolist()):
            if rel:
                self._index.setdefault(i + rel, []).append(i)
        # paragraphs are joined by a blank line, which spaCy makes a whitespace token
        space = doc.vocab.strings["_SP"]
        self._breaks = [i for i in numpy.flatnonzero(rows[:, 1] == space).tolist()
                        if "\n\n" in doc[i].text]
        for start in [0, *(b + 1 for b in self._breaks)]:
            span = _dateline_at(doc, start)
            if span is not None:
                self.datelines.append(span)

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

    def conjuncts(self, t: Token) -> list[Token]:
        """`conjuncts(t)` from the listed children: t and the heads coordinated after it."""
        if t.dep_ != "conj" and not any(c.dep_ == "conj" for c in self.kids(t)):
            return [t]
        top = t
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        found: list[Token] = []
        stack = [top]
        while stack:
            cur = stack.pop()
            for c in self.kids(cur):
                if c.dep_ == "conj":
                    found.append(c)
                    stack.append(c)
        return [t, *sorted((c for c in found if c.i > t.i), key=lambda c: c.i)]

    def same_paragraph(self, a: Token, b: Token) -> bool:
        if not self._breaks:
            return True
        return bisect.bisect(self._breaks, a.i) == bisect.bisect(self._breaks, b.i)

    def in_dateline(self, start: int, end: int | None = None) -> bool:
        """Whether the characters start..end (or the one at start) lie in a dateline."""
        stop = start + 1 if end is None else end
        return any(s < stop and start < e for s, e in self.datelines)


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
        # not "the announcement that the two sides HAD REACHED a deal", a clause of its own
        return child(v, "nsubj", "aux") is None
    if v.dep_ == "conj" and is_verb(v.head) and not child(v, "nsubj", "aux", "dobj"):
        return is_passive(v.head)
    return False


def own_subject(v: Token, kids: list[Token] | None = None) -> Token | None:
    """The subject child of a verb; of two, the one nearest before it: in "NAIROBI, Kenya (AP)
    — Kenya's president deployed", the parser makes the dateline a subject too. `kids` are v's
    children in order, when the caller has them listed."""
    found: Token | None = None
    for c in v.children if kids is None else kids:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if c.i > v.i:
                return found or c
            found = c
    return found


def gram_subject(v: Token, grammar: Grammar, depth: int = 0,
                 kids: list[Token] | None = None) -> Token | None:
    """The grammatical subject of a verb, inherited where English leaves it unsaid."""
    own = own_subject(v, kids)
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
    if dep in _CONTROL_DEPS and head.tag_ in ADJECTIVE_TAGS and head.dep_ == "acomp" and \
            is_verb(head.head):
        # "Pyongyang said it was WILLING to hold talks": the adjective's subject
        return gram_subject(head.head, grammar, depth + 1)
    if dep in _CONTROL_DEPS and is_verb(head):
        if v.tag_ == "VBG" and lemma(head) in grammar.arbitrary_control:
            return None  # "guidelines RECOMMEND holding people": no one in particular
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
    if dep == "ccomp" and is_verb(head) and v.tag_ in ("VBD", "VBZ", "VBP"):
        # "he said he pressed his team ..., then TRIMMED that and asked for more": a finite
        # clause the parser left without a subject shares the one of the clause before it
        for c in reversed([c for c in head.children if c.i < v.i and c.dep_ in ("ccomp", "conj")]):
            s = own_subject(c)
            if s is not None:
                return s
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
    if dep == "pcomp" and head.lower_ == "including" and is_noun(head.head):
        # "a series of moves BY Trump's administration, including RECOGNISING Jerusalem": an
        # act listed among someone's acts is theirs
        return noun_agent(head.head, grammar, depth + 1)
    if dep == "pcomp" and head.dep_ in PREP_DEPS and is_verb(head.head):
        # "accused Beijing OF retaliating" -> Beijing; "retaliated BY imposing" -> the subject
        gov = head.head
        obj = child(gov, "dobj")
        if obj is not None and head.lower_ in ("of", "for", "with", "from", "into"):
            return obj
        return gram_subject(gov, grammar, depth + 1)
    return None


def noun_agent(noun: Token, grammar: Grammar, depth: int = 0) -> Token | None:
    """Whose acts a plural or collective noun names: its by-phrase or possessor ("moves BY
    the administration", "ISRAEL's moves"), through "a series of" ("a series of measures"),
    else the subject of the verb it is the object of ("THEY would take measures")."""
    n = noun
    of = child(n, "prep")
    if lemma(n) in grammar.quantifier_heads and of is not None and of.lower_ == "of":
        inner = child(of, "pobj")
        n = inner if inner is not None else n  # "a series OF STEPS by the junta"
    for _ in range(4):
        for c in n.children:
            if c.dep_ == "poss":
                return c
            if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                obj = child(c, "pobj")
                if obj is not None:
                    return obj
        if n.dep_ == "pobj" and n.head.lower_ == "of" and is_noun(n.head.head):
            n = n.head.head  # "a series OF moves"
            continue
        if n.dep_ in ("dobj", "attr") and is_verb(n.head) and depth < 6:
            return gram_subject(n.head, grammar, depth + 1)
        return None
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


def agent_and_patient(v: Token, grammar: Grammar, kids: list[Token] | None = None
                      ) -> tuple[Token | None, Token | None]:
    """(who does it, what it is done to) for a verb, with the passive undone. `kids` are v's
    children, when the caller has them listed."""
    kids = list(v.children) if kids is None else kids
    if is_passive(v):
        agent = passive_agent(v)
        obj = _first(kids, "dobj")
        if obj is not None:
            return agent, obj  # "Gonzalez was granted ASYLUM by Spain": the subject receives
        if v.dep_ == "acl" and is_noun(v.head) and _first(kids, "nsubjpass") is None:
            return agent, v.head  # "troops deployed to X", "2,000 troops to be deployed"
        return agent, gram_subject(v, grammar, kids=kids)
    return gram_subject(v, grammar, kids=kids), _first(kids, "dobj") or shared_object(v, kids)


def _first(kids: list[Token], dep: str) -> Token | None:
    for c in kids:
        if c.dep_ == dep:
            return c
    return None


def passive_agent(v: Token) -> Token | None:
    """The by-phrase of a passive verb, also where the parser hung it one level down ("supplies
    were airlifted to flood-hit areas BY the Egyptian air force")."""
    by = child(v, "agent")
    if by is not None:
        return child(by, "pobj")
    for c in v.children:
        if c.dep_ not in ("prep", "oprd") or c.i < v.i:
            continue
        if c.lower_ == "by":  # "was granted asylum BY Spain", labelled a plain preposition
            obj = child(c, "pobj")
            if obj is not None and is_noun(obj):
                return obj
            continue
        hosts = children(c, "pobj") if c.dep_ == "prep" else [c]
        if c.dep_ == "prep" and not hosts:
            # a particle-like preposition with a phrase of its own: "was hauled OUT of the
            # embassy by police", "was dragged AWAY from the square by soldiers"
            for inner in children(c, "prep"):
                hosts += children(inner, "pobj")
        for h in hosts:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ == "by" and p.i > h.i:
                    obj = child(p, "pobj")
                    if obj is not None and is_noun(obj):
                        return obj
    if v.dep_ == "conj" and v.tag_ == "VBN" and v.head.i < v.i and \
            child(v, "nsubj", "nsubjpass", "aux", "auxpass", "dobj") is None and \
            is_passive(v.head):
        # conjoined participles share the first one's by-phrase: "was stopped by border
        # guards and TAKEN into custody"
        return passive_agent(v.head)
    return None


#: What may hang on a verb that shares the object of the verb coordinated after it ("police
#: BEAT and detained dozens").
_BARE_VERB_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "cc",
                             "conj", "punct", "prt"})


def shared_object(v: Token, kids: list[Token]) -> Token | None:
    """The object of the next coordinated verb, for a verb with no complement of its own."""
    conj = None
    for c in kids:
        if c.dep_ not in _BARE_VERB_DEPS:
            return None
        if c.dep_ == "conj" and conj is None and is_verb(c):
            conj = c
    if conj is None or child(conj, "nsubj", "nsubjpass") is not None:
        return None
    return child(conj, "dobj")


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for, through the verbs of its clause: in "a tariff
    THAT the administration had planned to impose", the object of "impose" is the tariff."""
    if tok.lower_ not in _RELATIVES or tok.tag_ not in ("WDT", "WP", "IN"):
        return None
    cur = tok.head
    for _ in range(4):
        if cur.dep_ == "relcl":
            return cur.head
        if cur.dep_ not in ("xcomp", "ccomp", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def omitted_relative_object(v: Token) -> Token | None:
    """The noun a relative clause without a relative pronoun modifies, when the clause
    leaves its verb's object to it: "a decision [the UN said it cannot accept]"."""
    cur = v
    for _ in range(3):
        if cur.dep_ == "relcl":
            if cur.i < cur.head.i or any(c.tag_ in RELATIVE_TAGS or c.lower_ == "that"
                                         for c in cur.children if c.i < cur.i):
                return None
            return cur.head if is_noun(cur.head) else None
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


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
    if n.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "dobj" and (
            lemma(head.head) in grammar.light_nouns or _counted(head.head)):
        # "took PART in the exercises", "played a ROLE in", "announced 50 million EUROS in
        # aid" (not "set goals for the trade talks")
        obj = head.head
        if is_verb(obj.head):
            return obj.head, "prep"
    return None, ""


#: Links under a judging word that carry more of the judgment: "unusual AND INAPPROPRIATE",
#: "an extremely ADVERSE development", "a measure CONTRADICTING the law".
_JUDGMENT_EXPANSION = frozenset({"conj", "amod", "acl", "relcl"})


def judgment(v: Token, tree: Tree, opinion: frozenset[str]
             ) -> tuple[Token | None, list[Token], list[Token]]:
    """What a verb of saying or judging judges, the words that judge it, and the words
    that judge it negated.

    "called [the process] [a sham]", "branded [the visit] [a provocation]", "described [the
    move] as [illegal]", "considers [all settlement activity] [illegal]", "said [the call]
    was [inappropriate]", "said [the move] [violates] the law", "reiterated the position
    that [settlements] are [illegal]" (`opinion`: the nouns whose clause is the speaker's
    view); negated: "said the call was NOT in [line] with our goals".
    """
    kids = tree.kids(v)
    objs = [c for c in kids if c.dep_ == "dobj"]
    if not objs:
        # "called [Omar] [a terrorist]" parsed as two object predicates
        objs = [c for c in kids if c.dep_ == "oprd"][:-1]
    judged = objs[0] if objs else None
    words: list[Token] = []
    clauses: list[Token] = []
    # "viewed [Washington's move] AS a measure...": the parser hangs the "as" on either word
    as_hosts = kids + (tree.kids(judged) if judged is not None else [])
    for c in as_hosts:
        if c.dep_ == "prep" and c.lower_ == "as" and judged is not None and c.i > judged.i:
            words += [g for g in tree.kids(c) if g.dep_ in ("pobj", "amod", "acomp", "pcomp")]
    for c in kids:
        if (c.dep_ == "oprd" and (judged is None or c.i > judged.i)) or (
                c.dep_ == "dobj" and judged is not None and c.i > judged.i):
            words.append(c)
        elif c.dep_ == "ccomp":
            clauses.append(c)
    if not words and not clauses and judged is not None and lemma(judged) in opinion:
        clauses = [c for c in tree.kids(judged) if c.dep_ in ("acl", "ccomp", "appos")
                   and is_verb(c)]
    negated: list[Token] = []
    for c in clauses[:1]:
        found: list[Token] = []
        if is_verb(c) and lemma(c) == "be":
            for g in tree.kids(c):
                if g.dep_ in ("acomp", "attr"):
                    found.append(g)
                elif g.dep_ == "prep" and g.lower_ == "in":  # "is IN violation of", "in LINE with"
                    found += [o for o in tree.kids(g) if o.dep_ == "pobj"]
        else:
            found.append(c)  # "considers [activity illegal]", "said the move VIOLATES"
        if any(g.dep_ == "neg" for g in tree.kids(c)):
            negated += found
        else:
            words += found
        judged = tree.child(c, "nsubj", "nsubjpass")
    if judged is not None:
        judged = relative_antecedent(judged) or judged  # "a ruling THAT groups called..."
    negated += [w for w in words if any(g.dep_ == "neg" for g in tree.kids(w))]
    words = [w for w in words if w not in negated]
    return judged, _expand_judgment(words, tree), _expand_judgment(negated, tree)


def _expand_judgment(words: list[Token], tree: Tree) -> list[Token]:
    out: list[Token] = []
    stack = list(words)
    while stack and len(out) < 16:
        w = stack.pop()
        out.append(w)
        for g in tree.kids(w):
            if g.dep_ in _JUDGMENT_EXPANSION:
                stack.append(g)
            elif g.dep_ == "prep" and g.lower_ == "of" and is_noun(w):
                # "an act OF AGGRESSION", "a violation of"
                stack += [o for o in tree.kids(g) if o.dep_ == "pobj"]
    return out


def _counted(noun: Token) -> bool:
    """A measure or an amount: "50 million euros", "$1 billion" (the head is the "$")."""
    return noun.tag_ in ("CD", "$") or any(c.dep_ in ("nummod", "quantmod") or c.tag_ == "$"
                                           for c in noun.children)


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
