"""URLs and feeds over HTTP, against a real server on 127.0.0.1 run in a thread."""

from __future__ import annotations

import contextlib
import gzip
import html
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgraph.errors import (
    BinaryInput,
    EmptyInput,
    FetchError,
    InputTooLarge,
    UnsupportedInput,
)
from newsgraph.ingest import RawDocument, read_inputs
from newsgraph.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RULING = (FIXTURES / "harbor-bridge-ruling.txt").read_text(encoding="utf-8")
EARNINGS = (FIXTURES / "chipmaker-earnings.txt").read_text(encoding="utf-8")
FLOOD = (FIXTURES / "river-flooding.html").read_text(encoding="utf-8")
FRENCH = (FIXTURES / "lyon-budget-fr.txt").read_text(encoding="utf-8")
LEGACY = "<p>The mayor’s “€12 million” plan — approved in March — was “reviewed”.</p>"

Handler = Callable[[BaseHTTPRequestHandler], None]
ROUTES: dict[str, Handler] = {}
HITS: dict[str, int] = {}


def route(path: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        ROUTES[path] = handler
        return handler
    return register


def send(h: BaseHTTPRequestHandler, body: bytes, content_type: str | None = "text/html",
         status: int = 200, headers: dict[str, str] | None = None, length: bool = True) -> None:
    body = body.replace(b"{port}", str(h.server.server_port).encode())  # type: ignore[attr-defined]
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    if length:
        h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def static(body: bytes, content_type: str | None = "text/html", **kw: object) -> Handler:
    return lambda h: send(h, body, content_type, **kw)  # type: ignore[arg-type]


def redirect(to: str, status: int = 302) -> Handler:
    return lambda h: send(h, b"", None, status=status, headers={"Location": to})


def rss(items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courier'
        f"</title>{items}</channel></rss>\n"
    ).encode()


def rss_item(title: str, link: str, guid: str, teaser: str, content: str | None = None) -> str:
    full = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>{title}</title><link>{link}</link>"
            f'<guid isPermaLink="false">{guid}</guid>'
            "<pubDate>Tue, 12 Mar 2024 07:30:00 +0100</pubDate>"
            f"<description>{html.escape(teaser)}</description>{full}</item>")


def as_html(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))


