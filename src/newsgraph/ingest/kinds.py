"""What kind of input a name is, from the name alone (reading comes later, in the readers)."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.ingest.sniff import GZIP_MAGIC, is_feed


class Kind(Enum):
    STDIN = "stdin"
    URL = "url"
    OTHER_URL = "url of a scheme we do not fetch"
    FOLDER = "folder"
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    WARC = "warc"
    FEED = "feed"
    #: a .gz with no inner suffix, or a file of an unknown type: told by its content
    UNKNOWN = "unknown"


_SUFFIXES = {
    ".txt": Kind.TEXT, ".text": Kind.TEXT, ".md": Kind.TEXT,
    ".html": Kind.HTML, ".htm": Kind.HTML, ".xhtml": Kind.HTML, ".shtml": Kind.HTML,
    ".jsonl": Kind.JSONL, ".ndjson": Kind.JSONL,
    ".warc": Kind.WARC,
    ".rss": Kind.FEED, ".atom": Kind.FEED, ".rdf": Kind.FEED, ".xml": Kind.FEED,
}
#: Kinds that can hold several articles.
MANY = frozenset({Kind.FOLDER, Kind.JSONL, Kind.WARC, Kind.FEED})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
#: URL paths that serve feeds: /feed, /rss, /atom, /feeds/..., WordPress's ?feed=rss2, and the
#: usual file names (rss.xml, index.atom).
_FEED_URL = re.compile(r"(?:^|/)(?:feeds?|rss|atom)(?:/|$)|\.(?:rss|atom|rdf|xml)$|[?&]feed=",
                       re.IGNORECASE)


def kind_of(item: str) -> Kind:
    """The kind of an input as named on the command line (a path that exists or not)."""
    if item == "-":
        return Kind.STDIN
    scheme = _SCHEME.match(item)
    if scheme:
        return Kind.URL if scheme.group(1).lower() in ("http", "https") else Kind.OTHER_URL
    path = Path(item)
    try:
        if path.is_dir():
            return Kind.FOLDER
    except (OSError, ValueError):  # a name too long, a NUL byte: the reader will say so
        pass
    return kind_of_name(path.name)


def kind_of_name(name: str) -> Kind:
    """The kind of a file from its name: its last suffix, looked through a trailing .gz."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return _SUFFIXES.get(Path(lower).suffix, Kind.UNKNOWN)


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


def in_folder(name: str) -> bool:
    """Whether a file found in a folder is read: a known kind, or a .gz with no inner suffix
    ("page.gz"). Anything else there (images, .tar.gz, notes) is passed over."""
    if kind_of_name(name) is not Kind.UNKNOWN:
        return True
    return is_gzip_name(name) and not Path(name[:-3]).suffix


def holds_many(item: str) -> bool:
    """Whether an input can hold several articles (so JSON output is an array for it).

    Decided without reading, except for a file of unknown type, whose first bytes say whether
    it is a feed; a URL counts as a feed when its path looks like one.
    """
    kind = kind_of(item)
    if kind is Kind.URL:
        try:
            parts = urlsplit(item)
        except ValueError:  # not a valid URL: the reader will say so
            return False
        return bool(_FEED_URL.search(parts.path) or _FEED_URL.search("?" + parts.query))
    if kind is Kind.UNKNOWN:
        return _file_is_feed(Path(item))
    return kind in MANY


def _file_is_feed(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except (OSError, ValueError):
        return False
    return not head.startswith(GZIP_MAGIC) and is_feed(head)
