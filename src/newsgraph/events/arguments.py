"""Who and where: from argument tokens to the article's entities, descriptions and places.

An argument slot gives a head token ("Department", "troops", "which", "it"); the event needs a
participant. The entity stage has already decided who each mention is (`EntityIndex.at`), so the
work here is to find the right mention in the noun phrase: the head itself ("the U.S. Defense
Department"), else its possessor or a modifying name ("CHINA's ambassador", "HONG KONG police",
"LITHUANIAN lawmakers"), else the object of a quantifier ("a delegation OF Lithuanian
lawmakers"), else an unnamed actor description ("police", "rebels") when the head is an actor
noun. Relative and personal pronouns are resolved to the nearest compatible participant.

Convention: a nationality resolves to its country when the entity stage links them (a GROUP whose
`affiliation` is a place), because "Lithuanian lawmakers" act for Lithuania. An organisation that
belongs to a state (the Pentagon, a ministry) is reported as itself, not as its state: it is what
the sentence names, and its `affiliation` in the record leads to the state.
"""

from __future__ import annotations

import functools
import itertools
from collections import deque
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.syntax import (
    Tree,
    child,
    children,
    conjuncts,
    gram_subject,
    is_verb,
    prep_key,
    prep_object,
    prep_objects,
)
from newsgraph.nlp.entities.gazetteer import countries, fold
from newsgraph.nlp.entity_index import EntityIndex, name_key
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import Entity

_PRONOUN_KIND = {
    "it": "it", "its": "it", "itself": "it",
    "they": "they", "them": "they", "their": "they", "themselves": "they",
    "he": "he", "him": "he", "his": "he", "she": "he", "her": "he",
    "we": "we", "our": "we", "us": "we", "i": "we", "my": "we",
}
_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
#: Named-entity labels that are no actor when the entity stage has no entity there.
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                        "LAW", "LANGUAGE", "WORK_OF_ART", "EVENT", "PRODUCT"})
_DESCRIPTION_DEPS = ("compound", "amod", "nmod")
_ACTOR_TYPES = frozenset({"PERSON", "ORG", "PLACE", "GROUP"})
#: How far back the pronoun resolver looks for an antecedent: this sentence and the one before
#: (anaphora across more than one sentence is rare in wire copy and risky to guess).
_PREVIOUS_SENTENCES = 1


@dataclass(frozen=True, slots=True)
class Participant:
    """An actor, recipient or place: an entity of the article, or a description."""

    name: str
    id: str | None
    type: str  # an entity type, or "DESCRIPTION"

    @property
    def key(self) -> str:
        return self.id or name_key(self.name)


