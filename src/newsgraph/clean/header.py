"""The head of an article: its title and its dek (subtitle), from a text scrape or a page.

In a text scrape the title is the first line when it is shaped like a headline. The next line is
the dek only on positive evidence: a byline or a date line sets it off from the body, or it has a
dek's shape (one sentence clearly shorter than the body's paragraphs) and nothing marks it as the
story's first paragraph (see `reads_as_lede`). A lede taken for a dek costs every later stage its
facts; a dek left in the body costs one paragraph.

In a page, trafilatura's metadata name title and dek, and the rule finds the blocks that repeat
them; a description is a dek only when the page shows it (it is a block above the body, an
element of the page, or a first paragraph that is shaped or marked up as a dek), not when it lives
in the metadata alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.clean.blocks import (
    ends_sentence,
    is_headline,
    key,
    median_words,
    sentence_count,
    title_case_share,
    word_count,
)
from newsgraph.clean.chrome import is_body_like
from newsgraph.clean.draft import Draft
from newsgraph.clean.meta import Shown
from newsgraph.clean.patterns import dek_words, fold, people
from newsgraph.clean.people import read_name_line
from newsgraph.clean.site import strip_site_name

# Headlines of the 62 benchmark pages run to 20 words at most (one page name, 23); the seed's
# is 9 words.
_TITLE_MAX_WORDS = 25
_QUESTION_MAX_WORDS = 15
_TITLE_MIN_WORDS = 2
# a headline written with a final period ("Stocks Fall. Here's Why.") is still title-cased
_TITLE_CASE_SHARE = 0.75
_LABEL_MAX_WORDS = 3  # "World", "Opinion", "Middle East" above a title
_DEK_MAX_WORDS = 45
# ... unless the page's markup names it the dek ("article-lead-text" over a two-sentence
# summary of 50 words on pv magazine); a paragraph-long text stays out whatever its markup
_MARKED_DEK_MAX_WORDS = 80
# A dek is at most this share of the median length of the paragraphs that follow it, and at most
# _DEK_SHORT_MAX_WORDS long; the seed's dek is 13 words over 40-word paragraphs (0.33), and a
# wire story's one-sentence lead (25-35 words over 30-word paragraphs, about 1.0) must fail.
_DEK_SHARE = 0.6
_DEK_SHORT_MAX_WORDS = 30
_DEK_BODY_SAMPLE = 5
# what may stand between a dek and the body: the head of an article, not its text
_HEAD_VERDICTS = frozenset({"byline", "date", "dateline", "credit", "caption", "share", "bio"})
# a lead paragraph opening with a dateline is body: "WASHINGTON (Reuters) - ...", "KYIV —"
_DATELINE_LEAD = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,[\w .,'’-]{1,40}?)?\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/)?\s*[-–—:]+\s"
)
_HEAD_ZONE_MAX_WORDS = 6


def title_like(text: str) -> bool:
    """Shaped like a headline: short, and not ending as a sentence does, unless it is in Title
    Case; a question only when short ("Will Russia invade Ukraine?"), an exclamation only in
    Title Case, for a body often opens with a question or an exclamation."""
    words = word_count(text)
    if not _TITLE_MIN_WORDS <= words <= _TITLE_MAX_WORDS or text.rstrip().endswith(":"):
        return False
    title_case = title_case_share(text) >= _TITLE_CASE_SHARE
    end = text.rstrip("\"'’”»)] ")[-1:]
    if end == "?":
        return words <= _QUESTION_MAX_WORDS or title_case
    if end == "!":
        return title_case
    return is_headline(text, max_words=_TITLE_MAX_WORDS) or title_case


def mark_text_header(
    draft: Draft, known_title: str | None = None, hostname: str | None = None
) -> None:
    """Title, dek and the labels around them at the top of a text scrape.

    A text of a single block is all body: one sentence fed alone is an article of one sentence.
    A site name after the headline ("… - Reuters", "… | example.com") is not part of the title.
    """
    opened = draft.open()
    if len(opened) < 2:
        if known_title:
            draft.title = strip_site_name(known_title, [], hostname)
        return
    pos = _skip_labels(draft, opened)
    first = draft.text(opened[pos])
    if known_title:
        draft.title = strip_site_name(known_title, [], hostname)
        if key(first) not in (key(known_title), key(draft.title)):
            return
        draft.decide(opened[pos], "title")
    elif title_like(first):
        draft.title = strip_site_name(first, [], hostname)
        draft.decide(opened[pos], "title")
    else:
        return
    rest = opened[pos + 1 :]
    if len(rest) >= 2 and _is_dek(draft, rest[0], rest[1:]):
        draft.subtitle = draft.text(rest[0])
        draft.decide(rest[0], "subtitle")
        rest = rest[1:]
    _mark_head_zone(draft, rest)


def _skip_labels(draft: Draft, opened: list[int]) -> int:
    """Section labels above the title ("World", "Opinion | Europe") become boilerplate."""
    pos = 0
    while pos + 2 < len(opened):
        label, following = draft.text(opened[pos]), draft.text(opened[pos + 1])
        if not (
            word_count(label) <= _LABEL_MAX_WORDS
            and is_headline(label)
            and title_like(following)
            and word_count(following) > word_count(label)
        ):
            break
        draft.decide(opened[pos], "boilerplate")
        pos += 1
    return pos


def _is_dek(draft: Draft, candidate: int, body: list[int]) -> bool:
    """Whether the block under the headline is its dek, on positive evidence only: a byline or a
    date line under it, no final period (a lede always has one), or a dek's shape (one sentence,
    far shorter than the body's paragraphs) with nothing that marks it as the first paragraph."""
    text = draft.text(candidate)
    words = word_count(text)
    following = draft.text(body[0])
    if (
        key(text) == key(following)  # the lead, repeated: it is body
        or words > _DEK_MAX_WORDS
        or sentence_count(text) > 2
        or _DATELINE_LEAD.match(text)
    ):
        return False
    between = draft.verdicts[candidate + 1 : body[0]]
    if any(v in _HEAD_VERDICTS for v in between):
        return True  # the page's own layout sets it off: a byline or a date line under it
    if not ends_sentence(text):
        return is_headline(text)  # a dek without a final period; a lede always has one
    sample = [draft.text(i) for i in body[:_DEK_BODY_SAMPLE] if is_body_like(draft.text(i))]
    return (
        bool(sample)
        and sentence_count(text) == 1
        and words <= _DEK_SHORT_MAX_WORDS
        and words <= _DEK_SHARE * median_words(sample)
        and not reads_as_lede(text, following, draft.title)
    )