ROUTES.update({
    "/flood.html": static(FLOOD.encode(), "text/html; charset=utf-8"),
    "/ruling.txt": static(RULING.encode(), "text/plain; charset=utf-8"),
    "/legacy-http.html": static(LEGACY.encode("cp1252"), "text/html; charset=windows-1252"),
    "/legacy-meta.html": static(
        b'<html><head><meta charset="windows-1252"></head><body>' + LEGACY.encode("cp1252"),
        "text/html"),
    "/french-undeclared.txt": static(FRENCH.encode("latin-1"), "text/plain"),
    "/r1": redirect("/r2", 301), "/r2": redirect("http://127.0.0.1:{port}/r3", 307),
    "/r3": redirect("flood.html", 308),
    "/loop-a": redirect("/loop-b"), "/loop-b": redirect("/loop-a"),
    "/to-ftp": redirect("ftp://127.0.0.1/file.txt"),
    "/boom": static(b"<h1>Internal error</h1>", status=500),
    "/forbidden": static(b"<h1>Forbidden</h1>", status=403),
    "/image.png": static(b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
    "/data.json": static(b'{"a": 1}', "application/json"),
    "/gzipped.html": static(gzip.compress(FLOOD.encode()), "text/html",
                            headers={"Content-Encoding": "gzip"}),
    "/brotli.html": static(b"\x0b\x02\x80", "text/html", headers={"Content-Encoding": "br"}),
    "/no-type": static(FLOOD.encode(), None),
    "/octet": static(FLOOD.encode(), "application/octet-stream"),
    "/octet-binary": static(bytes(range(256)) * 4, "application/octet-stream"),
    "/empty": static(b"", "text/html"),
    "/big": static(b"<p>" + b"word " * 10_000 + b"</p>", "text/html"),
    "/big-unannounced": static(b"<p>" + b"word " * 10_000 + b"</p>", "text/html", length=False),
    "/feed-full.xml": static(rss(
        rss_item("Appeals Court Halts Harbor Bridge Expansion", "/counted/ruling", "c-1",
                 "The court blocked it.", as_html(RULING))
        + rss_item("Veltrix Shares Jump", "/counted/earnings", "c-2", "Shares rose.",
                   as_html(EARNINGS))), "application/rss+xml"),
    "/feed-links.xml": static(rss(
        rss_item("Thousands Evacuated", "http://127.0.0.1:{port}/flood.html", "l-1",
                 "More than 4,000 residents were ordered to leave.")
        + rss_item("Harbor Bridge Ruling", "/ruling.txt", "l-2", "A court blocked it.")
        + rss_item("Removed Story", "/gone", "l-3", "This story was taken down.")
        + rss_item("Mayor's plan", "/legacy-http.html", "l-4", "The plan was approved.")),
        "text/xml"),
})


@route("/slow")
def _slow(h: BaseHTTPRequestHandler) -> None:
    time.sleep(2)
    send(h, b"<p>too late</p>")


@route("/trickle")
def _trickle(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(50):
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.1)


@route("/one-second-a")
def _one_second_a(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1)
    send(h, RULING.encode(), "text/plain")


@route("/one-second-b")
def _one_second_b(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1)
    send(h, EARNINGS.encode(), "text/plain")


@route("/echo-agent")
def _echo_agent(h: BaseHTTPRequestHandler) -> None:
    send(h, f"Sent by {h.headers['User-Agent']}.".encode(), "text/plain")


class _Handler(BaseHTTPRequestHandler):

    def do_GET(self) -> None:
        HITS[self.path] = HITS.get(self.path, 0) + 1
        handler = ROUTES.get(self.path)
        if handler is None:
            send(self, b"<h1>Not Found</h1>", status=404)
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a client gave up
            handler(self)

    def send_header(self, keyword: str, value: str) -> None:
        port = str(self.server.server_port)  # type: ignore[attr-defined]
        super().send_header(keyword, value.replace("{port}", port))

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def read(*inputs: str, **settings: object) -> list[RawDocument | Exception]:
    defaults: dict[str, object] = {"url_timeout": 2.0}
    return list(read_inputs(list(inputs), Settings(**{**defaults, **settings})))  # type: ignore[arg-type]


def one(url: str, **settings: object) -> RawDocument | Exception:
    (outcome,) = read(url, **settings)
    return outcome


# --- pages ---------------------------------------------------------------------------------

def test_html_page(server: str) -> None:
    doc = one(f"{server}/flood.html")
    assert doc == RawDocument(source=f"{server}/flood.html", content=FLOOD, markup="html",
                              url=f"{server}/flood.html")


def test_text_page(server: str) -> None:
    doc = one(f"{server}/ruling.txt")
    assert isinstance(doc, RawDocument)
    assert (doc.content, doc.markup) == (RULING, "text")


@pytest.mark.parametrize("path", ["/legacy-http.html", "/legacy-meta.html"])
def test_windows_1252_page(server: str, path: str) -> None:
    doc = one(server + path)
    assert isinstance(doc, RawDocument)
    assert LEGACY in doc.content


def test_undeclared_latin1_text(server: str) -> None:
    doc = one(f"{server}/french-undeclared.txt")
    assert isinstance(doc, RawDocument)
    assert doc.content == FRENCH


@pytest.mark.parametrize("path", ["/gzipped.html", "/no-type", "/octet"])
def test_pages_told_by_their_bytes_or_compressed(server: str, path: str) -> None:
    doc = one(server + path)
    assert isinstance(doc, RawDocument)
    assert (doc.content, doc.markup) == (FLOOD, "html")


def test_user_agent_from_settings(server: str) -> None:
    doc = one(f"{server}/echo-agent", user_agent="courier-archive-bot/2.1")
    assert isinstance(doc, RawDocument)
    assert doc.content == "Sent by courier-archive-bot/2.1."


# --- redirects -----------------------------------------------------------------------------

def test_redirect_chain_is_followed(server: str) -> None:
    doc = one(f"{server}/r1")
    assert isinstance(doc, RawDocument)
    assert doc.source == f"{server}/r1"  # the input as given: stable for --resume
    assert doc.url == f"{server}/flood.html"  # where the article really is
    assert doc.content == FLOOD


def test_too_many_redirects(server: str) -> None:
    error = one(f"{server}/r1", max_redirects=2)
    assert isinstance(error, FetchError)
    assert str(error) == (f"{server}/r1: more than 2 redirects "
                          f"(the last one to {server}/flood.html)")


def test_redirect_loop(server: str) -> None:
    error = one(f"{server}/loop-a")
    assert isinstance(error, FetchError)
    assert str(error) == (f"{server}/loop-a: redirect loop: {server}/loop-a -> {server}/loop-b "
                          f"-> {server}/loop-a (the site is misconfigured)")


def test_redirect_to_another_scheme(server: str) -> None:
    error = one(f"{server}/to-ftp")
    assert isinstance(error, UnsupportedInput)
    assert str(error) == (f"{server}/to-ftp: redirected to ftp://127.0.0.1/file.txt, which is "
                          "not a valid http(s) URL")


# --- failures ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/gone", FetchError, "the server answered HTTP 404 Not Found (check the URL)"),
        ("/boom", FetchError, "the server answered HTTP 500 Internal Server Error "
                              "(a server error: try later)"),
        ("/forbidden", FetchError, "the server answered HTTP 403 Forbidden (the site refuses "
                                   "the request; it may block robots)"),
        ("/image.png", BinaryInput, "the server sent image/png, not a web page or a feed"),
        ("/data.json", UnsupportedInput, "the server sent application/json, not a web page"),
        ("/octet-binary", BinaryInput, "binary data, not text or HTML"),
        ("/brotli.html", UnsupportedInput, "the server compressed the page as 'br'"),
        ("/empty", EmptyInput, "empty or only whitespace"),
    ],
)
def test_failures(server: str, path: str, error: type, message: str) -> None:
    outcome = one(server + path)
    assert isinstance(outcome, error)
    assert str(outcome).startswith(f"{server}{path}: {message}")


