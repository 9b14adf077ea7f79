"""The line rules of cleaning, one table per rule: what each drops (and why) and what it keeps."""

from __future__ import annotations

import pytest

from newsgraph.clean.blocks import (
    ends_sentence,
    is_headline,
    normalize_space,
    sentence_count,
    text_blocks,
    word_count,
)
from newsgraph.clean.chrome import line_reason
from newsgraph.clean.header import title_like
from newsgraph.clean.patterns import is_end_marker, is_marker
from newsgraph.clean.people import dateline_agency, read_bio, read_byline
from newsgraph.clean.stamps import read_stamp


def reason(text: str) -> str | None:
    return line_reason(text, word_count(text))


# ---- chrome phrases -------------------------------------------------------------------------

DROPPED = [
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("- Advertisement -", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Advertisement · Scroll to continue", "advertisement"),
    ("Continue reading the main story", "advertisement"),
    ("Subscribe", "subscription"),
    (".Subscribe Subscribe", "subscription"),
    ("Already a subscriber?", "subscription"),
    ("Already a member? Sign in", "subscription"),
    ("You have reached your limit of free articles.", "subscription"),
    ("Join the conversation on this and other recent articles when you subscribe now.",
     "comments"),
    ("Commenting on this and other recent articles is just one benefit of a subscription.",
     "comments"),
    ("If you enjoyed this article, we have a proposition for you: join our members.",
     "subscription"),
    ("Log in", "account"),
    ("Forgot your password?", "account"),
    ("Not your account?", "account"),
    ("Join the Conversation", "comments"),
    ("View Comments", "comments"),
    ("12 Comments", "comments"),
    ("Leave a comment", "comments"),
    ("Please follow our comment guidelines, stay on topic, and be civil.", "comments"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Get the latest headlines delivered to your inbox.", "newsletter"),
    ("Thanks for signing up!", "newsletter"),
    ("There was an error processing your subscription.", "newsletter"),
    ("Morning Briefing Newsletter", "newsletter"),
    ("We use cookies to personalise content and ads.", "cookies"),
    ("Accept all cookies", "cookies"),
    ("By continuing to use this site, you agree to our use of cookies.", "cookies"),
    ("Share this article", "share"),
    ("Share", "share"),
    ("Facebook Twitter Email", "share"),
    ("Share on WhatsApp", "share"),
    ("Order Reprints", "share"),
    ("Follow us on Twitter @example", "social"),
    ("Follow Jane Doe on Twitter and Instagram.", "social"),
    ("Twitter: @jdoe", "social"),
    ("Read more: Floods hit Venice again", "related"),
    ("Related: Five charts on the housing market", "related"),
    ("READ MORE", "related"),
    ("SEE MORE: Hong Kong protests: 800 students under siege", "related"),
    ("Lakers beat Nets in overtime [VIDEO]", "related"),
    ("Click here to download the report", "boilerplate"),
    ("Skip to main content", "navigation"),
    ("Home > World > Europe", "navigation"),
    ("Privacy Policy", "navigation"),
    ("Tags: Politics, Europe", "tags"),
    ("5 min read", "boilerplate"),
    ("Listen to this article", "boilerplate"),
    ("© 2024 Example Media Ltd", "copyright"),
    ("Copyright 2021 The Associated Press. All rights reserved.", "copyright"),
    ("This copy is for your personal, non-commercial use only.", "copyright"),
    ("Photo: Jane Doe/Reuters", "credit"),
    ("Photograph by John Roe", "credit"),
    ("Soldiers march in Kyiv on Feb. 3. (AP Photo/Efrem Lukatsky)", "caption"),
    ("Protesters outside parliament. (Jane Doe/AFP via Getty Images)", "caption"),
    ("(Reporting by Will Dunham; Editing by Tom Brown)", "credit"),
    ("Keith Bradsher contributed reporting from Hong Kong.", "credit"),
    ("Write to Al Root at allen.root@example.com", "contact"),
    ("https://www.example.com/news/123", "link"),
    ("If you buy something through this post, we may get a share of the sale.", "affiliate"),
    ("This story has been updated with comment from the ministry.", "notice"),
    ("This article has been adapted from its original source.", "notice"),
    ("This interview has been edited for length and clarity.", "notice"),
    ("This story was reprinted with permission from Kaiser Health News.", "notice"),
    ("This article was translated from Spanish by Jane Doe.", "notice"),
    ("FOR IMMEDIATE RELEASE", "boilerplate"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "boilerplate"),
    ("* * *", "separator"),
    ("___", "separator"),
    ("The views and opinions expressed in the article do not necessarily reflect those of "
     "Sputnik.", "notice"),
    ("The opinions expressed in this column are solely those of the author.", "notice"),
    ("Views expressed here do not necessarily represent those of the Harbor Times.", "notice"),
]


@pytest.mark.parametrize(("text", "expected"), DROPPED)
def test_chrome_line_is_dropped_with_its_reason(text: str, expected: str) -> None:
    assert reason(text) == expected


KEPT = [
    "The army said it would deploy 300 troops to the border.",
    "The views of voters do not necessarily reflect the polls, the pollster said.",
    "Russia has 100,000 subscribers to its state TV service, officials said.",
    "Subscribers to the plan will pay $5 more a month, the company said.",
    "“Share the burden,” the minister told reporters.",
    "Share prices fell 3% in early trading.",
    "Facebook said it removed 1,000 accounts linked to the campaign.",
    "Advertising revenue fell 12% in the quarter.",
    "Read the full statement here.",
    "Home prices rose 5% in May.",
    "Comments from the minister drew criticism.",
    "Comment is free, but facts are sacred.",
    "Photos show the damage.",
    "Photo-sharing app Instagram was down for hours.",
    "The company said it uses cookies to track users, the regulator found.",
    "By continuing to fight, Ukraine has forced Russia to regroup.",
    "Join the army, the poster said.",
    "Already a member of NATO, Finland has doubled its border patrols.",
    "Latest figures show inflation at 3%.",
    "Analysis: Why the Fed is not done raising rates",
    "Updated guidance was issued on Monday.",
    "He signed up for the army in 2019.",
    "Follow the money, investigators said.",
    "More than 3,000 troops arrived on Tuesday.",
    "Related charges were filed against two aides.",
    "Watch the skies, the agency warned residents.",
    "Sign in sheets showed 40 visitors.",
    "Thank you, Mr. President.",
    "The newsletter's editor resigned on Monday.",
    "Copyright law protects the work, the court said.",
    "Email from the minister's office was leaked.",
    "Search and rescue teams reached the village.",
    "Tweet by the president drew criticism.",
    "Contact with the crew was lost at 10:14 p.m.",
    "“No,” he said.",
    "Said, 34, was arrested on Friday.",
    "This article has been adapted into a film starring two actors.",
    "This report was edited by the ministry before it was released, officials said, prompting "
    "an outcry among lawmakers.",
    "This interview was conducted by police officers without a lawyer present, the court found.",
]


@pytest.mark.parametrize("text", KEPT)
def test_article_line_is_kept(text: str) -> None:
    assert reason(text) is None


# ---- section markers ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More from Foreign Policy", True),
        ("RELATED STORIES", True),
        ("Related", True),
        ("You may also like", True),
        ("You might also like:", True),
        ("DON'T MISS", True),
        ("Don’t miss", True),
        ("Most Read", True),
        ("Recommended for you", True),
        ("Trending now", True),
        ("Editors' Picks", True),
        ("Explore further", True),
        ("More from the army's statement was read aloud.", False),
        ("Most of the troops left on Monday.", False),
        ("Related charges were filed against two aides.", False),
        ("Latest figures show inflation at 3%.", False),
    ],
)
def test_section_marker(text: str, expected: bool) -> None:
    assert is_marker(text, word_count(text)) is expected