# A dek summarizes the headline's story at about its length or more (the seed's: 13 words under a
# 9-word headline; the fixtures' deks run 0.9 to 1.5 times their headline); a candidate under half
# the headline's length is a short lede ("It was 4 a.m.").
_DEK_MIN_TITLE_SHARE = 0.5
# the opening of the next paragraph that is read for a reference back to the candidate
_OPENING_CHARS = 200
# capitalized words in Latin script with accents: "Élodie", "O'Neill"
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_WORD_CAP = f"[{_UPPER}][{_LOWER}]+"
# a run of capitalized words, the last two of which are a person's first and last name:
# "Rosa Delgado", "President Donald Trump", "Finance Minister Greta Lindholm"
_NAME = re.compile(
    rf"\b(?:{_WORD_CAP}\s+)*(?P<first>{_WORD_CAP})\s+"
    rf"(?P<last>{_WORD_CAP}(?:[’'-][{_UPPER}]?[{_LOWER}]+)?)\b"
)
_QUOTE_MARK = re.compile(r"[“”\"«»„]|(?:^|\s)‘")
_FIRST_WORD = re.compile(r"[\w-]+")  # "It" of "It's", "She" of "She'd"


def reads_as_lede(text: str, following: str, title: str | None = None) -> bool:
    """Whether a dek-shaped paragraph under a headline is the story's first paragraph: it quotes
    or attributes ("…, officials said"), speaks in the first person, is far shorter than the
    headline, or the next paragraph goes on from it (opens with a pronoun or "But", quotes
    someone it calls "she", refers back with "the" to a noun of it, or calls a person it names
    by the surname alone)."""
    vocab = dek_words()
    folded = fold(text)
    if (
        _QUOTE_MARK.search(text)
        or vocab.attribution.search(folded)
        or vocab.first_person.search(folded)
        or (title and word_count(text) < _DEK_MIN_TITLE_SHARE * word_count(title))
    ):
        return True
    opening = fold(following[:_OPENING_CHARS])
    first = _FIRST_WORD.match(opening)
    if (first and first.group().casefold() in vocab.continuation) or (
        vocab.pronoun_speaker.search(opening)
    ):
        return True
    back = vocab.back_reference.match(opening)
    if back and back["noun"][:1].islower() and _mentions(folded, back["noun"]):
        return True  # "the vendor" (a proper name, "The Federal Reserve", is named afresh)
    not_names = people().not_names
    return any(
        name["first"] not in not_names
        and re.search(rf"\b{re.escape(name['last'])}\b", opening)
        and f"{name['first']} {name['last']}" not in opening
        for name in _NAME.finditer(folded)
    )


def _mentions(text: str, noun: str) -> bool:
    """Whether `text` has the noun (singular or plural) as a word."""
    stem = noun.casefold().removesuffix("s")
    return len(stem) >= 3 and bool(re.search(rf"\b{re.escape(stem)}s?\b", text.casefold()))