def test_timeout(server: str) -> None:
    start = time.perf_counter()
    error = one(f"{server}/slow", url_timeout=0.3)
    assert time.perf_counter() - start < 1.5
    assert isinstance(error, FetchError)
    assert str(error) == (f"{server}/slow: no answer within 0.3 s "
                          "(try later, or raise --url-timeout)")


def test_a_trickling_server_times_out_as_a_whole(server: str) -> None:
    start = time.perf_counter()
    error = one(f"{server}/trickle", url_timeout=0.3)
    assert time.perf_counter() - start < 3
    assert isinstance(error, FetchError)
    assert "the page did not arrive within 1.5 s" in str(error)


def test_unreachable_port() -> None:
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error = one(f"http://127.0.0.1:{port}/news")
    assert isinstance(error, FetchError)
    assert str(error) == (f"http://127.0.0.1:{port}/news: connection refused: nothing answers "
                          f"at 127.0.0.1:{port} (check the URL, or try later)")


def test_unknown_host() -> None:
    error = one("http://no-such-host.invalid/news")
    assert isinstance(error, FetchError)
    assert "no-such-host.invalid was not found" in str(error)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_oversized_body(server: str, path: str) -> None:
    # announced: refused from its Content-Length; unannounced: cut off while streaming
    error = one(server + path, max_bytes=20_000)
    assert isinstance(error, InputTooLarge)
    assert "20,000-byte limit" in str(error)


# --- several URLs --------------------------------------------------------------------------

def test_urls_are_fetched_ahead_and_come_out_in_order(server: str, tmp_path: Path) -> None:
    path = tmp_path / "flood.html"
    path.write_text(FLOOD)
    start = time.perf_counter()
    docs = read(f"{server}/one-second-a", str(path), f"{server}/gone", f"{server}/one-second-b")
    elapsed = time.perf_counter() - start
    assert [d.source for d in docs] == [  # type: ignore[union-attr]
        f"{server}/one-second-a", str(path), f"{server}/gone", f"{server}/one-second-b"]
    assert [type(d).__name__ for d in docs] == [
        "RawDocument", "RawDocument", "FetchError", "RawDocument"]
    assert elapsed < 1.8  # the two slow pages downloaded at the same time, not one by one


# --- feeds ---------------------------------------------------------------------------------

def test_feed_with_full_content_fetches_nothing(server: str) -> None:
    before = {k: v for k, v in HITS.items() if k.startswith("/counted")}
    first, second = read(f"{server}/feed-full.xml")
    assert {k: v for k, v in HITS.items() if k.startswith("/counted")} == before
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.source == f"{server}/feed-full.xml#c-1"
    assert first.url == f"{server}/counted/ruling"  # resolved against the feed's address
    assert first.title == "Appeals Court Halts Harbor Bridge Expansion"
    assert first.published == "2024-03-12T07:30:00+01:00"
    assert "Judge Marisol Ortega" in first.content
    assert "Priya Raman" in second.content


def test_feed_with_links_only_fetches_each_page(server: str) -> None:
    outcomes = read(f"{server}/feed-links.xml")
    feed = f"{server}/feed-links.xml"
    assert [o.source for o in outcomes] == [  # type: ignore[union-attr]
        f"{feed}#l-1", f"{feed}#l-2", f"{feed}#l-3", f"{feed}#l-4"]
    flood, ruling, gone, legacy = outcomes
    assert isinstance(flood, RawDocument)
    assert (flood.content, flood.markup) == (FLOOD, "html")
    assert flood.title == "Thousands Evacuated"  # the item's, carried in
    assert flood.published == "2024-03-12T07:30:00+01:00"
    assert flood.url == f"{server}/flood.html"
    assert isinstance(ruling, RawDocument)
    assert (ruling.content, ruling.url) == (RULING, f"{server}/ruling.txt")
    assert isinstance(gone, FetchError)
    assert str(gone) == f"{feed}#l-3: the server answered HTTP 404 Not Found (check the URL)"
    assert isinstance(legacy, RawDocument)
    assert LEGACY in legacy.content


def test_feed_file_with_links_to_the_server(server: str, tmp_path: Path) -> None:
    path = tmp_path / "saved.rss"
    path.write_bytes(rss(rss_item("Ruling", f"{server}/ruling.txt", "s-1", "A teaser.")))
    (doc,) = read(str(path))
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.content) == (f"{path}#s-1", RULING)
