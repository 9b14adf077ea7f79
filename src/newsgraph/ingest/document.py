"""What every reader yields: one raw document, decoded to text, not yet cleaned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Markup = Literal["text", "html"]


@dataclass(slots=True)
class RawDocument:
    #: where it came from: a path, a URL, "path#L12" for a JSON Lines line, "path#3" for the
    #: third record of a WARC or feed, "-" for stdin. Error messages and `Article.source` use it.
    source: str
    #: the decoded content (str, never bytes: readers detect the encoding).
    content: str
    markup: Markup
    url: str | None = None
    title: str | None = None
    #: ISO date given by the container (a JSON Lines field, a feed item, a WARC date header);
    #: the CLI's --published overrides it only when the container has none.
    published: str | None = None
    #: an id given by the container (JSON Lines `id`); the record's id stays the body hash.
    given_id: str | None = None
