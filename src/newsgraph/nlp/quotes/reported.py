"""Reported speech: the clause a speech cue governs, without the attribution.

Three shapes cover wire copy:

- a complement clause: "X said (that) ...", "X told Y that ...", "X has warned that ...", and
  the trailing form "..., X said." where the parser hangs the clause before the verb on it;
- a parenthetical cue: "The group has no formal process, X said, and ..." (the clause before
  the cue; the parser makes the cue a `parataxis` of it);
- a source phrase: "according to X, ..." (the clause it modifies, minus the phrase);
- a trailing attribution the parser took apart ("Emirates finalized a deal ..., executives of
  both companies announced Wednesday", with the speaker parsed as one more object).

The clause is returned as token ranges; who said it is left to `speakers`. A clause that is a
question ("asked whether ..."), not a clause at all ("declined to say which") or not finite
(the verdict of "declared the permits valid", "resolutions declaring X to be illegal") is
skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quotes.lexicon import blocked, lexicon, source_object, verb_cue

#: a clause opening with one of these asks rather than states
_QUESTION = frozenset({"whether", "if", "how", "why", "what", "when", "who", "where", "which"})
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SENTENCE_END = frozenset({".", "!", "?"})
#: what a speaker's noun phrase after a comma is made of ("executives of both companies")
_NP_TAGS = frozenset({"DT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "IN", "CD", "PRP$",
                      "POS", "HYPH", "CC"})
#: longest speaker phrase, and longest adverbial tail after the cue ("Wednesday at the Dubai
#: Air Show"), in tokens: a trailing attribution is short on both sides
_NP_MAX = 8
_TAIL_MAX = 12
#: a reported clause shorter than this (in words) is a fragment of a bad parse
MIN_WORDS = 3
#: how far (in tokens) from a source phrase its enclosing dashes or brackets may be: an aside
#: in a news sentence runs to 30-40 tokens ("-- and the fact that ... Fact Checker --" is 27)
_BRACKET_REACH = 60


@dataclass(frozen=True, slots=True)
class Reported:
    cue: Token
    pieces: tuple[tuple[int, int], ...]  #: token ranges [start, end) of the clause
    subject: Token | None = None  #: the speaker's head word, where the parse lost it
    #: where the clause ends before its closing attribution is cut ("..., according to Y"): a
    #: cue up to there is part of this report, not one of its own
    reach: int = 0

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


Cut = list[tuple[int, int]]
Pieces = tuple[tuple[int, int], ...]

_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
#: a dateline opening a wire story: "VIENNA —", "WASHINGTON (Reuters) -"
_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def find_reported(doc: Doc, tokens: Sequence[Token], paragraph_of: Sequence[int],
                  quoted: Sequence[bool], speech: Sequence[bool]) -> list[Reported]:
    """Reported clauses of the article, outermost only, in text order.

    `tokens` are the Doc's tokens and `paragraph_of[i]` the paragraph of token i. `quoted[i]`
    says whether token i is inside quotation marks (a cue there belongs to the quoted person's
    own words), `speech[i]` whether it is inside a quotation that is speech rather than a
    name: a clause holding one is mixed speech, and the record keeps the quoted words
    themselves (as the direct quotation) rather than the paraphrase around them.
    """
    finder = _Finder(tokens, paragraph_of, speech)
    found: list[Reported] = []
    for i in _candidates(doc):
        token = tokens[i]
        if quoted[i]:
            continue
        if verb_cue(token):
            if blocked(token):
                continue
            heads = _complements(token) + finder.parenthetical(token)
            heads = heads or _as_clause(token)
            for verb, cut in heads:
                found += finder.clauses(token, verb, cut)
            if not heads:
                found += finder.misparsed_trailing(token)
        elif token.dep_ == "prep" and source_object(token) is not None:
            # "according to X, ...": the clause the phrase modifies, minus the phrase
            found += finder.sourced(token)
    return _outermost(found)


def _candidates(doc: Doc) -> list[int]:
    """Indices of the verbs and source-phrase openers: the only tokens that can be cues.

    Read from the Doc's attribute arrays in one call; walking Token objects for this was a
    third of the stage's time on a 1,260-word article."""
    tags = doc.to_array("TAG")
    lowers = doc.to_array("LOWER")
    wanted = numpy.isin(tags, [get_string_id(t) for t in _VERB_TAGS]) | numpy.isin(
        lowers, [get_string_id(w) for w in lexicon().source_starts])
    return [int(i) for i in numpy.flatnonzero(wanted)]


