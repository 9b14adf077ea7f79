"""JSON Lines: one article per line, an object with a `text` or `html` field and optional `url`,
`title`, `published` and `id`.

A line that is not such an object is a BadRecord named "path#L<line>" (the line number an editor
shows, blank lines counted) and the other lines go on. The file may be of any size, gzipped or
not; it is read line by line and only a line above `max_bytes` is refused.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import (
    BadRecord,
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    UnsupportedInput,
)
from newsgraph.ingest.decode import decode
from newsgraph.ingest.document import Markup, RawDocument
from newsgraph.ingest.files import check_size, corrupt_gzip
from newsgraph.ingest.sniff import GZIP_MAGIC, HEAD, binary_kind, starts_as_html_document

#: Body fields in order of preference: `text` is the body as the producer cut it; `html` is a
#: page still to be cleaned.
_BODIES = ("text", "html")
_SKIP = 1 << 20


def read_jsonl(path: Path, source: str, limit: int) -> Iterator[RawDocument | InputError]:
    """Every line's document, or the BadRecord (or InputTooLarge) that stopped that line."""
    check_size(path, source, None)
    with _open(path, source) as stream:
        kind = binary_kind(stream.read(HEAD))
    if kind:
        raise BinaryInput(source, f"{kind}, not JSON Lines")
    records = 0
    with _open(path, source) as stream:
        for number, line in enumerate(_lines(stream, limit), 1):
            where = f"{source}#L{number}"
            if line is None:
                yield InputTooLarge(where, f"the line is longer than the {limit:,}-byte limit "
                                           "(raise it with --max-bytes)")
                records += 1
                continue
            if not line.strip():
                continue
            if not records:
                _check_first(line, source)
            records += 1
            try:
                yield _record(line, where, first=number == 1)
            except BadRecord as e:
                yield e
    if not records:
        raise EmptyInput(source, "only blank lines: there is no record in it")


@contextlib.contextmanager
def _open(path: Path, source: str) -> Iterator[IO[bytes]]:
    """The file's bytes, through gzip when it is gzipped; gzip damage becomes CorruptInput."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if gzipped else raw  # type: ignore[assignment]  # typeshed: not an IO
        try:
            yield stream
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            raise corrupt_gzip(source, e) from None


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a stream, each read with at most `limit` bytes; None for a longer line,
    whose rest is skipped."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _check_first(line: bytes, source: str) -> None:
    start = line.strip().removeprefix(b"\xef\xbb\xbf")
    if start.startswith(b"[") or start == b"{":
        what = "a JSON array" if start.startswith(b"[") else "pretty-printed JSON"
        raise UnsupportedInput(source, f"{what}, not JSON Lines (one object per line); "
                                       "convert it, e.g. with jq -c '.[]'")


def _record(line: bytes, where: str, *, first: bool) -> RawDocument:
    if first:
        line = line.removeprefix(b"\xef\xbb\xbf")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = decode(line)  # JSON is UTF-8, but exports from old tools are not always
    try:
        obj = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        raise BadRecord(where, f"not valid JSON: {e.msg} (column {e.colno})") from None
    if not isinstance(obj, dict):
        raise BadRecord(where, f"a JSON {_json_type(obj)}, where an object with a 'text' or "
                               "'html' field was expected")
    field, body = _body(obj, where)
    markup: Markup = "html" if field == "html" or starts_as_html_document(body) else "text"
    return RawDocument(
        source=where,
        content=body,
        markup=markup,
        url=_string(obj.get("url")),
        title=_string(obj.get("title")),
        published=_string(obj.get("published")),
        given_id=_string(obj.get("id"), numbers=True),
    )


def _body(obj: dict[str, Any], where: str) -> tuple[str, str]:
    present = [f for f in _BODIES if f in obj]
    for field in present:
        value = obj[field]
        if isinstance(value, str) and value.strip():
            return field, value
    if not present:
        keys = ", ".join(repr(k) for k in list(obj)[:6]) or "none"
        raise BadRecord(where, f"no 'text' or 'html' field (fields: {keys})")
    value = obj[present[0]]
    if isinstance(value, str) or value is None:
        raise BadRecord(where, f"the {present[0]!r} field is empty")
    raise BadRecord(where, f"the {present[0]!r} field is a {_json_type(value)}, not a string")


def _string(value: object, *, numbers: bool = False) -> str | None:
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
