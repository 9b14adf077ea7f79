"""Direct quotations: where each quoted stretch sits in the parse, and what attributes it.

For each stretch between quote marks (`marks.find_marked`) this finds the cue that
attributes it, trying the places a reporter puts one, nearest first (a speech verb right
before the opening mark, "and said, “...”", before anything else, then, for a quotation
inside a sentence, a speech verb before it whose clause holds it: in "said he would “make her
pay,” the indictment said" the words are his):

1. after the closing mark, in the same sentence: "“...,” Kirby said", "“...,” said X, chair
   of ...", "“...,” according to X" (not a cue with a clause of its own: "“...” It later
   said that ..." starts a new statement);
2. before the opening mark: "X said: “...”", "X told reporters on Tuesday: “...”", "warning:
   “...”", "According to X, “...”";
3. for a quotation inside a sentence, the speech verb that governs it: "warned that the
   government “will not sit on our hands”", "has urged an “end to the violence”", also through
   the subject of the clause said ("said the president’s “mercurial temperament” had ..."),
   an infinitive said ("pledged to take “decisive action”") or a preposition that introduces
   what was said ("warned of “dangerous consequences”", "called for “restraint”"); a verb of
   deciding ("ruled", "concluded") attributes only what no speech verb above it reports;
4. a name right after a closing comma with no verb (a typo, "“...,” Andrikiene, noting that").

A stretch that is a name rather than speech is marked as such: a title after "the film" or
"so-called", or a quoted modifier of a noun ("the “one country, two systems” formula").
Quotations with none of these are left unattributed here; `quotes/__init__.py` gives a
sentence-initial one the speaker of the quotation before it, drops a quoted subheading, and
gives a scare quote none.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

import numpy
from spacy.tokens import Doc, Token

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quotes.lexicon import (
    blocked,
    cue_lemma,
    lexicon,
    naming_cue,
    source_object,
    verb_cue,
)
from newsgraph.nlp.quotes.marks import Marked

Mode = Literal["trailing", "leading", "embedded", "proximity", "none", "name"]

#: an attribution after a quotation ends its sentence within this many tokens
#: ("“...,” Laima Liucija Andrikiene, chair of Lithuania’s Foreign Affairs Committee, said" is 12)
WINDOW = 40
#: a quoted modifier of a noun longer than this is a quotation, not a name
TERM_MAX_WORDS = 6
#: a paragraph that is one quotation without closing punctuation is a subheading up to this
#: many words (news subheadings run 2-8 words; a quoted sentence of the text ends in a mark)
HEADING_MAX_WORDS = 10
_MARKS = "\"“”„‟«»‘’'`"
_CLOSING_PUNCT = frozenset(".,;:!?…")
_SENTENCE_END = frozenset({".", "!", "?"})
_INTRO = frozenset({":", ",", "—", "–", "-"})
#: marks that present what follows as the words of the clause before them
_PRESENTING = frozenset({":", "—", "–"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MODIFIER = frozenset({"amod", "compound", "nmod", "nummod"})
_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj"})


@dataclass(frozen=True, slots=True)
class Piece:
    """A quoted stretch located in the token sequence."""

    marked: Marked
    open_tok: int  #: token of the opening mark
    close_tok: int | None  #: token of the closing mark
    first: int  #: first token inside
    last: int  #: last token inside (inclusive)


@dataclass(frozen=True, slots=True)
class Attribution:
    mode: Mode
    cue: Token | None = None
    subject: Token | None = None  #: speaker's head word, when found without a cue's parse


class Layout:
    """The quoted stretches of one article and, per token, which stretch holds it."""

    def __init__(self, doc: Doc, text: str, tokens: list[Token], marked: list[Marked],
                 paragraphs: list[tuple[int, int]], entities: EntityIndex) -> None:
        self.doc = doc
        self.text = text
        #: the Doc's tokens, made once: spaCy builds a new Token object on every access
        self.tokens = tokens
        self.entities = entities
        self.paragraphs = paragraphs
        starts = doc.to_array("IDX")
        #: character offset of each token
        self.starts: list[int] = starts.tolist()
        #: paragraph of each token (the blank line between two belongs to the first)
        self.paragraph_of: list[int] = numpy.maximum(numpy.searchsorted(
            [s for s, _ in paragraphs] or [0], starts, side="right") - 1, 0).tolist()
        self._all_quoted: dict[int, bool] = {}
        self.pieces = [self._locate(m) for m in marked]
        self.piece_of = [-1] * len(doc)
        for k, p in enumerate(self.pieces):
            for i in range(p.open_tok, (p.close_tok if p.close_tok is not None else p.last) + 1):
                self.piece_of[i] = k

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def _locate(self, m: Marked) -> Piece:
        open_tok = self.token_at(m.open_at)
        close_tok = self.token_at(m.close_at) if m.close_at is not None else None
        first = self.token_at(m.start)
        if self.tokens[first].idx + len(self.tokens[first]) <= m.start:
            first += 1
        last = self.token_at(max(m.start, m.end - 1))
        return Piece(m, open_tok, close_tok, min(first, last), last)

    # ---- windows ------------------------------------------------------------------------

    def _stops(self, i: int, para: int) -> bool:
        t = self.tokens[i]
        return (self.piece_of[i] != -1 or self.paragraph_of[i] != para
                or t.text in _SENTENCE_END or (t.is_space and "\n" in t.text))

    def after(self, piece: Piece) -> list[Token]:
        """The tokens after a closing mark up to the end of the sentence or the next quote."""
        if piece.close_tok is None:
            return []
        para = self.paragraph_of[piece.close_tok]
        out = []
        for i in range(piece.close_tok + 1, min(len(self.doc), piece.close_tok + 1 + WINDOW)):
            if self._stops(i, para):
                break
            out.append(self.tokens[i])
        return out

    def before(self, piece: Piece) -> list[Token]:
        """The tokens before an opening mark back to the sentence start or the last quote."""
        para = self.paragraph_of[piece.open_tok]
        out = []
        for i in range(piece.open_tok - 1, max(-1, piece.open_tok - 1 - WINDOW), -1):
            if self._stops(i, para):
                break
            out.append(self.tokens[i])
        out.reverse()
        return out

    def words(self, piece: Piece) -> list[Token]:
        return [t for t in self.tokens[piece.first : piece.last + 1] if not t.is_punct]

    def paragraph(self, piece: Piece) -> int:
        return self.paragraph_of[piece.open_tok]

    def paragraph_of_token(self, i: int) -> int:
        return self.paragraph_of[i]

    def opens_sentence(self, piece: Piece) -> bool:
        """Nothing but punctuation between the sentence start and the opening mark."""
        return not any(not (t.is_punct or t.is_space) for t in self.before(piece))

    def all_quoted(self, piece: Piece) -> bool:
        """Whether the piece's paragraph holds nothing but quotations (and punctuation)."""
        para = self.paragraph_of[piece.open_tok]
        if para not in self._all_quoted:
            self._all_quoted[para] = self._paragraph_all_quoted(piece.open_tok, para)
        return self._all_quoted[para]

    def _paragraph_all_quoted(self, i: int, para: int) -> bool:
        while i > 0 and self.paragraph_of[i - 1] == para:
            i -= 1
        n = len(self.doc)
        while i < n and self.paragraph_of[i] == para:
            t = self.tokens[i]
            if self.piece_of[i] == -1 and not (t.is_punct or t.is_space):
                return False
            i += 1
        return True

    def is_heading(self, piece: Piece) -> bool:
        """A paragraph that is one short quotation and nothing else, with no closing
        punctuation: a subheading or a pull quote set in quotation marks, not a quotation in
        the running text."""
        if piece.marked.continues or piece.marked.paragraph >= len(self.paragraphs):
            return False
        start, end = self.paragraphs[piece.marked.paragraph]
        whole = self.text[start:end].strip().strip(_MARKS).strip()
        quoted = self.text[piece.marked.start : piece.marked.end].strip()
        return (whole == quoted and quoted[-1:] not in _CLOSING_PUNCT
                and len(self.words(piece)) <= HEADING_MAX_WORDS)

    def looks_like_title(self, piece: Piece) -> bool:
        """ "the film “Parasite” won", "“The Medium is the Message”", "code “50OFF699”": a
        title (every word but the small ones capitalised) or a code, not anyone's words."""
        words = self.words(piece)
        if len(words) == 1 and not words[0].is_alpha and any(c.isdigit() for c in words[0].text):
            return True
        content = [t for t in words if t.is_alpha and not t.is_stop]
        return bool(content) and all(t.text[0].isupper() for t in content)

    # ---- attribution --------------------------------------------------------------------

    def attribute(self, piece: Piece) -> Attribution:
        before = self.before(piece)
        lead_words = [t for t in before if not (t.is_punct or t.is_space)]
        inside_sentence = bool(lead_words) and before[-1].text not in (":", "—", "–")
        if self._is_name(piece, before, inside_sentence):
            return Attribution("name")
        # a speech verb right before the mark comes first: in "he said, “...,” the office
        # said" the words are his, and the office only reports them
        found = self._adjacent(before)
        embedded = self._embedded(piece) if found is None and inside_sentence else None
        if embedded is not None and embedded.cue is not None and embedded.cue.i < piece.open_tok:
            # "said he would “make her pay,” the indictment said": the speech verb whose clause
            # holds the quotation, before it, speaks it; the one after only reports the lot
            found = embedded
        if found is None and self.text[piece.marked.start : piece.marked.end].rstrip()[-1:] == ".":
            # a quotation that closes its own sentence is introduced, if at all, before it:
            # what follows is the next sentence ("“...out.” The Smiths’ lawyer said nothing.")
            found = self._leading(before) or self._trailing(piece)
        elif found is None:
            found = self._trailing(piece) or self._leading(before)
        return found or embedded or self._proximity(piece) or Attribution("none")

    def _adjacent(self, before: list[Token]) -> Attribution | None:
        """A speech verb right before the opening mark: "and said, “...”"."""
        words = [t for t in before if not (t.is_punct or t.is_space)]
        if words and _cue(words[-1]):
            return Attribution("leading", words[-1])
        return None

    def _trailing(self, piece: Piece) -> Attribution | None:
        words = [t for t in self.after(piece) if not t.is_punct]
        if words and words[0].lower_ == "as" and len(words) > 1:
            words = words[1:]  # "“...,” as one chief executive told me"
        if not words:
            return None
        first = words[0]
        if _own_clause(first):
            return None  # "“...done.” It later said that ...": a new statement, not an attribution
        if _cue(first) or source_object(first) is not None:
            subject = next((c for c in first.children
                            if c.dep_ in _SUBJECT and c.i > first.i), None)
            if subject is None and source_object(first) is None:
                subject = next((t for t in words[1:] if t.tag_ in ("NNP", "NN", "NNS", "PRP")),
                               None)
                subject = _np_head(subject) if subject is not None else None
            return Attribution("trailing", first, subject)
        for t in words:
            if not _cue(t):
                continue
            if _own_clause(t):
                break
            subject = next((c for c in t.children if c.dep_ in _SUBJECT), None)
            if subject is not None and subject.left_edge.i <= first.i <= subject.right_edge.i:
                return Attribution("trailing", t)
            break
        return None

    def _leading(self, before: list[Token]) -> Attribution | None:
        words = [t for t in before if not (t.is_punct or t.is_space)]
        if not words:
            return None
        last = words[-1]
        if _cue(last):
            return Attribution("leading", last)
        intro = before[-1].text if before[-1].is_punct else ""
        if intro not in _INTRO:
            return None
        for t in reversed(words):
            if source_object(t) is not None:
                return Attribution("leading", t)
            if _cue(t):
                # everything between the cue and the quote belongs to the cue's clause
                if t.left_edge.i <= last.i <= t.right_edge.i:
                    return Attribution("leading", t)
                return None
        return self._introduced(last) if intro in _PRESENTING else None

    def _introduced(self, last: Token) -> Attribution | None:
        """A colon or a dash with no speech verb: "His message was blunt — “...”" (the owner
        of a speech noun), "Meyer was blunt: “...”" (a person described by a copula)."""
        verb = last
        while verb.head is not verb and verb.dep_ not in ("ROOT", "ccomp", "conj"):
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        if lemma(subject) in lexicon().speech_nouns:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            return Attribution("leading", None, owner) if owner is not None else None
        entity = self.entities.at(subject)
        person = subject.lower_ in ("he", "she") or (entity is not None and entity.type == "PERSON")
        if person and lemma(verb) == "be":
            return Attribution("leading", None, subject)
        return None

    def _embedded(self, piece: Piece) -> Attribution | None:
        """The speech verb above a quotation inside a sentence, if it is not in its subject."""
        roots = [t for t in self.tokens[piece.first : piece.last + 1]
                 if not (piece.first <= t.head.i <= piece.last)]
        if not roots:
            return None
        node = roots[0]
        decided: Attribution | None = None  # under a verb of deciding: "ruled that ... “X”"
        for _ in range(25):
            parent = node.head
            if parent is node:
                return decided
            for child in parent.children:
                if child.dep_ == "prep" and source_object(child) is not None:
                    return Attribution("embedded", child)
            if node.dep_ in ("acl", "ccomp") and parent.tag_ in ("NN", "NNS"):
                # "his claim that the pair were “not close”": the claim's owner says it
                owner = _content_owner(parent, node)
                if owner is not None:
                    return Attribution("embedded", None, owner)
            if _cue(parent):
                if _says(node, parent) and not (node.dep_ == "prep" and node.lower_ != "as"
                                                and self.looks_like_title(piece)):
                    if verb_cue(parent) or naming_cue(parent):
                        return Attribution("embedded", parent)
                    # a verb of deciding reported by a speech verb above it: the words are
                    # that speaker's ("said Washington had concluded it was “lawful”")
                    decided = decided or Attribution("embedded", parent)
                elif node.dep_ in _SUBJECT and not _second_subject(node, parent):
                    return decided  # the quotation is in the speaker's phrase: "“X” said it"
                elif node.dep_ in _SUBJECT:
                    # "X said the bank’s “sales culture” had let down ...", parsed with the
                    # clause's subject as a second subject of "said": what X said
                    return Attribution("embedded", parent)
            # a quotation in the subject of a clause said is said too: "said the president’s
            # “mercurial temperament” had complicated the talks"
            node = parent
        return decided

    def _proximity(self, piece: Piece) -> Attribution | None:
        """ "“...,” Andrikiene, noting that ...": a name right after a closing comma."""
        text = self.text[piece.marked.start : piece.marked.end].rstrip()
        if not text.endswith(","):
            return None
        after = [t for t in self.after(piece) if not t.is_punct]
        if not after:
            return None
        entity = self.entities.at(after[0])
        if entity is None or entity.type not in ("PERSON", "ORG"):
            return None
        return Attribution("proximity", None, _np_head(after[0]))

    # ---- names --------------------------------------------------------------------------

    def _is_name(self, piece: Piece, before: list[Token], inside_sentence: bool) -> bool:
        """A title or a term in quotation marks rather than someone's words."""
        lex = lexicon()
        if before and not before[-1].is_punct:
            prev = before[-1]
            if prev.lower_ in lex.naming_before:
                if prev.dep_ == "dobj" and naming_cue(prev.head):
                    return False  # "Holt called the bill “a disgrace”": her words on the bill
                return not naming_cue(prev)
        if not inside_sentence or piece.close_tok is None:
            return False
        words = self.words(piece)
        nxt = piece.close_tok + 1
        if len(words) > TERM_MAX_WORDS or any(t.tag_ in _FINITE for t in words):
            return False
        if nxt < len(self.tokens) and self.tokens[nxt].tag_ in ("NN", "NNS"):
            return True  # "the “one country, two systems” formula"
        # "“severe” or “emergency” levels": a modifier of a noun after the quotation
        return any(t.dep_ in _MODIFIER and t.head.i > piece.last and t.head.tag_.startswith("NN")
                   for t in words if not (piece.first <= t.head.i <= piece.last))