@pytest.mark.parametrize(
    ("text", "following", "expected"),
    [
        ("About Northwind Energy", "Northwind Energy Inc. is a Houston-based producer.", True),
        ("About the author", "Jane Doe is a reporter.", True),
        ("Media Contact:", "Jane Smith", True),
        ("Forward-Looking Statements", "This release contains statements.", True),
        ("SOURCE Northwind Energy Inc.", None, True),
        ("About the study", "The researchers followed 2,000 patients.", False),
        ("About Northwind Energy", "The deal closes in May.", False),
        ("Source: company filings", None, False),
    ],
)
def test_end_matter_marker(text: str, following: str | None, expected: bool) -> None:
    assert is_end_marker(text, word_count(text), following) is expected


# ---- bylines, bios, datelines ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "authors", "publisher"),
    [
        ("By Jane Doe", ["Jane Doe"], None),
        ("By Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"], "Reuters"),
        ("By Jane Doe, John Roe and Mary Major", ["Jane Doe", "John Roe", "Mary Major"], None),
        ("By JANE DOE | Associated Press", ["Jane Doe"], "Associated Press"),
        ("By Jane Doe, Staff Writer", ["Jane Doe"], None),
        ("By Maria Gonzalez | Staff Writer", ["Maria Gonzalez"], None),
        ("By Jane Doe, Kommersant", ["Jane Doe"], "Kommersant"),
        ("By Jane Doe for The Guardian", ["Jane Doe"], "The Guardian"),
        ("By Jane Doe in Kyiv and John Roe in Moscow", ["Jane Doe", "John Roe"], None),
        ("By Jane Doe • February 3, 2022", ["Jane Doe"], None),
        ("Posted by Dana Whitfield on June 2, 2022", ["Dana Whitfield"], None),
        ("by Ursula von der Leyen", ["Ursula von der Leyen"], None),
        ("By Reuters Staff", [], "Reuters"),
        ("Written by Seamus O'Neill", ["Seamus O'Neill"], None),
    ],
)
def test_byline(text: str, authors: list[str], publisher: str | None) -> None:
    credit = read_byline(text)
    assert credit is not None
    assert (credit.authors, credit.publisher) == (authors, publisher)


