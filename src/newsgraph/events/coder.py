"""PLOVER event coding over the dependency parse.

For each sentence: 1. find trigger predicates (triggers.py, against the lexicon data);
2. settle triggers nested in other triggers' complements (what is requested, threatened or
denied is not coded on its own; what someone is accused of is coded as claimed); 3. fill each
event's roles from its frame (arguments.py) and its status (status.py); 4. keep only events that
can be explained by the sentence (an actor, or for troop movements a count or a destination).
Last, across the article, drop events that a more informative event of the same type and actor
already covers (a repeated lead paragraph, "Russia's buildup" next to "Russia has amassed
100,000 troops close to its border with Ukraine").
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from newsgraph.events.arguments import Participant, Resolver, sentence_span
from newsgraph.events.lexicon import Lexicon, TypeSpec, default_lexicon
from newsgraph.events.status import Modality, modality, plainly_negated
from newsgraph.events.syntax import (
    Tree,
    child,
    children,
    gram_subject,
    is_noun,
    is_passive,
    is_verb,
    prep_objects,
    sentence_is_question,
    subtree_without,
)
from newsgraph.events.triggers import Match, Matcher
from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import DateRef, Event, EventQuantity, EventStatus, Quantity

log = logging.getLogger(__name__)

#: How many tokens of a clause the mode is looked for in: enough for "fired tear gas and
#: rubber bullets at protesters", bounded for long sentences (the mode words sit close to the
#: trigger).
_MODE_SCOPE = 40

#: Links from a trigger to a dependent that make the dependent's event part of its content.
_CLAUSAL_CONTENT = frozenset({"xcomp", "ccomp", "pcomp"})
_NOMINAL_CONTENT = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "dative", "nsubjpass",
                              "acl", "appos", "conj_noun"})


@dataclass(slots=True)
class Draft:
    """An event being built: the match, its roles, and what the checks need."""

    match: Match
    type: str
    mode: str | None
    actors: list[Participant] = field(default_factory=list)
    recipients: list[Participant] = field(default_factory=list)
    theme: list[Token] = field(default_factory=list)
    destinations: list[Participant] = field(default_factory=list)
    origins: list[Participant] = field(default_factory=list)
    quantity: Quantity | None = None
    status: EventStatus = "occurred"
    forced_status: EventStatus | None = None
    own_actor: bool = False  # found in the trigger's own slots, not inherited or implied
    dropped: bool = False
    date: str | None = None
    modality: Modality | None = None
    decided: bool = False  # agreed or decided on by its actor: announced, whatever its tense
    doomed: bool = False  # no actor to be had: kept only to apply its content policy

    @property
    def actor_key(self) -> str | None:
        return self.actors[0].key if self.actors else None


def code_events(
    doc: Doc,
    entities: EntityIndex,
    quantities: list[Quantity],
    dates: list[DateRef],
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """The PLOVER events of a parsed article, in text order."""
    lex = lexicon or default_lexicon()
    coder = _Coder(doc, entities, quantities, dates, lex)
    events: list[tuple[Draft, Span]] = []
    for sent, candidates in coder.candidate_sentences():
        try:
            events += [(d, sent) for d in coder.sentence(sent, candidates)]
        except Exception:
            log.warning("event coding failed on a sentence at %d", sent.start_char,
                        exc_info=True)
    kept = {id(d) for d in _deduplicate(_drop_retold([d for d, _ in events],
                                                      lex.grammar.retold_acts))}
    return [coder.to_event(d, s) for d, s in events if id(d) in kept]


class _Coder:
    def __init__(self, doc: Doc, entities: EntityIndex, quantities: list[Quantity],
                 dates: list[DateRef], lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.grammar = lex.grammar
        self.tree = Tree(doc)
        self.res = Resolver(doc, entities, lex, self.tree)
        self.matcher = Matcher(lex, self.res, self.tree)
        self.quantities = sorted(quantities, key=lambda q: q.span)
        self._sent_cache: tuple[int, str, tuple[int, int]] = (-1, "", (0, 0))
        self.dates = sorted(dates, key=lambda d: d.span)
        self._word_classes: dict[int, frozenset[str]] = {}  # token -> its word classes

    # ---- 1.-4. one sentence -----------------------------------------------------------------

    def candidate_sentences(self) -> list[tuple[Span, list[Token]]]:
        """Sentences that hold a possible trigger, with those tokens (one pass over the Doc)."""
        out: list[tuple[Span, list[Token]]] = []
        doc = self.doc
        n = len(doc)
        if not n:
            return out
        # tags, sentence starts and letters come as arrays (Tree.rows); Token objects are made
        # only for verbs and nouns, the only parts of speech that trigger
        rows = self.tree.rows
        tags = rows[:, 1]
        strings = doc.vocab.strings
        open_tags = [t for t in numpy.unique(tags).tolist()
                     if strings[t].startswith(("VB", "NN"))]
        candidates = numpy.flatnonzero(numpy.isin(tags, open_tags)).tolist()
        bounds = [i for i in numpy.flatnonzero(rows[:, 2] == 1).tolist() if i > 0]
        bounds = [0, *bounds, n]
        alpha = rows[:, 3] == 1
        words = numpy.concatenate(([0], numpy.cumsum(alpha))).tolist()
        foreign = numpy.concatenate(([0], numpy.cumsum(alpha & (rows[:, 4] == 0)))).tolist()
        k = 0
        found: list[Token] = []
        for i in candidates:
            while i >= bounds[k + 1]:
                self._keep(out, bounds[k], bounds[k + 1], found, words, foreign)
                k, found = k + 1, []
            tok = doc[i]
            if self.matcher.candidates(tok):
                found.append(tok)
        self._keep(out, bounds[k], bounds[k + 1], found, words, foreign)
        return out

    def _keep(self, out: list[tuple[Span, list[Token]]], start: int, end: int,
              found: list[Token], words: list[int], foreign: list[int]) -> None:
        if found and not _foreign(words[end] - words[start], foreign[end] - foreign[start]):
            out.append((self.doc[start:end], found))

    def sentence(self, sent: Span, candidates: list[Token]) -> list[Draft]:
        if sentence_is_question(list(sent[-4:])):
            return []
        # judgment entries need a judging word ("illegal", "a sham") in the sentence
        self.matcher.judging = not self.lex.judgment_forms.isdisjoint(
            self.tree.rows[sent.start:sent.end, 5].tolist())
        matches = self.matcher.triggers(candidates)
        if not matches:
            return []
        drafts = [self.draft(m) for m in matches]
        for d in drafts:
            # a negated or hypothetical trigger is no event and governs nothing: "has not
            # RULED OUT deploying soldiers" leaves the deployment, as considered
            d.modality = modality(d.match, self.grammar, self.tree)
            d.dropped = d.modality.status is None
            negated_type = d.match.entry.when_negated
            if d.dropped and negated_type is not None and \
                    plainly_negated(d.match, self.grammar, self.tree):
                # "CBP did not ACCEPT the offer" refuses it
                d.type, d.mode, d.dropped = negated_type, None, False
                d.modality = Modality("occurred", d.modality.reporter, d.modality.report_verb)
        drafts = [self.filled(d) if not d.dropped else d for d in drafts]
        self.settle_content([d for d in drafts if not d.dropped])
        live = [d for d in drafts if not d.dropped and not d.doomed]
        for d in live:
            self.finish(d)
        self.merge_results(live)
        self.inherit_actors(live)
        out = [d for d in live if not d.dropped and self.explainable(d)]
        return _deduplicate(out)

    def draft(self, m: Match) -> Draft:
        return Draft(match=m, type=m.entry.type, mode=m.entry.mode)

    def filled(self, d: Draft) -> Draft:
        """Fill the roles; when an entry's required role stays empty, the token's next entry
        gets its turn ("sent batteries to the region" is no AID without a recipient)."""
        skip: set[int] = set()
        for _ in range(4):
            self.fill(d)
            missing = [r for r in d.match.entry.requires if not self._role_filled(d, r)]
            if not missing:
                return d
            skip.add(id(d.match.entry))
            m = self.matcher.match(d.match.token, frozenset(skip))
            if m is None:
                d.dropped = True
                return d
            d = Draft(match=m, type=m.entry.type, mode=m.entry.mode,
                      forced_status=d.forced_status, modality=d.modality)
        return d

    def _role_filled(self, d: Draft, role: str) -> bool:
        if role == "location":  # a place phrase, named or not: "closer to the border"
            return bool(d.destinations) or bool(self.slot_tokens(d.match, "loc"))
        return bool({"actor": d.actors, "recipient": d.recipients, "theme": d.theme,
                     "partner": d.actors[1:], "destination": d.destinations,
                     "origin": d.origins}[role])

    def settle_content(self, drafts: list[Draft]) -> None:
        """Apply each trigger's content policy to the triggers in its complement."""
        topics = self.grammar.topic_preps
        for outer in drafts:
            if outer.dropped:
                continue
            om = outer.match
            gov = om.governor if om.pos == "noun" and om.light else None
            for inner in drafts:
                if inner is outer or inner.dropped:
                    continue
                link = _content_link(om.token, inner.match.token, topics)
                if link is None and gov is not None and inner.match.token.i != gov.i and \
                        _content_link(gov, inner.match.token, topics) == "clausal":
                    # "issued a WARNING to residents to LEAVE": the infinitive on the light
                    # verb is what the noun says
                    link = "clausal"
                if link is None:
                    continue
                self._apply_policy(outer, inner, link)

    def merge_results(self, drafts: list[Draft]) -> None:
        """"Militants ambushed a convoy, KILLING 17 soldiers": a participle that tells the
        result of an act of the same type is that act; its count and victims join it."""
        by_token = {d.match.token.i: d for d in drafts}
        for d in drafts:
            tok = d.match.token
            if d.match.pos != "verb" or tok.dep_ != "advcl" or tok.tag_ != "VBG" or \
                    self.tree.child(tok, "nsubj", "nsubjpass", "mark") is not None:
                continue
            host = by_token.get(tok.head.i)
            if host is None or host.type != d.type or host.dropped:
                continue
            d.dropped = True
            if host.quantity is None:
                host.quantity = d.quantity
            if not host.recipients:
                host.recipients = d.recipients

    def _apply_policy(self, outer: Draft, inner: Draft, link: str) -> None:
        entry = outer.match.entry
        spec = self.lex.types[outer.type]
        retype = entry.content_types.get(inner.type) \
            if link == "clausal" and _complement_verb(outer.match.token, inner.match.token) \
            else None
        if retype == "inner":
            # "agreed to forgive the debt": the act itself, as decided
            outer.dropped = True
            inner.decided = True
            return
        if retype is not None:
            outer.type = retype
            outer.mode = None
            inner.dropped = True
            return
        if link == "topic":
            inner.dropped = True
            return
        if inner.match.pos == "verb" and link == "clausal":
            policy = entry.content or spec.content
        else:
            policy = entry.nominal_content or spec.nominal_content
        if policy == "drop" or (policy == "same" and inner.type == outer.type):
            if outer.doomed and not inner.doomed and inner.type == outer.type:
                # "The Swedish INVESTIGATION ... was RE-OPENED": an act nobody is named for
                # will not be coded, so the same act inside it, which names its actor, stands
                # (an act of another type inside stays its content: "calls for a troop
                # presence" requests it, whoever calls)
                return
            inner.dropped = True
            if not outer.recipients and link == "clausal":
                # "threatened to kill the congresswoman": whom the threat is about
                keys = {a.key for a in outer.actors}
                outer.recipients = [r for r in inner.recipients if r.key not in keys]
        elif policy == "claimed":
            inner.forced_status = "claimed"

    # ---- roles ------------------------------------------------------------------------------

    def fill(self, d: Draft) -> None:
        m = d.match
        roles = m.entry.roles
        spec = self.lex.types[d.type]
        d.actors, actor_slot = self.first_participants_in(m, roles.get("actor", ()),
                                                          people=spec.people_actors)
        if not d.actors and spec.people_actors and m.agent is not None and \
                m.agent.tag_ == "NNS" and not self.res.is_place_noun(m.agent) and \
                lemma(m.agent) not in self.grammar.quantifier_heads:
            # "health care PROVIDERS have protested": a group the word lists do not know is
            # still the one who protests, not an implied "protesters"
            d.actors = [self.res.description(m.agent)]
        d.own_actor = bool(d.actors)
        if self._doomed(d):
            d.doomed = True  # kept only for the content of others; no need for its roles
            return
        partners = self.all_participants(m, roles.get("partner", ()))
        if partners and not d.actors and m.pos == "verb" and m.agent is not None:
            # a subject that names no one: "requiring employees to sign ... after REACHING a
            # settlement with the attorney general" (the parser gave it the employees); the
            # other side alone did not act
            d.doomed = True
            return
        d.recipients = self.first_participants(m, roles.get("recipient", ()), people=True)
        d.theme = self.first_tokens(m, roles.get("theme", ()))
        own = frozenset(a.key for a in d.actors)
        d.destinations = self.first_places(m, roles.get("destination", ()), own)
        d.origins = self.first_places(m, roles.get("origin", ()), own)
        if not d.destinations and roles.get("destination") and m.pos == "verb" and \
                m.token.dep_ == "advcl" and is_verb(m.token.head):
            # "took to the streets of Paris to protest": the place is on the governing verb
            d.destinations = self.res.places(self.res.location_heads(m.token.head, "loc"))
        actor_keys = {a.key for a in d.actors}
        for p in partners:
            if p.key not in actor_keys:
                d.actors.append(p)
                actor_keys.add(p.key)
        to_self = [r for r in d.recipients if r.key in actor_keys]
        d.recipients = [r for r in d.recipients if r.key not in actor_keys]
        if to_self and not d.recipients and spec.foreign_recipient:
            d.doomed = True  # "the subsidies that China gives to its industry"
            return
        place_keys = {p.key for p in d.destinations}
        d.origins = [o for o in d.origins if o.key not in place_keys]
        d.quantity = self.quantity_in(d.theme or self.first_tokens(m, ("obj",)))
        if d.quantity is None and spec.theme_is_actor and m.pos == "noun" and m.light and \
                m.governor is not None:
            # "some 3,000 Chinese troops TOOK PART in drills": the force is the subject
            subj = gram_subject(m.governor, self.grammar)
            if subj is not None and self.lex.in_class(lemma(subj), "personnel"):
                d.quantity = self.quantity_in([subj])
        if spec.theme_is_actor:
            if actor_slot in ("gov_subj", "gov_agent"):
                self._reported_force(d)
            self._actor_from_theme(d)

    def _reported_force(self, d: Draft) -> None:
        """"The deployment of NORTH KOREAN troops was confirmed by Seoul": whose force it is acts;
        the one who announces another side's move only reports it."""
        for t in d.theme:
            p = self.res.participant(t)
            if p is None or p.type == "DESCRIPTION" or \
                    (p.type == "PLACE" and self.res.entity_at(t) is not None):
                continue
            if not self.res.same_party(p, d.actors[0]):
                d.actors = [p]
                d.forced_status = "claimed"
            return

    def finish(self, d: Draft) -> None:
        """Status, mode and date, once content policies have been applied."""
        m = d.match
        spec = self.lex.types[d.type]
        mod = self.modality(d)
        if mod is None:
            d.dropped = True
            return
        d.status = mod
        if d.mode is None:
            d.mode = self.mode_of(d, spec)
        self._future(d)
        d.date = self.date_of(m)

    def _doomed(self, d: Draft) -> bool:
        """An event without an actor that nothing can give it one will not be coded."""
        e = d.match.entry
        if d.actors or e.requires or e.roles.get("partner") or self._agentless(d.match):
            return False
        spec = self.lex.types[d.type]
        if spec.actorless or spec.theme_is_actor or spec.implicit_actor:
            return False
        return _with_host(d.match.token) is None

    def _actor_from_theme(self, d: Draft) -> None:
        """A force that moves acts for its owner: "the People's Liberation Army could be
        deployed" -> the PLA; "8,500 troops in the United States" -> whose the troops are."""
        if d.actors and d.actors[0].type != "DESCRIPTION":
            return
        for t in d.theme:
            p = self.res.participant(t)
            if p is None or p.type == "DESCRIPTION":
                continue
            if p.type == "PLACE" and self.res.entity_at(t) is not None:
                continue  # the theme is a place, not a force
            d.actors = [p]
            return
        if d.quantity is not None and d.quantity.subject_id:
            e = self.res.entities.get(d.quantity.subject_id)
            if e is not None:
                d.actors = [self.res.of_entity(e)]

    def modality(self, d: Draft) -> EventStatus | None:
        mod = d.modality if d.modality is not None else \
            modality(d.match, self.grammar, self.tree)
        if mod.status is None:
            return None
        status: EventStatus = mod.status
        if d.decided and status in ("occurred", "planned"):
            return "announced"
        if d.forced_status == "claimed":
            return "claimed" if status == "occurred" else status
        if d.forced_status is not None and status == "occurred":
            return d.forced_status
        if mod.reporter is not None and status in ("occurred", "announced"):
            speaker = self.res.participant(mod.reporter)
            if speaker is not None and d.actors and not self.res.same_party(speaker, d.actors[0]):
                return "claimed"
            if speaker is not None and mod.report_verb is not None and \
                    lemma(mod.report_verb) in self.grammar.status.get("announced_governors", ()):
                return "announced"
        return status

    def _future(self, d: Draft) -> None:
        """Planned cooperation is AGREE, a planned retreat CONCEDE (codebook)."""
        if d.status != "planned":
            return
        future = self.lex.types[d.type].future
        if future is not None:
            d.type = future
            if d.mode not in self.lex.types[future].modes:
                d.mode = None

    def mode_of(self, d: Draft, spec: TypeSpec) -> str | None:
        if not spec.mode_by_class:
            return None
        m = d.match
        theme_words = list(itertools.islice((t for h in d.theme for t in h.subtree),
                                            _MODE_SCOPE))
        skip = [m.agent] if m.agent is not None else []
        clause = list(itertools.islice(subtree_without(m.token, *skip), _MODE_SCOPE))
        if m.governor is not None and m.light:
            clause += itertools.islice((t for c in self.tree.kids(m.governor)
                                        if c.dep_ in ("dobj", "prep") for t in c.subtree),
                                       _MODE_SCOPE)
        # the theme's words, then the clause's, then the quantities stage's kind of the counted
        # thing (personnel, aircraft, money...) as the last resort
        kind = {d.quantity.kind} if d.quantity is not None else set()
        for classes in (self._classes(theme_words), self._classes(clause), kind):
            for cls, mode in spec.mode_by_class:
                if cls in classes:
                    return mode
        return None

    def _classes(self, tokens: list[Token]) -> set[str]:
        classes: set[str] = set()
        memo = self._word_classes
        for t in tokens:
            found = memo.get(t.i)
            if found is None:
                lem, low = self.matcher.words(t)
                wc = self.lex.word_classes
                found = wc.get(low, frozenset()) | wc.get(lem, frozenset())
                if "-" in low:
                    found |= {c for c in self.lex.patterns if self.lex.in_class(low, c)}
                memo[t.i] = found
            classes |= found
        return classes

    # ---- slots ------------------------------------------------------------------------------

    def slot_tokens(self, m: Match, slot: str) -> list[Token]:
        kind, _, arg = slot.partition(":")
        tok = m.token
        gov = m.governor if m.light else None
        if kind == "prep":
            hosts = [tok] + ([m.patient] if m.patient is not None else []) + \
                ([gov] if gov is not None else [])
            if m.pos == "verb":  # "is critical OF the decision": on the adjective
                hosts += [c for c in self.tree.kids(tok) if c.dep_ == "acomp"]
            out: list[Token] = []
            for h in hosts:
                out += prep_objects(h, (arg,), self.tree.kids(h))
            return out
        if kind == "deep":
            skip = [m.agent] if m.agent is not None else []
            return [p for t in _nominal_subtree(tok, skip)
                    for p in prep_objects(t, (arg,), self.tree.kids(t))]
        if slot == "subj":
            return [m.agent] if m.agent is not None else []
        if slot == "obj":
            return [m.patient] if m.patient is not None else []
        if slot == "iobj":
            out = []
            for c in children(tok, "dative"):
                out += [c] if c.tag_ != "IN" else children(c, "pobj")
            if not out and m.pos == "verb" and is_passive(tok) and child(tok, "dobj") is not None:
                # "Gonzalez was granted asylum": the subject of a passive with an object
                s = gram_subject(tok, self.grammar)
                out = [s] if s is not None else []
            return out
        if slot == "acl_head":
            # "300 teachers PROTESTED", parsed as a participle on "teachers"
            return [tok.head] if tok.dep_ == "acl" and is_noun(tok.head) else []
        if slot == "ccomp_subj":
            cc = child(tok, "ccomp")
            s = gram_subject(cc, self.grammar) if cc is not None else None
            return [s] if s is not None else []
        if slot in ("loc", "from"):
            # the place can hang on the last of coordinated objects ("5,000 troops as well as
            # missiles and batteries in Belarus")
            hosts = [tok] + (self.tree.conjuncts(m.patient) if m.patient is not None else []) + \
                ([gov] if gov is not None else [])
            return [p for h in hosts for p in self.res.location_heads(h, slot, tok)]
        kids = self.tree.kids(tok)
        if slot == "poss":
            return [c for c in kids if c.dep_ == "poss"]
        if slot == "compound":
            return [c for c in kids if c.dep_ in ("compound", "amod", "nmod")
                    and c.i < tok.i and (self.res.modifier_entity(c) is not None)]
        if slot == "theme_mod":
            return [c for c in kids if c.dep_ in ("compound", "nmod") and c.i < tok.i
                    and self.res.modifier_entity(c) is None]
        if slot == "agent":
            out = []
            for p in kids:
                if p.dep_ in ("prep", "agent") and p.lower_ == "by":
                    out += [o for o in self.tree.kids(p) if o.dep_ == "pobj"]
                elif p.dep_ == "acl":
                    for a in self.tree.kids(p):
                        if a.dep_ == "agent":
                            out += [o for o in self.tree.kids(a) if o.dep_ == "pobj"]
            return out
        if slot == "gov_agent":
            # "PUT ITS FORCES on alert": the putter acts; "troops REMAIN on alert" has no agent
            g = m.governor
            if g is None or child(g, "dobj") is None:
                return []
            agent = gram_subject(g, self.grammar)
            return [agent] if agent is not None else []
        if slot in ("gov_subj", "gov_obj"):
            g = m.governor
            if g is None or not self._governs(m):
                return []
            if slot == "gov_subj":
                if m.gov_link == "nsubj":
                    return []
                agent = gram_subject(g, self.grammar) if not _passive_light(g) else None
                if agent is not None and agent.tag_ in ("WDT", "WP") and \
                        agent.head.dep_ == "relcl":
                    agent = agent.head.head
                if agent is None and _passive_light(g):
                    by = child(g, "agent")
                    agent = child(by, "pobj") if by is not None else None
                if m.entry.in_prep and m.gov_link == "prep" and agent is not None \
                        and child(g, "dobj") is None:
                    return [agent]
                return [agent] if agent is not None else []
            obj = child(g, "dobj")
            return [obj] if obj is not None and obj.i != tok.i else []
        if slot == "host_subj":
            return self._host_subject(m)
        if slot == "judged":
            judged, _, _ = self.matcher.judgment(tok)
            return [judged] if judged is not None else []
        if slot == "obj_owner":
            owners = []
            for h in ([m.patient] if m.patient is not None else []):
                owners += [c for c in h.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                           and self.res.modifier_entity(c) is not None]
            return owners
        return []

    def _host_subject(self, m: Match) -> list[Token]:
        """"Announced the deal DURING A MEETING with Liu He", "his departure FROM A MEETING
        with Kim": a meeting named with a partner, in an adjunct of another act, is that act's
        subject's (or the owner of the noun it hangs from)."""
        tok = m.token
        if m.governor is not None or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return []
        host = tok.head.head
        partners = self.slot_tokens(m, "deep:with")
        if not partners and is_noun(host):
            # "his departure from a meeting in Hanoi WITH Kim", the "with" hung on "departure"
            partners = prep_objects(host, ("with",), self.tree.kids(host))
        if not self.res.participants(partners):
            return []
        owner = self.tree.child(host, "poss") if is_noun(host) else None
        if owner is not None:
            return [owner]
        if is_noun(host) and host.dep_ in ("dobj", "attr") and is_verb(host.head):
            host = host.head  # "announced the accord DURING TALKS with X", hung on "accord"
        if is_verb(host):
            subj = gram_subject(host, self.grammar)
            return [subj] if subj is not None else []
        return []

    def _governs(self, m: Match) -> bool:
        g = m.governor
        if g is None:
            return False
        if m.entry.in_prep:
            return True
        return m.light and (lemma(g) in self.grammar.light_verbs or self._purpose(m))

    def _purpose(self, m: Match) -> bool:
        """"The emir flew to Tehran FOR TALKS", "crowds gathered FOR a rally": the event the
        subject goes to is the subject's own."""
        g = m.governor
        return g is not None and m.gov_link == "prep" and m.token.head.lower_ == "for" and \
            lemma(g) in self.grammar.purpose_verbs

    def first_participants(self, m: Match, slots: tuple[str, ...], people: bool = False
                           ) -> list[Participant]:
        return self.first_participants_in(m, slots, people)[0]

    def first_participants_in(self, m: Match, slots: tuple[str, ...], people: bool = False
                              ) -> tuple[list[Participant], str]:
        """The participants of the first slot that has any, and that slot."""
        for slot in slots:
            heads = self.slot_tokens(m, slot)
            found = self.res.participants(heads, people)
            if found:
                return found, slot
        return [], ""

    def all_participants(self, m: Match, slots: tuple[str, ...]) -> list[Participant]:
        out: list[Participant] = []
        for slot in slots:
            for p in self.res.participants(self.slot_tokens(m, slot)):
                if all(p.key != q.key for q in out):
                    out.append(p)
        return out

    def first_tokens(self, m: Match, slots: tuple[str, ...]) -> list[Token]:
        for slot in slots:
            heads = self.slot_tokens(m, slot)
            if heads:
                return [t for h in heads for t in self.tree.conjuncts(h)]
        return []

    def first_places(self, m: Match, slots: tuple[str, ...],
                     exclude: frozenset[str] = frozenset()) -> list[Participant]:
        for slot in slots:
            heads = self.slot_tokens(m, slot)
            places = self.res.places(heads, exclude) if slot in ("loc", "from") else [
                p for p in self.res.participants(heads) if p.type == "PLACE"]
            if places:
                return places
        return []

    # ---- quantity, date ---------------------------------------------------------------------

    def quantity_in(self, heads: list[Token]) -> Quantity | None:
        """The counted thing of the quantities stage inside the theme, nearest its head (not in
        a relative clause: "Lithuania, which has a population of 3 million, was occupied")."""
        best: tuple[int, Quantity] | None = None
        for h in heads:
            left = list(h.lefts)
            right = [c for c in h.rights if c.dep_ not in ("relcl", "acl", "appos", "punct")
                     and not (c.dep_ == "prep" and c.i > h.i + 1 and _has_verb(c))]
            start = left[0].left_edge.idx if left else h.idx
            last = right[-1].right_edge if right else h
            end = last.idx + len(last.text)
            for q in self.quantities:
                if q.span[0] >= end:
                    break
                if start <= q.span[0] and q.span[1] <= end:
                    dist = abs(q.span[0] - h.idx)
                    if best is None or dist < best[0]:
                        best = (dist, q)
        return best[1] if best else None

    def date_of(self, m: Match) -> str | None:
        """The resolved date closest to the trigger within its clause."""
        head = m.governor if m.governor is not None else m.token
        # up through infinitives, participles and conjuncts that share the clause's subject
        # ("Last week, the EU filed a case, ACCUSING Beijing"), not into another clause
        while head.dep_ in ("xcomp", "conj", "advcl") and head.head.i != head.i and \
                is_verb(head.head) and self.tree.child(head, "nsubj", "nsubjpass") is None:
            head = head.head
        start = head.left_edge.idx
        end = head.right_edge.idx + len(head.right_edge.text)
        best: tuple[int, str] | None = None
        for d in self.dates:
            if d.span[0] >= end:
                break
            if start <= d.span[0] and d.span[1] <= end and d.value:
                dist = abs(d.span[0] - m.token.idx)
                if best is None or dist < best[0]:
                    best = (dist, d.value)
        return best[1] if best else None

    # ---- actors implied by the sentence -----------------------------------------------------

    def inherit_actors(self, drafts: list[Draft]) -> None:
        """Events in a "with" clause that elaborates another event share its actor ("announced
        the deployment of 3,000 troops, with 1,000 troops being repositioned from Germany")."""
        for d in drafts:
            if d.actors or d.dropped:
                continue
            host = _with_host(d.match.token)
            if host is None:
                continue
            for other in drafts:
                if other is d or not other.actors:
                    continue
                om = other.match
                if om.token.i == host.i or (om.governor is not None and om.governor.i == host.i):
                    d.actors = list(other.actors)
                    break
        for d in drafts:
            spec = self.lex.types[d.type]
            if not d.actors and spec.implicit_actor and self._eventive(d.match):
                d.actors = [Participant(spec.implicit_actor, None, "DESCRIPTION")]

    def _eventive(self, m: Match) -> bool:
        """Whether a nominal trigger reports a happening ("protests ERUPTED", "STAGED a
        protest") rather than naming a topic ("following protests in 2020")."""
        if m.pos == "verb":
            return True
        g = m.governor
        if g is None:
            return False
        if m.entry.in_prep:
            return True  # a state the governing verb's subject is in: "remain ON ALERT"
        word = lemma(g)
        if m.gov_link == "nsubj":
            return word in self.grammar.progression_verbs
        return word in self.grammar.light_verbs or self._purpose(m)

    def explainable(self, d: Draft) -> bool:
        """Precision first: an event needs an actor, except troop movements that the sentence
        pins down by a count or (verbs) a destination; a nominal event needs its own actor or a
        governing verb that makes it a happening."""
        spec = self.lex.types[d.type]
        m = d.match
        if not d.actors:
            if self._agentless(m):
                return self._person_patient(d)
            if not spec.actorless:
                return False
            return d.quantity is not None or (m.pos == "verb" and bool(d.destinations))
        return not (m.pos == "noun" and not d.own_actor and not self._eventive(m))

    def _agentless(self, m: Match) -> bool:
        """A legal or coercive act in the passive with no agent: "he was ARRESTED in April",
        "was CONVICTED of fraud in 1998". Whoever did it, it happened to someone named; the
        actor stays null (the record has no name for the police or court)."""
        if m.entry.undergone:
            return m.pos == "verb"  # "he FACES charges": the subject suffers it, in any voice
        # a finite passive, not a participle that describes its noun ("detainees HELD under
        # the state of emergency" are the freed, not new arrests)
        return m.entry.agentless and m.pos == "verb" and m.agent is None and \
            self.tree.child(m.token, "auxpass") is not None

    def _person_patient(self, d: Draft) -> bool:
        """Whether the agentless act's patient is a person: a named one, a group of people
        ("two journalists were detained"), or a personal pronoun ("HE was arrested")."""
        if d.match.entry.undergone:
            # the subject itself is named: "the Kremlin critic faces charges" names no one
            # (or a proper name the entity stage let go: "WEBB still faces nine charges")
            p = d.match.agent
            return p is not None and (self.res.entity_at(p) is not None or (
                p.tag_ == "PRP" and p.lower_ in _PERSONAL_PRONOUNS) or (
                p.tag_ == "NNP" and self.res.participant(p) is not None))
        if any(r.id is not None for r in d.recipients):
            return True
        # no one named: "four people were arrested" is no event (codebook, "Required
        # entities"); "he", "she" are someone the story names
        p = d.match.patient
        return p is not None and p.tag_ == "PRP" and p.lower_ in _PERSONAL_PRONOUNS

    # ---- record -----------------------------------------------------------------------------

    def to_event(self, d: Draft, sent: Span) -> Event:
        base = sent.start_char
        if self._sent_cache[0] != base:
            self._sent_cache = (base, sent.text, sentence_span(sent))
        _, text, span = self._sent_cache
        start, end = _paragraph_clip(text, span, d.match.token.idx, base)
        q = d.quantity
        actor, recipient = _first(d.actors), _first(d.recipients)
        origin, dest = _first(d.origins), _first(d.destinations)
        return Event(
            type=d.type,
            mode=d.mode,
            actor=actor.name if actor else None,
            actor_id=actor.id if actor else None,
            recipient=recipient.name if recipient else None,
            quantity=EventQuantity(q.value, q.unit) if q is not None else None,
            origin=origin.name if origin else None,
            destination=dest.name if dest else None,
            date=d.date,
            status=d.status,
            sentence=text[start - base:end - base],
            span=(start, end),
            recipient_id=recipient.id if recipient else None,
            actors=[a.name for a in d.actors],
            recipients=[r.name for r in d.recipients],
            origins=[o.name for o in d.origins],
            destinations=[p.name for p in d.destinations],
            trigger=self._trigger_text(d.match),
        )

    def _trigger_text(self, m: Match) -> str:
        """The predicate word; for "is critical of", "have been reluctant to", the adjective."""
        tok = m.token
        if m.pos == "verb" and lemma(tok) in _COPULAS:
            adj = self.tree.child(tok, "acomp")
            if adj is not None:
                return adj.text
        return tok.text


