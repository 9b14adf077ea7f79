"""Whose a counted thing is: the `subject` of a quantity (owner, or country of the things).

In the order tried, the first that answers wins:

1. a premodifier names it: "3,000 U.S. troops", "five Ukrainian helicopters", "Russia's 100,000
   troops"; a nationality counted is its own subject ("2 million Ukrainians");
2. a postmodifier does: "soldiers of the Malian army"; "from" only for people ("refugees from
   Syria"): "moved 1,000 troops from Germany" names where troops leave, not whose they are;
3. the possessor of a container or an act of moving: "Lithuania's population of 3 million",
   "Russia's deployment of 5,000 troops";
4. the subject of the verb that has, moves, buys or pays the things ("Russia has amassed more
   than 100,000 troops"), through relative pronouns ("Lithuania, which has a population of ..."),
   infinitives ("Denmark is set to deploy four F-16s": the subject of "set"), coordinated verbs,
   and the verb announcing an act of moving ("the Pentagon announced the deployment of ...").
   The verbs are listed by kind in ``data/quantities/owners.toml``: acting on things ("shot
   down 20 drones") does not make them yours.

Counts that continue another ("1,000 troops ... and an additional 2,000") inherit its owner in
`quantities`, which sees the whole article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp.entity_index import EntityIndex, name_key
from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quantities.lexicon import QuantityLexicon, key
from newsgraph.nlp.quantities.units import Counted, is_owner_entity
from newsgraph.record import Entity, QuantityKind

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD"})
_THIRD_PERSON = frozenset({"it", "its", "they", "their", "them"})
_RELATIVE = frozenset({"which", "who", "that", "whom"})
_MAX_CLIMB = 6


def owner(
    doc: Doc, counted: Counted, root: Token, lex: QuantityLexicon, entities: EntityIndex
) -> Entity | None:
    """The entity that owns the counted things, or None where the article does not say."""
    head = counted.head
    for i in counted.owners:
        found = entity_at(doc[i], entities, lex)
        if found is not None:
            return found
    if head is not None and _partitive_of(head, root) and root.dep_ == "dobj" and (
        _phrasal(root.head) in lex.acquire
    ):
        # "bought 30 of Boeing's jets": the buyer (named or not), never the seller
        buyer = _subject_of(root.head, lex)
        if buyer is not None:
            return _resolve(buyer, entities, lex)
    if head is not None:
        found = _on_noun(head, counted.kind, lex, entities)
        if found is not None:
            return found
    if counted.container is not None:
        found = _possessor(counted.container, entities, lex)
        if found is not None:
            return found
    return _through_verb(governed(counted, root), counted.kind, lex, entities, owning=True)


def agent(counted: Counted, root: Token, lex: QuantityLexicon, entities: EntityIndex
          ) -> Entity | None:
    """The named subject of whatever verb governs the count, owning or not ("Saudi Arabia
    deposited $5 billion"): a count with its own actor does not inherit another's owner."""
    return _through_verb(governed(counted, root), counted.kind, lex, entities, owning=False)


def governed(counted: Counted, root: Token) -> Token:
    """The token a verb governs for this count: the container, the noun, or the number."""
    head = counted.head
    start = counted.container or (head if head is not None and head.i > root.i else root)
    if start is head and head is not None and _partitive_of(head, root):
        start = root  # "bought 30 of the jets": the verb governs the number
    if start is root and root.dep_ in ("nummod", "compound", "quantmod", "amod") and (
        root.head.tag_ in ("NN", "NNS")
    ):
        start = root.head  # "a $1.5bn package": the package is what the verb governs
    return start


def _partitive_of(head: Token, root: Token) -> bool:
    """ "30 of Boeing's jets": the counted noun hangs on "of" under the number."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i == root.i


def entity_at(tok: Token, entities: EntityIndex, lex: QuantityLexicon) -> Entity | None:
    """The owner-type entity at a token, a nationality standing for its country where known."""
    if lex.model_kind(tok.text) is not None:
        return None
    ent = entities.at(tok)
    if ent is None or not is_owner_entity(ent):
        return None
    if ent.type == "GROUP" and ent.affiliation:
        return entities.get(ent.affiliation) or ent
    return ent


def _on_noun(
    head: Token, kind: QuantityKind, lex: QuantityLexicon, entities: EntityIndex
) -> Entity | None:
    """Possessors, nationality heads and "of"/"from" postmodifiers of the counted noun."""
    if kind in ("people", "personnel") and head.ent_type_ == "NORP":
        found = entity_at(head, entities, lex)
        if found is not None:
            return found
    for child in head.children:
        if child.dep_ == "poss" and key(child.text) in lex.makers:
            continue  # "Boeing's jets" are Boeing's make, not its fleet
        if child.dep_ == "poss" or (child.dep_ == "amod" and child.ent_type_ == "NORP"):
            found = _resolve(child, entities, lex)
            if found is not None:
                return found
    for child in head.rights:
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in lex.of_owner or (word == "from" and kind in lex.from_owner_kinds):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = _resolve(pobj, entities, lex)
                if found is not None:
                    return found
    return None


def _possessor(noun: Token, entities: EntityIndex, lex: QuantityLexicon) -> Entity | None:
    for child in noun.lefts:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and child.ent_type_ in (
            "NORP", "GPE"
        )):
            found = _resolve(child, entities, lex)
            if found is not None:
                return found
    return None


def _through_verb(
    tok: Token, kind: QuantityKind, lex: QuantityLexicon, entities: EntityIndex, *, owning: bool
) -> Entity | None:
    """Climb from the counted noun to the verb that governs it; its subject owns the things."""
    nominal = lemma(tok) in lex.nominals  # "announced a $2.5 billion aid package"
    for _ in range(_MAX_CLIMB):
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.tag_ in _NOUN_TAGS:
            noun = head.head
            name = lemma(noun)
            if name not in lex.containers and name not in lex.nominals:
                return None
            found = _possessor(noun, entities, lex)
            if found is not None:
                return found
            nominal = nominal or name in lex.nominals
            tok = noun
        elif tok.dep_ in ("conj", "appos") and head.tag_ in _NOUN_TAGS:
            tok = head
        else:
            break
    verb = tok.head
    if not verb.tag_.startswith("VB"):
        return None
    verbs = lex.owner_verbs_for(kind) | (lex.announce if nominal else frozenset())
    if owning and lemma(verb) not in verbs and _phrasal(verb) not in verbs:
        return None
    if tok.dep_ in ("dobj", "attr", "oprd", "dative"):
        subject = _subject_of(verb, lex)
    elif tok.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    else:
        return None
    return _resolve(subject, entities, lex) if subject is not None else None


def _phrasal(verb: Token) -> str:
    """ "set aside", "pull out": the verb with its particle."""
    prt = next((c for c in verb.rights if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in (
        "aside", "out", "up", "down", "in", "back", "off"))), None)
    return f"{lemma(verb)} {prt.lower_}" if prt is not None else lemma(verb)


def _subject_of(verb: Token, lex: QuantityLexicon, depth: int = 0) -> Token | None:
    """The (logical) subject of a verb: through relative pronouns, infinitives and "and". Of
    two subjects the nearer: the parser takes a dateline ("DUBAI, United Arab Emirates — Dubai's
    carrier Emirates Airline finalized ...") for a second one."""
    for child in sorted(verb.children, key=lambda c: abs(verb.i - c.i)):
        if child.dep_ in ("nsubj", "nsubjpass") and (child.dep_ == "nsubj" or depth):
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if depth > 3:
        return None
    if verb.dep_ == "xcomp":
        controller = verb.head
        if lemma(controller) in lex.object_control:
            return next((c for c in controller.children if c.dep_ == "dobj"), None)
        return _subject_of(controller, lex, depth + 1)
    if verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        return _subject_of(verb.head, lex, depth + 1)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
    if infinitive and verb.dep_ == "advcl":
        return _subject_of(verb.head, lex, depth + 1)  # "signed a deal (in order) to buy"
    if infinitive and verb.dep_ in ("acl", "relcl") and verb.head.dep_ in ("dobj", "attr"):
        return _subject_of(verb.head.head, lex, depth + 1)  # "signed a deal to buy 250 tanks"
    return None


def _antecedent(pronoun: Token, entities: EntityIndex, lex: QuantityLexicon) -> Entity | None:
    """ "Germany said it would send ...", "Britain agreed to double its contingent": a pronoun
    in a clause stands for the named subject of a clause above it (the common case in news;
    anything further needs coreference, which this stage does not attempt)."""
    tok = pronoun.head
    for _ in range(_MAX_CLIMB):
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i and (
                child.tag_ not in ("PRP", "PRP$", "WDT", "WP")
            ):
                found = entity_at(child, entities, lex)
                if found is not None and found.type in ("PLACE", "ORG", "GROUP"):
                    return found
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _resolve(tok: Token, entities: EntityIndex, lex: QuantityLexicon) -> Entity | None:
    """The entity a noun phrase names: itself ("Russia"), or its possessor or nationality
    modifier ("Ukraine's army", "the Russian navy")."""
    found = entity_at(tok, entities, lex)
    if found is None or found.type == "PLACE":
        short = _short_org_name(tok, found, entities)
        if short is not None:
            return short
    if found is not None:
        return found
    if tok.tag_ in ("PRP", "PRP$"):
        return _antecedent(tok, entities, lex) if tok.lower_ in _THIRD_PERSON else None
    for child in tok.rights:
        if child.dep_ == "appos":  # "Dubai's flagship carrier Emirates Airline": the name
            found = entity_at(child, entities, lex)
            if found is not None:
                return found
    for child in tok.lefts:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            found = entity_at(child, entities, lex)
            if found is not None:
                return found
    return None


def _short_org_name(tok: Token, place: Entity | None, entities: EntityIndex) -> Entity | None:
    """ "Emirates had a fleet of 270 aircraft" after "Emirates Airline": a proper noun that
    begins the name of an organization named earlier is that organization, even where the
    entity stage took it for a place's alias (the United Arab Emirates) or for nothing
    ("Etihad" after "Etihad Airways"). A place's own name ("Qatar") stays the place."""
    if tok.tag_ not in ("NNP", "NNPS"):
        return None
    text = name_key(tok.text)
    if place is not None and name_key(place.name) == text:
        return None
    for ent in entities.entities:
        words = name_key(ent.name).split()
        if ent.type == "ORG" and len(words) > 1 and words[0] == text and any(
            m[1] <= tok.idx for m in ent.mentions
        ):
            return ent
    return None