def _as_clause(cue: Token) -> list[tuple[Token, Cut]]:
    """ "As X noted at the time, CLAUSE", "CLAUSE, as the minister warned": a speech verb in an
    "as" clause with nothing said of its own attributes the clause it modifies (not "As the
    minister announced the plan, ...", whose object is what was said)."""
    head = cue.head
    if cue.dep_ != "advcl" or head is cue or not head.tag_.startswith(("VB", "MD")):
        return []
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in cue.children):
        return []
    return [(head, [(cue.left_edge.i, cue.right_edge.i + 1)])]


def _complements(cue: Token) -> list[tuple[Token, Cut]]:
    """ "X said (that) ...", "X told Y that ...", "..., X said": the complement clauses.

    Complements on the same side of the cue are one clause cut in two by a bad parse ("say the
    compensation promised in the spring has yet to arrive" comes out as two): they are joined,
    and the first one stands for both.
    """
    out: list[tuple[Token, Cut]] = []
    # "..., X said": never the speaker's phrase, whatever the parse hangs where
    subject = [(c.left_edge.i, c.right_edge.i + 1) for c in cue.children
               if c.dep_ in ("nsubj", "nsubjpass")]
    heads = _complement_heads(cue)
    # "..., said The We Company’s recently named executive chair Marcelo Claure": with the
    # clause said before the cue and no subject, what follows it is the speaker's phrase
    inverted = not subject and any(c.i < cue.i for c in heads)
    for child in heads:
        if child.left_edge.i <= cue.i <= child.right_edge.i:
            continue  # the parse wraps the cue into its own complement: no clean clause
        if inverted and child.i > cue.i:
            continue
        if out and (out[-1][0].i < cue.i) == (child.i < cue.i):
            continue  # the second half of a split clause: joined to the first in `_span`
        out.append((child, subject))
    return out


def _complement_heads(cue: Token) -> list[Token]:
    """The cue's complement clauses, also where the parser took "told the jury that Brandt
    forged ..." or "argued for decades that ..." for a clause on the noun before it: a
    "relative clause" opened by the conjunction "that" (a `mark`, where a real one has "that"
    as its subject) is the cue's complement."""
    heads = []
    for child in cue.children:
        if child.dep_ == "ccomp":
            heads.append(child)
        elif child.dep_ == "dobj" and lemma(cue) in lexicon().with_hearer:
            heads += _that_clauses(child)
        elif child.dep_ == "prep":  # "argued for decades that ...", "said in a statement that"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    heads += _that_clauses(pobj)
    return heads