#: Verbs whose adjective carries the predicate ("is CRITICAL of", "remain RELUCTANT to").
_COPULAS = frozenset({"be", "remain", "appear", "seem", "become", "grow", "stay"})

#: Subject pronouns that stand for people: the patient of an agentless arrest or conviction.
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})

#: The share of a sentence's words that may be written in other letters than ASCII for it to
#: be read as English: the lexicon is English, and in a Russian paragraph quoting the show title
#: "Chefs battle" the English words are a name, not predicates. (Accented names, "Erdoğan",
#: are one word in many.)
_FOREIGN_SHARE = 0.4


def _foreign(words: int, foreign: int) -> bool:
    return foreign > _FOREIGN_SHARE * words


def _paragraph_clip(text: str, span: tuple[int, int], at: int, base: int) -> tuple[int, int]:
    """The part of a parser sentence inside the trigger's paragraph (the parser can run a
    sentence across a paragraph break, a title into the first paragraph). `text` is the
    sentence's text, which starts at offset `base` of the article."""
    start, end = span[0] - base, span[1] - base
    at -= base
    brk = text.rfind("\n\n", start, at)
    if brk != -1:
        start = brk + 2
    brk = text.find("\n\n", at, end)
    if brk != -1:
        end = brk
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start + base, end + base


