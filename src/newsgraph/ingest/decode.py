"""Bytes to text: find the encoding of a page or file instead of failing on it.

The order follows what browsers do, with one change: bytes that are valid UTF-8 are read as
UTF-8 before any declared charset is believed, because servers and CMS templates often declare
ISO-8859-1 for pages that are really UTF-8, while non-ASCII text in a legacy encoding is almost
never valid UTF-8 by chance.

1. a byte-order mark;  2. UTF-16/32 without a mark (told by where the zero bytes fall);
3. UTF-8, also when a few stray bytes break it (a page pasted together from two sources);
4. the charset declared by HTTP, then by the document (<meta charset>, <?xml encoding>);
5. charset-normalizer's guess;  6. Windows-1252, with replacement characters.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (  # UTF-32 LE before UTF-16 LE: its mark starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Labels that mean Windows-1252 on the web (WHATWG Encoding Standard): pages declaring
#: ISO-8859-1 or ASCII use its curly quotes and dashes at 0x80-0x9F all the time.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                 "iso_8859-1", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252"}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([-\w.:]+)""")
#: How far into a document a charset declaration is looked for. The HTML standard's prescan
#: stops at 1,024 bytes; real pages put long <script> and <link> blocks first, so we look
#: further: in the 62 benchmark pages of tests/fixtures/corpus/html, <meta charset> comes as
#: late as byte 13,089 (and after 1,024 bytes in 7 of them).
_DECLARATION_SCAN = 16384
#: Non-ASCII letters, and runs of three or more of them. In Western European text under a
#: tenth of accented letters sit in such runs (Grüße has a run of two); in any other script
#: read as Windows-1252 nearly all do.
_ACCENTED = re.compile(r"[^\x00-\x7f\W\d_]")
_ACCENTED_RUN = re.compile(r"[^\x00-\x7f\W\d_]{3,}")
_MAX_RUN_SHARE = 0.1
#: Broken sequences allowed per good non-ASCII character in text still read as UTF-8. Text in
#: a legacy encoding has next to no good ones (an accented letter must be followed by exactly
#: the right continuation bytes), so one bad per two good still tells them apart.
_MAX_BAD_SHARE = 0.5
#: Bytes looked at to tell UTF-16/32 without a byte-order mark.
_WIDE_SAMPLE = 4096


def decode(data: bytes, declared: str | None = None) -> str:
    """The text of `data`; `declared` is a charset from outside (an HTTP Content-Type)."""
    codec = text_codec(data[:_WIDE_SAMPLE])  # 1, 2
    if codec:
        return _strip_bom(data.decode(codec, errors="replace"))
    try:  # 3
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    for label in (declared, declared_charset(data)):  # 4
        text = _try(data, label)
        if text is not None:
            return text
    return _guess(data)  # 5, 6


def text_codec(head: bytes) -> str | None:
    """The codec of data that starts with a byte-order mark or is UTF-16/32 without one."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    return _wide_codec(head)


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares for itself in its first bytes."""
    head = data[:_DECLARATION_SCAN]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few bytes that break it, decoded with replacement characters; None
    when the data is not UTF-8 at all. Text in a legacy encoding almost never forms a valid
    multi-byte UTF-8 sequence, so it shows no good sequences next to its bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if c > "\x7f") - bad
    return text if good and bad <= good * _MAX_BAD_SHARE else None


def _wide_codec(head: bytes) -> str | None:
    """UTF-16 or UTF-32 text written without a byte-order mark.

    Mostly-Latin text in these encodings has a zero byte beside almost every letter, always on
    the same side; any other data (binary, or CJK UTF-16, which we leave to the binary test)
    does not show that pattern. The 90% / 5% bounds leave room for a few non-Latin characters.
    """
    sample = head[: len(head) - len(head) % 4]
    if len(sample) < 8:
        return None
    zero = [sample[i::4].count(0) / (len(sample) // 4) for i in range(4)]
    candidates: tuple[tuple[str, bool], ...] = (
        ("utf-32-le", zero[0] < 0.05 and min(zero[1:]) > 0.9),
        ("utf-32-be", zero[3] < 0.05 and min(zero[:3]) > 0.9),
        ("utf-16-le", max(zero[0], zero[2]) < 0.05 and min(zero[1], zero[3]) > 0.9),
        ("utf-16-be", max(zero[1], zero[3]) < 0.05 and min(zero[0], zero[2]) > 0.9),
    )
    for codec, fits in candidates:
        if fits:
            try:
                sample.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def _try(data: bytes, label: str | None) -> str | None:
    """`data` decoded with a declared charset, or None if the label is unknown or wrong."""
    if not label:
        return None
    name = label.strip().lower()
    if name.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        return None  # a declaration cannot make 8-bit data wide (HTML standard: use UTF-8)
    for candidate in ("cp1252", name) if name in _WINDOWS_1252 else (name,):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _guess(data: bytes) -> str:
    """charset-normalizer's answer when it recognises a language; else Windows-1252 when the
    bytes read as a Western text in it; else charset-normalizer's answer anyway.

    On a sentence or two, charset-normalizer recognises no language and picks among the
    encodings that decode the bytes at random (Mac Icelandic for "the mayor’s “plan”"), while
    Windows-1252, the web's commonest legacy encoding, is right for most such text.
    """
    from charset_normalizer import from_bytes  # lazy: 20-60 ms to import, rarely needed

    best = from_bytes(data).best()
    if best is not None and best.coherence > 0:
        return _strip_bom(str(best))
    western = _western(data)
    if western is not None:
        return western
    if best is not None:
        return _strip_bom(str(best))
    return data.decode("cp1252", errors="replace")


def _western(data: bytes) -> str | None:
    """`data` as Windows-1252 if that gives a Western text: accented letters stand alone
    inside words (président, Grüße). Cyrillic, Greek or CJK bytes read this way give runs of
    accented letters instead (Ìîñêâà)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    accented = len(_ACCENTED.findall(text))
    in_runs = sum(len(run) for run in _ACCENTED_RUN.findall(text))
    return text if in_runs <= _MAX_RUN_SHARE * accented else None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text
