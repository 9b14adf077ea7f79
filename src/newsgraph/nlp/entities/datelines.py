"""Wire datelines: the place in capitals that opens a story ("FRANKFURT (Reuters) -").

The small model reads a dateline as part of the next words ("ROTTERDAM - Thousands" as one ORG,
"SAO" alone as ORG, "ADDIS ABABA" as ORG). A dateline is found here by its form, before the
model's spans are used: one to five words in capitals at the start of a paragraph, closed by a
dash, a colon, an opening bracket ("(Reuters)") or a comma followed by a country or a date and then
one of those ("NAIROBI, Kenya (AP) —", "JERUSALEM, Oct 12 (Reuters) -"). Capitals the data knows
as something other than a place ("NATO -") are no dateline, nor are capitals nobody knows as a
place unless the comma form names the country after them.
"""

from __future__ import annotations

import numpy
from spacy.tokens import Doc

from newsgraph.nlp.entities.columns import SPACE, Columns
from newsgraph.nlp.entities.gazetteer import fold, places, towns
from newsgraph.nlp.entities.resources import lexicon, names

#: Punctuation that closes a dateline ("FRANKFURT (Reuters) -", "SÃO PAULO —", "ISLAMABAD:").
CLOSERS = frozenset({"(", "—", "–", "-", "--", ":"})
#: Longest dateline place, in tokens ("PORT - AU - PRINCE" is five).
_MAX_TOKENS = 6
#: How far after the comma the closer may come ("JERUSALEM, Oct 12 (Reuters) -": 3 tokens).
_COMMA_REACH = 6


def paragraph_starts(doc: Doc, cols: Columns) -> list[int]:
    """Token indices that open a paragraph (or a line)."""
    out = [0] if len(doc) else []
    for i in numpy.flatnonzero(cols.has(SPACE)).tolist():
        tok = doc[i]
        if "\n" in tok.text:
            nxt = tok.i + 1
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt < len(doc) and (not out or out[-1] != nxt):
                out.append(nxt)
    return out


def find_datelines(doc: Doc, cols: Columns) -> list[tuple[int, int]]:
    """Token spans [start, end) of the datelines of the document."""
    out: list[tuple[int, int]] = []
    for i in paragraph_starts(doc, cols):
        end = _caps_run(doc, i)
        if end == i or end >= len(doc):
            continue
        closer = doc[end].text
        text = str(doc[i:end].text)
        ref = names().refs.get(fold(text))
        if ref is not None and ref.type != "PLACE":
            continue  # "NATO - ..." opens a paragraph with an organisation
        known = ref is not None or bool(places(text)) or bool(towns(text)) \
            or fold(text) in names().capitals
        closed = closer in CLOSERS and (known or (closer == "(" and len(fold(text)) > 3))
        if closed or (closer == "," and _comma_dateline(doc, end, known)):
            out.append((i, end))
    return out


def _caps_run(doc: Doc, i: int) -> int:
    """End of the words in capitals from i: "SAO PAULO", "PORT-AU-PRINCE", "N'DJAMENA"."""
    j = i
    while j < len(doc) and j - i < _MAX_TOKENS:
        tok = doc[j]
        joined = j > i and not doc[j - 1].whitespace_ and tok.text in ("-", "'", "’") \
            and j + 1 < len(doc) and doc[j + 1].is_upper
        # "ST. LOUIS", "FT. WORTH": an abbreviation's period inside the capitals
        joined = joined or (j > i and tok.text == "." and not doc[j - 1].whitespace_
                            and doc[j - 1].is_upper and j + 1 < len(doc)
                            and doc[j + 1].is_upper and doc[j + 1].is_alpha)
        if not ((tok.is_upper and tok.is_alpha and len(tok.text) > 1) or joined
                or (j > i and not doc[j - 1].whitespace_ and tok.is_upper and tok.is_alpha)):
            break
        j += 1
    return j


def _comma_dateline(doc: Doc, comma: int, known: bool) -> bool:
    """ "NAIROBI, Kenya (AP) —": a closer within reach after the comma, and the words between
    a place or a date (a known place may be followed by anything that closes)."""
    for k in range(comma + 1, min(len(doc), comma + 1 + _COMMA_REACH)):
        if doc[k].text in CLOSERS:
            between = str(doc[comma + 1:k].text)
            if known:
                return True
            ref = names().refs.get(fold(between))
            # "ST. JOSEPH, Mich. (AP)": a state as AP style abbreviates it
            return (ref is not None and ref.type == "PLACE") or bool(places(between)) or (
                between in lexicon().state_abbreviations)
        if doc[k].is_sent_start or doc[k].tag_.startswith("VB"):
            return False
    return False