#: how a quotation hangs from the speech verb above it when it is what was said: the clause
#: said, the thing said or named ("urged an “end to …”", "called it “dead”"), "described as"
_SAID = frozenset({"ccomp", "dobj", "oprd", "attr", "acomp", "parataxis", "xcomp"})


#: How far before the noun a "that" clause hangs from the content noun may stand, when the
#: parser hung the clause on a nearer noun: "his CLAIM in the same interview that ..." (4)
_CONTENT_REACH = 6


def _content_owner(noun: Token, clause: Token) -> Token | None:
    """The possessive owner of a content noun ("his claim", "the governor's assertion") whose
    "that" clause holds a quotation; the parser may hang the clause on a noun of a phrase
    between them ("his claim in the same interview that ...")."""
    nouns = lexicon().content_nouns
    candidates = [noun]
    if lemma(noun) not in nouns and any(c.dep_ == "mark" and c.lower_ == "that"
                                        for c in clause.children):
        doc = noun.doc
        for i in range(noun.i - 1, max(-1, noun.i - _CONTENT_REACH), -1):
            if doc[i].tag_.startswith(("VB", "MD")) or doc[i].is_punct:
                break
            candidates.append(doc[i])
    for n in candidates:
        if n.tag_ in ("NN", "NNS") and lemma(n) in nouns:
            return next((c for c in n.children if c.dep_ == "poss"), None)
    return None


