"""WARC archives: every 200 HTML response is an article, named by its record's position."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import CorruptInput, EmptyInput, InputTooLarge
from newsgraph.ingest import RawDocument, holds_many, read_inputs
from newsgraph.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
FLOOD = (FIXTURES / "river-flooding.html").read_text(encoding="utf-8")
RULING = (FIXTURES / "harbor-bridge-ruling.txt").read_text(encoding="utf-8")
EARNINGS = (FIXTURES / "chipmaker-earnings.txt").read_text(encoding="utf-8")
RULING_PAGE = f"<html><head><title>Ruling</title></head><body><p>{RULING}</p></body></html>"
#: A page in Windows-1252, declared only in the HTTP header.
LEGACY_PAGE = "<html><body><p>The mayor’s “€12 million” plan — approved.</p></body></html>"
CRAWL_DATE = "2019-11-02T10:00:00Z"

Record = tuple[str, str, str, list[tuple[str, str]], bytes]  # type, uri, status, headers, body

RECORDS: list[Record] = [
    # 1 is the warcinfo record the writer adds first
    ("request", "https://courier.example/news/flood", "", [("Host", "courier.example")], b""),
    ("response", "https://courier.example/news/flood", "200 OK",
     [("Content-Type", "text/html; charset=utf-8")], FLOOD.encode()),
    ("response", "https://courier.example/logo.png", "200 OK",
     [("Content-Type", "image/png")], b"\x89PNG\r\n\x1a\n" + bytes(50)),
    ("response", "https://courier.example/gone", "404 Not Found",
     [("Content-Type", "text/html")], b"<html><body><p>Page not found</p></body></html>"),
    ("response", "https://courier.example/old", "301 Moved Permanently",
     [("Content-Type", "text/html"), ("Location", "https://courier.example/new")],
     b"<html><body>Moved</body></html>"),
    ("response", "https://legacy.example/plan", "200 OK",
     [("Content-Type", "text/html; charset=windows-1252")], LEGACY_PAGE.encode("cp1252")),
    ("metadata", "https://courier.example/news/flood", "", [], b"outlinks: 12\n"),
    ("response", "https://courier.example/app.js", "200 OK",
     [("Content-Type", "application/javascript")], b"console.log('x')"),
    ("response", "https://courier.example/courts/ruling", "200 OK",
     [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "gzip")],
     gzip.compress(RULING_PAGE.encode())),
]
#: (record number, target URI, text in the page) of the articles in RECORDS.
EXPECTED = [
    (3, "https://courier.example/news/flood", "Cedar River crested at 24 feet"),
    (7, "https://legacy.example/plan", "The mayor’s “€12 million” plan — approved."),
    (10, "https://courier.example/courts/ruling", "blocked construction of a $1.4 billion"),
]


def write_warc(path: Path, records: list[Record] = RECORDS) -> Path:
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for rec_type, uri, status, headers, body in records:
            http = None
            if rec_type == "request":
                http = StatusAndHeaders("GET / HTTP/1.1", headers, is_http_request=True)
            elif rec_type == "response":
                http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, rec_type, payload=BytesIO(body), length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": CRAWL_DATE})
            writer.write_record(record)
    return path


def read(path: Path, **settings: Any) -> list[RawDocument | Exception]:
    return list(read_inputs([str(path)], Settings(**settings)))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name)
    docs = read(path)
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [(d.source, d.url) for d in docs] == [  # type: ignore[union-attr]
        (f"{path}#{n}", uri) for n, uri, _ in EXPECTED]
    for doc, (_, _, text) in zip(docs, EXPECTED, strict=True):
        assert isinstance(doc, RawDocument)
        assert text in doc.content
        assert doc.markup == "html"
        assert doc.published is None  # the crawl date is not a publication date
    assert holds_many(str(path))


def test_a_page_above_max_bytes_is_refused_alone(tmp_path: Path) -> None:
    big = "<html><body>" + "<p>word</p>" * 2000 + "</body></html>"
    path = write_warc(tmp_path / "c.warc.gz", [
        ("response", "https://a.example/big", "200 OK", [("Content-Type", "text/html")],
         big.encode()),
        ("response", "https://a.example/small", "200 OK", [("Content-Type", "text/html")],
         RULING_PAGE.encode()),
    ])
    too_big, small = read(path, max_bytes=10_000)
    assert isinstance(too_big, InputTooLarge)
    assert too_big.source == f"{path}#2"
    assert isinstance(small, RawDocument)
    assert small.source == f"{path}#3"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_cut_in_an_html_record_names_that_record(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 150])  # inside the last record, the ruling's page
    *docs, error = read(path)
    assert [d.source for d in docs] == [f"{path}#3", f"{path}#7"]  # type: ignore[union-attr]
    assert isinstance(error, CorruptInput)
    assert str(error) == f"{path}#10: the record is cut short: the archive is truncated"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_cut_in_a_skipped_record_names_the_archive(tmp_path: Path, name: str) -> None:
    script = b"console.log('analytics');\n" * 40
    path = write_warc(tmp_path / name, [*RECORDS, (
        "response", "https://courier.example/track.js", "200 OK",
        [("Content-Type", "application/javascript")], script)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    *docs, error = read(path)
    assert len(docs) == 3
    assert isinstance(error, CorruptInput)
    assert str(error).startswith(f"{path}: truncated or damaged after record ")
    assert str(error).endswith("the records before it were read")


def test_archive_gzipped_whole_instead_of_by_record(tmp_path: Path) -> None:
    plain = write_warc(tmp_path / "crawl.warc")
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(plain.read_bytes()))
    outcomes = read(path)
    assert isinstance(outcomes[-1], CorruptInput)
    assert "warcio recompress" in str(outcomes[-1])
    assert "\n" not in str(outcomes[-1])


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are my notes about the crawl.\n" * 20)
    (error,) = read(path)
    assert isinstance(error, CorruptInput)
    assert str(error).startswith(f"{path}: not a")


def test_archive_without_html(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "c.warc", [r for r in RECORDS if b"html" not in r[4][:20]
                                            and "html" not in str(r[3])])
    (error,) = read(path)
    assert isinstance(error, EmptyInput)
    assert "no HTML page among its" in str(error)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "c.warc.gz"
    path.touch()
    (error,) = read(path)
    assert isinstance(error, EmptyInput)


def test_names_stay_when_filters_change(tmp_path: Path) -> None:
    # the same archive read twice names the same records the same way
    path = write_warc(tmp_path / "c.warc.gz")
    assert [d.source for d in read(path)] == [d.source for d in read(path)]  # type: ignore[union-attr]


def test_regression_record_without_content_length(tmp_path: Path) -> None:
    # warcio then reads the record from its own reader, which has no `limit`: that broke us
    path = tmp_path / "hand-made.warc"
    path.write_bytes(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        + RULING_PAGE.encode() + b"\r\n\r\n")
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.url) == (f"{path}#1", "https://x.example/a")
    assert "Judge Marisol Ortega" in doc.content
