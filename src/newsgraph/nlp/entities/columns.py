"""Token attributes of a document as numpy columns, read once for all of the stage's scans.

The scans for missed names (`scan.py`) and datelines look at every token; reading a token
attribute through spaCy's Python `Token` costs far more than the check itself, and each
`Doc.to_array` column of a lexeme flag (IS_UPPER, IS_TITLE...) costs as much as the cheap ones
together. So one `to_array` call reads the columns every scan needs, and the case and letter flags
are read off the word shape ("Xxxxx", "X.X.-xxx"): a document has some hundred distinct shapes,
each classified once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, HEAD, ORTH, SENT_START, SHAPE, TAG
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

#: Bits of a shape's flags.
TITLE, UPPER, LOWER, ALPHA, SPACE, HYPHENED, CAPITAL = 1, 2, 4, 8, 16, 32, 64
#: ENT_IOB values: a token outside any entity span, and the first token of one.
OUTSIDE, BEGIN = 2, 3


@dataclass(frozen=True, slots=True)
class Columns:
    orth: Any
    tag: Any
    dep: Any
    #: the index of each token's head (absolute, not spaCy's relative offset).
    head: Any
    ent_iob: Any
    #: 1 where a sentence starts.
    sent_start: Any
    #: the `TITLE`... bits of each token's shape.
    flags: Any

    def has(self, bit: int) -> Any:
        """A boolean column: the tokens whose shape has the flag."""
        return (self.flags & bit) > 0


def columns(doc: Doc) -> Columns:
    """The document's columns (O(tokens) in numpy, plus one look-up per distinct shape)."""
    a = doc.to_array([ORTH, TAG, DEP, HEAD, ENT_IOB, SHAPE, SENT_START])
    shapes = a[:, 5]
    distinct = numpy.unique(shapes)  # sorted: each token's row found by binary search
    get = _BY_SHAPE_ID.get
    strings = doc.vocab.strings
    table = numpy.array([f if (f := get(s)) is not None else _learn(strings, s)
                         for s in distinct.tolist()], dtype=numpy.int64)
    head = a[:, 3].astype(numpy.int64) + numpy.arange(len(a), dtype=numpy.int64)
    flags = table[numpy.searchsorted(distinct, shapes)]
    return Columns(a[:, 0], a[:, 1], a[:, 2], head, a[:, 4], a[:, 6].astype(numpy.int64), flags)


#: Shape hash -> flags, for every shape seen in this process (shapes are few: a few thousand
#: after millions of words, since runs of a character are cut at four).
_BY_SHAPE_ID: dict[int, int] = {}


def _learn(strings: StringStore, shape_id: int) -> int:
    flags = _BY_SHAPE_ID[shape_id] = _flags_of(strings[shape_id])
    return flags


def _flags_of(shape: str) -> int:
    # the shape keeps a word's case, letters, digits and marks ("Xxxxx", "dd,ddd", "X.X."): its
    # str predicates are the word's once "d" is a digit again. Letters of scripts without case
    # are "x" in a shape, so such a word reads as lower case: no scan looks for those.
    shape = shape.replace("d", "0")
    flags = 0
    if shape.istitle():
        flags |= TITLE
    if shape.isupper():
        flags |= UPPER
    if shape.islower():
        flags |= LOWER
    if shape.isalpha():
        flags |= ALPHA
    if shape.isspace():
        flags |= SPACE
    if shape[:1] == "X":
        flags |= CAPITAL  # "McAllen", "U.S."
        if "-" in shape[1:-1]:
            flags |= HYPHENED  # "U.S.-led", one token
    return flags


@functools.cache
def string_id(text: str) -> int:
    """spaCy's hash of a string, as the ORTH, TAG and DEP columns hold it."""
    return int(get_string_id(text))