def _cue(token: Token) -> bool:
    """A speech verb (or an active naming verb) that can attribute a quotation beside it."""
    return (verb_cue(token, next_to_quote=True) or naming_cue(token)) and not blocked(token)


def _second_subject(node: Token, cue: Token) -> bool:
    """A subject after the cue when the cue has one before it already: a subject of the
    clause said that the parser hung on the speech verb."""
    return node.i > cue.i and any(c.dep_ in _SUBJECT and c.i < cue.i for c in cue.children)


def _own_clause(cue: Token) -> bool:
    """Whether a cue after a quotation has a clause of its own after it ("It later said that
    it has no ..."): then it reports that clause, not the quotation before it."""
    return any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _says(node: Token, cue: Token) -> bool:
    """Whether `node`, a child of the speech verb `cue` on the way up from a quotation, is what
    the verb says, and not its subject or an action beside it ("agreed to return the “We”
    brand")."""
    lex = lexicon()
    if node.dep_ == "prep":
        # "described as “X”", "warned of “dangerous consequences”"
        return node.lower_ == "as" or node.lower_ in lex.said_prepositions
    if node.dep_ == "xcomp":
        if node.tag_ in ("JJ", "NN", "NNS", "NNP"):
            return True  # "called the plan “reckless”"
        # "pledged to take “decisive action”", "urged Rome to “stop dithering”"
        return node.tag_ == "VB" and cue_lemma(cue) in lex.infinitive_said
    return node.dep_ in _SAID


def _np_head(token: Token) -> Token:
    """The head of the name or noun phrase a token starts ("Pentagon" -> "Kirby")."""
    head = token
    for _ in range(8):
        if head.dep_ in ("compound", "amod", "det", "poss", "nmod") and head.head.i > head.i:
            head = head.head
        else:
            break
    return head
