"""Finding event predicates in a sentence and the tokens that fill their argument slots.

A token is a trigger when its lemma has lexicon entries and one of them, tried from the most
specific, accepts it: its particles and prepositions ("call FOR", "crack DOWN ON"), its object
("impose + sanctions", "give + the green light"), its subject ("protesters clashed"), its
modifiers ("JOINT exercises") and its complement ("refused TO WITHDRAW", but not "declined to
say"). The accepted entry's frame then says which parse relations fill which roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.arguments import Resolver
from newsgraph.events.lexicon import Entry, Lexicon, Pos, Term, TermSet
from newsgraph.events.syntax import (
    LOOSE_OBJECT_DEPS,
    PREP_DEPS,
    Tree,
    agent_and_patient,
    child,
    children,
    conjuncts,
    gram_subject,
    is_noun,
    is_passive,
    is_verb,
    judgment,
    light_governor,
    omitted_relative_object,
    passive_agent,
    prep_key,
    prep_object,
    relative_antecedent,
    subtree_without,
)
from newsgraph.nlp.pipeline import lemma

#: Dependents that modify a nominal trigger ("JOINT exercises", "U.S. troop deployment").
_NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss", "nummod"})
#: Tokens that are never triggers: auxiliaries, and participles used as adjectives
#: ("increased funding", "the PROPOSED legislation").
_SKIP_DEPS = frozenset({"aux", "auxpass", "amod", "compound", "case", "det", "punct"})
#: Links of a noun to its head, and dependents only a clause has.
_NOUN_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr"})
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "neg", "mark"})
#: spaCy's labels for names, for a name the entity stage did not keep.
_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NER_CLASS = {"org": ("ORG",), "place": ("GPE", "LOC"), "person": ("PERSON",)}
_NOT_EVENT_ENTS = frozenset({"DATE", "TIME", "PERSON", "GPE", "ORG", "NORP", "LOC", "FAC",
                             "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
#: Subject pronouns that stand for a named person or body in a subject constraint.
_PERSONAL = frozenset({"he", "she", "we", "i"})


#: Tags of inflected words, whose lemma differs from their written form.
_INFLECTED = frozenset({"NNS", "NNPS", "VBD", "VBG", "VBN", "VBZ", "JJR", "JJS"})
#: Dashes that open and close a parenthetical ("The Authority - which ... - called").
_DASHES = frozenset({"-", "—", "–", "--", "―"})
#: Links of a noun inside a phrase, not its head: "The Palestinian AUTHORITY", not "Palestinian".
_NOT_HEAD_DEPS = frozenset({"compound", "amod", "poss", "nmod", "pobj", "dobj", "appos", "conj",
                            "npadvmod", "det", "attr"})


def _is_dash(tok: Token) -> bool:
    """A dash set off by spaces (not the hyphen of "Jong-un")."""
    return tok.text in _DASHES and bool(tok.whitespace_) and tok.i > 0 and \
        bool(tok.doc[tok.i - 1].whitespace_)


@dataclass(slots=True)
class Match:
    """A trigger token, the entry that accepted it, and its core relations.

    Not frozen: while a token's entries are tried, one Match is reused and only its `entry`
    changes (constructing a frozen dataclass per entry tried cost ~5% of the stage).
    """

    token: Token
    entry: Entry
    agent: Token | None  # verbs: who does it, the passive undone
    patient: Token | None  # verbs: what it is done to
    governor: Token | None  # nouns: the verb it hangs from
    gov_link: str  # "dobj", "prep", "nsubj" or ""

    @property
    def pos(self) -> Pos:
        return self.entry.pos

    @property
    def light(self) -> bool:
        """Whether the noun's governor passes its subject on ("announced the deployment")."""
        return self.governor is not None and self.gov_link in ("dobj", "prep")


def _could_match(entry: Entry, near: set[str]) -> bool:
    p = entry.phrase
    if any(w not in near for w in p.particles):
        return False
    return not p.objects or any(t.head in near or t.cls is not None for t in p.objects)


