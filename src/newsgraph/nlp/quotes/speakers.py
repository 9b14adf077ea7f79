"""Who is speaking: from a speech cue to a named entity, a description, or a resolved pronoun.

The speaker of a cue is its grammatical subject, found the way a reader finds it: the subject of
the verb itself ("Kirby said"), of the verb it is chained to ("accused ... and warned that",
"said on Tuesday while underscoring that", "the board is frustrated ..., saying"), the agent of
a passive it hangs from ("was denied by Andrew, hinting that"), the noun it modifies
("Andrikiene, noting that") or that noun's issuer ("X issued a statement warning that": X),
the antecedent of "who", or the object of "according to". A participle after someone else's
reported clause ("X said Y had concluded ..., saying he ...") may be X's or Y's: a pronoun in
it that fits only one decides, else "adding"/"noting" go to X and the rest to nobody. A
subject in another paragraph than its cue is a parse that ran on: nobody. A subject is then

- an entity when the phrase's head word is a mention of one (`EntityIndex.at`), so the name and
  id are the entity stage's merged ones ("Andrikiene" -> "Laima Liucija Andrikiene"), also when
  the name stands in apposition to a title ("China’s ambassador to Britain Liu Xiaming");
- a description otherwise, as written ("a senior U.S. State Department official", "police"),
  linked to an entity only when exactly one entity carries that description as a title, or
  when it is "the" and words of exactly one organisation named before ("the authority");
- for "he", "she", "they", "it": the most recent compatible speaker or subject within the last
  few paragraphs (a person of the right gender when the article tells it, an organisation or a
  group of people for "they"; the owner of a subject, "Mr. Trump’s plan", counts when nobody
  has spoken since the paragraph began; nothing inside what the pronoun's own verb reports,
  "The valley had no rain, he said"), else the most recent compatible entity mention, else
  nobody.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.nlp.entity_index import EntityIndex, name_key
from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quotes.lexicon import (
    Gender,
    gerund_subject,
    lexicon,
    source_object,
    two_objects,
    verb_cue,
)
from newsgraph.record import Entity

#: what a speaker can be referred back to as: a person ("he", "she"), an organisation ("it",
#: "they"), a group of people ("they"), a thing ("it": "the statement"), things ("the
#: incidents": nothing, until they speak), or a name the entity stage did not type (anything)
Kind = Literal["person", "org", "plural", "thing", "things", "name"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: a cue without a subject of its own borrows the one of the word it hangs from
_CHAINED = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp", "acl", "relcl", "parataxis"})
#: right-hand dependents that stay in a described speaker ("a doctor on the scene")
_KEEP_RIGHT = frozenset({"prep", "compound", "nmod", "nummod", "amod", "pobj"})
_NOT_SPEAKERS = frozenset({"DT", "WDT", "WP", "EX", "CD", "PRP$", "PRP"})
#: how far back a pronoun looks for its referent, in paragraphs (the current one and two before):
#: wire copy re-names a speaker at least that often, and a longer reach picks up stale people
PRONOUN_REACH = 3


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    id: str | None
    kind: Kind
    gender: Gender | None = None


class Speakers:
    """Speaker lookup over one parsed article; remembers who spoke for later pronouns."""

    def __init__(self, doc: Doc, text: str, tokens: list[Token], starts: list[int],
                 entities: EntityIndex, paragraphs: list[tuple[int, int]],
                 quoted: list[bool]) -> None:
        self.doc = doc
        self.text = text
        self.tokens = tokens
        self._quoted = quoted  # tokens inside quotation marks: the words, never the speaker
        self.entities = entities
        self._para_starts = [s for s, _ in paragraphs] or [0]
        self._genders: dict[str, Gender | None] = {}
        self._persons: dict[str, bool] = {}
        self._starts = starts  # character offset of each token
        self._by_title = _titles(entities)
        #: organisations by each word of their name, for "the authority", "the bank"
        self._orgs: dict[str, list[Entity]] | None = None
        self._history: list[tuple[int, Speaker]] = []  # (char offset, speaker), in text order
        self._subjects: list[tuple[int, Speaker]] | None = None  # made on the first pronoun
        self._owners: set[int] = set()  # offsets of the subjects' owners among `_subjects`
        self._mentions = sorted(
            (m[0], e.id) for e in entities.entities for m in e.mentions
        )

    # ---- from a cue ---------------------------------------------------------------------

    def subject_of(self, cue: Token) -> Token | None:
        """The token heading the speaker's phrase for a speech cue, if the parse has one."""
        obj = source_object(cue)
        if obj is not None:
            return obj
        if not cue.tag_.startswith("VB"):
            return gerund_subject(cue)  # "with Foreign Minister Ali Reza warning of ..."
        node = cue
        for _ in range(4):
            found = self._own_subject(node, cue)
            if found is not None:
                if self._paragraph(found.idx) != self._paragraph(cue.idx):
                    return None  # the parser ran on over a paragraph break: no speaker
                if node is cue or cue.tag_ != "VBG" or cue.dep_ != "advcl":
                    return found
                return self._inner_or_outer(cue, node, found)
            if node is cue and any(c.dep_ == "nsubjpass" for c in node.children):
                return None  # "she was told that ...": the hearer, not the speaker
            if node is cue and (node.dep_ == "parataxis" or any(
                    c.dep_ == "ccomp" and c.i < cue.i for c in cue.children)):
                # "This system, says Richard Locksley, an immunologist, ...", "Job cuts will
                # be announced ..., said the company’s new executive chair Marcelo Claure"
                after = _inverted_subject(node)
                if after is not None and not self._quoted[after.i]:
                    return after
            if node.dep_ not in _CHAINED or node.head is node:
                return None
            head = node.head
            if head.tag_.startswith("NN") and node.dep_ in ("acl", "advcl", "relcl"):
                return self._noun_speaker(head, node)  # "Andrikiene, noting that ..."
            if node.dep_ == "xcomp":
                # "led the manufacturer to announce": the object of the verb above does it
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                if obj is not None and not self._quoted[obj.i]:
                    return obj
            node = head
        return None

    def _paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self._para_starts, offset)

    def _own_subject(self, node: Token, cue: Token) -> Token | None:
        """The doer of `node` on the way up from `cue`: its subject, the agent of a passive
        ("was denied by Andrew, hinting that ..."), or, for a verb the cue is chained to, its
        passive subject ("the board is frustrated ..., saying ...", "the minister was asked
        about it and said ...")."""
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and c.dep_ != "nsubjpass"
                    and not self._quoted[c.i]]
        if subjects:
            # two subjects is a parse error ("Wikileaks editor-in-chief Kristinn Hrafnsson
            # said", "A spokesperson who did not wish to be named because of agency policy
            # said"): a person before anything else, then the one nearest the verb
            best = min(subjects, key=lambda c: (-self._personal(c), abs(c.i - node.i)))
            return self._antecedent(best, node)
        for child in node.children:
            if child.dep_ == "agent" and not self._quoted[child.i]:
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if node is cue:
            return None
        return next((c for c in node.children
                     if c.dep_ == "nsubjpass" and not self._quoted[c.i]), None)

    def _noun_speaker(self, noun: Token, verb: Token) -> Token | None:
        """The speaker for a cue that modifies a noun: the noun itself ("Andrikiene, noting
        that ..."), except for a document ("issued a statement warning that ...": whoever
        issued it) and for a naming verb the parser hung on the noun before it ("asked about
        the union, called Lopez a “traitor”": whoever asked)."""
        climb = lemma(noun) in lexicon().issued
        if climb:
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None and not self._quoted[owner.i]:
                return owner
            if noun.dep_ != "dobj":
                return noun  # "The statement, claiming that ..., was published by X"
        elif not (two_objects(verb) and noun.dep_ not in _SUBJECTS):
            return noun
        clause = noun.head
        for _ in range(4):  # up to the verb whose object (or object's object) the noun is
            if clause.tag_.startswith(("VB", "MD")) or clause.head is clause:
                break
            clause = clause.head
        if clause.tag_.startswith("VB") and clause is not verb:
            found = self.subject_of(clause)
            if found is not None:
                return found
        return noun if climb else None

    def _inner_or_outer(self, cue: Token, verb: Token, inner: Token) -> Token | None:
        """The speaker of a participle the parser hung on the verb of someone else's reported
        clause ("X said that Y had concluded ..., saying ..."): Y by the parse, but as often X.
        A pronoun in what the participle says that fits only one of them decides; else a
        continuing participle ("adding", "noting") is X's, and anything else nobody's."""
        outer_verb = _reporting_verb(verb)
        if outer_verb is None or outer_verb is cue:
            return inner
        outer = self.subject_of(outer_verb)
        if outer is None:
            return inner
        a, b = self.of_phrase(inner), self.of_phrase(outer)
        if a is None or b is None or _same(a, b):
            return inner if a is not None else outer
        pronoun = _clause_pronoun(cue)
        if pronoun is not None:
            fits_a, fits_b = _agrees(pronoun, a), _agrees(pronoun, b)
            if fits_a != fits_b:
                return inner if fits_a else outer
        return outer if lemma(cue) in lexicon().continuing else None

    def _personal(self, token: Token) -> int:
        """2 for a person (by name or by role), 1 for another named entity, else 0."""
        entity = self._entity_at(token)
        if entity is not None:
            return 2 if entity.type == "PERSON" or token.ent_type_ == "PERSON" else 1
        return 2 if lemma(token) in lexicon().person_nouns or token.tag_ == "PRP" else 0

    def _antecedent(self, subject: Token, verb: Token) -> Token:
        if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            return verb.head  # "Kirby, who said ..."
        return subject

    # ---- from a phrase ------------------------------------------------------------------

    def of_phrase(self, head: Token) -> Speaker | None:
        """The speaker a noun phrase names, given its head word."""
        lex = lexicon()
        if head.lower_ in lex.pronouns and head.tag_ in ("PRP", "PRP$"):
            return self.resolve_pronoun(head)
        if head.tag_ in _NOT_SPEAKERS:
            return None
        entity = self._entity_at(head)
        if entity is None:
            for child in head.children:
                if child.dep_ == "appos":
                    entity = self._entity_at(child)
                    if entity is not None and entity.type == "PERSON":
                        break
                    entity = None
        if entity is not None:
            return self._of_entity(entity)
        start, end = self._description(head)
        text = self.text[start:end].strip()
        if not any(ch.isalpha() for ch in text):
            return None
        named = self._by_title.get(name_key(text)) or self._named_before(head, start, end)
        if named is not None:
            return self._of_entity(named)
        return Speaker(text, None, self._kind_of_noun(head))

    def _named_before(self, head: Token, start: int, end: int) -> Entity | None:
        """The organisation a definite description names back ("the authority" after the
        Markets Conduct Authority, "the utilities commission"): the one organisation named
        earlier whose name holds every word of the description."""
        if head.tag_ not in ("NN", "NNP"):
            return None
        if self._orgs is None:
            self._orgs = {}
            for e in self.entities.entities:
                if e.type == "ORG":
                    for w in set(e.name.lower().split()):
                        self._orgs.setdefault(w, []).append(e)
        candidates = self._orgs.get(head.lower_)
        if not candidates:
            return None
        words = self.text[start:end].lower().split()
        if len(words) < 2 or words[0] != "the" or not all(w.isalpha() for w in words[1:]):
            return None
        if head.lower_ != words[-1]:
            return None
        found: Entity | None = None
        for entity in candidates:
            if (entity.mentions and entity.mentions[0][0] < start
                    and set(words[1:]) <= set(entity.name.lower().split())):
                if found is not None and found is not entity:
                    return None  # two of them: "the bank" could be either
                found = entity
        return found

    def _entity_at(self, token: Token) -> Entity | None:
        entity = self.entities.at(token)
        if entity is None or entity.type == "OTHER":
            return None
        return entity

    def _of_entity(self, entity: Entity) -> Speaker:
        kind: Kind = "org"
        if entity.type == "PERSON" or self._tagged_person(entity):
            kind = "person"
        elif entity.type == "GROUP":
            kind = "plural"
        gender = self.gender_of(entity) if kind == "person" else None
        return Speaker(entity.name, entity.id, kind, gender)

    def _tagged_person(self, entity: Entity) -> bool:
        """Whether the parser's own entity tags call many mentions of an entity typed otherwise
        a person: "he" may then still refer to it (a typing slip costs no pronoun)."""
        if entity.id in self._persons:
            return self._persons[entity.id]
        votes = [self.tokens[i].ent_type_ == "PERSON"
                 for i in (self._token_at(s) for s, _ in entity.mentions[:8]) if i is not None]
        # calibrated on the corpus: an entity the parser tags PERSON at a third of its
        # mentions or more is a person the entity stage mistyped (Assange: 4 of 8)
        person = bool(votes) and sum(votes) * 3 >= len(votes)
        self._persons[entity.id] = person
        return person

    def _token_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 else None

    def _description(self, head: Token) -> tuple[int, int]:
        doc = self.tokens
        start = head.left_edge.i
        while start < head.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        end = head.i + 1
        for child in head.rights:
            if child.dep_ not in _KEEP_RIGHT or child.left_edge.i != end:
                break
            end = child.right_edge.i + 1
        # a comma closes the described phrase: what follows is an apposition or a clause
        for i in range(start, end):
            if doc[i].text in (",", "—", "–", "(") and i > head.i:
                end = i
                break
        # a word the tokenizer split at a hyphen stays whole ("neo-banks", "co-author")
        while end < len(doc) and doc[end - 1].whitespace_ == "" and (
                doc[end].text == "-" or doc[end - 1].text == "-"):
            end += 1
        last = doc[end - 1]
        return doc[start].idx, last.idx + len(last.text)

    def _kind_of_noun(self, head: Token) -> Kind:
        lex = lexicon()
        word = lemma(head)
        if head.tag_ in ("NNS", "NNPS") or head.lower_ in ("police", "staff", "crew", "people"):
            return "plural" if word in lex.person_nouns or head.tag_ == "NNPS" else "things"
        if word in lex.person_nouns:
            return "person"
        return "name" if head.tag_ == "NNP" else "thing"

    # ---- pronouns -----------------------------------------------------------------------

    def remember(self, offset: int, speaker: Speaker) -> None:
        """Record a resolved speaker: the first candidate for a later "she said"."""
        if speaker.kind == "things":  # "Seismologists said ...": whoever speaks is people
            speaker = Speaker(speaker.name, speaker.id, "plural", speaker.gender)
        bisect.insort(self._history, (offset, speaker), key=_offset)

    def resolve_pronoun(self, pronoun: Token) -> Speaker | None:
        word = pronoun.lower_
        at = pronoun.idx
        floor = self._reach(at)
        if self._subjects is None:
            self._subjects = self._find_subjects()
        said = _said_before(pronoun)
        paragraph = self._para_starts[max(0, bisect.bisect_right(self._para_starts, at) - 1)]
        for offset, speaker in _backwards(self._history, self._subjects, floor, at):
            if said[0] <= offset < said[1] or not _agrees(word, speaker):
                continue  # "The valley has seen no rain, he said": not the valley
            if offset in self._owners and self._spoke_since(paragraph, at, word):
                continue  # an owner ("Mr. Trump’s plan ...") yields to a speaker on the spot
            return speaker
        i = bisect.bisect_left(self._mentions, (at, ""))
        while i > 0:
            i -= 1
            offset, eid = self._mentions[i]
            if offset < floor:
                break
            if said[0] <= offset < said[1]:
                continue
            entity = self.entities.get(eid)
            if entity is None or entity.type in ("OTHER",):
                continue
            if entity.type == "PLACE" and word != "it":
                continue
            candidate = self._of_entity(entity)
            if _agrees(word, candidate):
                return candidate
        return None

    def _spoke_since(self, start: int, end: int, word: str) -> bool:
        """Whether someone "he"/"she"/... could stand for spoke between two offsets."""
        i = bisect.bisect_left(self._history, start, key=_offset)
        return any(_agrees(word, sp) for off, sp in self._history[i:] if off < end)

    def latest_subject(self, start: int, end: int) -> Speaker | None:
        """The last person, organisation or group that is a main-clause subject between two
        offsets, if any."""
        if self._subjects is None:
            self._subjects = self._find_subjects()
        for _, speaker in _backwards([], self._subjects, start, end):
            if speaker.kind in ("person", "org", "plural", "name"):
                return speaker
        return None

    def _reach(self, at: int) -> int:
        k = bisect.bisect_right(self._para_starts, at) - 1
        return self._para_starts[max(0, k - (PRONOUN_REACH - 1))]

    def _find_subjects(self) -> list[tuple[int, Speaker]]:
        """Every non-pronoun grammatical subject of the article that names an entity or a
        person-like description: the salient referents "he", "she" and "they" point back to.
        The owner of a subject is one too: "Mr. Trump’s embrace is not limited to China. He has
        ..." (centering: a subject's possessor ranks next to the subject)."""
        out: list[tuple[int, Speaker]] = []
        deps = self.doc.to_array("DEP")
        nsubj, nsubjpass = get_string_id("nsubj"), get_string_id("nsubjpass")
        for i in numpy.flatnonzero(deps == nsubj):
            token = self._main_subject(int(i))
            if token is not None:
                speaker = self.of_phrase(token)
                if speaker is not None and (speaker.id is not None or speaker.kind != "thing"):
                    out.append((token.idx, speaker))
        # owners: a "poss" whose head is a subject (read from the arrays, most have none)
        tags = self.doc.to_array("TAG")
        poss = numpy.flatnonzero((deps == get_string_id("poss")) & (
            (tags == get_string_id("NNP")) | (tags == get_string_id("NNPS"))))
        heads = deps[poss + self.doc.to_array("HEAD")[poss].astype(numpy.int64)]
        for i in poss[(heads == nsubj) | (heads == nsubjpass)]:
            owner = self.tokens[int(i)]
            if self._quoted[owner.i]:
                continue
            if self._main_subject(owner.head.i) is None:
                continue
            entity = self._entity_at(owner)
            if entity is not None and entity.type in ("PERSON", "ORG"):
                out.append((owner.idx, self._of_entity(entity)))
                self._owners.add(owner.idx)
        out.sort(key=_offset)
        return out

    def _main_subject(self, i: int) -> Token | None:
        """Token i when it is a noun subject of a main clause, outside quotation marks: "the
        states where recreational marijuana has been legalized" does not make marijuana the
        topic "he" refers back to."""
        token = self.tokens[i]
        if token.tag_ in ("PRP", "WP", "WDT") or not token.tag_.startswith("NN"):
            return None
        if token.head.dep_ not in ("ROOT", "conj", "ccomp", "parataxis") or self._quoted[i]:
            return None
        return token

    # ---- gender -------------------------------------------------------------------------

    def gender_of(self, entity: Entity) -> Gender | None:
        """What the article says about a person's gender: a first name, "Mr."/"Ms.", or a
        gendered role noun next to a mention ("spokeswoman Jane Doe", "Doe, the chairwoman").
        None when it says nothing or contradicts itself."""
        if entity.id in self._genders:
            return self._genders[entity.id]
        votes: set[Gender] = set()
        lex = lexicon()
        first = entity.name.split()[0].lower() if len(entity.name.split()) > 1 else ""
        if first in lex.first_names:
            votes.add(lex.first_names[first])
        for title in entity.titles:
            votes |= _gender_words(title.lower().replace(",", " ").split())
        for start, end in entity.mentions[:12]:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            words: list[str] = []
            if span.start > 0:
                words.append(self.doc[span.start - 1].lower_)
            head = span.root
            words += [c.lower_ for c in head.children if c.dep_ in ("appos", "compound")]
            if head.dep_ in ("appos", "compound"):
                words.append(head.head.lower_)
            votes |= _gender_words(words)
        gender = next(iter(votes)) if len(votes) == 1 else None
        self._genders[entity.id] = gender
        return gender


