"""The working state of one document while the rules run: its blocks and a verdict for each."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.clean.blocks import Block
from newsgraph.clean.people import merge_names

#: verdicts that move a block into the metadata rather than dropping it
MOVED = frozenset({"title", "subtitle"})


@dataclass(slots=True)
class Draft:
    """Blocks in page order with what cleaning decided so far: `verdicts[i]` is None while block
    i is still body, "title" or "subtitle" once it became metadata, else the reason it was
    dropped. Rules only ever decide open blocks, so the first rule to judge a block wins."""

    blocks: list[Block]
    verdicts: list[str | None] = field(default_factory=list)
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    updated: str | None = None

    def __post_init__(self) -> None:
        if not self.verdicts:
            self.verdicts = [None] * len(self.blocks)

    def open(self) -> list[int]:
        """Indices of the blocks still in the body, in order."""
        return [i for i, v in enumerate(self.verdicts) if v is None]

    def text(self, i: int) -> str:
        return self.blocks[i].text

    def decide(self, i: int, verdict: str) -> None:
        if self.verdicts[i] is None:
            self.verdicts[i] = verdict

    def credit(self, authors: list[str], publisher: str | None) -> None:
        self.authors = merge_names(self.authors, authors)
        self.publisher = self.publisher or publisher
