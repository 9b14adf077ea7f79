"""HTML pages: trafilatura finds the main text and the metadata; we keep its block structure.

One `bare_extraction` call per page gives both the body (as trafilatura's XML: <p>, <head>,
<list>/<item>, <quote>, <table>) and the metadata (title, description, author, date via
htmldate). The body is turned into blocks, one per paragraph, so the same chrome rules as for
text scrapes can judge each one. The site's name and the structured authors are read from the
same parsed tree by newsgraph.clean.meta, which keeps every candidate where trafilatura keeps one,
and are chosen and cleaned by newsgraph.clean.site and newsgraph.clean.authors.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsgraph.clean.authors import author_names
from newsgraph.clean.blocks import Block, Kind, normalize_space
from newsgraph.clean.meta import (
    Shown,
    read_head,
    shown_as,
    shown_byline,
    shown_dek,
    shown_headline,
)
from newsgraph.clean.site import choose_publisher, strip_site_name

# Options of trafilatura.bare_extraction, measured on the 62 pages of
# tests/fixtures/corpus/html with benchmarks/html_extraction.py (word 4-gram F1 of our clean
# body against the hand-checked bodies, our cleaning included): 0.976 as set here. Comments are
# not the article (0.971 with them); favor_precision (0.966), no tables (0.968) and trafilatura's
# own deduplication (0.967) scored lower; favor_recall changed nothing. `fast` skips the second
# pass through the readability/jusText fallbacks: it changed no page of the benchmark and saves
# a fifth of the time (22 instead of 26 ms of CPU a page, metadata included).
_OPTIONS: dict[str, Any] = {
    "fast": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
}
_LANG = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "head", "quote", "list", "item", "table", "row", "code"})


def _not_shown(text: str) -> Shown:
    return None


@dataclass(slots=True)
class Page:
    blocks: list[Block]
    title: str | None = None
    description: str | None = None
    #: the dek the page shows under its headline, when its markup names it one
    dek: str | None = None
    #: how the page shows a text (newsgraph.clean.meta.shown_as): asked of the description only
    #: when the blocks do not settle whether it is the dek (the search costs 0.4 ms a page)
    shown_as: Callable[[str], Shown] = _not_shown
    authors: list[str] = field(default_factory=list)
    sitename: str | None = None
    #: every name the page gives its site, most trusted first (see newsgraph.clean.site)
    site_names: list[str] = field(default_factory=list)
    hostname: str | None = None
    date: str | None = None
    language: str | None = None


def read_page(html: str, url: str | None = None) -> Page | None:
    """The main text of a page as blocks, with its metadata; None when trafilatura finds none.

    The page is parsed once: our metadata reading (newsgraph.clean.meta) and trafilatura share
    the tree, trafilatura working on a copy of it.
    """
    try:
        tree = load_html(html)
        doc = trafilatura.bare_extraction(tree, url=url, **_OPTIONS) if tree is not None else None
    except (ValueError, TypeError):  # unparsable markup, an empty tree
        return None
    if not isinstance(doc, Document) or doc.body is None:
        return None
    title = _meta(doc.title)
    head = read_head(tree, url, title)
    title = shown_headline(tree, title)
    description = _meta(doc.description)
    trafilatura_authors = (doc.author or "").split(";")
    return Page(
        blocks=list(_blocks(doc.body)),
        title=strip_site_name(title, head.site_names, head.hostname) if title else None,
        description=description,
        dek=shown_dek(tree, title),
        shown_as=functools.partial(shown_as, tree),
        authors=author_names(head.authors, head.site_names, head.hostname)
        or author_names(trafilatura_authors, head.site_names, head.hostname)
        or author_names(shown_byline(tree), head.site_names, head.hostname),
        sitename=choose_publisher(head.site_names),
        site_names=head.site_names,
        hostname=head.hostname,
        date=_meta(doc.date),
        language=_language(html),
    )


def _meta(value: object) -> str | None:
    return normalize_space(value) or None if isinstance(value, str) else None


def _language(html: str) -> str | None:
    found = _LANG.search(html, 0, 5000)
    return found[1].lower() if found else None


def _blocks(body: Any) -> Iterator[Block]:
    """Blocks of trafilatura's body; loose text between its elements is a paragraph too."""
    group = 0
    yield from _lines(body.text or "", "p", 0)
    for element in body:
        tag = element.tag
        if tag in ("list", "table"):
            group += 1
            kind: Kind = "item" if tag == "list" else "row"
            parts = element.iter("item") if tag == "list" else element.iter("row")
            for part in parts:
                text = _text(part, skip_nested=True)
                card = tag == "list" and _is_card(part, text)
                yield from _lines(text, "card" if card else kind, group)
        elif tag != "graphic":
            kind = "head" if tag == "head" else "quote" if tag == "quote" else "p"
            yield from _lines(_text(element), kind, 0)
        yield from _lines(element.tail or "", "p", 0)


# A list item with a heading in it and at most this many words is a teaser card (headline and
# dek); a listicle's items with a heading and paragraphs under it are longer.
_CARD_MAX_WORDS = 40


def _is_card(item: Any, text: str) -> bool:
    return item.find(".//head") is not None and len(text.split()) <= _CARD_MAX_WORDS


def _lines(text: str, kind: Kind, group: int) -> Iterator[Block]:
    for line in text.split("\n"):
        line = normalize_space(line)
        if line:
            yield Block(line, kind, group)


def _text(element: Any, *, skip_nested: bool = False) -> str:
    """The text of an element, with a line break at <lb/> and around block children (a heading
    inside a list item, paragraphs inside a quote); nested lists are their own items."""
    out = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == "lb":
            out.append("\n")
        elif skip_nested and tag == "list":
            pass
        elif tag in _BLOCK_TAGS:
            out.extend(("\n", _text(child, skip_nested=skip_nested), "\n"))
        elif tag == "cell":
            out.extend((_text(child), " "))
        else:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)
