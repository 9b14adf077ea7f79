"""Bytes from disk and stdin, under the size cap: files are refused by their size before any
read, and gzip is decompressed as a stream that stops one byte past the cap."""

from __future__ import annotations

import os
import re
import stat
import sys
import zlib
from pathlib import Path

from newsgraph.errors import CorruptInput, EmptyInput, InputError, InputNotFound, InputTooLarge
from newsgraph.ingest.kinds import in_folder
from newsgraph.ingest.sniff import GZIP_MAGIC

#: "www.example.com" or "example.com/path": a URL typed without its scheme.
_LOOKS_LIKE_HOST = re.compile(r"^(?:www\.[\w.-]+|[\w-]+(?:\.[\w-]+)+/)")
_HINT = "raise the limit with --max-bytes or NEWSGRAPH_MAX_BYTES"


def read_file(path: Path, source: str, limit: int) -> bytes:
    """A whole file, decompressed when it is gzip (whatever its name).

    A regular file is judged by its size before it is opened; a pipe (`<(command)`) or a device
    has no size, and is read up to one byte past the cap.
    """
    check_size(path, source, limit)
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if not data:
        raise EmptyInput(source, "the file is empty (0 bytes)")
    return checked(data, source, limit)


def check_size(path: Path, source: str, limit: int | None) -> None:
    """Refuse an empty regular file, or one above `limit` (None: containers, any size)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return
    if info.st_size == 0:
        raise EmptyInput(source, "the file is empty (0 bytes)")
    if limit is not None and info.st_size > limit:
        raise InputTooLarge(source, f"{info.st_size:,} bytes, above the {limit:,}-byte limit "
                                    f"({_HINT})")


def read_stdin(limit: int) -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None or stream.closed:
        raise EmptyInput("-", "there is no standard input to read (pipe an article into it)")
    return checked(stream.read(limit + 1), "-", limit)


def checked(data: bytes, source: str, limit: int) -> bytes:
    """`data` within the cap, gunzipped if it is gzip."""
    if len(data) > limit:
        raise InputTooLarge(source, f"more than {limit:,} bytes ({_HINT})")
    if data.startswith(GZIP_MAGIC):
        return gunzip(data, source, limit)
    return data


def gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompressed gzip data (every member), stopping one byte past `limit`; data that ends
    inside a member is CorruptInput. Bytes after the last member (padding) are ignored."""
    parts: list[bytes] = []
    total = 0
    rest = data
    while rest.startswith(GZIP_MAGIC):
        member = zlib.decompressobj(wbits=31)
        try:
            part = member.decompress(rest, limit + 1 - total)
        except zlib.error as e:
            raise corrupt_gzip(source, e) from None
        total += len(part)
        if total > limit:
            raise InputTooLarge(source, f"more than {limit:,} bytes once decompressed ({_HINT})")
        if not member.eof:
            raise corrupt_gzip(source, EOFError())
        parts.append(part)
        rest = member.unused_data
    return b"".join(parts)


def corrupt_gzip(source: str, error: BaseException) -> CorruptInput:
    if isinstance(error, EOFError):
        problem = "the gzip data is truncated (the file was cut short; download it again)"
    else:
        problem = f"the gzip data is damaged ({error}); download or compress it again"
    return CorruptInput(source, problem)


def os_error(source: str, error: OSError) -> InputError:
    """An input error for an OSError met while reading `source`."""
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        hint = ("; for a web page give its full http(s):// URL"
                if _LOOKS_LIKE_HOST.match(source) else " (check the path)")
        return InputNotFound(source, f"no such file or directory{hint}")
    if isinstance(error, PermissionError):
        return InputError(source, "permission denied (check the file's permissions)")
    return InputError(source, f"could not be read: {error.strerror or error}")


def folder_files(root: Path) -> list[Path]:
    """The files newsgraph reads under a folder, at any depth, in sorted order; hidden files
    and folders (a leading dot) and files of other types are passed over."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder)
        for name in names:
            if not name.startswith(".") and in_folder(name):
                path = base / name
                found.append((path.relative_to(root).parts, path))
    return [path for _, path in sorted(found)]
