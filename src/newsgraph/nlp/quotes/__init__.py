"""Quotations: who said what, in their words (direct) or in the reporter's (reported).

`find_quotes` reads the parsed body in four steps:

1. pair the quotation marks (`marks`) and place each quoted stretch in the parse
   (`attribution.Layout`), with the cue that attributes it or the sign that it is a name;
2. find the reported clauses (`reported`) outside the quoted words;
3. resolve every speaker in text order (`speakers`), so that "she said" can point back to the
   last person who spoke, and a quotation with no cue of its own ("“...,” she said. “...”",
   a paragraph that is one quotation) takes the speaker of the one before it;
4. build the record's `Quote` items, one per quoted stretch (a quotation that runs over several
   paragraphs gives one per paragraph, as split quotations give one per pair of marks).

Precision comes first: a quotation whose speaker cannot be told gets `speaker: None`, and a
reported clause without a speaker is not reported at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.entity_index import EntityIndex
from newsgraph.nlp.quotes.attribution import Attribution, Layout, Piece
from newsgraph.nlp.quotes.lexicon import cue_text
from newsgraph.nlp.quotes.marks import find_marked, paragraph_spans
from newsgraph.nlp.quotes.reported import Reported, find_reported
from newsgraph.nlp.quotes.speakers import Speaker, Speakers
from newsgraph.record import Quote

__all__ = ["find_quotes"]


@dataclass(slots=True)
class _Said:
    """A resolved attribution, kept for the quotations that inherit it."""

    speaker: Speaker | None
    cue: str | None
    paragraph: int
    offset: int = 0  #: where the quotation said ends, for what comes after it


def find_quotes(doc: Doc, entities: EntityIndex) -> list[Quote]:
    """The article's quotations, direct and reported, in text order."""
    # spaCy makes a new Token object on every access (and rebuilds Doc.text from them): make
    # them once for all the steps below
    tokens = list(doc)
    text = "".join([t.text_with_ws for t in tokens])
    if not text.strip():
        return []
    paragraphs = paragraph_spans(text)
    # 1. quoted stretches and what attributes them
    layout = Layout(doc, text, tokens, find_marked(text, paragraphs), paragraphs, entities)
    attributions = [layout.attribute(p) for p in layout.pieces]
    # 2. reported clauses outside quoted words
    quoted = [k != -1 for k in layout.piece_of]
    speech = [k != -1 and attributions[k].mode != "name" for k in layout.piece_of]
    reported = find_reported(doc, tokens, layout.paragraph_of, quoted, speech)
    # 3. speakers, in text order, so that a pronoun or a bare quotation can look back
    speakers = Speakers(doc, text, tokens, layout.starts, entities, paragraphs, quoted)
    attributor = _Attributor(layout, attributions, speakers)
    items: list[tuple[int, int, Reported | None]] = [
        (p.marked.start, k, None) for k, p in enumerate(layout.pieces)
    ] + [(tokens[r.start].idx, -1, r) for r in reported]
    items.sort(key=lambda x: (x[0], x[1]))
    out: list[Quote] = []
    for _, k, clause in items:
        if clause is not None:
            said = attributor.reported(clause)
            if said.speaker is not None:  # a paraphrase with nobody behind it is no quotation
                out.append(_reported_quote(tokens, text, clause, said))
        else:
            said_direct = attributor.direct(k)
            piece = layout.pieces[k]
            # one word in quotation marks inside a sentence that nobody is said to have said (a
            # handle, a term) is no quotation: the gold conventions leave single scare words
            # out ("“Never,” he said." with "he" unresolved stays: it opens its sentence)
            if said_direct is not None and (
                    said_direct.speaker is not None or len(layout.words(piece)) > 1
                    or layout.opens_sentence(piece)):
                out.append(_direct_quote(text, piece, said_direct))
    # 4. in text order
    out.sort(key=lambda q: q.span)
    return out


