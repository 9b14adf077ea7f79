"""Readers: turn paths, URLs, folders, archives and stdin into raw documents.

(Development baseline: plain files only; the full set of readers replaces it.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsgraph.errors import InputError, InputNotFound
from newsgraph.ingest.document import RawDocument
from newsgraph.settings import Settings

__all__ = ["RawDocument", "from_string", "holds_many", "read_inputs"]

_CONTAINERS = (".jsonl", ".ndjson", ".jsonl.gz", ".warc", ".warc.gz", ".rss", ".atom", ".xml")


def holds_many(item: str) -> bool:
    """Whether an input can hold several articles (so JSON output is an array for it)."""
    return Path(item).is_dir() or item.lower().endswith(_CONTAINERS)


def from_string(content: str, source: str = "<string>") -> RawDocument:
    head = content.lstrip()[:1000].lower()
    html = head.startswith("<") and any(t in head for t in ("<html", "<!doctype", "<body", "<p", "<div"))
    return RawDocument(source=source, content=content, markup="html" if html else "text")


def read_inputs(inputs: Sequence[str], settings: Settings) -> Iterator[RawDocument | InputError]:
    for item in inputs:
        path = Path(item)
        if not path.exists():
            yield InputNotFound(item, "no such file or directory")
            continue
        doc = from_string(path.read_text(encoding="utf-8"), source=item)
        if path.suffix in (".html", ".htm"):
            doc.markup = "html"
        yield doc