class Resolver:
    """Maps argument heads to participants for one parsed article."""

    def __init__(self, doc: Doc, entities: EntityIndex, lexicon: Lexicon,
                 tree: Tree | None = None) -> None:
        self.doc = doc
        self.tree = tree
        self._memo: dict[int, Participant | None] = {}
        self._entity_memo: dict[int, Entity | None] = {}
        self._any_memo: dict[int, Entity | None] = {}
        self._title_map: dict[str, Entity] | None = None
        self.entities = entities
        self.lex = lexicon
        self.grammar = lexicon.grammar

    def kids(self, tok: Token) -> list[Token]:
        return self.tree.kids(tok) if self.tree is not None else list(tok.children)

    # ---- entities ---------------------------------------------------------------------------

    def entity_at(self, tok: Token) -> Entity | None:
        """The actor-like entity mentioned at tok (memoized: asked many times per token)."""
        if tok.i in self._entity_memo:
            return self._entity_memo[tok.i]
        e = self.any_entity_at(tok)
        if e is None or e.type not in _ACTOR_TYPES or (
                self.tree is not None and self.tree.datelines and self._in_dateline(tok, e)):
            e = None
        self._entity_memo[tok.i] = e
        return e

    def any_entity_at(self, tok: Token) -> Entity | None:
        """The entity of any type mentioned at tok (memoized)."""
        if tok.i in self._any_memo:
            return self._any_memo[tok.i]
        e = self._any_memo[tok.i] = self.entities.at(tok)
        return e

    def _in_dateline(self, tok: Token, e: Entity) -> bool:
        """A dateline place, or a name glued onto one ("ROTTERDAM - Thousands" as an ORG)."""
        assert self.tree is not None
        end = tok.idx + len(tok.text)
        if self.tree.in_dateline(tok.idx, end):
            return True
        return any(s < end and tok.idx < t and self.tree.in_dateline(s, t)
                   for s, t in e.mentions)

    def of_entity(self, e: Entity, modifier: bool = False) -> Participant:
        """The participant an entity mention stands for; `modifier` when the mention modifies
        the argument's head ("RUSSIAN missiles") rather than being it ("the Australian")."""
        if e.type == "GROUP" and _nation_of(e) is not None:
            # only a nationality acts for its state: a party ("the Democrats"), a religion or
            # a people stays itself whatever country the entity stage gave it
            state = self.entities.get(e.affiliation) if e.affiliation else None
            if state is not None:
                e = state
            elif modifier:
                # a nationality whose country the article never names: "Russian missiles"
                # in a sentence of its own act for Russia
                return Participant(_nation_of(e) or e.name, e.id, "PLACE")
        return Participant(e.name, e.id, e.type)

    # ---- noun phrases -----------------------------------------------------------------------

    def participant(self, head: Token, depth: int = 0) -> Participant | None:
        """The participant a noun phrase names, or None (memoized per token)."""
        if depth == 0:
            if head.i in self._memo:
                return self._memo[head.i]
            found = self._participant(head, 0)
            self._memo[head.i] = found
            return found
        return self._participant(head, depth)

    def _participant(self, head: Token, depth: int) -> Participant | None:
        if depth > 4:
            return None
        if head.tag_ in ("WDT", "WP") and head.head.dep_ in ("relcl", "acl"):
            return self.participant(head.head.head, depth + 1)
        if head.lower_ in _PRONOUN_KIND and head.tag_ in ("PRP", "PRP$"):
            return self.pronoun(head, depth + 1)
        if self.tree is not None and self.tree.datelines and \
                self.tree.in_dateline(head.idx, head.idx + len(head.text)):
            return None  # "KYIV, Ukraine (AP) —" opens the story; it does nothing in it
        if lemma(head) in self.grammar.quantifier_heads or head.tag_ == "CD":
            # "THOUSANDS of dockworkers", even where the entity stage took "Thousands" for a name
            for p in children(head, "prep"):
                if p.lower_ == "of":
                    for obj in prep_object(p):
                        found = self.participant(obj, depth + 1)
                        if found is not None:
                            return found
        e = self.entity_at(head)
        if e is not None:
            return self.of_entity(e)
        if lemma(head) in self.grammar.group_anaphors and head.tag_ == "NN":
            found = self._group_antecedent(head)
            if found is not None:
                return found
        if head.tag_ in ("NN", "NNS", "NNP", "NNPS"):
            # "Dubai's flagship CARRIER, Emirates Airline": the name in apposition is the one
            # the noun describes, before any possessor; so is a short name in brackets after
            # a title the entity stage did not take ("the New York State Attorney General
            # (NYAG)")
            for c in self.kids(head):
                if c.dep_ == "appos":
                    e = self.entity_at(c)
                    if e is not None and e.type in ("PERSON", "ORG"):
                        return self.of_entity(e)
        # "a New York MAN" is from New York; "the Ukrainian BORDER" is a place, not Ukraine
        individual = any(self.lex.in_class(lemma(head), c) for c in ("individual", "territory"))
        actor_noun = self.is_actor_noun(head)
        for c in self.kids(head):
            if c.dep_ in _MODIFIER_DEPS and not individual:
                # "CHINA's ambassador", "HONG KONG police", but not "a NEW YORK man"
                if c.dep_ == "poss" and c.lower_ in _PRONOUN_KIND:
                    found = self.pronoun(c, depth + 1)
                    if found is not None:
                        return found
                    continue
                e = self.modifier_entity(c)
                if e is None:
                    continue
                if actor_noun and e.type == "PLACE" and not is_country(e):
                    # "CALIFORNIA's utilities regulators", "GAZA police": a province or a
                    # city is where the body sits; the body acts (described below)
                    continue
                return self.of_entity(e, modifier=True)
        if head.tag_ in ("NNP", "NNPS") and head.ent_type_ not in _NOT_NAMES and head.is_title:
            # a name the entity stage missed: "Human Rights Watch"
            return self.description(head)
        if individual and head.tag_ == "NN" and self._described(head):
            # one person the story is about: "a NEW YORK man pleaded guilty", "a 55-year-old
            # woman"; not a bare "the man" the doctor talked with
            return self.description(head)
        if self.is_actor_noun(head):
            holder = self._title_holder(head)
            if holder is not None:
                return holder
            for p in children(head, "prep"):
                if p.lower_ in ("of", "for"):  # "a spokesperson FOR the Foreign Office"
                    for obj in prep_object(p):
                        e = self.entity_at(obj)
                        if e is not None:
                            return self.of_entity(e)
            for c in children(head, "appos"):
                e = self.entity_at(c)
                if e is not None:
                    return self.of_entity(e)
            return self.description(head)
        return None

    def _title_holder(self, head: Token) -> Participant | None:
        """"THE PRESIDENT announced the deal": a definite title is the one person the article
        gives exactly that title ("President"), not "president of the Farm Bureau"."""
        det = child(head, "det")
        if head.tag_ != "NN" or det is None or det.lower_ != "the":
            return None
        words = [c.lower_ for c in self.kids(head)
                 if c.dep_ in ("compound", "amod") and c.i < head.i] + [head.lower_]
        found = self._titles().get(" ".join(words))
        return self.of_entity(found) if found is not None else None

    def _titles(self) -> dict[str, Entity]:
        """Bare titles held by exactly one person of the article, lower case."""
        if self._title_map is None:
            seen: dict[str, list[Entity]] = {}
            for e in self.entities.entities:
                if e.type == "PERSON":
                    for t in {t.lower() for t in e.titles}:
                        seen.setdefault(t, []).append(e)
            self._title_map = {t: es[0] for t, es in seen.items() if len(es) == 1}
        return self._title_map

    def _described(self, head: Token) -> bool:
        """Whether an individual noun is told apart by where they are from or their age."""
        for c in self.kids(head):
            if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i and (
                    self.any_entity_at(c) is not None or c.ent_type_ in ("GPE", "NORP", "DATE")
                    or "-year-old" in c.lower_ or c.lower_.endswith("-old")):
                return True
        return False

    def modifier_entity(self, tok: Token) -> Entity | None:
        e = self.entity_at(tok)
        if e is not None:
            return e
        if tok.dep_ == "compound" or tok.dep_ == "poss":
            for c in tok.children:
                if c.dep_ in ("compound", "poss", "amod"):
                    e = self.entity_at(c)
                    if e is not None and (e.type != "GROUP" or _nation_of(e) is not None):
                        # "the CHINESE government's spokesman" acts for China; "the Jewish
                        # state's premier" is no act of a religion
                        return e
        return None

    def is_actor_noun(self, tok: Token) -> bool:
        if not tok.tag_.startswith("NN"):
            return False
        return any(self.lex.in_class(w, "actor_noun") for w in (lemma(tok), tok.lower_))

    def is_place_noun(self, tok: Token) -> bool:
        """A noun that names a place or an area, not people ("the streets", "cities")."""
        return any(self.lex.in_class(w, c) for w in (lemma(tok), tok.lower_)
                   for c in ("target", "territory"))

    def is_person_noun(self, tok: Token) -> bool:
        if tok.tag_ not in ("NN", "NNS"):
            return False
        return any(self.lex.in_class(w, c) for w in (lemma(tok), tok.lower_)
                   for c in ("prisoner", "protester", "diplomat", "actor_noun", "people"))

    def people(self, tok: Token) -> Participant | None:
        """A group of people, described: "two JOURNALISTS", "thousands of DOCKWORKERS"."""
        if lemma(tok) in self.grammar.quantifier_heads or tok.tag_ == "CD":
            # a bare "thousands" says how many, not who
            for p in children(tok, "prep"):
                if p.lower_ == "of":
                    for obj in prep_object(p):
                        if self.is_person_noun(obj):
                            return self.description(obj)
            return None
        return self.description(tok) if self.is_person_noun(tok) else None

    def pair_antecedent(self, tok: Token) -> list[Participant]:
        """"The United States and China had reached a deal ... THE TWO SIDES continue to
        negotiate": "the two sides", "both countries" are the last two named sides coordinated
        in this sentence or the one before (else they stay a description)."""
        if tok.tag_ != "NNS" or lemma(tok) not in self.grammar.pair_anaphors:
            return []
        marks = {c.lower_ for c in self.kids(tok) if c.dep_ in ("det", "nummod", "predet")}
        if not marks & {"two", "both"}:
            return []
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for i in range(tok.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.dep_ != "conj" or not self.tree_same_paragraph(t, tok):
                continue
            first, second = self.entity_at(t.head), self.entity_at(t)
            if first is not None and second is not None and first.id != second.id and \
                    first.type in ("PLACE", "ORG", "PERSON") and \
                    second.type in ("PLACE", "ORG", "PERSON"):
                return [self.of_entity(first), self.of_entity(second)]
        return []

    def tree_same_paragraph(self, a: Token, b: Token) -> bool:
        return self.tree is None or self.tree.same_paragraph(a, b)

    def _group_antecedent(self, tok: Token) -> Participant | None:
        """"Israel struck Hezbollah targets after THE GROUP fired rockets": a definite "the
        group" ("the movement", "the militia") is the organisation named last before it, in
        this sentence or the one before."""
        det = child(tok, "det")
        if det is None or det.lower_ != "the":
            return None
        start = max(tok.sent.start - 60, 0)
        for i in range(tok.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.tag_ not in ("NNP", "NNPS"):
                continue
            e = self.entity_at(t)
            if e is not None and e.type in ("ORG", "GROUP") and not (
                    e.type == "GROUP" and _nation_of(e) is not None):
                return Participant(e.name, e.id, e.type)
        return None

    def description(self, head: Token) -> Participant:
        if head.tag_ in ("NNP", "NNPS"):
            mods = [t for t in head.subtree if t.i < head.i and t.dep_ == "compound"
                    and all(a.dep_ == "compound" for a in _path_up(t, head))]
        else:
            # with what hangs on the modifiers: "Al-Qaeda-linked militants", "anti-war
            # demonstrators"
            mods = [t for c in head.children
                    if c.dep_ in _DESCRIPTION_DEPS and c.i < head.i and not c.like_num
                    and c.tag_ not in ("DT", "PRP$", "POS")
                    for t in c.subtree
                    if not t.like_num and t.tag_ not in ("DT", "PRP$", "POS", "CD", ",")]
        # a dateline is no part of a name: "ROTTERDAM - Thousands of dockworkers"; nor is a
        # heading the parser ran into the paragraph
        mods = [t for t in mods if not (t.is_upper and len(t) > 2) and not t.is_space
                and (self.tree is None or self.tree.same_paragraph(t, head))]
        words = sorted({t.i: t for t in [*mods, head]}.values(), key=lambda t: t.i)
        text = "".join(t.text + ("" if nxt.i == t.i + 1 and not t.whitespace_ else " ")
                       for t, nxt in itertools.pairwise(words)) + head.text
        return Participant(text, None, "DESCRIPTION")

    def participants(self, heads: list[Token], people: bool = False) -> list[Participant]:
        """Each head and what is coordinated with it, resolved and deduplicated. With `people`,
        groups of people count as descriptions too ("arrested two JOURNALISTS")."""
        out: list[Participant] = []
        for h in heads:
            pair = self.pair_antecedent(h)
            if pair:
                out += [p for p in pair if all(p.key != q.key for q in out)]
                continue
            for t in self.coordinated(h):
                p = self.participant(t)
                if p is None and people:
                    p = self.people(t)
                if p is not None and all(p.key != q.key for q in out):
                    out.append(p)
        return out

    def coordinated(self, head: Token) -> list[Token]:
        """Conjuncts, plus list members the parser hung as appositions ("the United States,
        Australia, and the EU")."""
        out = self.tree.conjuncts(head) if self.tree is not None else conjuncts(head)
        if self.entity_at(head) is not None:
            for a in children(head, "appos"):
                if self.entity_at(a) is not None:
                    out += [t for t in conjuncts(a) if t not in out]  # rare
        return out

    # ---- pronouns ---------------------------------------------------------------------------

    def pronoun(self, tok: Token, depth: int = 0) -> Participant | None:
        """The antecedent of a personal pronoun: a subject higher in the same sentence ("the
        United Kingdom announced IT was considering"), else the previous sentence's subject."""
        kind = _PRONOUN_KIND[tok.lower_]
        if tok.tag_ == "PRP$" and kind != "we":
            near = self._nearest_before(tok, kind)
            if near is not None:
                return near
        cur = tok
        for _ in range(10):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if not is_verb(cur):
                continue
            subj = gram_subject(cur, self.grammar) if kind != "we" else self._speaker(cur)
            if subj is None or subj.lower_ in _PRONOUN_KIND or subj.i == tok.i:
                continue
            p = self._antecedent(subj, depth)
            if p is not None and _compatible(kind, p, subj):
                return p
        found = self._clause_before(tok, kind, depth)
        if found is not None:
            return found
        return self._previous_subject(tok, kind, depth)

    def _clause_before(self, tok: Token, kind: str, depth: int) -> Participant | None:
        """"While CHINA needs and wants to buy soybeans, IT has balked": the subject of a
        clause that opens the pronoun's own clause."""
        cur = tok.head
        for _ in range(4):
            if is_verb(cur):
                for c in self.kids(cur):
                    if c.dep_ != "advcl" or c.i > tok.i:
                        continue
                    subj = gram_subject(c, self.grammar)
                    if subj is not None and subj.lower_ not in _PRONOUN_KIND:
                        p = self.participant(subj, depth + 1)
                        if p is not None and _compatible(kind, p, subj):
                            return p
                return None
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _nearest_before(self, tok: Token, kind: str) -> Participant | None:
        """A possessive refers to the closest name before it in its sentence ("sanctions on
        Iran over ITS drone deliveries", "Russia has amassed troops close to ITS border")."""
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            t = self.doc[i]
            if kind == "he" and t.tag_ == "NN" and t.dep_ in ("poss", "nsubj") and \
                    self.is_actor_noun(t):
                # "the PRESIDENT's behavior, as shown by HIS departure": a title stands for its
                # holder
                found = self.participant(t)
                if found is not None:
                    return found
            if t.dep_ == "compound" or t.tag_ not in ("NNP", "NNPS"):
                continue
            e = self.entity_at(t)
            if e is not None:
                p = self.of_entity(e)
                if _compatible(kind, p, t):
                    return p
        return None

    def _speaker(self, verb: Token) -> Token | None:
        if lemma(verb) in self.grammar.report_verbs:
            return gram_subject(verb, self.grammar)
        return None

    def _antecedent(self, subj: Token, depth: int) -> Participant | None:
        if subj.lower_ in _PRONOUN_KIND:
            return None
        return self.participant(subj, depth + 1)

    def _previous_subject(self, tok: Token, kind: str, depth: int) -> Participant | None:
        """The subject of the sentence before. "He" and "she" may reach one sentence further,
        to a person, and through a "he" that opens the sentence before ("Carlineo faces ten
        years. Sentencing is set for Feb. 14. \n\n He was arrested in April. \n\n During the
        call, HE ..."): wire copy runs one short paragraph into the next."""
        sent = tok.sent
        reach = _PREVIOUS_SENTENCES + (1 if kind == "he" else 0)
        for k in range(reach):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            crossed = paragraph_break(self.doc, sent.end - 2, tok.sent.start + 1)
            if crossed and kind != "he":
                return None  # antecedents do not cross paragraphs, except "he" and "she"
            for subj in self._sentence_subjects(sent.root):
                if subj.lower_ in _PRONOUN_KIND:
                    if kind == "he" and _PRONOUN_KIND[subj.lower_] == "he" and depth < 3:
                        return self.pronoun(subj, depth + 1)  # the same "he", a sentence up
                    continue
                p = self.participant(subj, depth + 1)
                person = p is not None and (p.type == "PERSON" or subj.ent_type_ == "PERSON")
                if p is not None and _compatible(kind, p, subj) and (
                        (not crossed and k == 0) or person):
                    return p
        return None

    def _sentence_subjects(self, root: Token) -> list[Token]:
        """The subject of a sentence, then, when it reports, the subject of what it reports
        ("CARLINEO is a convicted felon, prosecutors said")."""
        if not is_verb(root):
            return []
        subj = gram_subject(root, self.grammar)
        out = [subj] if subj is not None else []
        if lemma(root) in self.grammar.report_verbs:
            for c in self.kids(root):
                if c.dep_ in ("ccomp", "parataxis") and is_verb(c):
                    inner = gram_subject(c, self.grammar)
                    if inner is not None:
                        out.insert(0, inner) if c.i < root.i else out.append(inner)
        return out

    # ---- places -----------------------------------------------------------------------------

    def places(self, heads: list[Token], exclude: frozenset[str] = frozenset()
               ) -> list[Participant]:
        """The places named in phrases headed by `heads`: each head's coordinated members, and
        for a common noun the nearest place inside it ("their base in the United Kingdom",
        "its border with Ukraine"), or the place "the country" refers back to."""
        out: list[Participant] = []
        for h in heads:
            for t in self.coordinated(h):
                p = self._place_in(t)
                if p is None and self._is_place_anaphor(t):
                    p = self._place_antecedent(t, exclude)
                if p is not None and all(p.key != q.key for q in out):
                    out.append(p)
        return out

    def _is_place_anaphor(self, tok: Token) -> bool:
        det = child(tok, "det")
        return (tok.tag_ == "NN" and lemma(tok) in self.grammar.place_anaphors
                and det is not None and det.lower_ in ("the", "that", "this"))

    def _place_antecedent(self, tok: Token, exclude: frozenset[str]) -> Participant | None:
        """The last place named as a location ("in Belarus", "to Estonia") in this or the
        previous two sentences, other than the event's own actor."""
        sent = tok.sent
        start = sent.start
        for _ in range(2):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        for i in range(tok.i - 1, start - 1, -1):
            t = self.doc[i]
            if t.dep_ != "pobj" or t.head.lower_ not in ("in", "into", "to", "inside"):
                continue
            e = self.any_entity_at(t)
            if e is not None and e.type == "PLACE":
                p = Participant(e.name, e.id, e.type)
                if p.key not in exclude:
                    return p
        return None

    def _place_in(self, tok: Token) -> Participant | None:
        queue = deque([tok])
        seen = 0
        while queue and seen < 24:
            cur = queue.popleft()
            seen += 1
            e = self.any_entity_at(cur)
            if e is not None and e.type == "PLACE":
                return Participant(e.name, e.id, e.type)
            queue.extend(c for c in self.kids(cur) if c.dep_ not in ("relcl", "acl", "conj"))
        return None

    def location_heads(self, tok: Token, which: str, trigger: Token | None = None
                       ) -> list[Token]:
        """Objects of destination ("to", "in", "close to") or origin ("from") phrases on tok
        (leaving out the trigger itself: "remain ON ALERT" names no place)."""
        preps = self.grammar.destination_preps if which == "loc" else self.grammar.origin_preps
        kids = self.kids(tok)
        out = [t for t in prep_objects(tok, preps, kids) if trigger is None or t.i != trigger.i]
        for c in kids:
            if c.dep_ in ("advmod", "amod") and lemma(c) in self.grammar.locative_heads:
                for p in children(c, "prep"):
                    if prep_key(p) in preps or f"{c.lower_} {p.lower_}" in preps:
                        out += prep_object(p)
        return out

    def same_party(self, a: Participant, b: Participant) -> bool:
        """Whether two participants are one side: the same entity, or one belongs to the other
        ("police" and "a police spokesman")."""
        if a.key == b.key:
            return True
        if a.type == "DESCRIPTION" and b.type == "DESCRIPTION":
            wa, wb = a.name.lower().split(), b.name.lower().split()
            return wa[-1] in wb or wb[-1] in wa
        ea = self.entities.get(a.id)
        eb = self.entities.get(b.id)
        if ea is None or eb is None:
            return False
        return bool(ea.affiliation == eb.id or eb.affiliation == ea.id
                    or (ea.affiliation and ea.affiliation == eb.affiliation))



def _nation_of(e: Entity) -> str | None:
    """The country whose nationality a GROUP entity is ("Russian", "Israelis" -> its
    country), not a people that lives in one ("Rohingya") nor a party ("Democrats")."""
    if not e.country:
        return None
    c = countries().get(e.country)
    if c is None:
        return None
    demonyms = _demonyms(c.iso)
    for name in (e.name, *e.aliases):
        key = fold(name)
        if key in demonyms or (key.endswith("s") and key[:-1] in demonyms):
            return c.name
    return None


@functools.cache
def _demonyms(iso: str) -> frozenset[str]:
    return frozenset(fold(d) for d in countries()[iso].demonyms)


def is_country(e: Entity) -> bool:
    """Whether a place entity is a state ("Russia", "Hong Kong"), not a place in one
    ("California", "Dubai"): a state acts through its officials and organs, a province or a
    city is only where they sit."""
    if e.type != "PLACE" or not e.country:
        return False
    c = countries().get(e.country)
    if c is None:
        return False
    if e.geonames_id is not None and e.geonames_id == c.geonameid:
        return True
    names = _country_names(c.iso)
    return any(fold(n) in names for n in (e.name, *e.aliases))


@functools.cache
def _country_names(iso: str) -> frozenset[str]:
    c = countries()[iso]
    return frozenset({fold(c.name), fold(c.geonames_name), fold(c.iso)})


def _path_up(tok: Token, top: Token) -> list[Token]:
    """tok and its ancestors below top."""
    out = []
    while tok.i != top.i and tok.head.i != tok.i:
        out.append(tok)
        tok = tok.head
    return out


def paragraph_break(doc: Doc, start: int, end: int) -> bool:
    """Whether a blank line separates tokens start..end (paragraphs are joined by one)."""
    for k in range(max(start, 0), min(end, len(doc))):
        t = doc[k]
        if "\n\n" in t.whitespace_ or (t.is_space and "\n\n" in t.text):
            return True
    return False


def _compatible(kind: str, p: Participant, tok: Token) -> bool:
    if kind == "we":
        return True
    if kind == "he":
        # a person, or a singular office named by its holder ("the Dutch labour MINISTER")
        return p.type == "PERSON" or (tok.tag_ == "NN" and p.type in ("DESCRIPTION", "GROUP",
                                                                      "PLACE", "ORG"))
    if kind == "it":
        return p.type in ("ORG", "PLACE") or (p.type == "DESCRIPTION" and tok.tag_ == "NN")
    return p.type != "PERSON"  # they








def sentence_span(sent: Span) -> tuple[int, int]:
    """The sentence's characters without surrounding whitespace."""
    doc = sent.doc
    start, end = sent.start, sent.end - 1
    while start <= end and doc[start].is_space:
        start += 1
    while end >= start and doc[end].is_space:
        end -= 1
    if start > end:
        return sent.start_char, sent.start_char
    last = doc[end]
    return doc[start].idx, last.idx + len(last.text)