def _nominal_subtree(tok: Token, skip: list[Token]) -> list[Token]:
    """tok and the phrases under it, without nested clauses: where "deep:" slots look ("provides
    $150 million in military aid TO Lithuania")."""
    out = [tok]
    stack = [c for c in tok.children if c not in skip]
    while stack:
        cur = stack.pop()
        if is_verb(cur) or cur.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj"):
            continue
        out.append(cur)
        stack.extend(cur.children)
    return out


def _first(items: list[Participant]) -> Participant | None:
    return items[0] if items else None


def _has_verb(tok: Token) -> bool:
    return any(is_verb(t) for t in tok.subtree)


def _passive_light(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def _with_host(tok: Token) -> Token | None:
    """The head of the "with" phrase that a trigger elaborates, if any."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ == "with":
            return cur.head
        cur = cur.head
    return None


def _content_link(outer: Token, inner: Token, topic_preps: frozenset[str]) -> str | None:
    """"clausal" or "nominal" when `inner` sits in `outer`'s complement, else None.

    Walks up from inner to outer; the link into outer decides. Subjects, coordination,
    participial adjuncts and "with" elaborations are not complements.
    """
    cur = inner
    path: list[Token] = []
    for _ in range(12):
        if cur.head.i == cur.i:
            break
        path.append(cur)
        if cur.head.i == outer.i:
            break
        cur = cur.head
    else:
        return None
    if not path or path[-1].head.i != outer.i:
        return _copular_content(outer, inner)
    top = path[-1]
    if any((t.dep_ == "prep" and t.lower_ == "with" and _with_clause(t)) or t.dep_ == "relcl"
           for t in path):
        return None  # "with" elaborations and relative clauses are events of their own
    if any(t.dep_ == "prep" and t.lower_ in topic_preps for t in path):
        # "sanctions OVER its drone deliveries", "sentenced FOR organising a blockade": the
        # reason, not an event of its own
        return "topic"
    if top.dep_ in _CLAUSAL_CONTENT:
        return "clausal"
    if top.dep_ == "advcl":
        aux = child(top, "aux")
        return "clausal" if aux is not None and aux.lower_ == "to" else None
    if top.dep_ == "prep":
        inner_link = path[-2].dep_ if len(path) > 1 else ""
        return "clausal" if inner_link == "pcomp" else "nominal"
    if top.dep_ in _NOMINAL_CONTENT:
        return "nominal"
    return None


def _complement_verb(outer: Token, inner: Token) -> bool:
    """Whether inner is the verb of outer's complement (or a verb chained to it): "promised to
    RETALIATE", not "promised to cooperate with an investigation into the KILLINGS"."""
    cur = inner
    for _ in range(6):
        if not is_verb(cur) or cur.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "advcl"):
            return False
        head = cur.head.head if cur.dep_ == "pcomp" else cur.head
        if head.i == outer.i:
            return True
        cur = head
    return False


