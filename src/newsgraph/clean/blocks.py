"""Blocks: the units cleaning judges (a paragraph, a heading, a list item), and their shape.

A text scrape becomes one block per line, or per hard-wrapped paragraph re-joined; an HTML page
becomes one block per element trafilatura kept. Every later rule reads only a block's text, its
kind and these shape tests, so text and HTML share the same rules.
"""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import dataclass
from typing import Literal

#: "line": a line of a text scrape; the rest are trafilatura's elements (a <p> or a part of one
#: split at <lb/>, a heading, a list item, a block quote, a table row) and "card", a short list
#: item made of a heading and its dek: the shape of a link to another article.
Kind = Literal["line", "p", "head", "item", "card", "quote", "row"]


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: Kind = "line"
    #: blocks of one list or one table share a group number (> 0); 0 for stand-alone blocks.
    group: int = 0


_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_WORD = re.compile(r"\w+")
# a sentence ends in . ! ? or … (or their CJK forms), possibly followed by closing quotes or
# brackets
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'’”»)\]」』）]*$")
# Chinese and Japanese are written without spaces: two characters count as a word
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9%)][.!?])[\"'’”]?\s+[\"'‘“(]?[A-Z]")
_KEY_DROP = re.compile(r"[\W_]+")


def normalize_space(text: str) -> str:
    """One space between words, none at the ends, no invisible characters; typography kept."""
    for char in _INVISIBLE:  # str.replace beats str.translate with a table 10 to 1 here
        if char in text:
            text = text.replace(char, "")
    return " ".join(text.split())  # five times faster than a regex substitution


# Latin-script text averages about 6 characters a word, space included; far longer "words" mean
# a script written without spaces
_CHARS_PER_WORD_MAX = 12


@functools.lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """Words of a line; every rule asks, so the answer is cached."""
    words = len(text.split())
    if len(text) > words * _CHARS_PER_WORD_MAX and (cjk := len(_CJK.findall(text))):
        return max(words, cjk // 2)
    return words


def ends_sentence(text: str) -> bool:
    """Whether the text ends as a sentence does; only its last characters are read."""
    return bool(_SENTENCE_END.search(text, max(0, len(text) - 8)))


def sentence_count(text: str) -> int:
    """Sentences in a paragraph, by a cheap test good enough to tell a dek from a lead."""
    return 1 + len(_SENTENCE_BREAK.findall(text)) if text else 0


def key(text: str) -> str:
    """Comparison key: case, punctuation, quote styles and spacing ignored."""
    return _KEY_DROP.sub(" ", text.casefold()).strip()


def quick_key(text: str) -> str:
    """Comparison key ignoring case only (text is already space-normalized): for the many
    comparisons where an exact repeat is what counts."""
    return text.casefold()


def has_words(text: str) -> bool:
    """Whether there is a letter or a digit in it."""
    return any(ch.isalnum() for ch in text)


def is_headline(text: str, *, max_words: int = 25) -> bool:
    """Shaped like a headline or a label: short and not ending as a sentence or a clause does.

    A final "?" or "!" still counts (headlines ask and exclaim); ".", ":", ";" and "," do not.
    """
    words = word_count(text)
    if not words or words > max_words or not has_words(text):
        return False
    end = text.rstrip("\"'’”»)] 」』）")[-1:]
    return end not in ".:;,…。，；：、"


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)[\"'‘“(]?\w+")


def title_case_share(text: str) -> float:
    """Share of the words of four letters or more, sentence openers left out, that start with
    a capital: near 1 for a Title Case headline, low for a sentence ("Protesters marched in
    Tbilisi on Sunday." has 2 of 3); 0 when fewer than three words count."""
    body = _SENTENCE_START.sub(" ", text)
    long_words: list[str] = [w for w in _WORD.findall(body) if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 3:
        return 0.0
    return sum(w[0].isupper() for w in long_words) / len(long_words)


# ---- text scrapes: lines and hard-wrapped paragraphs ------------------------------------------

# A scrape is hard-wrapped when its lines stop at a fixed width: the longest line is between
# _WRAP_MIN_WIDTH and _WRAP_MAX_WIDTH characters, at least _WRAP_MIN_FULL lines come within
# _WRAP_SLACK characters of it, and most of those full lines stop mid-sentence. 72- and 80-column
# wire copy and e-mail pass; a scrape with one paragraph per line has lines far longer than 110
# characters, and a list of one-sentence lines ends every line with a period.
_WRAP_MIN_WIDTH = 50
_WRAP_MAX_WIDTH = 110
_WRAP_MIN_FULL = 3
_WRAP_SLACK = 20


def text_blocks(content: str) -> list[Block]:
    """The blocks of a plain-text scrape: one per line, hard-wrapped paragraphs re-joined."""
    lines = [normalize_space(line) for line in content.splitlines()]
    width = _wrap_width(lines)
    blank_separated = width > 0 and any(not line for line in lines)
    blocks: list[Block] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                blocks.append(Block(" ".join(current)))
                current = []
            continue
        if current and not (width and _continues(current[-1], line, width, blank_separated)):
            blocks.append(Block(" ".join(current)))
            current = []
        current.append(line)
    if current:
        blocks.append(Block(" ".join(current)))
    return blocks


def _wrap_width(lines: list[str]) -> int:
    lengths = [len(line) for line in lines if line]
    if not lengths:
        return 0
    width = max(lengths)
    full = [line for line in lines if len(line) >= width - _WRAP_SLACK]
    if (
        not _WRAP_MIN_WIDTH <= width <= _WRAP_MAX_WIDTH
        or len(full) < _WRAP_MIN_FULL
        or statistics.median(lengths) < width - 2 * _WRAP_SLACK
        or 2 * sum(ends_sentence(line) for line in full) > len(full)
    ):
        return 0
    return width


def _continues(previous: str, line: str, width: int, blank_separated: bool) -> bool:
    """Whether `line` goes on the paragraph of `previous`: the wrapper broke there because the
    next word would not fit. Without blank lines between paragraphs, a line ending a sentence
    also ends its paragraph."""
    first_word = line.split(" ", 1)[0]
    wrapped = len(previous) + 1 + len(first_word) > width - 2
    return wrapped and (blank_separated or not ends_sentence(previous))


def median_words(texts: list[str]) -> float:
    return float(statistics.median([word_count(t) for t in texts])) if texts else 0.0
