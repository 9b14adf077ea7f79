"""Numerals in a parsed document: where each number is written and what it is worth.

A numeral is the run of tokens that writes one number: digits ("3,000", "5.1"), digits with a
glued multiplier or currency ("1.5bn", "€2bn", "HK$3bn"), number words ("six", "two hundred and
fifty", "a dozen", "half a million"), digits followed by scale words ("5.1 million", "500
crore"), vague magnitudes ("thousands", "tens of thousands", "several hundred"), and a currency
symbol or code written before any of these ("$ 150 million", "USD 5m"). Two numerals joined by a
dash, "to", "or" or "between ... and" make one range.

This module knows number syntax only; what a number counts, and whether it is a quantity at
all, is decided by `quantities`. Values follow the conventions documented in
``data/quantities/numbers.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.attrs import IS_ALPHA, LOWER, PREFIX
from spacy.strings import get_string_id
from spacy.tokens import Doc

from newsgraph.nlp.pipeline import lemma
from newsgraph.nlp.quantities.lexicon import QuantityLexicon, lexicon

_RANGE_JOINERS = frozenset({"-", "–", "—", "to", "or"})


@dataclass(frozen=True, slots=True)
class Numeral:
    start: int  # first token index (a currency symbol written before the digits, "between")
    end: int  # one past the last token
    value: float
    currency: str | None = None  # ISO code from a symbol or code written with the number
    vague: str | None = None  # the vague phrase ("thousands of") when the number is a magnitude
    high: float | None = None  # upper bound of a range
    scaled: bool = False  # a scale word or suffix was written ("million", "bn")
    digits: bool = False  # written with digits (not words)


@functools.cache
def _digit_pattern() -> re.Pattern[str]:
    """Digits with an optional glued currency symbol and multiplier ("US$1.2bn", "3.5k")."""
    lex = lexicon()
    symbols = sorted(lex.currency_symbols, key=len, reverse=True)
    suffixes = sorted(lex.suffixes, key=len, reverse=True)
    return re.compile(
        r"(?P<cur>" + "|".join(re.escape(s) for s in symbols) + r")?"
        r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        r"(?P<suf>(?i:" + "|".join(re.escape(s) for s in suffixes) + r"))?"
    )


def _digits(text: str, lex: QuantityLexicon) -> tuple[float, str | None, bool] | None:
    """(value, currency, scaled) of a token written with digits, or None."""
    m = _digit_pattern().fullmatch(text)
    if m is None:
        return None
    value = float(m["num"].replace(",", ""))
    cur = lex.currency_symbols.get(m["cur"]) if m["cur"] else None
    suf = m["suf"]
    if m["cur"] in lex.symbols_need_scale and not suf:
        return None  # "N95", "R2": a name, not 95 naira
    if suf:
        if suf.lower() == "b" and cur is None:  # "5b" without a currency: a label, not billions
            return None
        value *= lex.suffixes[suf.lower()]
    return value, cur, bool(suf)


@dataclass(frozen=True, slots=True)
class _Openers:
    """Hash arrays of what can open a numeral: lower-case words ("six", "thousands", "usd"),
    first characters (digits, "$", "€", the "U" of "US$"), and the words after which "a" opens
    one ("a million", "a dozen"); plus the currency symbols that start with a letter."""

    words: npt.NDArray[np.uint64]
    chars: npt.NDArray[np.uint64]
    articles: npt.NDArray[np.uint64]
    after_a: frozenset[int]
    lettered: tuple[str, ...]


@functools.cache
def _openers() -> _Openers:
    lex = lexicon()
    words = {*lex.words, *lex.vague, *lex.vague_counts, *lex.fractions}
    words |= {c.lower() for c in lex.currency_codes}
    words |= {s.lower() for s in lex.currency_symbols if s[0].isalpha()}  # "Rs 500 crore"
    chars = {s[0] for s in lex.currency_symbols} | set("0123456789")
    after_a = {*_WORD_SCALES, "dozen", *lex.vague_counts}

    def hashes(items: set[str]) -> npt.NDArray[np.uint64]:
        return np.array(sorted(get_string_id(w) for w in items), dtype=np.uint64)

    return _Openers(
        hashes(words), hashes(chars), hashes({"a", "an"}),
        frozenset(get_string_id(w) for w in after_a),
        tuple(s for s in lex.currency_symbols if s[0].isalpha()),
    )


def token_columns(doc: Doc) -> npt.NDArray[np.uint64]:
    """Columns [lower-case hash, first-character hash, is alphabetic], one row per token.

    The scan compares whole columns with the opener hashes (numpy, vectorized), so that the full
    parse, and even the creation of a Token object, happens only for the few tokens that can
    start a number: this keeps the stage inside its budget of a few milliseconds per article.
    """
    return np.asarray(doc.to_array([LOWER, PREFIX, IS_ALPHA]), dtype=np.uint64)


def scan_numerals(doc: Doc, cols: npt.NDArray[np.uint64] | None = None) -> list[Numeral]:
    """Every numeral of the document, in order, ranges joined (`cols`: `token_columns(doc)`)."""
    if not len(doc):
        return []
    lex = lexicon()
    op = _openers()
    cols = token_columns(doc) if cols is None else cols
    lows = cols[:, 0]
    words = np.isin(lows, op.words)
    article = np.isin(lows, op.articles)
    glued = np.isin(cols[:, 1], op.chars) & (cols[:, 2] == 0)
    out: list[Numeral] = []
    n, skip_to = len(doc), 0
    for i in np.flatnonzero(words | article | glued).tolist():
        if i < skip_to:
            continue
        if article[i]:  # "a million", "a dozen", "a few thousand"
            if i + 1 >= n or int(lows[i + 1]) not in op.after_a:
                continue
        elif not words[i]:
            text = doc[i].text
            if text[0].isalpha() and not text.startswith(op.lettered):
                continue  # "U.S.", "A.I.": capitals that only some currency symbols start with
        num = _parse_at(doc, i, lex)
        if num is not None:
            out.append(num)
            skip_to = num.end
    return _join_ranges(doc, out, lex)


def _parse_at(doc: Doc, i: int, lex: QuantityLexicon) -> Numeral | None:
    """The numeral starting at token i, if one does."""
    tok = doc[i]
    currency = None if tok.text in lex.symbols_need_scale else (
        lex.currency_symbols.get(tok.text) or lex.currency_codes.get(tok.text)
    )
    j = i + 1 if currency else i
    if j >= len(doc):
        return None
    num = _number(doc, j, lex)
    if num is None:
        return None
    return Numeral(i, num.end, num.value, num.currency or currency, num.vague, num.high,
                   num.scaled, num.digits)


def _number(doc: Doc, j: int, lex: QuantityLexicon) -> Numeral | None:
    tok = doc[j]
    parsed = _digits(tok.text, lex)
    if parsed is not None:
        value, cur, scaled = parsed
        end, mult = _scale_words(doc, j + 1, lex) if not scaled else (j + 1, 1.0)
        return Numeral(j, end, value * mult, cur, scaled=scaled or mult != 1.0, digits=True)
    if _GLUED_RANGE.search(tok.text):
        return _glued_range(doc, j, lex)
    return _words(doc, j, lex) or _vague(doc, j, lex)


#: a range written as one token: the tokenizer keeps "350–375" and "20—30" whole (not "20-30")
_GLUED_RANGE = re.compile(r"\d[–—]\d")


def _glued_range(doc: Doc, j: int, lex: QuantityLexicon) -> Numeral | None:
    """ "350–375 million", "$20–30bn": both ends in one token; a scale written once (after the
    token or glued to its upper end) applies to both. Two years ("2019–2020") and a score or a
    falling pair ("3–1") are no range, and no number."""
    low_text, sep, high_text = doc[j].text.replace("—", "–").partition("–")
    low, high = _digits(low_text, lex), _digits(high_text, lex)
    if not sep or low is None or high is None or low[1] is not None:
        return None
    end, mult = _scale_words(doc, j + 1, lex) if not high[2] else (j + 1, 1.0)
    low_value, high_value = low[0] * mult, high[0] * mult
    if high[2] and not low[2] and low[0] < high[0]:
        digits = _digit_pattern().fullmatch(high_text)
        if digits is None:
            return None
        low_value *= high[0] / float(digits["num"].replace(",", ""))
    if not low_value < high_value or (mult == 1.0 and not high[2] and all(
            len(t) == 4 and 1000 <= v <= 2100 for t, v in ((low_text, low[0]),
                                                         (high_text, high[0])))):
        return None
    return Numeral(j, end, low_value, high[1], high=high_value, scaled=mult != 1.0 or high[2],
                   digits=True)


def _scale_words(doc: Doc, k: int, lex: QuantityLexicon) -> tuple[int, float]:
    """Scale words after a number ("million", "hundred thousand"): (end, multiplier)."""
    mult = 1.0
    while k < len(doc):
        low = doc[k].lower_
        scale = lex.scales.get(low)
        # "m" is a scale only glued to the number's side ("30 m" is rare but "£30 m" exists);
        # a following hyphen ("a 3 m-high wall") means a measure
        if scale is None or (low in ("m", "m.") and mult != 1.0):
            break
        mult *= scale
        k += 1
    return k, mult


_WORD_SCALES = ("hundred", "thousand", "million", "billion", "trillion", "lakh", "crore")


def _words(doc: Doc, j: int, lex: QuantityLexicon) -> Numeral | None:
    """A number written in words: "six", "two hundred and fifty", "a dozen", "half a million"."""
    n = len(doc)
    fraction = lex.fractions.get(doc[j].lower_)
    if fraction is not None:  # "half a million"
        if j + 2 < n and doc[j + 1].lower_ == "a" and doc[j + 2].lower_ in _WORD_SCALES:
            end, mult = _scale_words(doc, j + 2, lex)
            return Numeral(j, end, fraction * mult, scaled=True)
        return None
    total, current, k, seen, scaled = 0.0, 0.0, j, False, False
    while k < n:
        low = doc[k].lower_
        nxt = doc[k + 1].lower_ if k + 1 < n else ""
        if low in ("a", "an"):
            if seen or not (nxt in _WORD_SCALES or nxt == "dozen"):
                break
            current, seen = 1.0, True
        elif low == "dozen":
            current, seen = max(current, 1.0) * 12, True
        elif low in lex.words:
            if seen and not _adds(current, lex.words[low]):
                break
            current, seen = current + lex.words[low], True
        elif low in _WORD_SCALES and seen:
            if low == "hundred":
                current *= 100
            else:
                total, current = total + max(current, 1.0) * lex.scales[low], 0.0
            scaled = True
        elif not (low in ("-", "and") and seen and nxt in lex.words and nxt != "dozen"
                  and (low == "-" or total or current >= 100)):
            break  # a hyphen or "and" continues "twenty-five", "two hundred and fifty"
        k += 1
    if not seen:
        return None
    return Numeral(j, k, total + current, scaled=scaled)


def _adds(current: float, word: float) -> bool:
    """Whether a number word extends the one read so far ("twenty" + "five", "hundred" + "six")."""
    if current == 0:
        return True
    if current % 100 == 0:
        return word < 100
    return current % 10 == 0 and current >= 20 and word < 10


def _vague(doc: Doc, j: int, lex: QuantityLexicon) -> Numeral | None:
    """Vague magnitudes: "thousands (of)", "tens of thousands", "several hundred", "dozens"."""
    n = len(doc)
    start, low = j, doc[j].lower_
    if low in ("a", "an") and j + 1 < n and doc[j + 1].lower_ in lex.vague_counts:
        j, low = j + 1, doc[j + 1].lower_  # "a few thousand", "a couple of hundred"
    if low in lex.vague_counts:
        k = j + 2 if j + 1 < n and doc[j + 1].lower_ == "of" else j + 1
        word = doc[k].lower_ if k < n else ""
        if word not in _WORD_SCALES and word != "dozen":
            return None
        value = lex.vague_counts[low] * (12 if word == "dozen" else lex.scales[word])
        return _vague_end(doc, start, k + 1, value)
    if low not in lex.vague:
        return None
    value, k = lex.vague[low], j + 1
    of = k < n and doc[k].lower_ == "of"
    if of and k + 1 < n and doc[k + 1].lower_ in ("hundreds", "thousands", "millions", "billions"):
        value = value / 2 * lex.vague[doc[k + 1].lower_]  # "tens of thousands" = 20 x 1000
        k += 2
    elif not of and (low in ("tens", "scores") or doc[j].tag_ not in ("NNS", "NNPS", "CD")):
        return None  # "scores" the verb; "tens" only in "tens of thousands"
    return _vague_end(doc, start, k, value)


def _vague_end(doc: Doc, start: int, end: int, value: float) -> Numeral:
    words = [t.lower_ for t in doc[start:end]]
    if end < len(doc) and doc[end].lower_ == "of":
        words.append("of")
    phrase = " ".join(w for w in words if w not in ("a", "an"))
    return Numeral(start, end, value, vague=phrase, scaled=True)


def _join_ranges(doc: Doc, nums: list[Numeral], lex: QuantityLexicon) -> list[Numeral]:
    """Join "20-30", "20 to 30", "two or three", "between 20 and 30" into one Numeral."""
    out: list[Numeral] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        joined = _range(doc, a, b, lex) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _range(doc: Doc, a: Numeral, b: Numeral, lex: QuantityLexicon) -> Numeral | None:
    if a.vague or b.vague or b.start - a.end != 1:
        return None
    joiner = doc[a.end].lower_
    before = doc[a.start - 1] if a.start > 0 else None
    between = before is not None and before.lower_ == "between"
    if not (joiner in _RANGE_JOINERS or (joiner == "and" and between)):
        return None
    from_ = before is not None and before.lower_ == "from"
    if joiner == "to" and before is not None and (
        lemma(before.head if from_ else before) in lex.change_verbs
    ):
        return None  # "rose from 20 to 30", "rose $2 to $85": a change and a level, no range
    if joiner == "to" and before is not None and before.lower_ == "by" and (
        lemma(before.head) in lex.change_verbs and b.value >= 2 * a.value
    ):
        return None  # "cut by 30 to 126": the change, then the level ("by 20 to 30": a range)
    low = a.value
    if b.scaled and not a.scaled and b.value > 0:
        # "20 to 30 million", "$20-30bn": the scale written once applies to both ends
        base = _unscaled(doc, b)
        if base and low < base:
            low *= b.value / base
    if not low < b.value:
        return None  # "3-1" is a score, "2019-2020" two years (dropped later as dates)
    if a.currency and b.currency and a.currency != b.currency:
        return None
    start = a.start - 1 if between or from_ else a.start
    return Numeral(
        start, b.end, low, a.currency or b.currency, None, b.value, b.scaled, a.digits or b.digits
    )


def _unscaled(doc: Doc, num: Numeral) -> float | None:
    """The value written before the scale in a numeral ("30" of "30 million", "30" of "$30bn")."""
    lex = lexicon()
    for tok in doc[num.start : num.end]:
        m = _digit_pattern().fullmatch(tok.text)
        if m is not None:
            return float(m["num"].replace(",", ""))
        if tok.lower_ in lex.words:
            return lex.words[tok.lower_]
    return None