def _with_clause(prep: Token) -> bool:
    """ "WITH 1,000 troops being repositioned": a "with" that opens a clause of its own, not
    the partner of "cooperate with an investigation"."""
    for c in prep.children:
        if c.dep_ == "pcomp":
            return True
        if c.dep_ == "pobj" and any(is_verb(g) and g.dep_ in ("acl", "relcl")
                                    for g in c.children):
            return True
    return False


def _copular_content(outer: Token, inner: Token) -> str | None:
    """"Among the REQUESTS are a permanent troop DEPLOYMENT": a copula equates the two."""
    be = inner.head
    if inner.dep_ not in ("attr", "nsubj") or lemma(be) != "be":
        return None
    for c in be.children:
        if c.i == inner.i:
            continue
        if c.i == outer.i and c.dep_ in ("attr", "nsubj"):
            return "nominal"
        if c.dep_ == "prep" and any(p.i == outer.i for p in children(c, "pobj")):
            return "nominal"
    return None


def _separate_acts(a: Match, b: Match) -> bool:
    """Coordinated verbs, each with its own object: "condemned the attack and summoned the
    ambassador", "captured the town and executed soldiers" (not "deploy and station troops")."""
    if a.pos != "verb" or b.pos != "verb" or a.patient is None or b.patient is None or \
            a.patient.i == b.patient.i:
        return False
    x, y = a.token, b.token
    return (y.dep_ == "conj" and y.head.i == x.i) or (x.dep_ == "conj" and x.head.i == y.i) or \
        (x.dep_ == y.dep_ == "conj" and x.head.i == y.head.i)