@pytest.mark.parametrize(
    "text",
    [
        "By Tuesday, the army had moved 300 troops to the border.",
        "By Christmas Day",
        "By contrast, exports rose 4%.",
        "By the numbers",
        "By using drones, the rebels avoided detection.",
        "Byline Times reported the leak.",
    ],
)
def test_not_a_byline(text: str) -> None:
    assert read_byline(text) is None


def test_byline_gives_its_date() -> None:
    credit = read_byline("By Jane Doe • February 3, 2022")
    assert credit is not None and credit.day == "2022-02-03"


@pytest.mark.parametrize(
    ("text", "authors", "publisher"),
    [
        ("Amy Mackinnon is a national security and intelligence reporter at Foreign Policy. "
         "Twitter: @ak_mack", ["Amy Mackinnon"], "Foreign Policy"),
        ("Eric Song is IGN's deal curator and spends his pay on stuff he posts.",
         ["Eric Song"], "IGN"),
        ("Jane Doe is a Reuters correspondent based in Moscow.", ["Jane Doe"], "Reuters"),
        ("Jane Doe covers energy for Bloomberg News.", ["Jane Doe"], "Bloomberg News"),
        ("Dana Whitfield is a freelance writer covering agriculture and rural policy for the "
         "Prairie Ledger.", ["Dana Whitfield"], "The Prairie Ledger"),
        # an op-ed author's institution is theirs, not the article's publisher
        ("John Smith is a senior fellow at the Atlantic Council.", ["John Smith"], None),
        ("Mike Wall is the author of Out There.", ["Mike Wall"], None),
    ],
)
def test_bio(text: str, authors: list[str], publisher: str | None) -> None:
    credit = read_bio(text)
    assert credit is not None
    assert (credit.authors, credit.publisher) == (authors, publisher)


@pytest.mark.parametrize(
    "text",
    [
        "Scooter Braun is allegedly unhappy with the way his business partner has handled it.",
        "Laima Liucija Andrikiene is in Washington this week for meetings with Congress.",
        "The Pentagon is a reporter's beat like no other.",
        "Northwind Energy is a leading producer of natural gas in Texas.",
        "John Kirby is a spokesman for the Pentagon.",
    ],
)
def test_not_a_bio(text: str) -> None:
    assert read_bio(text) is None


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("KYIV, Ukraine (AP) — Russian forces shelled the city.", "AP"),
        ("LONDON, Feb 3 (Reuters) - British lawmakers voted on Tuesday.", "Reuters"),
        ("WASHINGTON — The Senate voted on Tuesday.", None),
        ("The army (AP) - said nothing.", None),
    ],
)
def test_dateline_agency(text: str, agency: str | None) -> None:
    assert dateline_agency(text) == agency


