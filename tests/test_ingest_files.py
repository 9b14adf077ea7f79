"""Files, gzip, folders and stdin: what is read, what is refused, and how each is named."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.errors import (
    CorruptInput,
    EmptyInput,
    InputNotFound,
    InputTooLarge,
    UnsupportedInput,
)
from newsgraph.ingest import RawDocument, holds_many, read_inputs
from newsgraph.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RULING = (FIXTURES / "harbor-bridge-ruling.txt").read_text(encoding="utf-8")
FLOOD = (FIXTURES / "river-flooding.html").read_text(encoding="utf-8")
EARNINGS = (FIXTURES / "chipmaker-earnings.txt").read_text(encoding="utf-8")


def read(*inputs: str | Path, **settings: object) -> list[RawDocument | Exception]:
    return list(read_inputs([str(i) for i in inputs], Settings(**settings)))  # type: ignore[arg-type]


def one(path: Path, **settings: object) -> RawDocument | Exception:
    (outcome,) = read(path, **settings)
    return outcome


# --- single files --------------------------------------------------------------------------

def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "ruling.txt"
    path.write_text(RULING, encoding="utf-8")
    doc = one(path)
    assert doc == RawDocument(source=str(path), content=RULING, markup="text")


@pytest.mark.parametrize("name", ["flood.html", "flood.htm", "flood.html.gz", "flood.gz", "flood"])
def test_html_file_plain_or_gzipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = FLOOD.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    doc = one(path)
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.content, doc.markup) == (str(path), FLOOD, "html")


def test_any_text_file_is_read_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "EARNINGS.notes"
    path.write_text(EARNINGS, encoding="utf-8")
    doc = one(path)
    assert isinstance(doc, RawDocument)
    assert doc.markup == "text"
    assert doc.content == EARNINGS


def test_gzipped_text_is_text(tmp_path: Path) -> None:
    path = tmp_path / "ruling.txt.gz"
    path.write_bytes(gzip.compress(RULING.encode()))
    doc = one(path)
    assert isinstance(doc, RawDocument)
    assert (doc.content, doc.markup) == (RULING, "text")


def test_the_benchmark_pages_are_read(fixtures: Path) -> None:
    pages = sorted((fixtures / "corpus" / "html").glob("*.html.gz"))[:10]
    docs = read(*pages)
    assert all(isinstance(d, RawDocument) and d.markup == "html" for d in docs)
    assert [d.source for d in docs] == [str(p) for p in pages]  # type: ignore[union-attr]


def test_gzip_of_several_members_and_padding(tmp_path: Path) -> None:
    # `cat a.gz b.gz > c.gz` is valid gzip; tape and block tools pad with zeros
    path = tmp_path / "joined.txt.gz"
    half = len(RULING) // 2
    path.write_bytes(gzip.compress(RULING[:half].encode()) + gzip.compress(RULING[half:].encode())
                     + bytes(512))
    doc = one(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == RULING


def test_truncated_gzip_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "flood.html.gz"
    data = gzip.compress(FLOOD.encode())
    path.write_bytes(data[: len(data) // 2])
    error = one(path)
    assert isinstance(error, CorruptInput)
    assert str(error).startswith(f"{path}: the gzip data is truncated")


def test_damaged_gzip_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "flood.html.gz"
    data = bytearray(gzip.compress(FLOOD.encode()))
    data[30:60] = bytes(30)
    path.write_bytes(bytes(data))
    assert isinstance(one(path), CorruptInput)


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    error = one(path)
    assert isinstance(error, InputNotFound)
    assert str(error) == f"{path}: no such file or directory (check the path)"


def test_missing_path_that_looks_like_a_url_without_scheme() -> None:
    (error,) = read("www.example.com/news/story")
    assert isinstance(error, InputNotFound)
    assert "http(s)://" in str(error)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.touch()
    error = one(path)
    assert isinstance(error, EmptyInput)
    assert str(error) == f"{path}: the file is empty (0 bytes)"


@pytest.mark.parametrize("scheme", ["ftp", "file", "s3"])
def test_url_of_another_scheme_is_unsupported(scheme: str) -> None:
    (error,) = read(f"{scheme}://example.com/a.html")
    assert isinstance(error, UnsupportedInput)
    assert f"{scheme}:// is not fetched" in str(error)


def test_xml_that_is_not_a_feed_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>http://x/</loc></url></urlset>')
    error = one(path)
    assert isinstance(error, UnsupportedInput)
    assert "not an RSS or Atom feed" in str(error)


# --- size cap ------------------------------------------------------------------------------

def test_file_above_max_bytes_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as f:  # sparse: 200 MB of size, no data written
        os.truncate(f.fileno(), 200_000_000)
    start = time.perf_counter()
    error = one(path, max_bytes=50_000_000)
    assert time.perf_counter() - start < 0.5
    assert isinstance(error, InputTooLarge)
    assert str(error).startswith(f"{path}: 200,000,000 bytes, above the 50,000,000-byte limit")


def test_gzip_cap_holds_on_decompressed_bytes(tmp_path: Path) -> None:
    # 2 MB of text compress to a few KB: the compressed file is small, the content is not.
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"All work and no play. " * 100_000))
    assert path.stat().st_size < 20_000
    error = one(path, max_bytes=1_000_000)
    assert isinstance(error, InputTooLarge)
    assert "once decompressed" in str(error)


def test_file_at_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 999 + b"\n")
    assert isinstance(one(path, max_bytes=1000), RawDocument)


# --- folders -------------------------------------------------------------------------------

def _corpus(root: Path) -> Path:
    (root / "b-politics").mkdir(parents=True)
    (root / "a-courts").mkdir()
    (root / ".cache").mkdir()
    (root / "a-courts" / "ruling.txt").write_text(RULING)
    (root / "b-politics" / "flood.html.gz").write_bytes(gzip.compress(FLOOD.encode()))
    (root / "earnings.txt").write_text(EARNINGS)
    (root / "batch.jsonl").write_text(json.dumps({"text": EARNINGS, "id": "e1"}) + "\n")
    (root / ".hidden.txt").write_text("a hidden file")
    (root / ".cache" / "old.txt").write_text("inside a hidden folder")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "notes.docx").write_bytes(b"PK\x03\x04")
    (root / "dump.tar.gz").write_bytes(gzip.compress(b"x"))
    return root


def test_folder_reads_every_supported_file_sorted_recursively(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    docs = read(root)
    assert [d.source for d in docs] == [  # type: ignore[union-attr]
        f"{root}/a-courts/ruling.txt",
        f"{root}/b-politics/flood.html.gz",
        f"{root}/batch.jsonl#L1",
        f"{root}/earnings.txt",
    ]
    assert all(isinstance(d, RawDocument) for d in docs)


def test_folder_error_names_the_file_and_the_others_go_on(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus")
    (root / "a-courts" / "empty.txt").touch()
    docs = read(root)
    errors = [d for d in docs if isinstance(d, Exception)]
    assert [str(e) for e in errors] == [f"{root}/a-courts/empty.txt: the file is empty (0 bytes)"]
    assert len(docs) == 5


def test_folder_names_are_stable_however_the_folder_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    sources = [d.source for d in read("corpus/")]  # type: ignore[union-attr]
    assert sources == [d.source for d in read("corpus")]  # type: ignore[union-attr]
    assert sources[0] == "corpus/a-courts/ruling.txt"


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "only-images").mkdir()
    (tmp_path / "only-images" / "a.png").write_bytes(b"\x89PNG")
    (error,) = read(tmp_path / "only-images")
    assert isinstance(error, EmptyInput)
    assert "no file that newsgraph reads" in str(error)


# --- order, names, and never raising -------------------------------------------------------

def test_outcomes_come_in_input_order(tmp_path: Path) -> None:
    good = tmp_path / "ruling.txt"
    good.write_text(RULING)
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)))
    outcomes = read(good, tmp_path / "missing.txt", binary, good)
    assert [type(o).__name__ for o in outcomes] == [
        "RawDocument", "InputNotFound", "BinaryInput", "RawDocument"]


def test_a_folder_where_a_file_was_expected(tmp_path: Path) -> None:
    # a directory named like a file is still a folder
    (tmp_path / "looks.txt").mkdir()
    (tmp_path / "looks.txt" / "in.txt").write_text(RULING)
    (doc,) = read(tmp_path / "looks.txt")
    assert isinstance(doc, RawDocument)


@pytest.mark.parametrize("name", ["a\x00b.txt", "x" * 5000 + ".txt"])
def test_impossible_paths_are_errors_not_exceptions(name: str) -> None:
    (error,) = read(name)
    assert isinstance(error, Exception)
    assert str(error).startswith(name[:20])


# --- the public surface -------------------------------------------------------------------

def test_public_surface() -> None:
    import newsgraph.ingest

    assert newsgraph.ingest.__all__ == ["RawDocument", "from_string", "holds_many", "read_inputs"]


def test_container_libraries_load_only_when_needed() -> None:
    # importing warcio takes about 50 ms and feedparser over 100; most runs read neither
    code = ("import sys, newsgraph.ingest; "
            "print(sorted(m for m in ('warcio', 'feedparser') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.strip() == "[]"


# --- holds_many ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("item", "many"),
    [
        ("story.txt", False), ("page.html.gz", False), ("-", False),
        ("corpus.jsonl", True), ("corpus.ndjson.gz", True), ("crawl.warc.gz", True),
        ("crawl.WARC", True), ("news.rss", True), ("news.atom", True), ("feed.xml", True),
        ("https://example.com/news/2024/story.html", False),
        ("https://example.com/feed/", True), ("https://example.com/rss", True),
        ("https://example.com/world/rss.xml", True), ("https://example.com/?feed=rss2", True),
        ("https://example.com/feeds/posts/default", True),
    ],
)
def test_holds_many(item: str, many: bool) -> None:
    assert holds_many(item) is many


def test_holds_many_folder_and_sniffed_feed(tmp_path: Path) -> None:
    feed = tmp_path / "latest"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    page = tmp_path / "page"
    page.write_text("<html><body><p>x</p></body></html>")
    assert holds_many(str(tmp_path))
    assert holds_many(str(feed))
    assert not holds_many(str(page))
    assert not holds_many(str(tmp_path / "missing"))


# --- stdin ---------------------------------------------------------------------------------

_READ_STDIN = (
    "import json, sys\n"
    "from newsgraph.ingest import read_inputs\n"
    "from newsgraph.settings import Settings\n"
    "for o in read_inputs(sys.argv[1:], Settings()):\n"
    "    print(json.dumps([type(o).__name__, getattr(o, 'source', None),"
    " getattr(o, 'content', str(o))[:60], getattr(o, 'markup', None)]))\n"
)


def _stdin(data: bytes | None, *inputs: str) -> list[list[str]]:
    run = subprocess.run([sys.executable, "-c", _READ_STDIN, *inputs], input=data,
                         stdin=None if data is not None else subprocess.DEVNULL,
                         capture_output=True, timeout=60, check=True)
    return [json.loads(line) for line in run.stdout.decode().splitlines()]


def test_stdin_text_html_and_gzip() -> None:
    assert _stdin(RULING.encode(), "-") == [["RawDocument", "-", RULING[:60], "text"]]
    [[kind, source, _, markup]] = _stdin(gzip.compress(FLOOD.encode()), "-")
    assert (kind, source, markup) == ("RawDocument", "-", "html")


def test_stdin_empty() -> None:
    [[kind, source, message, _]] = _stdin(b"", "-")
    assert (kind, source) == ("EmptyInput", "-")
    assert message.startswith("-: ")


def test_stdin_beside_files(tmp_path: Path) -> None:
    path = tmp_path / "e.txt"
    shutil.copy(FIXTURES / "chipmaker-earnings.txt", path)
    rows = _stdin(RULING.encode(), str(path), "-")
    assert [r[1] for r in rows] == [str(path), "-"]
