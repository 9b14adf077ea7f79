"""Whether an event happened, is announced, planned, considered, requested, or only claimed.

The status comes from the words that scope over the trigger along its "control chain": the
trigger, the verb a nominal trigger hangs from, and the verbs that govern it through an
infinitive or gerund ("is SET to deploy" -> planned, "was CONSIDERING doubling its deployment"
-> considered, "ANNOUNCED the deployment" -> announced). The innermost word decides. Negation
anywhere on the chain ("were NOT permanent deployments", "FAILED to withdraw") and a
hypothetical clause anywhere above the trigger ("IF Russian forces were to cross") mean there is
no event to code. An event reported by someone other than its actor ("Thomas-Greenfield told
the Council that Russia had amassed ...") is "claimed"; the coder makes that comparison with the
reporter returned here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.lexicon import Grammar
from newsgraph.events.syntax import ADJECTIVE_TAGS, Tree, gram_subject, is_verb
from newsgraph.events.triggers import Match
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import EventStatus

#: Links along which a governing verb scopes over the trigger's event.
_CHAIN_DEPS = frozenset({"xcomp", "pcomp"})
#: Links up to a clause that reports, conditions or contains the trigger's clause.
_OUTER_DEPS = frozenset({"ccomp", "advcl", "conj", "relcl", "acl", "xcomp", "pcomp", "prep",
                         "parataxis", "dobj", "pobj", "attr", "nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Modality:
    status: EventStatus | None  # None: negated or hypothetical, not an event
    reporter: Token | None  # the subject of the verb of saying that reports the event
    report_verb: Token | None


def modality(m: Match, grammar: Grammar, tree: Tree | None = None) -> Modality:
    st = grammar.status
    tree = tree or Tree(m.token.doc)
    kids = tree.kids
    presupposed = _presupposed(m, grammar, tree)
    chain = [m.token] if presupposed else control_chain(m, grammar, tree)
    status: EventStatus | None = None
    if m.pos == "verb" and _negated_argument(m, st.get("negation_words", ()), tree):
        return Modality(None, None, None)  # "NO troops will be sent"
    if m.pos == "verb" and m.token.dep_ in ("acl", "relcl", "ccomp") and \
            _to_infinitive(m.token, tree) and \
            any(c.dep_ == "aux" and lemma(c) == "have" for c in tree.kids(m.token)):
        # "the only two Arab states TO HAVE SIGNED peace treaties": who they are, not news
        return Modality(None, None, None)
    pending = st.get("pending_words", ())
    causatives = st.get("causative_governors", ())
    at_cause: tuple[EventStatus | None] | None = None  # the status when a causative was met
    for i, v in enumerate(chain):
        if i > 0 and at_cause is None and lemma(v) in causatives and is_verb(v):
            at_cause = (status,)
        if i > 0 and lemma(v) in st.get("negating_governors", ()):
            if any(c.dep_ == "neg" for c in kids(v)):
                status = status or "considered"  # "has not RULED OUT deploying"
                continue
            return Modality(None, None, None)  # "FAILED to withdraw"
        for c in kids(v):
            low = c.lower_
            if i > 0 and c.dep_ == "advmod" and low in pending:
                return Modality(None, None, None)  # "have YET to agree"
            if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and
                                   low in st.get("negation_words", ())):
                return Modality(None, None, None)
            if c.dep_ == "mark" and low in st.get("hypothetical_marks", ()):
                return Modality(None, None, None)
            if c.dep_ == "aux" and status is None:
                if low in st.get("planned_aux", ()):
                    status = "planned"
                elif low in st.get("considered_aux", ()):
                    status = "considered"
                elif low in st.get("requested_aux", ()):
                    status = "requested"
        if v.dep_ == "pobj" and v.head.lower_ in st.get("negating_preps", ()):
            return Modality(None, None, None)
        if is_verb(v) and _negative_adjunct(v, st.get("negation_words", ()), tree):
            return Modality(None, None, None)  # "AT NO TIME did they agree"
        if v.tag_ in ADJECTIVE_TAGS:
            status = status or _governor_status(lemma(v), grammar)  # "was WILLING to"
        elif not is_verb(v):
            status = status or _noun_status(v, grammar, tree)
        elif i > 0:
            status = status or _governor_status(lemma(v), grammar)
    if at_cause is not None and status != at_cause[0]:
        return Modality(None, None, None)  # "tried to FORCE them to capitulate": a goal
    top = chain[-1]
    if _hypothetical(top, grammar, tree, questions=not presupposed):
        return Modality(None, None, None)
    if status is None and is_verb(top) and _bare_infinitive(top, tree):
        status = "planned"  # "an additional 2,000 TO BE DEPLOYED"
    reporter, verb = _reporter(top, grammar)
    if verb is not None and lemma(verb) in st.get("disbelief_verbs", ()):
        return Modality(None, None, None)  # "analysts DOUBT that Beijing would attack"
    return Modality(status or "occurred", reporter, verb)


def plainly_negated(m: Match, grammar: Grammar, tree: Tree) -> bool:
    """Whether a verb is negated by its own "not"/"never" and nothing else stands in the way
    of reading the negation as a refusal: no governing verb, no condition ("did NOT ACCEPT
    the offer", not "if it does not accept", not "has yet to accept")."""
    if m.pos != "verb" or not any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
                                  for c in tree.kids(m.token)):
        return False
    chain = control_chain(m, grammar, tree)
    return len(chain) == 1 and not _hypothetical(chain[0], grammar, tree) and \
        not _negated_argument(m, grammar.status.get("negation_words", ()), tree)


