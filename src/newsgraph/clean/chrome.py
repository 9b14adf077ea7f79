"""Chrome rules: which blocks of a page are not the article, and why.

Each rule judges the blocks still open in a `Draft` and records a reason for the ones it drops.
They run in `newsgraph.clean.clean` in the order below; the first rule to judge a block wins.
"""

from __future__ import annotations

import re

from newsgraph.clean.blocks import (
    ends_sentence,
    is_headline,
    key,
    quick_key,
    sentence_count,
    title_case_share,
    word_count,
)
from newsgraph.clean.draft import MOVED, Draft
from newsgraph.clean.patterns import chrome_reason, is_end_marker, is_marker, people
from newsgraph.clean.people import is_publisher, read_bio, read_byline
from newsgraph.clean.stamps import read_stamp

_SHARE_MAX_WORDS = 10
_SHARE_TOKEN = re.compile(r"[\w-]+")
# "WASHINGTON —", "KYIV, Ukraine —", "LONDON, Feb 3 (Reuters) -" on a line of its own
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[\w .'’]{2,40})?(?:\s*\([\w .'’-]{2,40}\))?\s*[-–—]+$"
)
_STAMP_MAX_WORDS = 16
_OUTLET_MAX_WORDS = 6
_CAPTION_MAX_WORDS = 40
_SEPARATOR = re.compile(r"[\W_]*$")  # no letter or digit: "* * *", "___", "—"


# ---- 1. one line at a time -------------------------------------------------------------------

def mark_lines(draft: Draft) -> None:
    """Separators, share rows, chrome phrases, date stamps, datelines and bylines."""
    for i in draft.open():
        text = draft.text(i)
        words = word_count(text)
        if draft.verdicts[i] is not None or is_marker(text, words):
            continue  # taken with the line above it, or a marker left to mark_teasers
        reason = line_reason(text, words)
        if reason:
            draft.decide(i, reason)
            if reason == "caption" and text.endswith((",", ":")):
                _mark_caption(draft, i + 1)
        elif words <= _STAMP_MAX_WORDS and _mark_stamp(draft, i):
            continue
        elif _DATELINE.match(text):
            draft.decide(i, "dateline")
        else:
            byline = read_byline(text)
            if byline is not None:
                draft.decide(i, "byline")
                draft.credit(byline.authors, byline.publisher)
                draft.published = draft.published or byline.day
                _mark_outlet_line(draft, i + 1)


def _mark_outlet_line(draft: Draft, i: int) -> None:
    """The outlet on its own line under a byline ("By Jane Doe" / "The Harbor Times", "BBC
    News, Nairobi")."""
    if i < len(draft.blocks) and draft.verdicts[i] is None:
        text = draft.text(i)
        outlet = text.split(",", 1)[0].strip()
        if not ends_sentence(text) and word_count(text) <= _OUTLET_MAX_WORDS and is_publisher(
            outlet
        ):
            draft.decide(i, "byline")
            draft.credit([], outlet)


def _mark_caption(draft: Draft, i: int) -> None:
    """The caption under a caption label ("Image caption," / "Soldiers in Kyiv on Monday")."""
    if (
        i < len(draft.blocks)
        and draft.verdicts[i] is None
        and word_count(draft.text(i)) <= _CAPTION_MAX_WORDS
    ):
        draft.decide(i, "caption")


def line_reason(text: str, words: int) -> str | None:
    """Why one line, judged alone, is chrome; None when it may be article text."""
    if _SEPARATOR.match(text):
        return "separator"
    if words <= _SHARE_MAX_WORDS and _is_share_row(text):
        return "share"
    return chrome_reason(text, words)


def _is_share_row(text: str) -> bool:
    vocab = people().share_words
    tokens = _SHARE_TOKEN.findall(text.lower())
    return bool(tokens) and all(t in vocab for t in tokens) and not ends_sentence(text)


def _mark_stamp(draft: Draft, i: int) -> bool:
    stamp = read_stamp(draft.text(i))
    if stamp is None:
        return False
    draft.decide(i, "date")
    if stamp.kind == "updated":
        draft.updated = draft.updated or stamp.day
    else:
        draft.published = draft.published or stamp.day
    return True