def _that_clauses(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


class _Finder:
    """Clause boundaries over the article's token list (indexing the Doc makes new Token
    objects on every access; the list is made once per article)."""

    def __init__(self, tokens: Sequence[Token], paragraph_of: Sequence[int],
                 speech: Sequence[bool]) -> None:
        self.tokens = tokens
        self.paragraph_of = paragraph_of
        self.speech = speech

    def parenthetical(self, cue: Token) -> list[tuple[Token, Cut]]:
        """ "The ceasefire, the army said, would take effect", "The group has no formal
        process, X said, and ...": the clause the cue interrupts or follows, minus the cue's
        own words."""
        head = cue.head
        if cue.dep_ != "parataxis" or not head.tag_.startswith(("VB", "MD")):
            return []
        if any(self.speech[cue.i + 1 : cue.right_edge.i + 1]):
            # quoted words after the cue inside its own phrase: the parser broke up "X said
            # the bank’s “...” had let down ...", and the record keeps the quoted words
            return []
        cut = [(cue.left_edge.i, cue.right_edge.i + 1)]
        nxt = cue.i + 1
        if (nxt < len(self.tokens) and self.tokens[nxt].tag_ in ("NNP", "NNPS", "NN", "NNS", "DT")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)):
            # "This system, says Richard Locksley, an immunologist, helps ...": the parser
            # hangs the speaker's phrase on the clause; cut it out with the cue
            phrase = self.tokens[nxt]
            while (phrase.head is not phrase and phrase.head.i > phrase.i
                   and phrase.head.tag_.startswith("NN")):
                phrase = phrase.head
            cut.append((cue.i, phrase.right_edge.i + 1))
        return [(head, cut)]

    def sourced(self, phrase: Token) -> list[Reported]:
        """ "according to X": the clause the phrase modifies, minus the phrase and, after a
        trailing phrase, minus a participle that follows it ("X is investigating WeWork,
        according to two people ..., adding to a mounting series of problems": the writer's
        comment, not the source's). A phrase inside dashes or brackets scopes over what they
        hold ("Given that history -- and the fact that X has made ..., according to Y -- there
        is ..." reports what X has made)."""
        head: Token | None = phrase.head
        cut = [(phrase.left_edge.i, phrase.right_edge.i + 1)]
        bounds = self._bracketed(phrase)
        if bounds is not None:
            lo, hi = bounds
            if head is None or not lo <= head.i < hi:
                head = self._inner_clause(lo, hi)
            cut += [(0, lo), (hi, len(self.tokens))]
        if head is None or not head.tag_.startswith(("VB", "MD")):
            return []
        if phrase.i > head.i:
            cut += [(c.left_edge.i, c.right_edge.i + 1) for c in head.children
                    if c.i > phrase.right_edge.i and c.dep_ in ("advcl", "xcomp")
                    and c.tag_ in ("VBG", "VBN")]
        return self.clauses(phrase, head, cut)

    def _bracketed(self, phrase: Token) -> tuple[int, int] | None:
        """The token range inside the dashes or brackets around a phrase, within its sentence
        (a dash on one side only is a dateline or an aside that runs to the sentence's end)."""
        tokens, home = self.tokens, self.paragraph_of[phrase.i]
        opening = None
        for i in range(phrase.left_edge.i - 1, max(-1, phrase.i - _BRACKET_REACH), -1):
            t = tokens[i]
            if t.text in _SENTENCE_END or self.paragraph_of[i] != home:
                return None
            if t.text == "(" or _dash(tokens, i):
                opening = i
                break
        if opening is None:
            return None
        for j in range(phrase.right_edge.i + 1, min(len(tokens), phrase.i + _BRACKET_REACH)):
            t = tokens[j]
            if t.text in _SENTENCE_END or self.paragraph_of[j] != home:
                return None
            if (t.text == ")") == (tokens[opening].text == "(") and (
                    t.text == ")" or _dash(tokens, j)):
                return opening + 1, j
        return None

    def _inner_clause(self, lo: int, hi: int) -> Token | None:
        """The widest clause within tokens [lo, hi)."""
        best, width = None, 0
        for t in self.tokens[lo:hi]:
            if t.tag_.startswith(("VB", "MD")) and _is_clause(t):
                w = min(t.right_edge.i + 1, hi) - max(t.left_edge.i, lo)
                if w > width:
                    best, width = t, w
        return best

    def misparsed_trailing(self, cue: Token) -> list[Reported]:
        """ "Emirates finalized a deal for 30 jets, executives of both companies announced
        Wednesday.": a trailing attribution the parser took apart (the speaker as one more
        object of the clause, the cue as a modifier of it). Recognised by its shape: a clause,
        a comma, a plain noun phrase, the cue with neither subject nor clause of its own, and
        nothing but adverbials to the end of the sentence."""
        tokens = self.tokens
        if cue.tag_ not in _FINITE:
            return []
        comma = cue.i - 1
        while comma >= 0 and cue.i - comma <= _NP_MAX and tokens[comma].tag_ in _NP_TAGS:
            comma -= 1
        if comma < 1 or comma == cue.i - 1 or tokens[comma].text != ",":
            return []
        if any(c.dep_ in _CLAUSE_DEPS or c.dep_ in ("ccomp", "dobj", "xcomp")
               for c in cue.children if not _speaker_or_hearer(c, cue, comma)):
            return []
        phrase = range(comma + 1, cue.i)
        if not any(tokens[i].tag_.startswith("NN") for i in phrase):
            return []
        end = cue.i + 1
        while end < len(tokens) and tokens[end].text not in _SENTENCE_END:
            t = tokens[end]
            if (t.tag_.startswith(("VB", "MD")) or t.is_quote or end - cue.i > _TAIL_MAX
                    or self.paragraph_of[end] != self.paragraph_of[cue.i]):
                return []
            end += 1
        start = comma
        while start > 0 and self.paragraph_of[start - 1] == self.paragraph_of[cue.i] and (
                tokens[start - 1].text not in _SENTENCE_END):
            start -= 1
        if not any(tokens[i].tag_ in _FINITE for i in range(start, comma)) or (
                tokens[start].tag_ in ("IN", "WRB") or any(
                    tokens[i].dep_ == "advcl" and not start <= tokens[i].head.i < comma
                    for i in range(start, comma))):
            return []  # "After the talks ended, the minister told reporters": no report
        pieces = self._pieces(_minus((start, comma), self._dateline((start, comma))))
        if not pieces or self._holds_speech(pieces):
            return []
        head = next((tokens[i] for i in phrase if tokens[i].tag_.startswith("NN")
                     and not comma < tokens[i].head.i < cue.i), None)
        return [Reported(cue, pieces, head)] if head is not None else []

    def clauses(self, cue: Token, verb: Token, cut: Cut) -> list[Reported]:
        """The reported clause headed by `verb`, without the `cut` ranges.

        A coordinated clause with a speech verb of its own ("..., and many owners say ...") is
        another attribution and is cut out. When the clause holds quoted speech, only its
        coordinated clauses free of quotations remain ("it was “relieved ...” and that it had
        recovered half the money" keeps "it had recovered half the money").
        """
        if not _is_clause(verb):
            return []
        span = _span(cue, verb)
        span = (span[0], self._correlative_end(cue, span))
        cut = (cut + self._outside_paragraph(cue, span) + self._dateline(span)
               + self._trailing_source(cue, span))
        conjuncts = [c for c in verb.children
                     if c.dep_ == "conj" and c.tag_.startswith(("VB", "MD")) and _has_subject(c)]
        other = [(c.left_edge.i, c.right_edge.i + 1) for c in conjuncts if verb_cue(c)]
        whole = self._pieces(_minus(span, cut + other))
        if not whole:
            return []
        if not self._holds_speech(whole):
            # a conjoined clause with a speech verb of its own ("..., and many owners SAY ...")
            # is another report, not part of this one
            reach = min([span[1]] + [a for a, _ in other if a > cue.i])
            return [Reported(cue, whole, reach=reach)]
        parts = [self._pieces(_minus(span, cut + [(c.left_edge.i, c.right_edge.i + 1)
                                                  for c in conjuncts]))]
        parts += [self._pieces(_minus((c.left_edge.i, c.right_edge.i + 1), cut))
                  for c in conjuncts if not verb_cue(c)]
        return [Reported(cue, p) for p in parts if p and not self._holds_speech(p)]

    def _correlative_end(self, cue: Token, span: tuple[int, int]) -> int:
        """ "advises the earlier people seek treatment, the more likely it is they will make a
        full recovery": a clause opening "the" + comparative runs on to its second half, which
        the parser hangs elsewhere. The end of the clause, extended so."""
        tokens, (start, end) = self.tokens, span
        while start < end and _edge(tokens[start], "``"):
            start += 1
        if not (start + 1 < end and tokens[start].lower_ == "the"
                and _comparative(tokens[start + 1])):
            return end
        j = end
        while j < len(tokens) and tokens[j].text == ",":
            j += 1
        if not (j + 1 < len(tokens) and tokens[j].lower_ == "the" and _comparative(tokens[j + 1])):
            return end
        k = j
        home = self.paragraph_of[start]
        while k < len(tokens) and tokens[k].text not in _SENTENCE_END and (
                self.paragraph_of[k] == home):
            if k == cue.i:
                return end  # "the sooner ..., the better, she said": the cue closes it
            k += 1
        return k

    def _trailing_source(self, cue: Token, span: tuple[int, int]) -> Cut:
        """ "..., according to guidance from the Mayo Clinic" closing a clause someone else
        reports: whom they cite, not what they said."""
        start, last = span[0], span[1] - 1
        while last > start and self.tokens[last].is_punct:
            last -= 1
        starts = lexicon().source_starts
        for t in self.tokens[start : last + 1]:
            if (t.lower_ in starts and t.i != cue.i and t.dep_ == "prep"
                    and t.right_edge.i == last and source_object(t) is not None):
                return [(t.left_edge.i, t.right_edge.i + 1)]
        return []

    def _holds_speech(self, pieces: Pieces) -> bool:
        return any(any(self.speech[a:b]) for a, b in pieces)

    def _outside_paragraph(self, cue: Token, span: tuple[int, int]) -> Cut:
        """What of the clause lies beyond the cue's paragraph (the parser does not stop
        there)."""
        home = self.paragraph_of[cue.i]
        start, end = span
        first = next((i for i in range(start, end) if self.paragraph_of[i] == home), end)
        last = next((i for i in range(end - 1, start - 1, -1) if self.paragraph_of[i] == home),
                    start)
        return [(start, first), (last + 1, end)]

    def _dateline(self, span: tuple[int, int]) -> Cut:
        """ "VIENNA — The house ... will be turned into a police station, the minister said":
        the dateline at a paragraph's start is no part of what was said."""
        tokens, start = self.tokens, span[0]
        if start and self.paragraph_of[start - 1] == self.paragraph_of[start]:
            return []
        place = False  # "DUBAI, United Arab Emirates —": the country after the city
        for i in range(start, min(start + 8, span[1])):
            t = tokens[i]
            if t.text in _DATELINE_DASHES:
                return [(start, i + 1)] if i > start else []
            if t.text == "," and i > start and tokens[start].is_upper:
                place = True
            elif not (t.is_upper or t.is_punct or t.is_space
                      or (t.text[:1].isupper() and (place or tokens[i - 1].text == "("))):
                return []
        return []

    def _pieces(self, ranges: list[tuple[int, int]]) -> Pieces:
        """The trimmed non-empty ranges, or none when together they are too short for a
        clause."""
        pieces = [p for p in (self._trim(a, b) for a, b in ranges) if p is not None]
        words = sum(1 for a, b in pieces for t in self.tokens[a:b] if not t.is_punct)
        return tuple(pieces) if words >= MIN_WORDS else ()

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        """The range without an opening "that", a conjunction or punctuation at either end
        (quotation marks stay: they belong to quoted words inside the clause)."""
        while start < end and _edge(self.tokens[start], "``"):
            start += 1
        while end > start and _edge(self.tokens[end - 1], "''"):
            end -= 1
        return (start, end) if start < end else None


