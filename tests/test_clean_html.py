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
