"""RSS and Atom feed files whose items carry their full text (no network needed)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from newsgraph.errors import BadRecord, CorruptInput, EmptyInput, UnsupportedInput
from newsgraph.ingest import RawDocument, read_inputs
from newsgraph.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RULING = (FIXTURES / "harbor-bridge-ruling.txt").read_text(encoding="utf-8")
EARNINGS = (FIXTURES / "chipmaker-earnings.txt").read_text(encoding="utf-8")


def as_html(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))


def rss(items: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"<channel><title>Courier</title><link>https://courier.example/</link>{items}"
        "</channel></rss>\n"
    )


def item(title: str, *, link: str | None = None, guid: str | None = None,
         date: str | None = None, description: str | None = None,
         content: str | None = None, dc_date: str | None = None) -> str:
    parts = [f"<title>{html.escape(title)}</title>"]
    if link:
        parts.append(f"<link>{link}</link>")
    if guid:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    if dc_date:
        parts.append(f"<dc:date>{dc_date}</dc:date>")
    if description is not None:
        parts.append(f"<description>{html.escape(description)}</description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "<item>" + "".join(parts) + "</item>\n"


def read(path: Path) -> list[RawDocument | Exception]:
    return list(read_inputs([str(path)], Settings(url_timeout=2)))


def test_rss_with_full_content(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_text(rss(
        item("Appeals Court Halts Harbor Bridge Expansion",
             link="https://courier.example/courts/bridge", guid="courier-1001",
             date="Thu, 07 Mar 2024 18:45:00 -0800",
             description="A federal appeals court blocked the bridge expansion.",
             content=as_html(RULING))
        + item("Veltrix Shares Jump", link="https://courier.example/business/veltrix",
               guid="courier-1002", date="Wed, 06 Mar 2024 09:10:00 GMT",
               description="The chipmaker raised its forecast.", content=as_html(EARNINGS))
    ), encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.source == f"{path}#courier-1001"
    assert first.url == "https://courier.example/courts/bridge"
    assert first.title == "Appeals Court Halts Harbor Bridge Expansion"
    # the publisher's own date: 18:45 in California is already the 8th in UTC
    assert first.published == "2024-03-07T18:45:00-08:00"
    assert first.markup == "html"
    assert "Judge Marisol Ortega" in first.content
    assert second.source == f"{path}#courier-1002"
    assert second.published == "2024-03-06T09:10:00+00:00"


def test_full_text_in_description_counts(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(rss(item("Veltrix", link="https://x.example/v", description=EARNINGS)))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content.startswith("Veltrix Shares Jump")


def test_atom_with_full_content(tmp_path: Path) -> None:
    path = tmp_path / "courier.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>'
        "<id>urn:courier</id><updated>2024-03-09T00:00:00Z</updated>"
        "<entry><title>Bridge ruling</title><id>urn:courier:1001</id>"
        '<link rel="alternate" href="https://courier.example/courts/bridge"/>'
        "<published>2024-03-07T18:45:00-08:00</published>"
        "<updated>2024-03-09T08:00:00Z</updated>"
        "<summary>The court blocked the expansion.</summary>"
        f'<content type="html">{html.escape(as_html(RULING))}</content></entry>'
        "<entry><title>Corrections</title><id>urn:courier:1003</id>"
        '<link rel="alternate" href="https://courier.example/corrections"/>'
        "<updated>2024-03-09T08:00:00Z</updated>"
        f'<content type="text">{html.escape(EARNINGS)}</content></entry>'
        "</feed>\n", encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, first.title) == (f"{path}#urn:courier:1001", "Bridge ruling")
    assert first.published == "2024-03-07T18:45:00-08:00"
    assert "Judge Marisol Ortega" in first.content
    # Atom's <updated> is the last edit, not the publication date
    assert second.published is None
    assert second.markup == "text"


def test_rss_dc_date_is_the_item_date(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(item("Ruling", link="https://x.example/r", dc_date="2024-03-07T10:00:00Z",
                             content=as_html(RULING))))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.published == "2024-03-07T10:00:00+00:00"


def test_items_without_guid_are_named_by_link_then_position(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(
        item("A", link="https://x.example/a", content=as_html(RULING))
        + item("B", content=as_html(EARNINGS))
        + item("C")
    ))
    a, b, c = read(path)
    assert [getattr(o, "source", None) for o in (a, b, c)] == [
        f"{path}#https://x.example/a", f"{path}#2", f"{path}#3"]
    assert isinstance(c, BadRecord)
    assert str(c) == f"{path}#3: the item has neither content nor a link to its page"


def test_a_teaser_without_link_is_used_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(item("Brief", description="Parliament was dissolved on Monday.")))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == "Parliament was dissolved on Monday."


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (rss(""), EmptyInput, "the feed has no items"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti', CorruptInput,
         "the feed is cut short before its first complete item"),
        ("<rss><channel><title>Not closed", CorruptInput, "cut short"),
        ("Just some notes, not XML.", UnsupportedInput, "not an RSS or Atom feed"),
    ],
)
def test_feed_problems(tmp_path: Path, content: str, error: type, message: str) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(content)
    outcomes = read(path)
    assert isinstance(outcomes[-1], error)
    assert message in str(outcomes[-1])


def test_truncated_feed_keeps_the_complete_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    whole = rss(item("A", guid="a", content=as_html(RULING))
                + item("B", guid="b", content=as_html(EARNINGS)))
    path.write_text(whole[: whole.index("Veltrix Shares Jump") + 40])
    first, error = read(path)
    assert isinstance(first, RawDocument)
    assert first.source == f"{path}#a"
    assert isinstance(error, CorruptInput)
    assert str(error) == (f"{path}: the feed is cut short; the 1 complete items before the cut "
                          "were read")


def test_feed_with_an_unescaped_ampersand_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(item("AT&T and Verizon", guid="a", content=as_html(RULING))))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)


def test_feed_found_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "latest"
    path.write_text(rss(item("Ruling", guid="g1", content=as_html(RULING))))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.source == f"{path}#g1"


def test_regression_guid_with_a_newline_and_link_with_a_broken_ipv6_literal(
    tmp_path: Path
) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(
        item("A", guid="tag:courier,2024:\n  story-1", content=as_html(RULING))
        + item("B", link="http://[::1/story", description="A teaser.")
        + item("C", link="\n  https://x.example/c\t\n", content=as_html(EARNINGS))))
    first, second, third = read(path)
    assert isinstance(first, RawDocument)
    assert first.source == f"{path}#tag:courier,2024: story-1"
    assert isinstance(second, UnsupportedInput)
    assert str(second) == (f"{path}#http://[::1/story: http://[::1/story is not a valid http(s) "
                           "URL")
    assert isinstance(third, RawDocument)
    assert third.url == "https://x.example/c"