# ---- date and time stamps ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("Updated 11:04 AM EST, Thu February 3, 2022", "updated", "2022-02-03"),
        ("Published: 3 February 2022", "published", "2022-02-03"),
        ("Published Oct. 5, 2021", "published", "2021-10-05"),
        ("March 14, 2023 5:42 AM UTC", "plain", "2023-03-14"),
        ("Posted 2 hours ago", "published", None),
        ("2022-02-03T10:00:00Z", "plain", "2022-02-03"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "plain", "2010-10-22"),
        ("Le 3 février 2022 à 10h", "plain", "2022-02-03"),
    ],
)
def test_stamp(text: str, kind: str, day: str | None) -> None:
    stamp = read_stamp(text)
    assert stamp is not None
    assert (stamp.kind, stamp.day) == (kind, day)


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Feb. 3, 2022 it had left.",
        "Updated guidance was issued on Monday.",
        "2 3",
        "March on Washington",
        "Published in 1990, the report found nothing.",
    ],
)
def test_not_a_stamp(text: str) -> None:
    assert read_stamp(text) is None


# ---- shapes ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lithuanian Lawmakers Call for Permanent U.S. Troop Presence", True),
        ("Hong Kong chaos: China deploys troops and warns SURRENDER is only option", True),
        ("Will Russia invade Ukraine?", True),
        ("Stocks Fall After Earnings. Here's Why You Shouldn't Worry.", True),
        ("The army deployed 300 troops to the border on Monday.", False),
        ("Senate resolves to:", False),
        ("Troops", False),
    ],
)
def test_title_like(text: str, expected: bool) -> None:
    assert title_like(text) is expected


@pytest.mark.parametrize(
    ("text", "ends", "headline", "sentences"),
    [
        ("He left.", True, False, 1),
        ("“We know the price,” Andrikiene said.", True, False, 1),
        ("It ended. Then it began again.", True, False, 2),
        ("Russia’s Boom Business Goes Bust", False, True, 1),
        ("Is this the end?", True, True, 1),
        ("U.S. troops arrived in Romania.", True, False, 1),
        ("先日、男性が逮捕されました。", True, False, 1),
    ],
)
def test_shapes(text: str, ends: bool, headline: bool, sentences: int) -> None:
    assert ends_sentence(text) is ends
    assert is_headline(text) is headline
    assert sentence_count(text) == sentences


def test_whitespace_is_normalized_and_typography_kept() -> None:
    assert normalize_space("  “Quoted”\u00a0 text\u200b  with\ttabs ") == "“Quoted” text with tabs"


def test_cjk_text_counts_two_characters_a_word() -> None:
    assert word_count("先日、不正に改造したを販売したとして逮捕された") >= 10


# ---- text scrapes into blocks ------------------------------------------------------------------

def test_one_block_per_line() -> None:
    text = "Title here\nA first paragraph that is long enough.\n\n\nA second one.\n"
    assert [b.text for b in text_blocks(text)] == [
        "Title here", "A first paragraph that is long enough.", "A second one."
    ]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = (
        "A federal judge on Friday temporarily blocked a new state rule that\n"
        "would have required voters to show one of four forms of photo\n"
        "identification at the polls, saying it was likely to keep thousands of\n"
        "eligible voters from casting ballots in November.\n"
        "\n"
        "The state attorney general's office said it would appeal.\n"
    )
    assert [b.text for b in text_blocks(wrapped)] == [
        "A federal judge on Friday temporarily blocked a new state rule that would have required "
        "voters to show one of four forms of photo identification at the polls, saying it was "
        "likely to keep thousands of eligible voters from casting ballots in November.",
        "The state attorney general's office said it would appeal.",
    ]


def test_short_lines_are_not_taken_for_wrapped_text() -> None:
    text = "The army moved.\nOfficials said so.\nThe opposition objected.\nNobody was hurt."
    assert len(text_blocks(text)) == 4