def _richness(d: Draft) -> int:
    return (2 * (d.quantity is not None) + len(d.destinations) + len(d.origins)
            + len(d.recipients) + len(d.actors) + (d.date is not None))


def _subsumed(a: Draft, b: Draft) -> bool:
    """Whether b says everything a says (same type and actor, nothing of a's that b lacks)."""
    if a.type != b.type or a.actor_key is None or a.actor_key != b.actor_key:
        return False
    if a.date is not None and a.date != b.date:
        return False  # "a meeting last February in Hanoi" is not the one in the Oval Office
    if a.mode is not None and b.mode is not None and a.mode != b.mode:
        return False  # "imposed a curfew and shut down the internet": two acts
    if _separate_acts(a.match, b.match):
        return False
    if a.quantity is not None and (b.quantity is None or abs(a.quantity.value -
                                                            b.quantity.value) > 1e-9):
        return False
    a_dest = {p.key for p in a.destinations}
    b_dest = {p.key for p in b.destinations}
    if a_dest and not (a_dest <= b_dest or (a.quantity is None and a_dest & b_dest)):
        return False
    if a.origins and {p.key for p in a.origins} - {p.key for p in b.origins}:
        return False
    if {p.key for p in a.actors[1:]} - {p.key for p in b.actors}:
        return False  # "Biden arrived in Hanoi" does not say whom he met there
    return not (a.recipients and {p.key for p in a.recipients} -
                {p.key for p in b.recipients})