def _said_before(pronoun: Token) -> tuple[int, int]:
    """The character range of what a pronoun's verb reports before it ("The valley has seen no
    rain, he said"), where its referent is not: (0, 0) when there is none."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb is pronoun:
        return (0, 0)
    start, end = 0, 0
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis") and c.i < pronoun.i:
            left, right = c.left_edge, c.right_edge
            start = left.idx if not end else min(start, left.idx)
            end = max(end, right.idx + len(right.text))
    return (start, end)


def _reporting_verb(verb: Token) -> Token | None:
    """The speech verb whose complement clause holds `verb`, if any ("said" for "concluded"
    in "said that Y had concluded ...")."""
    node = verb
    for _ in range(4):
        if node.dep_ == "ccomp":
            return node.head if verb_cue(node.head) else None
        if node.dep_ != "conj" or node.head is node:
            return None
        node = node.head
    return None


def _clause_pronoun(cue: Token) -> str | None:
    """The pronoun subject of what a cue says ("saying he trusted ..." -> "he")."""
    lex = lexicon()
    for clause in cue.children:
        if clause.dep_ != "ccomp":
            continue
        for c in clause.children:
            if c.dep_ == "nsubj" and c.tag_ == "PRP" and c.lower_ in lex.pronouns:
                return c.lower_
    return None


def _same(a: Speaker, b: Speaker) -> bool:
    return (a.id is not None and a.id == b.id) or name_key(a.name) == name_key(b.name)


#: what a speaker's phrase after the cue is made of, up to its head noun ("said The We
#: Company’s recently named executive chair Marcelo Claure in an email ...")
_INVERTED_TAGS = frozenset({"DT", "PRP$", "NNP", "NNPS", "NN", "NNS", "POS", "JJ", "JJS", "JJR",
                            "VBN", "HYPH", "RB", "CD"})
#: longest speaker phrase read after a cue, in tokens
_INVERTED_MAX = 12


def _inverted_subject(cue: Token) -> Token | None:
    """The head of the name or noun phrase right after a cue with no subject of its own ("says
    X", "said the company’s newly appointed chief executive Jane Doe"): the last noun of the
    run of modifiers and nouns that follows it. The parser often takes a participle in it
    ("recently named") for a clause of its own."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].tag_ not in ("NNP", "NNPS", "NN", "NNS", "DT",
                                                              "JJ", "PRP$"):
        return None
    head = None
    for t in doc[cue.i + 1 : cue.i + 1 + _INVERTED_MAX]:
        if t.tag_ not in _INVERTED_TAGS:
            break
        if t.tag_.startswith("NN"):
            head = t
    return head


