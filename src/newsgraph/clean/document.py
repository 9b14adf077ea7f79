"""What cleaning yields: the article body and its metadata, before any NLP."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.record import Removed


@dataclass(slots=True)
class CleanDocument:
    source: str
    paragraphs: list[str]
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    #: ISO date (YYYY-MM-DD) found in the page or given by the container, else None.
    published: str | None = None
    url: str | None = None
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
