"""Cleaning HTML pages: trafilatura's main text and metadata, then our own clean-up."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsgraph.clean import CleanDocument, clean
from newsgraph.errors import NoArticle
from newsgraph.ingest.document import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "clean"
HTML = FIXTURES / "corpus" / "html"
GOLD = FIXTURES / "gold" / "hongkong-pla.gold.json"


def clean_html(html: str, url: str | None = None, source: str = "<page>") -> CleanDocument:
    return clean(RawDocument(source=source, content=html, markup="html", url=url))


@pytest.fixture(scope="module")
def hongkong() -> tuple[CleanDocument, dict[str, object]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    page_id = Path(gold["article"]).name.removesuffix(".html.gz")
    truth = json.loads((HTML / "ground-truth.json").read_text(encoding="utf-8"))
    html = gzip.decompress((HTML / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    return clean_html(html, truth[page_id]["url"], page_id), gold


def test_gold_page_body(hongkong: tuple[CleanDocument, dict[str, object]]) -> None:
    doc, gold = hongkong
    assert doc.paragraphs == gold["paragraphs"]


def test_gold_page_metadata(hongkong: tuple[CleanDocument, dict[str, object]]) -> None:
    doc, gold = hongkong
    assert doc.title == gold["title"]
    assert doc.subtitle == gold["subtitle"]
    assert doc.published == "2019-11-19"
    assert doc.language == "en"
    assert doc.authors == ["Laura Mowat"]
    assert doc.publisher == "Express.co.uk"


def test_gold_page_teasers_are_removed_with_reasons(
    hongkong: tuple[CleanDocument, dict[str, object]],
) -> None:
    doc, _ = hongkong
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["DON'T MISS"] == "boilerplate"
    assert reasons["SEE MORE: Hong Kong protests: 800 students under siege in university"] == (
        "related"
    )
    teaser = "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]"
    assert reasons[teaser] == "related"


def test_article_page() -> None:
    html = (CLEAN / "article.html").read_text(encoding="utf-8")
    doc = clean_html(html, "https://alpinecourier.example/world/italy-floods")
    assert doc.title == "Flooding forces thousands from homes in northern Italy"
    assert doc.subtitle == "Rivers burst their banks after three days of rain in Emilia-Romagna."
    assert doc.authors == ["Giulia Ferraro"]
    assert doc.publisher == "The Alpine Courier"
    assert doc.published == "2023-05-17"
    assert doc.language == "en"
    assert doc.url == "https://alpinecourier.example/world/italy-floods"
    assert [p.split()[0] for p in doc.paragraphs] == [
        "More", "At", '"We', "Prime", "Forecasters"
    ]
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Advertisement"] == "advertisement"
    assert reasons[
        "Giulia Ferraro is a correspondent for The Alpine Courier based in Bologna."
    ] == "bio"
    assert "cookies" not in doc.text and "newsletter" not in doc.text


@pytest.mark.parametrize("name", ["login.html", "index.html"])
def test_page_without_article_raises_no_article(name: str) -> None:
    html = (CLEAN / name).read_text(encoding="utf-8")
    with pytest.raises(NoArticle) as error:
        clean_html(html, f"https://alpinecourier.example/{name}", name)
    assert error.value.source == name


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html></html>",
        "<html><body></body></html>",
        "<html><body><p>Hi</p></body></html>",
        "<p>unclosed <b>tags <i>everywhere",
        "<?xml version='1.0'?><rss><channel></channel></rss>",
        "<html><body>" + "<div>" * 2000 + "deep" + "</div>" * 2000 + "</body></html>",
        "\x00\x01<html>",
    ],
)
def test_bad_html_raises_no_article_or_gives_text(html: str) -> None:
    try:
        doc = clean_html(html)
    except NoArticle:
        return
    assert doc.paragraphs


# ---- page metadata: site name, authors, dek ----------------------------------------------------

PAGES = [
    # og:site_name over a JSON-LD publisher that names a desk; the site name trailing the
    # headline cut off; an agency credited as the author is no person; the standfirst shown
    # under the headline is the dek; the syndication note is dropped
    ("page-desk-publisher.html", {
        "title": "Dockworkers' strike enters second week as cargo piles up",
        "subtitle": "Shipping lines are diverting vessels to other ports as talks between the "
                    "union and terminal operators stall.",
        "authors": [],
        "publisher": "The Harbor Times",
    }),
    # no og:site_name: the name <title> adds after the headline, not the app name; the JSON-LD
    # person, not the bio sentence in the author meta; a description the page never shows is
    # not a dek
    ("page-app-name.html", {
        "title": "Regulators approve merger of two regional airlines",
        "subtitle": None,
        "authors": ["Lena Fischer"],
        "publisher": "The Harbor Bulletin",
    }),
    # a generic og:site_name ("Hosted") is no publisher: the dateline's agency is; shouted names
    # with the agency glued on; a pull quote as description is no dek
    ("page-hosted-wire.html", {
        "title": "Spain's parliament approves amnesty law after heated debate",
        "subtitle": None,
        "authors": ["Marta Ruiz", "Owen Price"],
        "publisher": "AP",
    }),
    # the dek shown in the page's header, which trafilatura leaves out of the main text
    ("page-hidden-dek.html", {
        "title": "Wildfire forces evacuation of 12,000 near Athens",
        "subtitle": "Strong winds push the flames toward the northern suburbs as firefighters "
                    "battle a third day.",
        "authors": ["Nikos Pappas"],
        "publisher": "Aegean Post",
    }),
]


@pytest.mark.parametrize(("name", "expected"), PAGES)
def test_page_metadata(name: str, expected: dict[str, object]) -> None:
    html = (CLEAN / name).read_text(encoding="utf-8")
    doc = clean_html(html, f"https://news.example.com/{name}", name)
    got = {k: getattr(doc, k) for k in expected}
    assert got == expected
    assert doc.subtitle is None or doc.subtitle not in doc.paragraphs
    assert len(doc.paragraphs) == 4


def test_syndication_note_is_removed_as_notice() -> None:
    html = (CLEAN / "page-desk-publisher.html").read_text(encoding="utf-8")
    doc = clean_html(html, "https://news.example.com/port-strike")
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["This article has been adapted from its original source."] == "notice"
    assert "adapted from its original source" not in doc.text


def test_host_name_is_the_publisher_only_when_the_page_names_none() -> None:
    html = (
        "<html><head><title>Dam repairs to close river road for a month</title></head><body>"
        "<article><h1>Dam repairs to close river road for a month</h1>"
        "<p>The county will close River Road between the dam and the Mill Street bridge for "
        "four weeks from Monday while crews repair the spillway, officials said.</p>"
        "<p>Detours will send traffic through the town center, where the county has added "
        "two temporary traffic lights and will post officers at peak hours.</p>"
        "</article></body></html>"
    )
    doc = clean_html(html, "https://www.valleygazette.example/news/dam-repairs")
    assert doc.publisher == "valleygazette.example"


def _page_with_lead(lead: str, css: str) -> str:
    body = " ".join(
        f"<p>Paragraph {i} of the report says that installers in the region expect prices to "
        f"keep falling as new factories open and competition grows.</p>" for i in range(4))
    return (f'<html><head><title>Solar costs fall</title><meta name="description" '
            f'content="{lead}"></head><body><article><h1>Solar costs fall</h1>'
            f'<div class="{css}"><p>{lead}</p></div>{body}</article></body></html>')


_LONG_LEAD = ("The ministry has unveiled a plan to help the solar industry cut the cost of panels "
              "from around $0.25/W to $0.12/W by 2030. The plan also sets targets for module "
              "efficiency of about 25% and for recycling of old panels by the end of the next "
              "decade.")


def test_a_long_dek_the_markup_names_is_the_subtitle() -> None:
    assert len(_LONG_LEAD.split()) > 45
    doc = clean_html(_page_with_lead(_LONG_LEAD, "article-lead-text"))
    assert doc.subtitle == _LONG_LEAD


def test_a_long_description_shown_without_dek_markup_is_no_subtitle() -> None:
    doc = clean_html(_page_with_lead(_LONG_LEAD, "box"))
    assert doc.subtitle != _LONG_LEAD
