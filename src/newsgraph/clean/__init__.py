"""Cleaning: from a raw document to the article body and its metadata.

(Development baseline: one paragraph per non-empty line; the real cleaners replace it.)
"""

from __future__ import annotations

from newsgraph.clean.document import CleanDocument
from newsgraph.errors import NoArticle
from newsgraph.ingest.document import RawDocument

__all__ = ["CleanDocument", "clean"]


def clean(raw: RawDocument) -> CleanDocument:
    paragraphs = [line.strip() for line in raw.content.splitlines() if line.strip()]
    if not paragraphs:
        raise NoArticle(raw.source, "no article text found")
    return CleanDocument(source=raw.source, paragraphs=paragraphs, url=raw.url,
                         title=raw.title, published=raw.published)
