"""What a document is, told from its first bytes: binary data, a feed, HTML or plain text."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib.resources import files

from newsgraph.ingest.decode import text_codec

#: Bytes looked at to judge a whole input.
HEAD = 8192
GZIP_MAGIC = b"\x1f\x8b"

#: Control bytes that text does not contain (tab, newlines, form feed and escape are allowed).
_CONTROL = bytes([*range(0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
#: Share of control bytes above which data is binary. Text has none (a stray NUL at most);
#: compressed or random data has about 10% (27 of 256 byte values), executables and images
#: with their runs of zeros far more.
_MAX_CONTROL_SHARE = 0.05

_FEED_ROOT = re.compile(
    rb"""^\s*(?:<\?xml[^>]*>\s*|<\?xml-stylesheet[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"""
    rb"""<(?:rss|feed|rdf:RDF|RDF)[\s>]""",
    re.IGNORECASE | re.DOTALL,
)
#: Tags that mark a text as HTML. A text that starts with one of the document tags is HTML;
#: one that merely contains markup needs several block tags, so that an article quoting "<p>"
#: once stays text.
_DOCUMENT_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                             re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|h[1-6]|article|section|main|header|footer|nav|ul|ol|li|table|tr|td"
    r"|meta|title|script|style|link|img|figure|blockquote|em|strong|b|i)\b[^<>]*>",
    re.IGNORECASE,
)
_MIN_TAGS_IN_FRAGMENT = 3


@functools.cache
def _magic() -> tuple[tuple[str, int, bytes], ...]:
    resource = files("newsgraph").joinpath("data/ingest/magic.toml")
    table = tomllib.loads(resource.read_text(encoding="utf-8"))
    return tuple(
        (f["name"], int(f.get("offset", 0)), bytes.fromhex(f["magic"])) for f in table["format"]
    )


def binary_kind(head: bytes) -> str | None:
    """What binary format the first bytes of an input show ("a PNG image"), or None for text."""
    for name, offset, magic in _magic():
        if head.startswith(magic, offset):
            return name
    if text_codec(head):  # UTF-16/32: zero bytes that are text
        return None
    sample = head[:HEAD]
    if not sample:
        return None
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return "binary data" if control / len(sample) > _MAX_CONTROL_SHARE else None


def is_feed(head: bytes) -> bool:
    """Whether a document is an RSS or Atom feed (its root element), not a web page."""
    codec = text_codec(head)
    if codec and codec != "utf-8":
        head = head.decode(codec, errors="ignore").encode("utf-8")
    return bool(_FEED_ROOT.match(head.removeprefix(b"\xef\xbb\xbf")))


def is_html(text: str) -> bool:
    """Whether a decoded text is HTML markup rather than plain text."""
    head = text[:HEAD]
    if _DOCUMENT_START.match(head):
        return True
    return len(_HTML_TAG.findall(head, 0, HEAD)) >= _MIN_TAGS_IN_FRAGMENT


def starts_as_html_document(text: str) -> bool:
    """Whether a text begins as a whole HTML document (<!doctype html>, <html>, <head>, <body>).

    A .txt file is plain text unless it is this: a page saved under the wrong name.
    """
    return bool(_DOCUMENT_START.match(text[:HEAD]))