def _gender_words(words: list[str]) -> set[Gender]:
    lex = lexicon()
    votes: set[Gender] = set()
    for w in words:
        w = w.strip(".")
        if w in lex.male_titles or f"{w}." in lex.male_titles or w in lex.male_nouns:
            votes.add("m")
        if w in lex.female_titles or f"{w}." in lex.female_titles or w in lex.female_nouns:
            votes.add("f")
    return votes


def _agrees(pronoun: str, speaker: Speaker) -> bool:
    lex = lexicon()
    if speaker.kind == "name":
        return pronoun in lex.pronouns
    if pronoun in lex.male or pronoun in lex.female:
        want: Gender = "m" if pronoun in lex.male else "f"
        return speaker.kind == "person" and speaker.gender in (None, want)
    if pronoun in lex.plural:
        return speaker.kind in ("plural", "org")
    if pronoun in lex.neuter:
        return speaker.kind in ("org", "thing")
    return False


def _backwards(a: list[tuple[int, Speaker]], b: list[tuple[int, Speaker]], floor: int,
               at: int) -> Iterator[tuple[int, Speaker]]:
    """The entries of two offset-sorted lists within [floor, at), latest first (on a tie, the
    speaker list `a` first)."""
    i = bisect.bisect_left(a, at, key=_offset) - 1
    j = bisect.bisect_left(b, at, key=_offset) - 1
    while i >= 0 or j >= 0:
        if j < 0 or (i >= 0 and a[i][0] >= b[j][0]):
            entry, i = a[i], i - 1
        else:
            entry, j = b[j], j - 1
        if entry[0] < floor:
            return
        yield entry


def _offset(entry: tuple[int, Speaker]) -> int:
    return entry[0]


def _titles(entities: EntityIndex) -> dict[str, Entity]:
    """Title -> the one entity that carries it ("the judge" -> Judge Mary Smith)."""
    seen: dict[str, Entity | None] = {}
    for e in entities.entities:
        for title in e.titles:
            key = name_key(title)
            if key:
                seen[key] = e if key not in seen or seen[key] is e else None
    return {k: v for k, v in seen.items() if v is not None}