def _negated_argument(m: Match, words: frozenset[str] | tuple[str, ...], tree: Tree) -> bool:
    """A verb whose subject or object is negated: "NO troops will be sent", "NOBODY was
    arrested", "deployed NO troops"."""
    for arg in (m.agent, m.patient):
        if arg is None:
            continue
        if arg.lower_ in words or any(c.dep_ == "det" and c.lower_ in words
                                      for c in tree.kids(arg)):
            return True
    return False


def control_chain(m: Match, grammar: Grammar, tree: Tree) -> list[Token]:
    """The trigger and the verbs whose modality, negation and status words scope over it."""
    chain = [m.token]
    cur = m.token
    if m.pos == "noun":
        if m.governor is None:
            return chain
        cur = m.governor
        chain.append(cur)
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ in _CHAIN_DEPS or (cur.dep_ in ("advcl", "ccomp")
                                       and _to_infinitive(cur, tree)):
            if cur.dep_ == "pcomp":
                if head.lower_ == "with" or head.lower_ in grammar.adjunct_preps:
                    # "with 1,000 troops being repositioned": an elaboration; "could face
                    # prison AFTER pleading guilty": a circumstance, not what "could" governs
                    break
                head = head.head  # gerund under a preposition: "plans FOR sending troops"
            if head.tag_ in ADJECTIVE_TAGS and head.dep_ == "acomp" and cur.dep_ == "xcomp":
                cur = head  # "is WILLING to hold talks", "was UNABLE to stop"
            elif not is_verb(head):
                break
            else:
                cur = head
        elif cur.dep_ == "acomp" and is_verb(head):
            cur = head  # from "willing" on to "was", which may be negated
        elif cur.dep_ == "conj" and is_verb(head) and tree.child(
                cur, "nsubj", "nsubjpass", "aux", "auxpass") is None:
            cur = head  # "will deploy and STATION troops": the conjuncts share "will"
        elif cur.dep_ == "acl" and _to_infinitive(cur, tree) and not is_verb(head):
            cur = head  # "PLANS to deploy", "no AUTHORITY to expel": the noun scopes over it
        else:
            break
        chain.append(cur)
    return chain


def _negative_adjunct(v: Token, words: frozenset[str] | tuple[str, ...], tree: Tree) -> bool:
    for p in tree.kids(v):
        if p.dep_ == "prep":
            for o in tree.kids(p):
                if o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in words
                                            for d in tree.kids(o)):
                    return True
    return False


def _noun_status(noun: Token, grammar: Grammar, tree: Tree) -> EventStatus | None:
    """The trigger noun's or a governing noun's own word ("announced PLANS to deploy"), then
    its modifiers ("a PROPOSED deployment")."""
    st = grammar.status
    word = lemma(noun)
    if word in st.get("planned_nouns", ()):
        return "planned"
    if word in st.get("considered_nouns", ()):
        return "considered"
    for c in tree.kids(noun):
        if c.dep_ not in ("amod", "compound"):
            continue
        word = c.lower_
        if word in st.get("planned_modifiers", ()):
            return "planned"
        if word in st.get("considered_modifiers", ()):
            return "considered"
        if word in st.get("requested_modifiers", ()):
            return "requested"
    return None