# ---- 2. links to other articles under a section marker -----------------------------------------

_TEASER_MAX_WORDS = 20  # a teaser headline; longer unpunctuated lines are captions or body
_DEK_MAX_WORDS = 35  # a teaser's dek: one sentence


def mark_teasers(draft: Draft) -> None:
    """A marker ("More from …", "Related", "Don't miss") and the run of teasers under it.

    The run is either headlines alone or headline-and-dek pairs, the pattern that its first
    items set; it ends at the first block that breaks the pattern (body text resumes, or a dek
    follows a dek). Items of one HTML list right under the marker are all teasers.
    """
    for i in draft.open():
        if draft.verdicts[i] is not None:
            continue
        text = draft.text(i)
        if is_marker(text, word_count(text)):
            draft.decide(i, "boilerplate")
            _mark_run(draft, i + 1)


def _mark_run(draft: Draft, start: int) -> None:
    run, end = _teaser_run(draft, start)
    # One headline and one short sentence under a marker, with the body going on below: the
    # sentence is more likely the body resuming than the teaser's dek.
    lone_pair = sum(shape == "D" for _, shape in run) == 1
    body_below = any(
        v is None and is_body_like(b.text)
        for b, v in zip(draft.blocks[end:], draft.verdicts[end:], strict=True)
    )
    for j, shape in run:
        if not (shape == "D" and lone_pair and body_below):
            draft.decide(j, "teaser")


def _teaser_run(draft: Draft, start: int) -> tuple[list[tuple[int, str]], int]:
    """The teasers from `start` on, each "H" (headline) or "D" (dek), and where the run ends."""
    run: list[tuple[int, str]] = []
    mode: str | None = None  # "list": headlines only; "pairs": headline, dek, headline, dek
    group = 0
    for j in range(start, len(draft.blocks)):
        if draft.verdicts[j] is not None:
            continue
        block = draft.blocks[j]
        previous = run[-1][1] if run else None
        if is_marker(block.text, word_count(block.text)):
            return run, j
        if block.kind == "item" and ((group == 0 and previous is None) or block.group == group):
            group = block.group
            run.append((j, "H"))
            continue
        shape = _teaser_shape(block.text)
        if shape is None or (shape == "D" and (previous != "H" or mode == "list")):
            return run, j
        if shape == "H" and previous == "H":
            mode = mode or "list"
        elif shape == "D":
            mode = "pairs"
        run.append((j, shape))
    return run, len(draft.blocks)


def _teaser_shape(text: str) -> str | None:
    if is_headline(text, max_words=_TEASER_MAX_WORDS):
        return "H"
    if ends_sentence(text) and word_count(text) <= _DEK_MAX_WORDS and sentence_count(text) == 1:
        return "D"
    return None


# ---- 3. end matter ------------------------------------------------------------------------------

def mark_end_matter(draft: Draft) -> None:
    """From an end-matter heading ("About Acme Corp", "Media contact", "About the author") to
    the end, once some body came before it: an author bio there still names the author."""
    opened = draft.open()
    for n, i in enumerate(opened):
        text = draft.text(i)
        following = draft.text(opened[n + 1]) if n + 1 < len(opened) else None
        if n and is_end_marker(text, word_count(text), following):
            break
    else:
        return
    if not any(is_body_like(draft.text(j)) for j in opened[:n]):
        return
    for j in opened[n:]:
        bio = read_bio(draft.text(j))
        if bio is not None:
            draft.decide(j, "bio")
            draft.credit(bio.authors, bio.publisher)
        else:
            draft.decide(j, "boilerplate")


# ---- 4. author bios ----------------------------------------------------------------------------

_BODY_MIN_WORDS = 8  # a paragraph this long that ends as a sentence is body, not chrome


def is_body_like(text: str) -> bool:
    return ends_sentence(text) and word_count(text) >= _BODY_MIN_WORDS


