"""What every reader yields: one raw document, decoded to text, not yet cleaned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Markup = Literal["text", "html"]


@dataclass(slots=True)
class RawDocument:
    #: where it came from, stable across runs (--resume relies on it): a path, a URL as given,
    #: "path#L12" for a JSON Lines line, "path#3" for the third record of a WARC, "feed#<guid>"
    #: for a feed item (a feed's window moves, its guids do not), "-" for stdin.
    source: str
    #: the decoded content (str, never bytes: readers detect the encoding).
    content: str
    markup: Markup
    url: str | None = None
    title: str | None = None
    #: ISO date given by the container (a JSON Lines field, a feed item's date); it wins over
    #: --published. A WARC's date is the crawl's, not the article's, and is not used.
    published: str | None = None
    #: an id given by the container (JSON Lines `id`); the record's id stays the body hash.
    given_id: str | None = None