def _modifiers(tok: Token, kids: list[Token]) -> list[Token]:
    """Modifiers of a trigger, through compounds: "JOINT air force drills" has "joint" on
    "force", not on "drills"."""
    out = [c for c in kids if c.dep_ in _NOUN_MODIFIER_DEPS]
    stack = [c for c in out if c.dep_ == "compound"]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                out.append(c)
                if c.dep_ == "compound":
                    stack.append(c)
    return out


class _Facts:
    """What the constraints of all entries for one token look at: each computed once, when a
    constraint first asks (most entries fail on their first test). Plain lazy attributes:
    `functools.cached_property` takes a lock on every first access in Python 3.11, which cost
    ~3% of the stage."""

    __slots__ = ("_complements", "_judgment", "_loose", "_m", "_matcher", "_modifiers",
                 "_objects", "_preps", "_subjects", "kids")

    def __init__(self, matcher: Matcher, m: Match) -> None:
        self._matcher = matcher
        self._m = m
        self.kids: list[Token] = matcher.kids(m.token)
        self._objects: list[Token] | None = None
        self._loose: list[Token] | None = None
        self._modifiers: list[Token] | None = None
        self._subjects: list[Token] | None = None
        self._complements: list[Token] | None = None
        self._preps: dict[str, list[Token]] | None = None
        self._judgment: tuple[Token | None, list[Token], list[Token]] | None = None

    @property
    def judgment(self) -> tuple[Token | None, list[Token], list[Token]]:
        """(what is judged, the words judging it): syntax.judgment."""
        if self._judgment is None:
            self._judgment = self._matcher.judgment(self._m.token)
        return self._judgment

    @property
    def objects(self) -> list[Token]:
        if self._objects is None:
            self._objects = self._matcher.object_heads(self._m)
        return self._objects

    @property
    def loose(self) -> list[Token]:
        if self._loose is None:
            out = [c for c in self.kids if c.dep_ in LOOSE_OBJECT_DEPS]
            if self._m.patient is not None:
                out.append(self._m.patient)
            self._loose = out
        return self._loose

    @property
    def modifiers(self) -> list[Token]:
        if self._modifiers is None:
            self._modifiers = _modifiers(self._m.token, self.kids)
        return self._modifiers

    @property
    def subjects(self) -> list[Token]:
        if self._subjects is None:
            self._subjects = self._matcher.subject_heads(self._m)
        return self._subjects

    @property
    def complements(self) -> list[Token]:
        if self._complements is None:
            self._complements = self._matcher.complements(self._m.token, self.kids)
        return self._complements

    @property
    def preps(self) -> dict[str, list[Token]]:
        """Preposition as written -> its objects, on the trigger, its object or light verb."""
        if self._preps is not None:
            return self._preps
        m, matcher = self._m, self._matcher
        hosts = [self.kids]
        if m.pos == "verb":
            # "is CRITICAL of the decision", "was ANGRY at": the adjective's prepositions
            hosts += [matcher.kids(c) for c in self.kids if c.dep_ == "acomp"]
        if m.patient is not None:
            hosts.append(matcher.kids(m.patient))
        if m.pos == "noun" and m.light and m.governor is not None:
            hosts.append(matcher.kids(m.governor))
        out: dict[str, list[Token]] = {}
        for kids in hosts:
            for c in kids:
                if c.dep_ in PREP_DEPS or (c.dep_ in ("prt", "advmod")
                                           and c.tag_ in ("IN", "RP", "RB")):
                    objs = prep_object(c) if c.dep_ in PREP_DEPS else []
                    for key in {prep_key(c), c.lower_}:
                        out.setdefault(key, []).extend(objs)
                    if c.dep_ in PREP_DEPS:
                        out.setdefault("", []).extend(objs)
        self._preps = out
        return out