def _act_noun(d: Draft) -> str | None:
    """The noun that names the act: a nominal trigger, or a verb's object ("moved a MOTION")."""
    m = d.match
    if m.pos == "noun":
        return lemma(m.token)
    return lemma(m.patient) if m.patient is not None else None


def _drop_retold(drafts: list[Draft], act_nouns: frozenset[str]) -> list[Draft]:
    """Drop a retelling: a verb whose definite object is an act noun (grammar.toml
    `retold_acts`) that an earlier event of the same type already named ("raised THE MOTION"
    after "moved a motion")."""
    if not act_nouns:
        return drafts
    seen: set[tuple[str, str]] = set()
    out: list[Draft] = []
    for d in drafts:
        noun = _act_noun(d)
        if noun is None or noun not in act_nouns:
            out.append(d)
            continue
        p = d.match.patient
        det = child(p, "det") if d.match.pos == "verb" and p is not None else None
        if det is not None and det.lower_ in ("the", "this", "that") and \
                (d.type, noun) in seen:
            continue
        seen.add((d.type, noun))
        out.append(d)
    return out


def _deduplicate(drafts: list[Draft]) -> list[Draft]:
    """Drop each event that another, at least as informative, covers."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i, d in enumerate(drafts):
        groups.setdefault((d.type, d.actor_key), []).append(i)
    keep: list[Draft] = []
    for i, a in enumerate(drafts):
        covered = False
        for j in groups[(a.type, a.actor_key)]:
            b = drafts[j]
            if i == j or not _subsumed(a, b):
                continue
            if not _subsumed(b, a) or _richness(b) > _richness(a) or \
                    (_richness(b) == _richness(a) and j < i):
                covered = True
                break
        if not covered:
            keep.append(a)
    return keep
