"""WARC archives (.warc, .warc.gz), through warcio: one article per HTML response.

Each document is named "path#N", N the record's position in the file (1-based, every record
counted), so a name stays the same however the reader's filters change. Records other than
200 responses with an HTML Content-Type are passed over: requests, metadata, redirects, errors,
images, scripts. The WARC date is when the page was crawled, not published, so it is not used.

warcio reads a truncated archive without complaint (a cut gzip member vanishes, a cut record
comes out short), so the reader checks where it stopped against the file.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import CorruptInput, EmptyInput, InputError, InputTooLarge
from newsgraph.ingest.document import RawDocument
from newsgraph.ingest.files import check_size
from newsgraph.ingest.page import page_document

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CUT_SHORT = "the record is cut short: the archive is truncated"


def read_warc(path: Path, source: str, limit: int) -> Iterator[RawDocument | InputError]:
    """The document of every HTML response, or the error of one; a damaged archive ends with
    a CorruptInput after the records read before the damage."""
    from warcio.archiveiterator import ArchiveIterator  # lazy: 50 ms to import, WARC only

    check_size(path, source, None)
    found = number = 0
    cut_reported = False
    complaints: list[str] = []
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        records.INC_RECORD = ""  # a warning warcio writes itself; `err_count` counts them
        last = None
        for position, record, outcome in _outcomes(records, source, limit, complaints):
            number, last = position, record
            cut_reported = isinstance(outcome, CorruptInput)
            if outcome is not None:
                found += 1
                yield outcome
        damage = _damage(records, last, stream, complaints)
    if damage and not (cut_reported and damage == _CUT_SHORT):
        if not found:
            raise CorruptInput(source, f"not a readable WARC file ({damage})")
        raise CorruptInput(source, f"truncated or damaged after record {number} ({damage}); "
                                   "the records before it were read")
    if not found:
        raise EmptyInput(source, f"no HTML page among its {number} records (only 200 responses "
                                 "with an HTML Content-Type are read)")


def _outcomes(
    records: Any, source: str, limit: int, complaints: list[str]
) -> Iterator[tuple[int, Any, RawDocument | InputError | None]]:
    """(number, record, its document or error or None) for every record.

    warcio writes some problems on sys.stderr itself (a gzip member that breaks off midway):
    stderr is redirected while warcio runs, never across a yield, and what it said is kept in
    `complaints`, to be reported once, as ours.
    """
    iterator = iter(records)
    number = 0
    while True:
        said = io.StringIO()
        try:
            with contextlib.redirect_stderr(said):
                record = next(iterator, None)
                outcome = None if record is None else _document(record, f"{source}#{number + 1}",
                                                                limit)
        except Exception as e:  # warcio raises many types on damaged input
            raise _broken(source, number, e) from None
        finally:
            complaints.extend(line.strip() for line in said.getvalue().splitlines()
                              if line.strip())
        if record is None:
            return
        number += 1
        yield number, record, outcome


def _document(record: Any, where: str, limit: int) -> RawDocument | InputError | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    headers = record.http_headers
    if headers.get_statuscode() != "200":
        return None
    media_type, charset = _content_type(headers.get_header("Content-Type") or "")
    if media_type not in _HTML_TYPES:
        return None
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        return InputTooLarge(where, f"the page is larger than the {limit:,}-byte limit "
                                    "(raise it with --max-bytes)")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return CorruptInput(where, _CUT_SHORT)
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return page_document(body, where, markup="html", charset=charset, url=url)
    except InputError as e:
        return e


def _damage(records: Any, last: Any, stream: IO[bytes], complaints: list[str]) -> str | None:
    """What is wrong with the archive after warcio read all it could, or None."""
    if records.err_count:
        return "a record's Content-Length does not match its content"
    if complaints:
        return f"the data is damaged: {complaints[0][:160]}"
    if last is not None and getattr(last.raw_stream, "limit", 0) > 0:
        return _CUT_SHORT
    stream.seek(records.offset)
    if stream.read(4096).strip(b"\r\n\t \x00"):
        return "it ends in the middle of a record"
    return None


def _content_type(value: str) -> tuple[str, str | None]:
    media_type, *params = (part.strip() for part in value.split(";"))
    charset = None
    for param in params:
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media_type.lower(), charset


def _broken(source: str, number: int, error: Exception) -> CorruptInput:
    message = " ".join(str(error).split())
    if "non-chunked gzip" in message:
        return CorruptInput(source, "the archive is gzipped as one block, not record by record "
                                    "(fix it with: warcio recompress FILE NEW_FILE)")
    # warcio fails with these on headers it cannot parse; their text is about its internals
    detail = ("a record's header is unreadable"
              if isinstance(error, AttributeError | TypeError | IndexError | KeyError)
              else message[:160])
    if number == 0:
        return CorruptInput(source, f"not a readable WARC file ({detail})")
    return CorruptInput(source, f"truncated or damaged after record {number} ({detail}); "
                                "the records before it were read")
