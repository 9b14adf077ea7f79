"""One article from the bytes of a page or a text file: checked, decoded, its markup told."""

from __future__ import annotations

from newsgraph.errors import BinaryInput, EmptyInput
from newsgraph.ingest.decode import decode
from newsgraph.ingest.document import Markup, RawDocument
from newsgraph.ingest.sniff import HEAD, binary_kind, is_html, starts_as_html_document


def from_string(content: str, source: str = "<string>") -> RawDocument:
    """A document from text in memory: HTML when it looks like markup, plain text otherwise."""
    markup: Markup = "html" if is_html(content) else "text"
    return RawDocument(source=source, content=content, markup=markup)


def check_text(data: bytes, source: str) -> None:
    """Refuse data that is empty or binary, before decoding it."""
    if not data.strip():
        raise EmptyInput(source, "empty or only whitespace: there is no article in it")
    kind = binary_kind(data[:HEAD])
    if kind:
        raise BinaryInput(source, f"{kind}, not text or HTML")


def page_document(
    data: bytes,
    source: str,
    *,
    markup: Markup | None = None,
    charset: str | None = None,
    url: str | None = None,
) -> RawDocument:
    """The raw document of a page or text.

    `markup` is what the name or the Content-Type says: "html" is believed, "text" gives way
    only to a whole HTML document (a page saved as .txt), None lets the content decide.
    `charset` is the encoding declared outside the data (HTTP).
    """
    check_text(data, source)
    text = decode(data, charset)
    if not text.strip():
        raise EmptyInput(source, "empty or only whitespace: there is no article in it")
    if markup is None:
        markup = "html" if is_html(text) else "text"
    elif markup == "text" and starts_as_html_document(text):
        markup = "html"
    return RawDocument(source=source, content=text, markup=markup, url=url)
