"""Fetching a URL with the standard library.

Redirects are followed by hand, so that they can be counted against `max_redirects` and a loop
named; the body is read in pieces so that the size cap holds while streaming and a server that
trickles bytes cannot hold a run forever. Every way a fetch can fail becomes a FetchError (or
InputTooLarge, BinaryInput, UnsupportedInput) that says what happened and what to try.
"""

from __future__ import annotations

import functools
import http.client
import socket
import ssl
import time
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin, urlsplit

from newsgraph.errors import BinaryInput, FetchError, InputError, InputTooLarge, UnsupportedInput
from newsgraph.ingest.document import Markup
from newsgraph.ingest.files import gunzip
from newsgraph.settings import Settings

_CHUNK = 1 << 16
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: A whole body may take this many times `url_timeout`; each read is bounded by `url_timeout`
#: itself, so without it a server sending a byte every few seconds would never time out.
_BODY_TIME_FACTOR = 5
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/*;q=0.8")
#: Media types read besides text/*: markup and feeds. A response without a Content-Type, or
#: with application/octet-stream (misconfigured servers), is judged by its bytes instead.
_READABLE = frozenset({"application/xhtml+xml", "application/xml", "application/rss+xml",
                       "application/atom+xml", "application/rdf+xml", "application/x-rss+xml",
                       "application/octet-stream", ""})
_BINARY_MAJOR = ("image/", "audio/", "video/", "font/", "model/")
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                         "application/x-rss+xml"})
_STATUS_HINTS = {
    401: "the page needs a login", 403: "the site refuses the request; it may block robots",
    404: "check the URL", 410: "the page was removed", 429: "too many requests: try later",
}


@dataclass(frozen=True, slots=True)
class Response:
    url: str  #: after redirects
    body: bytes
    media_type: str  #: lower case, "" when the server sent none
    charset: str | None

    @property
    def markup(self) -> Markup | None:
        """What the Content-Type says the body is; None when only the bytes can tell."""
        if self.media_type in ("text/html", "application/xhtml+xml"):
            return "html"
        return None

    @property
    def is_feed_type(self) -> bool:
        return self.media_type in _FEED_TYPES


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str  #: absolute


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back as HTTPError, to be followed (and counted) by `fetch`."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@functools.cache
def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirect)


def fetch(url: str, settings: Settings, source: str | None = None) -> Response:
    """The body of `url` after redirects; errors name `source` (the input), default `url`."""
    source = source or url
    if not _is_http(url):  # never file://, say, from a feed's link
        raise UnsupportedInput(source, f"{url} is not a valid http(s) URL")
    chain = [url]
    while True:
        answer = _get(chain[-1], settings, source)
        if isinstance(answer, Response):
            return answer
        target = answer.location
        if target in chain:
            raise FetchError(source, "redirect loop: " + " -> ".join([*chain, target])
                             + " (the site is misconfigured)")
        if len(chain) > settings.max_redirects:
            raise FetchError(source, f"more than {settings.max_redirects} redirects "
                                     f"(the last one to {target})")
        if not _is_http(target):
            raise UnsupportedInput(source, f"redirected to {target}, which is not a valid "
                                           "http(s) URL")
        chain.append(target)


def _is_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:  # a broken IPv6 literal, say
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _get(url: str, settings: Settings, source: str) -> Response | _Redirect:
    request = urllib.request.Request(url, headers={
        "User-Agent": settings.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip"})
    try:
        response: http.client.HTTPResponse = _opener().open(request, timeout=settings.url_timeout)
    except HTTPError as e:
        e.close()
        location = e.headers.get("Location") if e.headers else None
        if e.code in _REDIRECTS and location:
            try:
                return _Redirect(urljoin(url, location))
            except ValueError:
                raise FetchError(source, f"redirected to an invalid URL: {location!r}") from None
        raise FetchError(source, _status_problem(e.code, e.reason)) from None
    except URLError as e:
        raise _unreachable(source, url, e.reason, settings) from None
    except (OSError, http.client.HTTPException, ValueError) as e:
        raise _unreachable(source, url, e, settings) from None
    with response:
        media_type, charset = _content_type(response.headers)
        _check_type(media_type, source)
        _check_length(response.headers, settings.max_bytes, source)
        body = _read(response, settings, source)
        body = _decompress(body, response.headers.get("Content-Encoding"), source, settings)
        return Response(url=response.geturl(), body=body, media_type=media_type, charset=charset)


def _status_problem(code: int, reason: str) -> str:
    hint = _STATUS_HINTS.get(code) or ("a server error: try later" if code >= 500 else "")
    return f"the server answered HTTP {code} {reason}" + (f" ({hint})" if hint else "")


def _unreachable(source: str, url: str, reason: object, settings: Settings) -> InputError:
    parts = urlsplit(url)
    host = parts.hostname or url
    if isinstance(reason, socket.gaierror):
        problem = f"the host {host} was not found (check the URL and the network)"
    elif isinstance(reason, ConnectionRefusedError):
        problem = (f"connection refused: nothing answers at {parts.netloc} "
                   "(check the URL, or try later)")
    elif isinstance(reason, TimeoutError):
        problem = f"no answer within {settings.url_timeout:g} s (try later, or raise --url-timeout)"
    elif isinstance(reason, ssl.SSLError):
        problem = f"the secure connection failed ({reason})"
    elif isinstance(reason, ConnectionError | http.client.RemoteDisconnected):
        problem = "the server closed the connection without answering (try later)"
    elif isinstance(reason, str | ValueError | http.client.InvalidURL):
        problem = f"not a URL newsgraph can fetch ({reason})"
    else:
        problem = f"could not connect ({reason})"
    return FetchError(source, problem)


def _content_type(headers: Message) -> tuple[str, str | None]:
    if headers.get("Content-Type") is None:
        return "", None
    charset = headers.get_param("charset")
    return headers.get_content_type().lower(), charset if isinstance(charset, str) else None


def _check_type(media_type: str, source: str) -> None:
    if media_type.startswith("text/") or media_type in _READABLE or media_type.endswith("+xml"):
        return
    problem = f"the server sent {media_type}, not a web page or a feed"
    if media_type.startswith(_BINARY_MAJOR):
        raise BinaryInput(source, problem)
    raise UnsupportedInput(source, problem)


def _check_length(headers: Message, limit: int, source: str) -> None:
    declared = headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputTooLarge(source, f"the server announces {int(declared):,} bytes, above the "
                                    f"{limit:,}-byte limit (raise it with --max-bytes)")


def _read(response: http.client.HTTPResponse, settings: Settings, source: str) -> bytes:
    limit = settings.max_bytes
    deadline = time.monotonic() + _BODY_TIME_FACTOR * settings.url_timeout
    body = bytearray()
    try:
        while chunk := response.read1(_CHUNK):
            body += chunk
            if len(body) > limit:
                raise InputTooLarge(source, f"the page is larger than the {limit:,}-byte limit "
                                            "(raise it with --max-bytes)")
            if time.monotonic() > deadline:
                raise FetchError(source, f"the page did not arrive within "
                                         f"{_BODY_TIME_FACTOR * settings.url_timeout:g} s "
                                         "(try later, or raise --url-timeout)")
    except TimeoutError:
        raise FetchError(source, f"the server stopped sending for {settings.url_timeout:g} s "
                                 "(try later, or raise --url-timeout)") from None
    except (OSError, http.client.HTTPException) as e:
        raise FetchError(source, f"the connection broke while reading the page ({e})") from None
    return bytes(body)


def _decompress(body: bytes, encoding: str | None, source: str, settings: Settings) -> bytes:
    coding = (encoding or "identity").strip().lower()
    if coding in ("identity", ""):
        return body
    if coding in ("gzip", "x-gzip"):
        return gunzip(body, source, settings.max_bytes)
    raise UnsupportedInput(source, f"the server compressed the page as {coding!r}, "
                                   "which newsgraph does not read")
