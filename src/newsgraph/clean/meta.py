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
from newsgraph.clean.people import read_byline

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
# a byline shown on the page ("By Jane Doe, John Roe on Monday, November 18th, 2019 at 11:08
# a.m.") is short; an element of more words that starts with "By" is a sentence or a container
_BYLINE_MAX_WORDS = 24
# the page's <h1> replaces the metadata's headline when they share this share of their words
# (og:title is often a shorter or SEO variant of the headline shown: "... of Kidnapped Girl" in
# og:title, "... of Kidnapped Fort Worth Girl" on the page); a logo or section name in an <h1>
# shares few or none
_HEADLINE_MIN_OVERLAP = 0.6
_HEADLINE_MAX_WORDS = 40
# a dek is a sentence or two; a marked element under the headline outside these bounds is a
# label ("Analysis") or a whole summary box
_DEK_MIN_WORDS = 5
_DEK_MAX_WORDS = 50
# text nodes starting "By" looked at, in page order: menus ("By subject") come before the article
_BYLINE_MAX_CANDIDATES = 12
_BY_NODES = ".//text()[starts-with(normalize-space(.), 'By ') or normalize-space(.)='By']"


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


def shown_byline(tree: Any) -> list[str]:
    """The authors of the first byline the page shows ("By <a>Jane Doe</a>, <a>John Roe</a>"),
    for pages whose structured data names nobody and whose byline trafilatura leaves out of its
    metadata. The element's whole text must read as a byline (newsgraph.clean.people), so "By
    subject" in a menu or "By continuing, you agree" in a cookie notice give nobody."""
    body = tree.find(".//body")
    if body is None:
        return []
    nodes = body.xpath(_BY_NODES)
    for node in nodes[:_BYLINE_MAX_CANDIDATES]:
        element = node.getparent()
        if element is not None and not node.is_text:
            element = element.getparent()  # the text after a child element is its parent's
        if element is None or element.tag in _SKIPPED:
            continue
        text = normalize_space(element.text_content())
        if len(text.split()) > _BYLINE_MAX_WORDS:
            continue
        credit = read_byline(text)
        if credit is not None and credit.authors:
            return credit.authors
    return []


def shown_headline(tree: Any, title: str | None) -> str | None:
    """The headline as the page shows it in its <h1>, where the metadata's title (og:title and
    the like) is a variant of it; else the metadata's title."""
    body = tree.find(".//body")
    if not title or body is None:
        return title
    wanted = set(_words(title))
    for h1 in body.iterfind(".//h1"):
        text = normalize_space(h1.text_content())
        words = _words(text)
        if not words or len(words) > _HEADLINE_MAX_WORDS:
            continue
        shared = len(wanted & set(words)) / len(wanted | set(words))
        if shared >= _HEADLINE_MIN_OVERLAP:
            return text
    return title


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def shown_dek(tree: Any, headline: str | None) -> str | None:
    """The dek as the page shows it right under its headline: the <h1>'s next element, when the
    markup names it a dek or subheading (class "subtitle", "standfirst", an <h2>). It matters
    where the page's description is another text (a teaser written for search and social
    cards) and trafilatura leaves the header out of the body."""
    body = tree.find(".//body")
    if not headline or body is None:
        return None
    wanted = key(headline)
    for h1 in body.iterfind(".//h1"):
        if key(h1.text_content()) != wanted:
            continue
        following = h1.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()  # comments and processing instructions
        if following is None or not _marked_dek(following):
            return None
        text = normalize_space(following.text_content())
        words = len(text.split())
        if _DEK_MIN_WORDS <= words <= _DEK_MAX_WORDS and read_byline(text) is None and (
                not _holds_credit(following)):
            return text
        return None
    return None


#: words in class or id names that mark a byline or a date stamp, which some pages put in their
#: "subhead" ("articleHeader--subhead-name", "subhead-date")
_CREDIT_MARKUP = frozenset({"byline", "author", "authors", "name", "date", "time", "timestamp",
                            "dateline", "published", "updated", "credit"})


def _holds_credit(element: Any) -> bool:
    """Whether an element holds a byline or a date stamp rather than a dek."""
    for el in element.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "time":
            return True
        for attribute in ("class", "id", "itemprop"):
            value = el.get(attribute) or ""
            if any(w.casefold() in _CREDIT_MARKUP for w in _MARKUP_WORD.findall(value)):
                return True
    return False
