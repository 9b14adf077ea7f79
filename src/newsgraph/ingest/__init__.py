"""Readers: turn paths, URLs, folders, archives, feeds and stdin into raw documents.

`read_inputs` sends each input, by its name (`kinds.py`), to its reader:

    -                 stdin: a page, a text or a feed          files.read_stdin
    http(s)://...     a page or a feed                         url.fetch, feed.py
    a folder          every readable file under it, sorted     files.folder_files
    .jsonl .ndjson    one article per line                     jsonl.py
    .warc             one article per HTML response            warc.py
    .rss .atom .xml   one article per item                     feed.py
    anything else     a page or a text, told by its bytes      page.py

(each also gzipped). Readers raise an InputError for what stops a whole input and yield one
for what stops a single record; `read_inputs` turns anything raised into a yielded error, so a
bad input never ends a run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from newsgraph.errors import EmptyInput, InputError, UnsupportedInput
from newsgraph.ingest.document import Markup, RawDocument
from newsgraph.ingest.feed import read_feed
from newsgraph.ingest.files import checked, folder_files, os_error, read_file, read_stdin
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.kinds import Kind, holds_many, kind_of, kind_of_name
from newsgraph.ingest.page import check_text, from_string, page_document
from newsgraph.ingest.sniff import HEAD, is_feed
from newsgraph.ingest.url import Response, fetch
from newsgraph.ingest.warc import read_warc
from newsgraph.settings import Settings

__all__ = ["RawDocument", "from_string", "holds_many", "read_inputs"]

log = logging.getLogger(__name__)

Outcome = RawDocument | InputError
#: URL inputs fetched ahead of the one being read, so that a list of URLs downloads while
#: earlier articles are parsed. Fetching waits on the network, not the CPU.
_FETCH_AHEAD = 4
_MARKUP: dict[Kind, Markup] = {Kind.TEXT: "text", Kind.HTML: "html"}


def read_inputs(inputs: Sequence[str], settings: Settings) -> Iterator[RawDocument | InputError]:
    """One RawDocument per article of the inputs, in input order, or the InputError that
    stopped an input or one record of it. Never raises for a bad input."""
    items = list(inputs)
    kinds = [kind_of(item) for item in items]
    pool = ThreadPoolExecutor(max_workers=_FETCH_AHEAD, thread_name_prefix="newsgraph-fetch")
    fetches: dict[int, Future[Response]] = {}
    try:
        for index, (item, kind) in enumerate(zip(items, kinds, strict=True)):
            for ahead in range(index, min(index + _FETCH_AHEAD, len(items))):
                if kinds[ahead] is Kind.URL and ahead not in fetches:
                    fetches[ahead] = pool.submit(fetch, items[ahead], settings)
            yield from _guarded(item, _read(item, kind, settings, fetches.pop(index, None)))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _guarded(source: str, outcomes: Iterator[Outcome]) -> Iterator[Outcome]:
    """The outcomes of one input, with whatever its reader raised turned into a last one."""
    try:
        yield from outcomes
    except InputError as e:
        yield e
    except OSError as e:
        yield os_error(source, e)
    except Exception as e:  # a reader bug or a library failing on odd data
        log.debug("reading %s failed", source, exc_info=True)
        yield InputError(source, f"could not be read ({type(e).__name__}: {e}); "
                                 "run with --debug for details")


def _read(
    item: str, kind: Kind, settings: Settings, fetched: Future[Response] | None
) -> Iterator[Outcome]:
    if kind is Kind.STDIN:
        yield from _content(read_stdin(settings.max_bytes), item, settings, Kind.UNKNOWN)
    elif kind is Kind.URL:
        response = fetched.result() if fetched else fetch(item, settings)
        yield from _response(response, item, settings)
    elif kind is Kind.OTHER_URL:
        scheme = item.split(":", 1)[0]
        raise UnsupportedInput(item, f"{scheme}:// is not fetched; give an http(s) URL, or "
                                     "download the file and give its path")
    elif kind is Kind.FOLDER:
        yield from _folder(Path(item), item, settings)
    else:
        yield from _file(Path(item), item, kind, settings)


def _folder(root: Path, source: str, settings: Settings) -> Iterator[Outcome]:
    paths = folder_files(root)
    if not paths:
        raise EmptyInput(source, "no file that newsgraph reads in this folder (.txt, .html, "
                                 ".jsonl, .warc, .rss, .atom, .xml, and their .gz)")
    for path in paths:
        name = str(path)
        yield from _guarded(name, _file(path, name, kind_of_name(path.name), settings))


def _file(path: Path, source: str, kind: Kind, settings: Settings) -> Iterator[Outcome]:
    if kind is Kind.JSONL:
        yield from read_jsonl(path, source, settings.max_bytes)
    elif kind is Kind.WARC:
        yield from read_warc(path, source, settings.max_bytes)
    else:
        yield from _content(read_file(path, source, settings.max_bytes), source, settings, kind)


def _response(response: Response, source: str, settings: Settings) -> Iterator[Outcome]:
    body = checked(response.body, source, settings.max_bytes)
    if response.is_feed_type or is_feed(body[:HEAD]):
        check_text(body, source)
        yield from read_feed(body, source, settings, charset=response.charset,
                             url=response.url)
    else:
        yield page_document(body, source, markup=response.markup, charset=response.charset,
                            url=response.url)


def _content(data: bytes, source: str, settings: Settings, kind: Kind) -> Iterator[Outcome]:
    """The document(s) in the bytes of a file or stdin: a feed's items, or one page or text."""
    feed = is_feed(data[:HEAD])
    if kind is Kind.FEED and not feed:
        check_text(data, source)
        raise UnsupportedInput(source, "not an RSS or Atom feed (its root element is not <rss>, "
                                       "<feed> or <rdf:RDF>)")
    if feed and kind in (Kind.FEED, Kind.UNKNOWN):
        yield from read_feed(data, source, settings)
    else:
        yield page_document(data, source, markup=_MARKUP.get(kind))