def _speaker_or_hearer(child: Token, cue: Token, comma: int) -> bool:
    """In "..., an agency spokesman told us.": the cue's subject between the comma and the cue,
    or the hearer after a verb that takes one."""
    if child.dep_ == "nsubj":
        return comma < child.i < cue.i
    return child.dep_ in ("dobj", "dative") and child.i > cue.i and (
        lemma(cue) in lexicon().with_hearer) and (
        child.tag_ == "PRP" or lemma(child) in lexicon().person_nouns or child.tag_ == "NNP")


def _comparative(token: Token) -> bool:
    return token.tag_ in ("JJR", "RBR") or token.lower_ in ("more", "less", "fewer")


def _dash(tokens: Sequence[Token], i: int) -> bool:
    """A dash setting off an aside: "--", "—", "–", or a hyphen with spaces on both sides."""
    t = tokens[i]
    if t.text in ("--", "—", "–"):
        return True
    return t.text == "-" and bool(t.whitespace_) and i > 0 and bool(tokens[i - 1].whitespace_)


def _span(cue: Token, verb: Token) -> tuple[int, int]:
    """The clause's token range, with the complements of the same cue on the same side."""
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    if verb.dep_ == "ccomp" and verb.head == cue:
        for other in cue.children:
            if other.dep_ == "ccomp" and (other.i < cue.i) == (verb.i < cue.i):
                start = min(start, other.left_edge.i)
                end = max(end, other.right_edge.i + 1)
    return start, end


