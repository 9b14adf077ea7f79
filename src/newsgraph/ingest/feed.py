"""RSS and Atom feeds, through feedparser: one article per item.

An item's own content is the article when the feed carries the full text (content:encoded,
Atom <content>, or a long <description>); when it carries only a teaser, the item's link is
fetched. The item's title, date and link go into the document either way.

Each document is named "<feed>#<guid>" (the item's guid or Atom id, else its link, else its
position): a feed URL is a moving window over a site's latest items, and the guid is what stays
the same from one fetch to the next, which is what --resume needs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newsgraph.errors import BadRecord, CorruptInput, EmptyInput, InputError
from newsgraph.ingest.document import Markup, RawDocument
from newsgraph.ingest.page import page_document
from newsgraph.ingest.url import fetch
from newsgraph.settings import Settings

#: Words of visible text from which an item's content counts as the full article. Teasers run
#: from one to three sentences (WordPress's automatic excerpt is 55 words); a news article is
#: rarely under 150. A full text taken for a teaser costs one fetch of a page that has the same
#: article; a teaser taken for the full text loses the article; so the bar sits high.
FULL_TEXT_WORDS = 150
#: Item pages fetched at once. Fetching is waiting on servers, not work for the CPU; four keep a
#: feed of 50 teasers to a few seconds without hammering one site.
_FETCHERS = 4
_TAG = re.compile(r"<[^>]*>")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: What expat says when the data ends inside the document or inside a tag.
_TRUNCATED = frozenset({"no element found", "unclosed token", "unclosed CDATA section"})


@dataclass(frozen=True, slots=True)
class _Link:
    """An item to fetch: its page, and what the feed said about it."""

    where: str
    url: str
    title: str | None
    published: str | None


def read_feed(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    charset: str | None = None,
    url: str | None = None,
) -> Iterator[RawDocument | InputError]:
    """Every item's document (or the error of one), in feed order. `charset` is the HTTP
    charset of a fetched feed and `url` its address, against which relative links resolve."""
    import feedparser  # lazy: 100 ms or more to import (measured), only for feeds

    headers = {}
    if charset:
        headers["content-type"] = f"application/xml; charset={charset}"
    if url:
        headers["content-location"] = url
    try:
        parsed = feedparser.parse(data, response_headers=headers or None)
    except Exception as e:  # a parser bug on hostile input must not stop a run
        raise CorruptInput(source, f"not a readable RSS or Atom feed ({e})") from None
    entries = list(parsed.entries)
    cut = _cut_short(parsed)
    if cut:  # the last item may be half there: keep only the items whose end tag arrived
        entries = entries[: data.count(b"</item>") + data.count(b"</entry>")]
    if not entries:
        if cut:
            raise CorruptInput(source, "the feed is cut short before its first complete item")
        if parsed.bozo:
            reason = parsed.get("bozo_exception") or "malformed XML"
            raise CorruptInput(source, f"not a readable RSS or Atom feed ({reason})")
        raise EmptyInput(source, "the feed has no items")
    atom = str(parsed.get("version", "")).startswith("atom")
    plans = [_plan(entry, source, n, atom) for n, entry in enumerate(entries, 1)]
    yield from _resolve(plans, settings)
    if cut:
        raise CorruptInput(source, f"the feed is cut short; the {len(entries)} complete items "
                                   "before the cut were read")


def _cut_short(parsed: Any) -> bool:
    """Whether the XML ends before the document does. feedparser sets `bozo` for much less
    (an unescaped &, a wrong declared charset) and still reads every item then."""
    error = parsed.get("bozo_exception")
    get_message = getattr(error, "getMessage", None)  # xml.sax's SAXParseException
    return callable(get_message) and get_message() in _TRUNCATED


def _resolve(
    plans: list[RawDocument | InputError | _Link], settings: Settings
) -> Iterator[RawDocument | InputError]:
    """The plans' documents in order, the linked pages fetched a few at a time."""
    if not any(isinstance(p, _Link) for p in plans):
        yield from (p for p in plans if not isinstance(p, _Link))
        return
    pool = ThreadPoolExecutor(max_workers=_FETCHERS, thread_name_prefix="newsgraph-feed")
    try:
        pending: list[RawDocument | InputError | Future[RawDocument | InputError]] = [
            pool.submit(_fetch_item, p, settings) if isinstance(p, _Link) else p for p in plans
        ]
        for item in pending:
            yield item.result() if isinstance(item, Future) else item
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _fetch_item(link: _Link, settings: Settings) -> RawDocument | InputError:
    try:
        response = fetch(link.url, settings, source=link.where)
        doc = page_document(response.body, link.where, markup=response.markup,
                            charset=response.charset, url=response.url)
    except InputError as e:
        return e
    doc.title, doc.published = link.title, link.published
    return doc


def _plan(entry: Any, feed: str, number: int, atom: bool) -> RawDocument | InputError | _Link:
    link = _url(entry.get("link"))
    key = _one_line(entry.get("id")) or link or str(number)
    where = f"{feed}#{key}"
    title = _text(entry.get("title"))
    published = _published(entry, atom)
    body, markup = _best_content(entry)
    if body and (_words(body) >= FULL_TEXT_WORDS or not link):
        return RawDocument(source=where, content=body, markup=markup, url=link, title=title,
                           published=published)
    if link:
        return _Link(where=where, url=link, title=title, published=published)
    return BadRecord(where, "the item has neither content nor a link to its page")


def _best_content(entry: Any) -> tuple[str, Markup]:
    """The longest of the item's contents and its summary, with its markup."""
    candidates = [*entry.get("content", []), entry.get("summary_detail")]
    best = ""
    markup: Markup = "text"
    for detail in candidates:
        value = _text(detail.get("value")) if detail else None
        if value and len(value) > len(best):
            best = value
            markup = "html" if detail.get("type") in _HTML_TYPES else "text"
    return best, markup


def _words(content: str) -> int:
    return len(html.unescape(_TAG.sub(" ", content)).split())


def _published(entry: Any, atom: bool) -> str | None:
    """The item's publication date as ISO, in the publisher's own time zone (feedparser's
    parsed dates are UTC, which moves a late-evening story to the next day).

    RSS's dc:date arrives as `updated` and is the item's date; Atom's `updated` is the time
    of the last edit, not a publication date.
    """
    raw = _text(entry.get("published")) or (None if atom else _text(entry.get("updated")))
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    parsed = entry.get("published_parsed") or (None if atom else entry.get("updated_parsed"))
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None


def _url(value: object) -> str | None:
    """A link as browsers read it (WHATWG URL parsing): tabs and newlines inside are dropped,
    control characters and spaces around it are stripped."""
    if not isinstance(value, str):
        return None
    return _TAB_OR_NEWLINE.sub("", value).strip("".join(map(chr, range(33)))) or None


def _one_line(value: object) -> str | None:
    """A guid fit to be part of a name: control characters out, spaces collapsed."""
    if not isinstance(value, str):
        return None
    return " ".join(_CONTROL.sub(" ", value).split()) or None


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
