"""Pairing quotation marks: which stretches of the body are inside quotes.

This works on characters, not tokens, paragraph by paragraph, because pairing is where simple
extractors break: textacy's `direct_quotations` pairs every quote-like token in order, so one
possessive apostrophe ("the Balkans’ frustration") shifts every later pair and it gives up on
the article. Here:

- double marks carry the quotations of news copy; curly marks have a direction, straight ones
  get it from what flanks them (a space before and a letter after opens);
- single marks count only in paragraphs with no double marks (headline style, British copy),
  and an apostrophe inside a word ("that’s") or after a plural s followed by a word
  ("the Balkans’ frustration") does not close one unless nothing better does;
- a quotation left open at the end of a paragraph continues into the next paragraph when that
  one opens with a quote mark (the convention of multi-paragraph quotations); each paragraph's
  stretch is its own piece, flagged `continues`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_OPEN = frozenset("“„‟«")
_CLOSE = frozenset("”»")
_STRAIGHT = '"'
_SINGLE = frozenset("‘’'")
#: two-character marks of ASCII-era wire copy: ``...'' and “...’’
_PAIR_OPEN = frozenset({"``", "‘‘"})
_PAIR_CLOSE = frozenset({"''", "’’"})
_TWO_CHAR = tuple(_PAIR_OPEN | _PAIR_CLOSE)
_ANY_DOUBLE = re.compile("``|‘‘|''|’’|[“„‟«”»\"]")
#: the same without the two-character marks, which make the scan several times slower: used
#: for the (usual) paragraphs that hold none
_DOUBLE_CHAR = re.compile('[“„‟«”»"]')
_ANY_SINGLE = re.compile("[‘’']")
#: characters after which a mark opens rather than closes
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:")
#: elisions that start with an apostrophe after a space: ’em, ’til, ’90s
_ELISION = re.compile(r"(?:em|til|tis|twas|cause|n|[0-9]{2}s?)\b", re.IGNORECASE)
#: an unclosed quotation that does not continue is kept only from this many words on, so a stray
#: mark (inches, a typo) does not make a quote of the rest of its paragraph
MIN_UNCLOSED_WORDS = 3
#: how many single marks after an opening one may close it: a quotation in single marks holds a
#: few apostrophes at most, and the bound keeps a page of stray marks linear
SINGLE_REACH = 64


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch of text between quotation marks, within one paragraph."""

    start: int  #: first character inside the marks
    end: int  #: end of the quoted text (the closing mark, or the paragraph's end)
    open_at: int  #: offset of the opening mark
    close_at: int | None  #: offset of the closing mark; None when the paragraph ends first
    paragraph: int
    continues: bool = False  #: continues the previous paragraph's unclosed quotation


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a body whose paragraphs are joined by blank lines."""
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_marked(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Marked]:
    """Every quoted stretch of the body, in text order (`paragraphs`: its paragraph spans,
    when the caller has them already)."""
    out: list[Marked] = []
    open_tail = False  # the previous paragraph ended inside a quotation
    spans = paragraph_spans(text) if paragraphs is None else paragraphs
    for k, (start, end) in enumerate(spans):
        para = text[start:end]
        marks = _ANY_DOUBLE if any(m in para for m in _TWO_CHAR) else _DOUBLE_CHAR
        if marks.search(para):
            pieces, tail = _pair_double(para, marks)
        elif _ANY_SINGLE.search(para):
            pieces, tail = _pair_single(para), None
        else:
            pieces, tail = [], None
        lead = _lead(para)
        for n, (a, a_end, b, _) in enumerate(pieces):
            out.append(Marked(start + a_end, start + b, start + a, start + b, k,
                              continues=n == 0 and open_tail and a == lead))
        if tail is not None:
            a, a_end = tail
            follows = _next_opens(text, end)
            if follows or len(para[a_end:].split()) >= MIN_UNCLOSED_WORDS:
                out.append(Marked(start + a_end, start + len(para.rstrip()), start + a, None, k,
                                  continues=not pieces and open_tail and a == lead))
            open_tail = follows
        else:
            open_tail = False
    return [m for m in out if text[m.start : m.end].strip()]


def _lead(para: str) -> int:
    return len(para) - len(para.lstrip())


def _next_opens(text: str, end: int) -> bool:
    rest = text[end : end + 8].lstrip()
    return bool(rest) and (rest[0] in _OPEN or rest[0] == _STRAIGHT or rest[:2] in _PAIR_OPEN)


def _role(para: str, i: int, mark: str) -> str:
    """'o' (opens), 'c' (closes), 't' (either: toggles) or 'O' (a closing shape typed where an
    opening one belongs) for the double mark at i."""
    before = para[i - 1] if i else " "
    after = para[i + len(mark)] if i + len(mark) < len(para) else " "
    if mark in _PAIR_OPEN:
        return "o"
    if mark in _PAIR_CLOSE:
        return "c"
    if mark in _OPEN:
        # an opening mark with a space after it opens nothing ("a 40“ shelf")
        return "c" if after.isspace() else "o"
    opening_shape = before in _BEFORE_OPEN and not after.isspace()
    if mark in _CLOSE:
        # a ” typed where “ was meant: start of paragraph or after a space, word right after
        return "O" if opening_shape and after.isalnum() else "c"
    if opening_shape:
        return "o"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "c"
    return "t"


Pair = tuple[int, int, int, int]  # opening mark start, its end, closing mark start, its end


def _pair_double(para: str, marks: re.Pattern[str]) -> tuple[list[Pair], tuple[int, int] | None]:
    """Pairs of marks in one paragraph, and an opening mark left unclosed at its end."""
    pieces: list[Pair] = []
    inside: tuple[int, int] | None = None
    for match in marks.finditer(para):
        i, mark = match.start(), match.group()
        role = _role(para, i, mark)
        if role == "O":
            role = "c" if inside is not None else "o"
        if inside is None:
            if role in "ot":
                inside = (i, match.end())
            # a closing mark with nothing open is a stray: ignore it
        elif role in "ct":
            pieces.append((inside[0], inside[1], i, match.end()))
            inside = None
        else:  # an opening mark inside a quotation: the first one was never closed
            inside = (i, match.end())
    return pieces, inside


def _single_opens(para: str, i: int) -> bool:
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if before not in _BEFORE_OPEN or not (after.isalnum() or after in "“\""):
        return False
    return not _ELISION.match(para, i + 1)


def _single_closes(para: str, i: int) -> int:
    """2 for a clear closing mark, 1 for a possessive-looking one, 0 for none."""
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if before.isspace() or (before.isalnum() and after.isalnum()):
        return 0  # after a space it opens; inside a word it is an apostrophe
    if after.isalnum():
        return 0
    if before in "sSzZ" and after == " " and para[i + 2 : i + 3].isalnum():
        return 1  # "the Balkans’ frustration"
    return 2


def _pair_single(para: str) -> list[Pair]:
    pieces: list[Pair] = []
    marks = [m.start() for m in _ANY_SINGLE.finditer(para)]
    done = -1  # marks up to this offset belong to a pair already
    for i in marks:
        if i <= done or not _single_opens(para, i):
            continue
        weak: int | None = None
        strong: int | None = None
        first = bisect.bisect_left(marks, i + 2)
        for j in marks[first : first + SINGLE_REACH]:
            kind = _single_closes(para, j)
            if kind == 2:
                strong = j
                break
            if kind == 1 and weak is None:
                weak = j
        close = strong if strong is not None else weak
        if close is not None:
            pieces.append((i, i + 1, close, close + 1))
            done = close
    return pieces
