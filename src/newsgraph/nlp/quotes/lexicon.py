"""The quotation lexicon: speech verbs, source phrases, naming words, pronoun and gender hints.

The word lists are data (`data/quotes/cues.toml`, `data/quotes/first_names.txt`) so that a new
reporting verb is a one-line change with no code touched; this module loads them once and
answers the few questions the quote stages ask of a token.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from spacy.tokens import Token

from newsgraph.nlp.pipeline import lemma

Gender = Literal["m", "f"]

_DATA = "data/quotes"


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech: frozenset[str]
    quote_only: frozenset[str]
    with_particle: frozenset[str]
    with_hearer: frozenset[str]
    blocked_by: frozenset[str]
    infinitive_said: frozenset[str]
    said_prepositions: frozenset[str]
    continuing: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    naming_before: frozenset[str]
    naming_speech: frozenset[str]
    male: frozenset[str]
    female: frozenset[str]
    plural: frozenset[str]
    neuter: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    male_nouns: frozenset[str]
    female_nouns: frozenset[str]
    person_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    content_nouns: frozenset[str]
    issued: frozenset[str]
    first_names: dict[str, Gender]
    pronouns: frozenset[str]  #: all of male, female, plural and neuter
    #: first words of `source_phrases` and verbs of `with_particle`, for quick rejection
    source_starts: frozenset[str]
    particle_verbs: frozenset[str]


def _words(table: dict[str, object], key: str) -> frozenset[str]:
    values = table.get(key, [])
    return frozenset(str(v).lower() for v in values) if isinstance(values, list) else frozenset()


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read from the package data on first use."""
    root = resources.files("newsgraph").joinpath(_DATA)
    data = tomllib.loads(root.joinpath("cues.toml").read_text(encoding="utf-8"))
    verbs, naming = data["verbs"], data["naming"]
    pron, gender = data["pronouns"], data["gender"]
    names: dict[str, Gender] = {}
    for line in root.joinpath("first_names.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2 and parts[1] in ("m", "f"):
            names[parts[0].lower()] = "m" if parts[1] == "m" else "f"
    sources = tuple(tuple(p.split()) for p in _words(data["phrases"], "source"))
    with_particle = _words(verbs, "with_particle")
    return Lexicon(
        speech=_words(verbs, "speech"),
        quote_only=_words(verbs, "quote_only"),
        with_particle=with_particle,
        with_hearer=_words(verbs, "with_hearer"),
        blocked_by=_words(verbs, "blocked_by"),
        infinitive_said=_words(verbs, "infinitive_said"),
        said_prepositions=_words(verbs, "said_prepositions"),
        continuing=_words(verbs, "continuing"),
        source_phrases=sources,
        naming_before=_words(naming, "before"),
        naming_speech=_words(naming, "speech_when_active"),
        male=_words(pron, "male"),
        female=_words(pron, "female"),
        plural=_words(pron, "plural"),
        neuter=_words(pron, "neuter"),
        male_titles=_words(gender, "male_titles"),
        female_titles=_words(gender, "female_titles"),
        male_nouns=_words(gender, "male_nouns"),
        female_nouns=_words(gender, "female_nouns"),
        person_nouns=_words(data["persons"], "nouns"),
        speech_nouns=_words(data["speech_nouns"], "nouns"),
        content_nouns=_words(data["speech_nouns"], "content"),
        issued=_words(data["speech_nouns"], "issued"),
        first_names=names,
        pronouns=_words(pron, "male") | _words(pron, "female") | _words(pron, "plural")
        | _words(pron, "neuter"),
        source_starts=frozenset(p[0] for p in sources),
        particle_verbs=frozenset(p.split()[0] for p in with_particle),
    )


def _particle(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def verb_cue(token: Token, *, next_to_quote: bool = False) -> bool:
    """Whether a verb token attributes speech.

    `next_to_quote` admits the verbs that only attribute a quotation they stand beside
    ("“Never,” she shouted"). A particle changes the verb ("ruled out", "told off") unless
    the pair itself is listed ("pointed out").
    """
    if token.tag_.startswith("VB"):
        base = lemma(token)
    elif gerund_subject(token) is not None:
        base = cue_lemma(token)
    else:
        return False
    lex = lexicon()
    listed = base in lex.speech or (next_to_quote and base in lex.quote_only)
    if not listed and base not in lex.particle_verbs:
        return False
    particle = _particle(token)
    if particle is not None:
        return f"{base} {particle}" in lex.with_particle
    return listed


def cue_lemma(token: Token) -> str:
    """A verb's lemma; for an "-ing" form the parser took for a noun, the listed verb it comes
    from (warning -> warn, arguing -> argue, admitting -> admit)."""
    if token.tag_.startswith("VB") or not token.lower_.endswith("ing"):
        return lemma(token)
    stem = token.lower_[:-3]
    lex = lexicon()
    for base in (stem, stem + "e", stem[:-1]):
        if base in lex.speech or base in lex.quote_only or base in lex.naming_speech:
            return base
    return stem


def gerund_subject(token: Token) -> Token | None:
    """ "with the minister warning of ...", "with Foreign Minister Ali Reza warning of ...":
    the parser tags the participle of this absolute construction as a noun, and gives it its
    subject as a subject or, after "with", as a compound name."""
    if token.tag_ != "NN" or not token.lower_.endswith("ing"):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "pobj" and token.head.lower_ == "with":
        subject = next((c for c in token.children
                        if c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS")), None)
    return subject


def naming_cue(token: Token) -> bool:
    """ "what Smith called “a disgrace”", "turned to Twitter to describe his city as a “gas
    chamber”": a naming verb in the active voice is speech; "a group called “X”" and "was
    described as “X”" (a participle, a passive) are names."""
    if not token.tag_.startswith("VB") or lemma(token) not in lexicon().naming_speech:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return False
    if two_objects(token):
        return True  # "..., called Lopez a “traitor” and said ...": only an active verb has both
    if token.dep_ in ("acl", "amod") and token.tag_ != "VBD":
        return False  # a participle on a noun: "a group called “X”"
    return token.tag_ != "VBN" or any(c.dep_ in ("aux", "nsubj") for c in token.children)


_OBJECTS = frozenset({"dobj", "oprd", "dative", "attr"})


def two_objects(token: Token) -> bool:
    """A naming verb with both an object and what it is called ("called the mayor a “liar”"):
    a participle on a noun ("a group called “X”") has only the name."""
    return sum(1 for c in token.children if c.dep_ in _OBJECTS and c.i > token.i) >= 2


def cue_text(token: Token) -> str:
    """The cue as written: the verb with its particle ("pointed out"), or the source phrase."""
    particle = next((c for c in token.children if c.dep_ == "prt"), None)
    if particle is not None:
        return f"{token.text} {particle.text}"
    if source_object(token) is not None:
        doc = token.doc
        for phrase in lexicon().source_phrases:
            words = doc[token.i : token.i + len(phrase)]
            if tuple(t.lower_ for t in words) == phrase:
                return words.text
    return token.text


def source_object(token: Token) -> Token | None:
    """For the first word of "according to X", the head of X; else None."""
    lex = lexicon()
    if token.lower_ not in lex.source_starts:
        return None
    for phrase in lex.source_phrases:
        if token.lower_ != phrase[0] or token.i + len(phrase) > len(token.doc):
            continue
        words = token.doc[token.i : token.i + len(phrase)]
        if tuple(t.lower_ for t in words) != phrase:
            continue
        last = words[-1]
        for child in last.children:
            if child.dep_ == "pobj":
                return child
        # the parser sometimes hangs the object on the first word
        for child in token.children:
            if child.dep_ == "pobj":
                return child
        nxt = last.i + 1
        if nxt < len(token.doc) and token.doc[nxt].tag_ in _NOMINAL_START:
            return _np_head_right(token.doc[nxt])
    return None


_NOMINAL_START = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "PRP$", "JJ", "CD"})


def _np_head_right(token: Token) -> Token:
    """The head of the noun phrase that starts at `token` (walks up within the phrase)."""
    head = token
    while head.head is not head and head.head.i > head.i and head.head.tag_.startswith("NN"):
        head = head.head
    return head


def blocked(token: Token) -> bool:
    """A cue under "declined to", "refused to", negated, or an order to the reader ("Read our
    review: …"), reports no statement."""
    if any(c.dep_ == "neg" and c.i < token.i for c in token.children):
        return True  # "did not say" (a "not" after the verb is in the words: "replied: “Not.”")
    if token.tag_ == "VB" and token.dep_ == "ROOT" and not any(
            c.dep_ in ("nsubj", "aux") for c in token.children):
        return True
    if token.dep_ == "xcomp" and lemma(token.head) in lexicon().blocked_by:
        return True
    return token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children)