class _Attributor:
    """Speakers for the quotations of one article, asked in text order."""

    def __init__(self, layout: Layout, attributions: list[Attribution],
                 speakers: Speakers) -> None:
        self.layout = layout
        self.attributions = attributions
        self.speakers = speakers
        self.groups = _groups(layout.pieces)
        self._by_group: dict[int, _Said] = {}
        self._last: _Said | None = None  # the last quotation with a speaker

    def reported(self, r: Reported) -> _Said:
        said = self._resolve(r.cue, r.subject, self.layout.paragraph_of_token(r.cue.i))
        if said.speaker is not None:
            end = self.layout.tokens[r.end - 1]
            self._last = _Said(said.speaker, said.cue, said.paragraph, end.idx + len(end))
        return said

    def direct(self, k: int) -> _Said | None:
        """The speaker of quoted stretch k; None when the stretch is a name, not speech."""
        group = self.groups[k]
        said = self._by_group.get(group[0])
        if said is None:
            attribution = next((self.attributions[g] for g in group
                                if self.attributions[g].mode not in ("none", "name")),
                               self.attributions[group[0]])
            if attribution.mode == "name":
                return None
            said = self._direct(self.layout.pieces[k], attribution)
            if said is None:
                return None
            self._by_group[group[0]] = said
        if said.speaker is not None:
            piece = self.layout.pieces[k]
            self._last = _Said(said.speaker, said.cue, self.layout.paragraph(piece),
                               piece.marked.end)
        return said

    def _direct(self, piece: Piece, attribution: Attribution) -> _Said | None:
        paragraph = self.layout.paragraph(piece)
        if attribution.mode != "none":
            return self._resolve(attribution.cue, attribution.subject, paragraph)
        last = self._last
        if self.layout.opens_sentence(piece):
            if self.layout.is_heading(piece):
                return None  # a quoted subheading ("“Alarming mortality rate”"), not a quote
            # "“...,” she said. “...”", or a paragraph that is all quotation after one that
            # quoted someone: the same speaker goes on
            if last is not None and (last.paragraph == paragraph or (
                    last.paragraph == paragraph - 1 and self.layout.all_quoted(piece))):
                # ... unless someone else became the subject in between ("“...,” Smith said.
                # Jones disagreed. “...”")
                newer = self.speakers.latest_subject(last.offset, piece.marked.open_at)
                if newer is not None and newer != last.speaker:
                    return _Said(newer, None, paragraph)
                return _Said(last.speaker, last.cue, paragraph)
            return _Said(None, None, paragraph)
        if self.layout.looks_like_title(piece):
            return None
        return _Said(None, None, paragraph)  # a scare quote: nobody's words in particular

    def _resolve(self, cue: Token | None, subject: Token | None, paragraph: int) -> _Said:
        if subject is None and cue is not None:
            subject = self.speakers.subject_of(cue)
        speaker = None
        if subject is not None:
            speaker = self.speakers.of_phrase(subject)
            if speaker is not None:
                self.speakers.remember(subject.idx, speaker)
        return _Said(speaker, cue_text(cue) if cue is not None else None, paragraph)


def _groups(pieces: list[Piece]) -> list[list[int]]:
    """For each piece, the pieces of its multi-paragraph quotation (itself when alone)."""
    groups: list[list[int]] = []
    for k, p in enumerate(pieces):
        if p.marked.continues and k:
            group = groups[k - 1]
            group.append(k)
            groups.append(group)
        else:
            groups.append([k])
    return groups


def _direct_quote(text: str, piece: Piece, said: _Said) -> Quote:
    start, end = _strip(text, piece.marked.start, piece.marked.end)
    return _quote(text[start:end], said, True, (start, end))


def _reported_quote(tokens: list[Token], text: str, r: Reported, said: _Said) -> Quote:
    spans = [(tokens[a].idx, tokens[b - 1].idx + len(tokens[b - 1].text)) for a, b in r.pieces]
    words = " ".join(text[a:b] for a, b in spans)
    return _quote(words, said, False, (spans[0][0], spans[-1][1]))


def _quote(text: str, said: _Said, direct: bool, span: tuple[int, int]) -> Quote:
    speaker = said.speaker
    return Quote(text=text, speaker=speaker.name if speaker else None,
                 speaker_id=speaker.id if speaker else None, direct=direct, span=span,
                 cue=said.cue)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
