"""What a page says about itself outside its text: the names it gives its site, its authors as
structured data, and whether a description is shown on the page or only sits in its metadata.

trafilatura's metadata picks one value per field by its own order (a JSON-LD publisher over the
page's `og:site_name`, an app name or a Twitter handle when nothing else is there), which loses
the choice; this reads the candidates themselves, in order of trust, and leaves the choosing to
`newsgraph.clean.site`. It reads the parsed tree before trafilatura cleans its own copy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from newsgraph.clean.blocks import key, normalize_space
from newsgraph.clean.patterns import dek_words, sites

# meta names whose value is the site's own name, after og:site_name and the JSON-LD publisher;
# app names (al:*:app_name, "NYTimes") and Twitter handles ("@SputnikInt") are left out: they are
# short forms, not the publication's name
_PUBLISHER_META = ("dc.publisher", "dcterms.publisher", "publisher", "application-name",
                   "apple-mobile-web-app-title")
_ORGANIZATION = ("Organization", "NewsMediaOrganization", "Corporation", "NGO")
_PERSON = "Person"
# a site name appended to a headline in <title> is short; a longer tail is part of the headline
_SUFFIX_MAX_WORDS = 6
# the description is compared with the page's text nodes that start like it: the first
# characters are enough to find the few candidates, the whole text decides
_SHOWN_PREFIX_CHARS = 20
_SHOWN_MAX_CANDIDATES = 20


@dataclass(slots=True)
class Head:
    """The page's own statements about itself, each list most trusted first."""

    site_names: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # JSON-LD authors that are not organizations
    hostname: str | None = None


def read_head(tree: Any, url: str | None, headline: str | None) -> Head:
    """Site names and structured authors of a parsed page; `headline` is the title trafilatura
    found (og:title or the like), which tells what <title> adds to it."""
    head = Head(hostname=hostname(url or _canonical(tree)))
    meta = _meta(tree)
    publisher, authors = _json_ld(tree)
    head.authors = authors
    names = [meta.get("og:site_name"), publisher]
    names += [meta.get(name) for name in _PUBLISHER_META]
    names.append(_title_suffix(_title_tag(tree), headline))
    seen: set[str] = set()
    for name in names:
        if name and (k := key(name)) not in seen and key(name) != key(headline or ""):
            seen.add(k)
            head.site_names.append(name)
    return head


def _meta(tree: Any) -> dict[str, str]:
    """The first value of each <meta> property or name, keys lower case; a <meta> that broken
    markup lets the parser move into the body still counts."""
    found: dict[str, str] = {}
    for element in tree.iterfind(".//meta[@content]"):
        name = (element.get("property") or element.get("name") or "").lower()
        content = normalize_space(element.get("content") or "")
        if name and content and name not in found:
            found[name] = content
    return found


def _title_tag(tree: Any) -> str | None:
    element = tree.find(".//head/title")
    if element is None:
        element = tree.find(".//title")
    return normalize_space(element.text_content()) or None if element is not None else None


def _title_suffix(title: str | None, headline: str | None) -> str | None:
    """What <title> adds after the headline: "The New York Times" in "Trump’s Trade War - The
    New York Times" when the headline is "Trump’s Trade War"; its last part when there are
    several ("World | News | Express.co.uk")."""
    if not title or not headline:
        return None
    parts = sites().title_separator.split(title)[::2]  # the split keeps the separators
    for n in range(1, len(parts)):
        if key(" ".join(parts[:n])) == key(headline):
            last = parts[-1]
            return last if len(last.split()) <= _SUFFIX_MAX_WORDS else None
    return None


def _canonical(tree: Any) -> str | None:
    element = tree.find(".//head/link[@rel='canonical']")
    return element.get("href") if element is not None else None


def hostname(url: str | None) -> str | None:
    """The host of a URL without "www.", or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


# ---- JSON-LD -------------------------------------------------------------------------------------

def _json_ld(tree: Any) -> tuple[str | None, list[str]]:
    """The publisher's name and the authors of the first article described in JSON-LD."""
    publisher: str | None = None
    authors: list[str] | None = None
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        for node in _nodes(data):
            if publisher is None and "publisher" in node:
                publisher = _name(node["publisher"])
            if authors is None and "author" in node and not _is_a(node, _ORGANIZATION):
                authors = list(_authors(node["author"]))
        if publisher is not None and authors is not None:
            break
    return publisher, authors or []


def _nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD document, depth first, in document order."""
    if depth > 8:  # a graph nests a few levels; deeper is some other structure
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _nodes(value, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _nodes(value, depth + 1)


def _is_a(node: dict[str, Any], types: tuple[str, ...]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k in types for k in kinds)


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return normalize_space(value) or None if isinstance(value, str) else None


def _authors(value: Any) -> Iterator[str]:
    """Names of a JSON-LD `author`: strings and persons; an organization credited as the author
    ("Al-Bawaba", "BBC News") is the publisher's credit, not a person."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and _is_a(item, _ORGANIZATION):
            continue
        name = _name(item)
        if name:
            yield name


# ---- whether the page shows a text ---------------------------------------------------------

#: how a page shows a text: in an element marked as the dek ("dek"), in some other element of
#: its own ("block"), or not at all (None)
Shown = Literal["dek", "block"] | None

_MARKUP_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_MARKUP_ATTRIBUTES = ("class", "id", "itemprop")
_SKIPPED = frozenset({"script", "style", "title", "noscript", "template"})


def shown_as(tree: Any, text: str) -> Shown:
    """How the page's body shows `text` (a description): as an element whose whole text it is,
    which the page's markup may name as the dek (class "standfirst", an <h2> under the <h1>),
    or not at all: a description that lives only in the page's metadata."""
    prefix = normalize_space(text)[:_SHOWN_PREFIX_CHARS]
    body = tree.find(".//body")
    if not prefix or body is None:
        return None
    wanted = key(text)
    try:
        nodes = body.xpath(".//text()[starts-with(normalize-space(.), $p)]", p=prefix)
    except ValueError:  # a prefix XPath cannot hold (a NUL character)
        return None
    for node in nodes[:_SHOWN_MAX_CANDIDATES]:
        element = node.getparent()
        if (
            node.is_text
            and element is not None
            and element.tag not in _SKIPPED
            and key(element.text_content()) == wanted
        ):
            return "dek" if _marked_dek(element) else "block"
    return None


def _marked_dek(element: Any) -> bool:
    """Whether the element (or its parent) is a subheading or names itself a dek in its markup."""
    words = dek_words().markup
    for el in (element, element.getparent()):
        if el is None or not isinstance(el.tag, str):
            continue
        if el.tag in ("h2", "h3", "h4", "h5", "h6"):
            return True
        for attribute in _MARKUP_ATTRIBUTES:
            value = el.get(attribute) or ""
            if any(w.casefold() in words for w in _MARKUP_WORD.findall(value)) or (
                value.casefold() in words
            ):
                return True
    return False
