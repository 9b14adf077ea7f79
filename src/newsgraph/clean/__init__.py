"""Cleaning: from a raw document to the article body and its metadata.

A text scrape is cut into lines, an HTML page into the blocks trafilatura keeps; then the same
rules judge every block, in this order, and the first to judge a block wins:

1. one line at a time: chrome phrases (data/clean/chrome.toml), share rows, date stamps,
   datelines, bylines ("By Jane Doe and John Roe, Reuters");
2. a section marker ("More from …", "Related") and the run of teasers under it;
3. end matter: a heading such as "About Acme Corp" or "Media contact" and all that follows;
4. author bio lines above or below the body ("Jane Doe is a reporter at …");
5. the head: title and dek (found by shape in text, from the page's metadata in HTML; a dek
   only on positive evidence, for a lede taken for a dek is lost to every later stage);
6. repeats of an earlier paragraph, of the title or of the dek;
7. what trails the body: headings with nothing under them, teaser cards, short lines without
   sentence punctuation.

Every dropped block is kept in `removed` with its reason. A page's own metadata gives the
publisher (the site's proper name: newsgraph.clean.site), the authors (person names only:
newsgraph.clean.authors) and the title without the site's name after it.
"""

from __future__ import annotations

from newsgraph.clean.blocks import ends_sentence, text_blocks, word_count
from newsgraph.clean.chrome import (
    dropped,
    kept,
    mark_bios,
    mark_duplicates,
    mark_end_matter,
    mark_lines,
    mark_teasers,
    mark_trailing,
)
from newsgraph.clean.document import CleanDocument
from newsgraph.clean.draft import Draft
from newsgraph.clean.header import mark_page_header, mark_shown_dek, mark_text_header
from newsgraph.clean.html import read_page
from newsgraph.clean.language import body_language
from newsgraph.clean.meta import hostname
from newsgraph.clean.people import dateline_agency, merge_names
from newsgraph.clean.site import strip_site_name
from newsgraph.errors import NoArticle
from newsgraph.ingest.document import RawDocument
from newsgraph.record import Removed

__all__ = ["CleanDocument", "clean"]


def clean(raw: RawDocument) -> CleanDocument:
    """The article in a raw document: body paragraphs, metadata, and what was dropped and why.

    Raises `NoArticle` when nothing of an article is left: an HTML page without article text (a
    login form, an index of links), or a text that is only page chrome.
    """
    if raw.markup == "html":
        return _clean_html(raw)
    return _clean_text(raw)


def _clean_text(raw: RawDocument) -> CleanDocument:
    draft = Draft(text_blocks(raw.content))
    if not draft.blocks:
        raise NoArticle(raw.source, "the text is empty")
    _mark_chrome(draft)
    mark_text_header(draft, raw.title, hostname(raw.url))
    _mark_body_repeats(draft)
    return _finish(raw, draft, language=None)


def _clean_html(raw: RawDocument) -> CleanDocument:
    page = read_page(raw.content, raw.url)
    if page is None or not page.blocks:
        raise NoArticle(raw.source, "no article text found in the page (is it an article?)")
    draft = Draft(page.blocks)
    _mark_chrome(draft)
    title = strip_site_name(raw.title, page.site_names, page.hostname) if raw.title else None
    mark_page_header(draft, title or page.title, page.description, page.shown_as)
    if draft.subtitle is None and page.dek is not None:
        mark_shown_dek(draft, page.dek)
    _mark_body_repeats(draft)
    if not any(_is_sentence(text) for text in kept(draft)):
        raise NoArticle(raw.source, "the page has no article text, only links or labels")
    draft.credit(page.authors, page.sitename)
    draft.authors = merge_names(page.authors, draft.authors)
    draft.published = page.date or draft.published
    return _finish(raw, draft, language=page.language, hostname=page.hostname)


# A page is an article when at least one block left is a sentence of this many words: link
# lists, menus and login forms have none; a news brief of one short sentence still counts.
_ARTICLE_MIN_WORDS = 4


def _is_sentence(text: str) -> bool:
    return ends_sentence(text) and word_count(text) >= _ARTICLE_MIN_WORDS


def _mark_chrome(draft: Draft) -> None:
    mark_lines(draft)
    mark_teasers(draft)
    mark_end_matter(draft)
    mark_bios(draft)


def _mark_body_repeats(draft: Draft) -> None:
    mark_duplicates(draft)
    mark_trailing(draft)


def _finish(
    raw: RawDocument, draft: Draft, language: str | None, hostname: str | None = None
) -> CleanDocument:
    paragraphs = kept(draft)
    if not paragraphs:
        raise NoArticle(raw.source, "no article text left once page chrome is removed")
    # the page's host name ("catchitkansas.com") names the publisher only when nothing else does
    publisher = draft.publisher or dateline_agency(paragraphs[0]) or hostname
    return CleanDocument(
        source=raw.source,
        paragraphs=paragraphs,
        title=draft.title,
        subtitle=draft.subtitle,
        authors=draft.authors,
        publisher=publisher,
        published=draft.published or draft.updated,
        url=raw.url,
        language=body_language("\n".join(paragraphs), language),
        removed=[Removed(text, reason) for text, reason in dropped(draft)],
    )