class Matcher:
    """Trigger detection for one article."""

    def __init__(self, lexicon: Lexicon, resolver: Resolver, tree: Tree | None = None) -> None:
        self.tree = tree
        self.lex = lexicon
        self.grammar = lexicon.grammar
        self.res = resolver
        self._words: dict[int, tuple[str, str]] = {}
        self._classes: dict[int, frozenset[str]] = {}
        #: whether the sentence at hand has a word judgment entries look for; without one
        #: they are not tried (set by the coder per sentence)
        self.judging = True

    def kids(self, tok: Token) -> list[Token]:
        return self.tree.kids(tok) if self.tree is not None else list(tok.children)

    def words(self, tok: Token) -> tuple[str, str]:
        """(lemma, lower-case form) of a token, cached."""
        w = self._words.get(tok.i)
        if w is None:
            w = self._words[tok.i] = (lemma(tok), tok.lower_)
        return w

    def candidates(self, tok: Token) -> bool:
        """A cheap first test: could this token trigger anything?"""
        if not tok.tag_.startswith(("VB", "NN")):
            return False
        words = self.lex.trigger_words
        lem, low = self.words(tok)
        if low not in words and lem not in words:
            return False
        gate = self.lex.gates.get(lem)
        if gate is None or (low != lem and low in words):
            return True
        # "is CRITICAL of": a copula needs its adjective (inflected dependents by lemma)
        return any(c.lower_ in gate or (c.tag_ in _INFLECTED and self.words(c)[0] in gate)
                   for c in self.kids(tok))

    def triggers(self, tokens: list[Token]) -> list[Match]:
        out: list[Match] = []
        for tok in tokens:
            m = self.match(tok)
            if m is not None:
                out.append(m)
        return out

    def match(self, tok: Token, skip: frozenset[int] = frozenset()) -> Match | None:
        """The most specific entry that accepts tok, leaving out the entries whose id() is in
        `skip` (entries whose required roles turned out empty)."""
        if tok.dep_ in _SKIP_DEPS:
            return None
        pos: Pos
        if tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "csubj"):
            pos = "noun"  # a gerund used as a noun: "FIGHTING between the army and the RSF"
        elif tok.tag_ in ("VBZ", "VBP") and tok.dep_ in _NOUN_DEPS and not any(
                c.dep_ in _CLAUSE_DEPS for c in self.kids(tok)):
            pos = "noun"  # a plural the tagger took for a verb: "joint coast guard DRILLS"
        elif is_verb(tok):
            pos = "verb"
        elif is_noun(tok) and (tok.tag_ in ("NN", "NNS") or (
                self.res.entity_at(tok) is None and tok.ent_type_ not in _NOT_EVENT_ENTS)):
            pos = "noun"  # proper-noun tags only in Title Case text, not "in MARCH"
        else:
            return None
        words = self.words(tok)
        entries = self.lex.candidates(pos, *words)
        if not self.judging and not self.lex.judging_words.isdisjoint(words):
            entries = tuple(e for e in entries if not e.judging)
        if not entries:
            return None
        # cheap test first: a phrase's particles and object words must be among the token's
        # dependents ("hold TALKS", "crack DOWN on"), which rules out most generic verbs
        near = {w for c in self.kids(tok) for w in self.words(c)}
        if tok.dep_ in ("acl", "relcl"):
            near.update(self.words(tok.head))
        entries = tuple(e for e in entries if _could_match(e, near))
        if not entries:
            return None
        agent: Token | None = None
        patient: Token | None = None
        governor: Token | None = None
        link = ""
        if pos == "verb":
            agent, patient = agent_and_patient(tok, self.grammar, self.kids(tok))
            if agent is not None and any(e.agentless for e in entries) and \
                    _mistagged_second_participle(tok):
                # "was evicted in April and SENTENCED to 50 weeks", the participle tagged as a
                # past tense: the shared subject is the one sentenced, not the judge
                agent, patient = passive_agent(tok.head), agent
            if agent is not None and agent.tag_ in ("WDT", "WP") and agent.head.dep_ == "relcl":
                agent = agent.head.head
            if patient is not None:
                patient = relative_antecedent(patient) or patient
            elif child(tok, "dobj", "ccomp", "xcomp") is None:
                # "a decision the UN said it cannot ACCEPT", "a claim Manila DENIED": the
                # object of a relative clause with its pronoun left out is the noun
                patient = omitted_relative_object(tok)
            if tok.dep_ == "acl" and tok.i > 0 and tok.doc[tok.i - 1].text == "," and \
                    tok.head.dep_ == "ROOT" and is_noun(tok.head) and tok.tag_ in ("VBD", "VBN"):
                # "The Venezuelan opposition, which says ..., CALLED on the army": the
                # parser took the main verb after a parenthetical for a participle
                agent, patient = tok.head, child(tok, "dobj")
            elif agent is not None and tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and \
                    child(tok, "nsubj", "nsubjpass") is None and \
                    lemma(tok.head.head) in self.grammar.report_verbs and \
                    self.res.participant(agent) is None:
                # "said the sentencing was politically motivated and URGED Chinese
                # authorities to release him": the speaker urges, not the sentencing
                agent = gram_subject(tok.head.head, self.grammar) or agent
            if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.i > 0 and \
                    tok.doc[tok.i - 1].text == "," and child(tok, "dobj", "oprd") is not None:
                # "he asked about the Brotherhood, CALLED Omar a terrorist and said": a verb
                # in a list the parser hung on the noun before it, as a participle (which
                # takes no object)
                listed = self.listed_subject(tok)
                if listed is not None:
                    agent, patient = listed, child(tok, "dobj", "oprd")
            if agent is None or tok.dep_ == "acl" or tok.dep_ == "advcl":
                cut_off = self.dash_subject(tok)
                if cut_off is not None:
                    # "The Authority - which ... - CALLED for a meeting": the parser lost the
                    # subject behind the parenthetical (and may take the verb for a participle)
                    agent, patient = cut_off, child(tok, "dobj")
            agent, patient = self._here(tok, agent), self._here(tok, patient)
        else:
            governor, link = light_governor(tok, self.grammar)
            if governor is not None and self._here(tok, governor) is None:
                governor, link = None, ""
        m = Match(tok, entries[0], agent, patient, governor, link)
        facts = self.facts(m)
        for entry in entries:
            if id(entry) in skip:
                continue
            m.entry = entry
            if self.accepts(m, facts):
                return m
        return None

    def listed_subject(self, v: Token) -> Token | None:
        """The subject of the verb whose phrase a misparsed list verb hangs in."""
        cur = v.head
        for _ in range(4):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if is_verb(cur):
                return gram_subject(cur, self.grammar) if cur.i < v.i else None
        return None

    def dash_subject(self, v: Token) -> Token | None:
        """The subject a parenthetical between dashes cut off from its verb: "The Palestinian
        AUTHORITY - which considers ... - called for", "The only two Arab states ... - EGYPT
        and Jordan - also criticised" (names in the dashes are who the phrase before means).
        None unless v comes right after the closing dash without a subject of its own (or
        with one the parser took from inside the dashes: "after the COUP - called for")."""
        doc = v.doc
        start = v.sent.start
        i = v.i - 1
        while i > start and doc[i].tag_ in ("RB", "RBR", "MD"):
            i -= 1  # "- also sharply criticised"
        if not _is_dash(doc[i]):
            return None
        close = i
        opening = next((j for j in range(close - 1, start, -1) if _is_dash(doc[j])), None)
        if opening is None or close - opening < 2:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") and not opening < c.i < close
               for c in self.kids(v)):
            return None
        inner = doc[opening + 1:close]
        names = [t for t in inner if t.tag_ in ("NNP", "NNPS") and t.dep_ != "compound"
                 and self.res.entity_at(t) is not None]
        if names and all(t.tag_ in ("NNP", "NNPS", "CC", ",", "DT", "HYPH") for t in inner):
            return names[0]
        for t in doc[start:opening]:
            if (t.tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP")) and t.dep_ not in _NOT_HEAD_DEPS:
                return t
        return None

    def _here(self, tok: Token, other: Token | None) -> Token | None:
        """other, if it is in tok's paragraph (a parse can run across a heading)."""
        if other is None or self.tree is None or self.tree.same_paragraph(tok, other):
            return other
        return None

    def facts(self, m: Match) -> _Facts:
        return _Facts(self, m)

    # ---- constraints ------------------------------------------------------------------------

    def accepts(self, m: Match, f: _Facts) -> bool:
        e = m.entry
        tok = m.token
        return (
            self._phrase_ok(m, f)
            and self._any(f.objects, e.objects, required=bool(e.objects))
            and (not f.objects or self._any(f.objects, e.if_object))
            and not self._hit(f.objects, e.not_objects)
            and self._any(f.modifiers, e.modifiers, required=bool(e.modifiers))
            and not self._hit(f.modifiers, e.not_modifiers)
            and self._preps_ok(m, f)
            and (not e.in_prep or (tok.dep_ == "pobj" and tok.head.lower_ in e.in_prep))
            and self._complement_ok(m, f)
            and self._subject_ok(m, f)
            and self._content_ok(m)
            and (not e.ccomp_self or self._ccomp_self(m))
            and (not (e.judgments or e.negated_judgments) or self._judgment_ok(m, f))
        )

    def _phrase_ok(self, m: Match, f: _Facts) -> bool:
        p = m.entry.phrase
        for part in p.particles:
            if not any(c.lower_ == part and c.dep_ in ("prt", "prep", "advmod", "dative", "dobj")
                       for c in f.kids):
                return False
        if p.objects and not self._any(f.loose, TermSet.of(p.objects), required=True):
            return False
        if p.mods and not all(any(w in self.words(c) for c in f.kids) for w in p.mods):
            return False
        if p.prep is not None:
            pobjs = f.preps.get(p.prep)
            if pobjs is None:
                return False
            if p.pobj is not None and not any(self.term_hits(t, p.pobj) for t in pobjs):
                return False
        return True

    def _preps_ok(self, m: Match, f: _Facts) -> bool:
        e = m.entry
        if e.prep and not any(w in f.preps for w in e.prep):
            return False
        if e.not_prep and any(w in f.preps for w in e.not_prep):
            return False
        if e.pobjs or e.not_pobjs:
            keys = e.prep or ("",)
            pobjs = [t for k in keys for t in f.preps.get(k, ())]
            if e.prep and e.not_pobjs:
                # "fired rockets AT Israel ON SUNDAY": a date beside the target excludes
                # nothing; only when no object of the prepositions is left
                pobjs = [t for t in pobjs if not self.hits(t, e.not_pobjs)]
                if not pobjs:
                    return False
            elif self._hit(pobjs, e.not_pobjs):
                return False
            if e.pobjs and not self._any(pobjs, e.pobjs, required=True):
                return False
        return True

    def _complement_ok(self, m: Match, f: _Facts) -> bool:
        e = m.entry
        if e.complement is True and not f.complements:
            return False
        if e.complement is False and f.complements:
            return False
        return not self._hit(f.complements, e.not_complements)

    def _subject_ok(self, m: Match, f: _Facts) -> bool:
        e = m.entry
        if e.subjects and not self._any(f.subjects, e.subjects, required=True) and not (
                e.agentless and m.agent is None and m.pos == "verb" and
                any(c.dep_ == "auxpass" for c in f.kids)):
            return False
        return not self._hit(f.subjects, e.not_subjects)

    def _content_ok(self, m: Match) -> bool:
        e = m.entry
        if not e.content_words and not e.not_content_words:
            return True
        scope = m.token
        if e.ccomp_self:
            ccomp = child(m.token, "ccomp")
            if ccomp is None:
                return False
            scope = ccomp
        skip = [m.agent] if m.agent is not None else []
        words = [t for t in subtree_without(scope, *skip) if t.i != m.token.i]
        if self._hit(words, e.not_content_words):
            return False
        return self._any(words, e.content_words)

    def judgment(self, tok: Token) -> tuple[Token | None, list[Token], list[Token]]:
        tree = self.tree if self.tree is not None else Tree(tok.doc)
        return judgment(tok, tree, self.lex.classes.get("opinion_noun", frozenset()))

    def _judgment_ok(self, m: Match, f: _Facts) -> bool:
        """A verb of saying or judging whose judgment is among the entry's words, about
        something that can be judged: a participant, someone's act ("Trump's REQUEST", "their
        level of engagement"), or one of the entry's `judged` words (decision, move...)."""
        e = m.entry
        judged, words, negated = f.judgment
        # a reported verb judges only when it is a verb of condemning ("said the move
        # VIOLATES the law", not "said drones ATTACKED a refinery")
        words = [w for w in words if not is_verb(w) or self.in_class(w, "condemning_verb") or
                 self.in_class(w, "condemning_participle")]
        if not self._any(words, e.judgments, required=True) and \
                not self._any(negated, e.negated_judgments, required=True):
            return False
        if not e.judged or judged is None:
            return not e.judged
        if judged.tag_ == "PRP" or self.hits(judged, e.judged) or \
                self.res.participant(judged) is not None:
            return True  # "called IT a provocation", "the MOVE", "Omar"
        return any(c.dep_ == "poss" for c in self.kids(judged))

    def _ccomp_self(self, m: Match) -> bool:
        """The complement's subject is the speaker's own side ("warned that THE CHINESE
        GOVERNMENT will not sit on its hands", "vowed that WE will respond")."""
        ccomp = child(m.token, "ccomp")
        if ccomp is None or m.agent is None:
            return False
        subj = gram_subject(ccomp, self.grammar)
        if subj is None:
            return False
        if subj.lower_ in ("we", "i"):
            return True
        if subj.dep_ == "nsubjpass" and passive_agent(ccomp) is None:
            return True  # "vowed that any attack WOULD BE MET with a severe reply"
        # "the Chinese government" resolves to China when the entity stage links the
        # nationality to its country
        a = self.res.participant(m.agent)
        b = self.res.participant(subj)
        return a is not None and b is not None and self.res.same_party(a, b)

    # ---- the tokens constraints look at -----------------------------------------------------

    def object_heads(self, m: Match) -> list[Token]:
        if m.pos == "verb":
            heads = (self.tree.conjuncts(m.patient) if self.tree is not None else
                     conjuncts(m.patient)) if m.patient is not None else []
            if not heads:
                # small clauses: "allowed [inspectors access]" parsed as a noun complement,
                # "allowed [a UN convoy to enter]" as a clause
                for c in m.token.children:
                    if c.dep_ in ("ccomp", "oprd") and is_noun(c):
                        heads.append(c)
                        heads += [s for s in c.children if s.dep_ == "nsubj"]
                    elif c.dep_ in ("ccomp", "xcomp") and is_verb(c) and c.i > m.token.i and \
                            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                        heads += [s for s in c.children if s.dep_ == "nsubj" and s.i > m.token.i]
            elif m.patient is not None:
                # a second object the parser gives the verb: "charge WeWork [$6 MILLION]"
                heads += [c for c in m.token.children
                          if c.dep_ == "dobj" and c.i > m.patient.i]
            return heads + [q for h in heads if (q := self.quantified(h)).i != h.i]
        out: list[Token] = []
        for p in children(m.token, "prep"):
            if p.lower_ == "of":
                out += prep_object(p)
        if m.governor is not None and m.gov_link == "prep":
            obj = child(m.governor, "dobj")
            if obj is not None:
                out.append(obj)
        return out

    def subject_heads(self, m: Match) -> list[Token]:
        if m.pos == "verb":
            if m.agent is None:
                return []
            return [m.agent, self.quantified(m.agent)]
        out = [c for c in m.token.children if c.dep_ in ("poss", "compound", "amod")]
        if m.light and m.governor is not None:
            agent, _ = agent_and_patient(m.governor, self.grammar, self.kids(m.governor))
            if agent is not None:
                out.append(agent)
        return out

    def quantified(self, tok: Token) -> Token:
        """ "thousands OF PEOPLE" -> people."""
        if lemma(tok) in self.grammar.quantifier_heads or tok.tag_ == "CD":
            for p in children(tok, "prep"):
                if p.lower_ == "of":
                    objs = prep_object(p)
                    if objs:
                        return objs[0]
        return tok

    def complements(self, tok: Token, kids: list[Token]) -> list[Token]:
        """Clausal complements: "refused TO WITHDRAW", "accused X OF MEDDLING", "a pledge TO
        HELP", "denied THAT it had attacked"."""
        out = [c for c in kids if c.dep_ in ("xcomp", "ccomp", "oprd")]
        for p in (c for c in kids if c.dep_ == "prep"):
            out += [c for c in children(p, "pcomp") if is_verb(c)]
        if is_noun(tok):
            out += [c for c in children(tok, "acl") if child(c, "aux") is not None]
        return out

    def _any(self, toks: list[Token], terms: TermSet, required: bool = False) -> bool:
        """Whether a token matches a term; with no terms, whether none were `required`."""
        if not terms:
            return not required
        return any(self.hits(t, terms) for t in toks)

    def _hit(self, toks: list[Token], terms: TermSet) -> bool:
        """Whether a token matches one of the (exclusion) terms; False when there are none."""
        return bool(terms) and any(self.hits(t, terms) for t in toks)

    def hits(self, tok: Token, terms: TermSet) -> bool:
        lem, low = self.words(tok)
        if lem in terms.words or low in terms.words:
            return True
        if any(self.in_class(tok, c) for c in terms.classes):
            return True
        return any(self.term_hits(tok, t) for t in terms.phrases)

    def term_hits(self, tok: Token, term: Term) -> bool:
        if term.cls is not None:
            return self.in_class(tok, term.cls)
        if term.head not in self.words(tok):
            return False
        if not term.mods:
            return True
        # modifiers below the head, or one preposition further ("state OF EMERGENCY")
        near = list(self.kids(tok))
        near += [g for c in near if c.dep_ == "prep" for g in self.kids(c)]
        return all(any(w in self.words(c) for c in near) for w in term.mods)

    def _dateline(self, tok: Token) -> bool:
        return self.tree is not None and bool(self.tree.datelines) and \
            self.tree.in_dateline(tok.idx, tok.idx + len(tok.text))

    def in_class(self, tok: Token, cls: str) -> bool:
        if cls == "entity":
            if tok.tag_ == "PRP" and (tok.lower_ in _PERSONAL or (
                    tok.lower_ in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass"))):
                return True  # "He visited Beijing": a pronoun stands for a named referent
            if self.res.entity_at(tok) is not None:
                return True
            if tok.tag_ in ("NNP", "NNPS") and tok.ent_type_ in _NAME_ENTS and \
                    self.res.entity_at(tok) is None and not self._dateline(tok):
                return True  # a name the entity stage let go: "Macron met Zelensky"
            # a name split oddly by the tokenizer: "President Moon Jae-in" -> head "in"
            return any(c.dep_ == "compound" and self.res.entity_at(c) is not None
                       and c.tag_ in ("NNP", "NNPS") for c in tok.children)
        if cls in ("org", "place", "person"):
            e = self.res.entity_at(tok)
            if e is None and tok.tag_ in ("NNP", "NNPS") and not self._dateline(tok):
                # a name the entity stage let go, by spaCy's label
                return tok.ent_type_ in _NER_CLASS.get(cls, ())
            return e is not None and e.type == cls.upper()
        if cls == "question":
            # a clause asking something: "demanded HOW Andrew could be so sure"
            first = tok.left_edge
            return first.tag_ in ("WDT", "WP", "WP$", "WRB") or first.lower_ in ("whether",
                                                                                 "if")
        if cls == "number":
            return tok.tag_ == "CD" or any(c.dep_ == "nummod" for c in self.kids(tok))
        if cls == "money":
            return tok.ent_type_ == "MONEY" or any(c.tag_ == "$" for c in tok.subtree) or \
                "currency" in self.lex.word_classes.get(self.words(tok)[0], ())
        if cls in ("official", "actor_noun") and tok.lower_ in _PERSONAL and tok.tag_ == "PRP":
            return True
        classes = self._classes.get(tok.i)
        if classes is None:
            if tok.tag_ in ("NNP", "NNPS") and self.res.entity_at(tok) is not None:
                classes = frozenset()  # "the Soviet UNION" is a name, not the noun "union"
            else:
                lem, low = self.words(tok)
                wc = self.lex.word_classes
                classes = wc.get(lem, frozenset()) | wc.get(low, frozenset())
            self._classes[tok.i] = classes
        if cls in classes:
            return True
        phrases = self.lex.class_phrases.get(cls)
        if phrases and any(self.term_hits(tok, t) for t in phrases):
            return True  # "politically motivated", "witch hunt": a head and its modifiers
        return "-" in tok.lower_ and self.lex.in_class(tok.lower_, cls)


def _mistagged_second_participle(tok: Token) -> bool:
    """A verb coordinated after a passive participle, tagged as a past tense, with no subject,
    auxiliary or object of its own: for a verb that is only ever done to someone (the
    lexicon's `agentless` acts: arrest, sentence, convict), it is a second participle."""
    return tok.tag_ == "VBD" and tok.dep_ == "conj" and tok.head.i < tok.i and \
        tok.head.tag_ == "VBN" and is_passive(tok.head) and \
        child(tok, "nsubj", "aux", "dobj") is None