def _minus(span: tuple[int, int], cuts: Cut) -> list[tuple[int, int]]:
    out, start = [], span[0]
    for a, b in sorted(cuts):
        if b <= start or a >= span[1]:
            continue
        if a > start:
            out.append((start, a))
        start = max(start, b)
    if start < span[1]:
        out.append((start, span[1]))
    return out


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _is_clause(verb: Token) -> bool:
    """A finite clause with a subject: not "declined to say which", not a bare noun, and not
    the small clause of a verdict ("declared most settlements legal", "resolutions declaring
    settlements to be illegal"), which reports an act rather than words."""
    if not verb.tag_.startswith(("VB", "MD", "JJ")) and verb.dep_ != "ccomp":
        return False
    first = verb.left_edge
    if first.lower_ in _QUESTION:
        return False
    if not any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
        return False
    if _finite(verb):
        return True
    # a clause the parser split in two ("say the compensation promised in the spring has yet
    # to arrive": "promised" and "has") is finite if either half is
    head = verb.head
    return verb.dep_ == "ccomp" and any(
        c.dep_ == "ccomp" and c.i != verb.i and (c.i < head.i) == (verb.i < head.i)
        and _finite(c) for c in head.children)


def _finite(verb: Token) -> bool:
    if verb.tag_ in _FINITE:
        return True
    if verb.tag_ == "VB" and not any(c.tag_ == "TO" for c in verb.children):
        return True  # a subjunctive: "are demanding the FBI summon him"
    return any((c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE)
               or (c.dep_ == "mark" and c.lower_ == "that")  # "demanded that he be released"
               for c in verb.children)


def _edge(token: Token, keep_tag: str) -> bool:
    if token.is_space or token.dep_ == "cc":
        return True
    if token.is_punct:
        return token.tag_ != keep_tag
    return token.dep_ == "mark" and token.lower_ == "that"


def _outermost(found: list[Reported]) -> list[Reported]:
    """Drop clauses nested in another one ("X said Y told him that ...": X's clause holds it).

    In order of start, the kept clause reaching furthest is the one that would hold a later
    clause if any does, so one pass suffices."""
    found.sort(key=lambda r: (r.start, -r.end))
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    widest: Reported | None = None
    for r in found:
        if (r.start, r.end) in seen:
            continue
        if widest is not None and r.end <= max(widest.end, widest.reach) and (
                widest.start <= r.cue.i < max(widest.end, widest.reach)):
            continue
        out.append(r)
        seen.add((r.start, r.end))
        if widest is None or max(r.end, r.reach) > max(widest.end, widest.reach):
            widest = r
    return out