def _mark_head_zone(draft: Draft, rest: list[int]) -> None:
    """Between the head and the first body paragraph: a byline without "By" ("Jane Doe in
    Kyiv"), and short labels ("World", "5 min read")."""
    for i in rest:
        text = draft.text(i)
        if is_body_like(text) or ends_sentence(text):
            return
        near = draft.verdicts[max(0, i - 1) : i + 2]
        credit = read_name_line(text, by_a_stamp="date" in near)
        if credit is not None:
            draft.decide(i, "byline")
            draft.credit(credit.authors, credit.publisher)
        elif word_count(text) <= _HEAD_ZONE_MAX_WORDS:
            draft.decide(i, "boilerplate")


def mark_page_header(
    draft: Draft,
    title: str | None,
    description: str | None,
    shown_as: Callable[[str], Shown] = lambda text: None,
) -> None:
    """Headline, dek and labels of a page, above its first body paragraph.

    1. the headline: the block above the body that repeats the page's title (the visible
       headline may word it differently from the metadata: "Julian Assange: Sweden drops rape
       investigation" under the title "Sweden drops Assange rape investigation");
    2. the dek: the description when the page shows it above the body (as a block, or in an
       element that trafilatura left out: `shown_as(description)`), or as a first
       paragraph shaped like a dek, or not at all; when it is the lead (or its start), it is
       body, and the dek, if any, is a heading under the headline;
    3. labels left above the body ("Review", "Pittsburgh").
    """
    opened = draft.open()
    lead = next((i for i in opened if _is_prose(draft, i) and is_body_like(draft.text(i))), None)
    top = [i for i in opened if lead is None or i < lead]
    draft.title = title
    headline = next((i for i in top if title and _same_headline(draft.text(i), title)), None)
    if headline is not None:
        draft.title = draft.text(headline)
        draft.decide(headline, "title")
    if description:
        _mark_description(draft, description, top, lead, shown_as)
    for i in top:
        text = draft.text(i)
        if draft.verdicts[i] is not None:
            continue
        words = word_count(text)
        if draft.blocks[i].kind == "head" and not draft.subtitle and words > _LABEL_MAX_WORDS:
            draft.subtitle = text
            draft.decide(i, "subtitle")
        elif words <= _HEAD_ZONE_MAX_WORDS and not ends_sentence(text):
            draft.decide(i, "boilerplate")


def mark_shown_dek(draft: Draft, dek: str) -> None:
    """The dek the page's markup shows under its headline, where neither the description nor a
    block gave one; a block above the body that repeats it is that dek, not body."""
    draft.subtitle = dek
    wanted = key(dek)
    for i in draft.open():
        if key(draft.text(i)) == wanted:
            draft.decide(i, "subtitle")
        elif _is_prose(draft, i):
            break


def _mark_description(
    draft: Draft,
    description: str,
    top: list[int],
    lead: int | None,
    shown_as: Callable[[str], Shown],
) -> None:
    described = key(description)
    for i in top:
        if key(draft.text(i)) == described:
            draft.subtitle = description
            draft.decide(i, "subtitle")
            return
    if lead is not None and key(draft.text(lead)) == described:
        # the description as the first paragraph: a dek when it is shaped like one (short, one
        # sentence) or the page's markup names it so (class "standfirst", an <h2>), else the
        # lead itself, which many sites copy into their description
        rest = [i for i in draft.open() if i > lead]
        if rest and (
            _is_dek(draft, lead, rest)
            or (
                shown_as(description) == "dek"
                and not reads_as_lede(description, draft.text(rest[0]), draft.title)
            )
        ):
            draft.subtitle = description
            draft.decide(lead, "subtitle")
        return
    # A description that the page does not show is the page's summary for search engines and
    # link previews, not a dek; nor is a pull quote, one cut short ("…"), one as long as a
    # paragraph, or one found in the body.
    if _QUOTE_MARK.match(description) or description.rstrip().endswith(("...", "…")) or (
            _in_body(draft, described)):
        return
    words = word_count(description)
    if words > _MARKED_DEK_MAX_WORDS:
        return
    shown = shown_as(description)
    if (shown is not None and words <= _DEK_MAX_WORDS) or shown == "dek":
        draft.subtitle = description


def _is_prose(draft: Draft, i: int) -> bool:
    return draft.blocks[i].kind in ("p", "line", "quote")


# A heading is the page's headline when most of the words of the shorter of the two are in the
# other: a site name appended to the title or a reworded headline still match.
_HEADLINE_OVERLAP = 0.75


def _same_headline(text: str, title: str) -> bool:
    a, b = set(key(text).split()), set(key(title).split())
    if len(a) < _TITLE_MIN_WORDS or len(b) < _TITLE_MIN_WORDS:
        return False
    return len(a & b) >= _HEADLINE_OVERLAP * min(len(a), len(b))


def _in_body(draft: Draft, described: str) -> bool:
    """Whether the description (its last words aside) is part of a body paragraph."""
    stem = described[: max(20, len(described) - 5)]
    return any(stem in key(draft.text(i)) for i in draft.open())