def mark_bios(draft: Draft) -> None:
    """Author bio lines before the first or after the last paragraph of the body."""
    opened = draft.open()
    bios = {i: credit for i in opened if (credit := read_bio(draft.text(i)))}
    if not bios:
        return
    body = [i for i in opened if i not in bios and is_body_like(draft.text(i))]
    first, last = (body[0], body[-1]) if body else (len(draft.blocks), -1)
    for i, credit in bios.items():
        if i < first or i > last:
            draft.decide(i, "bio")
            draft.credit(credit.authors, credit.publisher)


# ---- 5. repeats ------------------------------------------------------------------------------

_DUPLICATE_MIN_WORDS = 4  # shorter repeats ("No.", "Yes, he said.") can be real text
# A repeat is a scraping artifact when it comes right after its first copy (the seed repeats its
# 40-word lead at once); lines that recur further apart are a page's structure (a weekly meal
# plan in the benchmark pages repeats 30-word menu lines) and stay.
_DUPLICATE_NEAR_BLOCKS = 3
# list items and table rows repeat by nature (a results table)
_STRUCTURED = frozenset({"item", "card", "row"})


def mark_duplicates(draft: Draft) -> None:
    """A block that repeats the title, the dek or an earlier body block."""
    head = {key(t): word_count(t) for t in (draft.title, draft.subtitle) if t}
    seen: dict[str, int] = {}
    for i in draft.open():
        block = draft.blocks[i]
        words = word_count(block.text)
        if block.kind in _STRUCTURED or words < _DUPLICATE_MIN_WORDS:
            continue
        first = seen.setdefault(quick_key(block.text), i)
        if 0 < i - first <= _DUPLICATE_NEAR_BLOCKS or (
            words in head.values() and key(block.text) in head
        ):
            draft.decide(i, "duplicate")


# ---- 6. what trails the body ---------------------------------------------------------------------

_TRAILING_MAX_WORDS = 12
_DATA_LINE = re.compile(r"[^:]{2,40}:\s+\w")  # "England (Group A): 10th appearance"
_PROSE = frozenset({"line", "p", "quote"})
# a list of links to other articles: every item a headline in title case
_LINK_LIST_TITLE_CASE = 0.75


def mark_trailing(draft: Draft) -> None:
    """The run of blocks that ends the page after the last paragraph of the body: headings with
    nothing under them, teaser cards and lists of headlines, and short lines that do not end as
    sentences (labels, tag lists, buttons, link texts that no phrase rule knew). The run is read
    from the end up and stops at the first block that may be content (a list item, a
    "label: value" line, a sentence), which keeps whatever stands above it."""
    opened = draft.open()
    body = [i for i in opened if draft.blocks[i].kind in _PROSE and is_body_like(draft.text(i))]
    if not body:
        return
    tail = [i for i in opened if i > body[-1]]
    link_lists = _link_lists(draft, tail)
    for i in reversed(tail):
        block = draft.blocks[i]
        if block.kind == "card" or block.group in link_lists:
            draft.decide(i, "teaser")
        elif block.kind == "head" or (
            block.kind not in _STRUCTURED
            and word_count(block.text) <= _TRAILING_MAX_WORDS
            and not ends_sentence(block.text)
            and not _DATA_LINE.match(block.text)
        ):
            draft.decide(i, "boilerplate")
        else:
            return


def _link_lists(draft: Draft, tail: list[int]) -> set[int]:
    """Groups (HTML lists) in `tail` whose every item is a title-case headline."""
    items: dict[int, list[str]] = {}
    for i in tail:
        block = draft.blocks[i]
        if block.kind == "item" and block.group:
            items.setdefault(block.group, []).append(block.text)
    return {
        group
        for group, texts in items.items()
        if all(
            is_headline(t, max_words=_TEASER_MAX_WORDS)
            and title_case_share(t) >= _LINK_LIST_TITLE_CASE
            for t in texts
        )
    }


def kept(draft: Draft) -> list[str]:
    return [b.text for b, v in zip(draft.blocks, draft.verdicts, strict=True) if v is None]


def dropped(draft: Draft) -> list[tuple[str, str]]:
    return [
        (b.text, v)
        for b, v in zip(draft.blocks, draft.verdicts, strict=True)
        if v is not None and v not in MOVED
    ]