def _governor_status(word: str, grammar: Grammar) -> EventStatus | None:
    st = grammar.status
    if word in st.get("planned_governors", ()):
        return "planned"
    if word in st.get("considered_governors", ()):
        return "considered"
    if word in st.get("requested_governors", ()):
        return "requested"
    if word in st.get("announced_governors", ()):
        return "announced"
    light = grammar.light_verbs.get(word)
    if light in ("announced", "planned", "considered"):
        status: EventStatus = light  # type: ignore[assignment]
        return status
    return None


def _to_infinitive(v: Token, tree: Tree) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tree.kids(v))


def _bare_infinitive(v: Token, tree: Tree) -> bool:
    """A "to"-infinitive that no verb governs ("troops to be deployed", "2,000 to be sent")."""
    return _to_infinitive(v, tree) and v.dep_ in ("conj", "ROOT", "relcl", "acl")


def _presupposed(m: Match, grammar: Grammar, tree: Tree) -> bool:
    """A nominal event that names its owner is taken as given whatever clause mentions it:
    "whether any of HIS TARIFFS will be removed", "whether WASHINGTON'S TARIFFS will be
    lifted" question the removal, not the tariffs (unless a verb makes the noun its
    happening: "whether Russia's deployment will BEGIN")."""
    if m.pos != "noun" or tree.child(m.token, "poss") is None:
        return False
    g = m.governor
    return g is None or (m.token.dep_ in ("nsubj", "nsubjpass") and
                         lemma(g) not in grammar.light_verbs and
                         lemma(g) not in grammar.progression_verbs)


def _hypothetical(top: Token, grammar: Grammar, tree: Tree, questions: bool = True) -> bool:
    """Inside an "if"/"unless" clause, or the consequence of one ("would attack if ...").
    A relative clause is not in the condition's scope: in "whether a tariff THAT the
    administration had planned to impose would go into effect", the plan is a fact. Without
    `questions`, an embedded question ("whether his tariffs will be removed") does not count,
    only a condition ("unless their demands are met")."""
    marks = grammar.status.get("hypothetical_marks", ())
    cur = top
    for _ in range(10):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in tree.kids(cur)) and (
                questions or cur.dep_ == "advcl"):
            return True
        if cur.dep_ == "advcl" and _inverted_condition(cur, tree):
            return True
        if cur.dep_ not in _OUTER_DEPS or cur.dep_ == "relcl" or cur.head.i == cur.i:
            break
        cur = cur.head
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "should")
                for c in tree.kids(top))
    if not modal:
        return False
    if top.dep_ in ("ccomp", "xcomp", "pcomp") and any(
            c.dep_ == "advmod" and c.tag_ == "WRB" for c in tree.kids(top)):
        return True  # "figuring out HOW the United States could increase its exports"
    # the condition hangs on the verb, or on the first of two coordinated verbs when it comes
    # after the second ("continue to negotiate and COULD FINALIZE a deal, IF negotiators...")
    hosts = [top] + ([top.head] if top.dep_ == "conj" else [])
    return any(c.dep_ == "advcl" and (h.i == top.i or c.i > top.i) and
               any(m.dep_ == "mark" and m.lower_ in marks for m in tree.kids(c))
               for h in hosts for c in tree.kids(h))


def _inverted_condition(v: Token, tree: Tree) -> bool:
    """"HAD the soldiers opened fire, ...", "SHOULD talks fail, ...": a condition without "if",
    its auxiliary before its subject."""
    inverting = ("had", "should", "were")
    if v.lower_ in inverting and v.i == v.left_edge.i:
        return True  # "WERE Beijing to invade Taiwan"
    kids = tree.kids(v)
    first = next((c for c in kids if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")), None)
    return first is not None and first.dep_ in ("aux", "auxpass") and \
        first.lower_ in inverting and first.i == v.left_edge.i


def _reporter(top: Token, grammar: Grammar) -> tuple[Token | None, Token | None]:
    """The speaker of a verb of saying whose complement holds the event."""
    cur = top
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or cur.dep_ not in ("ccomp", "parataxis", "conj", "advcl", "xcomp"):
            return None, None
        if cur.dep_ in ("ccomp", "parataxis") and is_verb(head) and \
                lemma(head) in grammar.report_verbs:
            return gram_subject(head, grammar), head
        if cur.dep_ not in ("ccomp", "parataxis"):
            return None, None
        cur = head
    return None, None
