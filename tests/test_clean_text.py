"""Cleaning plain-text scrapes: the seed article, scrapes of other kinds of outlets, and the small
inputs (one sentence, a few sentences) that must come out as they went in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph.clean
from newsgraph.clean import CleanDocument, clean
from newsgraph.clean.header import reads_as_lede
from newsgraph.errors import NoArticle
from newsgraph.ingest.document import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "clean"
SEED = FIXTURES / "corpus" / "lithuania-troops.txt"
SEED_GOLD = FIXTURES / "gold" / "lithuania-troops.gold.json"


def clean_text(text: str, source: str = "<test>") -> CleanDocument:
    return clean(RawDocument(source=source, content=text, markup="text"))


def test_public_surface() -> None:
    assert newsgraph.clean.__all__ == ["CleanDocument", "clean"]


# ---- the seed ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> CleanDocument:
    return clean_text(SEED.read_text(encoding="utf-8"), str(SEED))


@pytest.fixture(scope="module")
def seed_gold() -> dict[str, object]:
    gold: dict[str, object] = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return gold


def test_seed_metadata(seed: CleanDocument, seed_gold: dict[str, object]) -> None:
    assert seed.title == seed_gold["title"]
    assert seed.subtitle == seed_gold["subtitle"]
    assert seed.authors == seed_gold["authors"]
    assert seed.publisher == seed_gold["publisher"]


def test_seed_body_is_the_gold_paragraphs(
    seed: CleanDocument, seed_gold: dict[str, object]
) -> None:
    assert seed.paragraphs == seed_gold["paragraphs"]


def test_seed_chrome_is_all_removed(seed: CleanDocument, seed_gold: dict[str, object]) -> None:
    chrome = seed_gold["chrome"]
    assert isinstance(chrome, list)
    removed = [r.text for r in seed.removed]
    for line in chrome:
        assert line in removed
        assert line not in seed.text


def test_seed_removals_say_why(seed: CleanDocument) -> None:
    reasons = {r.text: r.reason for r in seed.removed}
    assert reasons["More from Foreign Policy"] == "boilerplate"
    assert reasons["Russia’s Boom Business Goes Bust"] == "teaser"
    assert reasons["Keri Russell gets Drexel furniture but no Senate confirmation hearing."] == (
        "teaser"
    )
    assert reasons[
        "Amy Mackinnon is a national security and intelligence reporter at Foreign Policy. "
        "Twitter: @ak_mack"
    ] == "bio"
    assert reasons[seed.paragraphs[0]] == "duplicate"  # the lead, scraped twice


def test_seed_typography_is_kept(seed: CleanDocument) -> None:
    assert "“U.S. troops on a permanent basis, that’s an absolute priority,”" in seed.text
    assert "  " not in seed.text


# ---- scrapes of other outlets --------------------------------------------------------------------

SCRAPES = sorted(p.stem for p in CLEAN.glob("*.txt"))


@pytest.mark.parametrize("name", SCRAPES)
def test_scrape(name: str) -> None:
    expected = json.loads((CLEAN / f"{name}.expected.json").read_text(encoding="utf-8"))
    doc = clean_text((CLEAN / f"{name}.txt").read_text(encoding="utf-8"), name)
    assert doc.title == expected["title"]
    assert doc.subtitle == expected["subtitle"]
    assert doc.authors == expected["authors"]
    assert doc.publisher == expected["publisher"]
    assert doc.published == expected["published"]
    assert doc.paragraphs == expected["paragraphs"]
    reasons = {r.text: r.reason for r in doc.removed}
    assert {k: reasons.get(k) for k in expected["removed_reasons"]} == expected["removed_reasons"]


def test_scrapes_are_all_tested() -> None:
    assert len(SCRAPES) >= 5


@pytest.mark.parametrize("name", SCRAPES)
def test_every_line_is_kept_moved_or_removed(name: str) -> None:
    """Nothing vanishes silently: each input line is body, title, dek or a logged removal."""
    text = (CLEAN / f"{name}.txt").read_text(encoding="utf-8")
    doc = clean_text(text, name)
    accounted = " ".join([*doc.paragraphs, doc.title or "", doc.subtitle or ""])
    accounted += " " + " ".join(r.text for r in doc.removed)
    for line in text.splitlines():
        assert " ".join(line.split()) in accounted


# ---- small inputs ------------------------------------------------------------------------------

SINGLE_PARAGRAPHS = [
    "Russian forces shelled the city of Kharkiv on Monday, killing three civilians.",
    "Troops deployed to the border",  # shaped like a headline, but alone: it is the article
    "Lithuanian Lawmakers Call for Permanent U.S. Troop Presence",
    "The army said it would send 300 troops. The opposition objected. Nobody was hurt.",
    "China accused the United States of meddling in Hong Kong",
    "  Iran   rejected the proposal,\u00a0the ministry said.  ",
    "By Tuesday, Russia had moved 5,000 troops to Belarus.",
]


@pytest.mark.parametrize("text", SINGLE_PARAGRAPHS)
def test_a_single_paragraph_is_all_body(text: str) -> None:
    doc = clean_text(text)
    assert doc.paragraphs == [" ".join(text.split())]
    assert doc.title is None
    assert doc.subtitle is None
    assert doc.removed == []


PLAIN_TEXTS = [
    "The army deployed 300 troops to the border on Monday.\n"
    "Officials said the move was defensive.\n"
    "The opposition criticized the decision.",
    "The army deployed 300 troops to the border on Monday, two officials said.\n"
    "The opposition criticized the decision as reckless and dangerous.\n"
    "No one was hurt in the operation, according to the defense ministry.\n",
    "“We will not retreat,” the commander said.\n\n“No,” he added.\n\nThe talks resumed.",
    "Protesters marched in Tbilisi on Sunday.\nPolice said 20,000 people took part.\n"
    "Organizers put the figure at 50,000.\nThe march was peaceful.",
]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_a_few_plain_sentences_come_out_unchanged(text: str) -> None:
    doc = clean_text(text)
    assert doc.paragraphs == [line for line in text.splitlines() if line.strip()]
    assert doc.title is None
    assert doc.removed == []


def test_short_body_paragraphs_with_said_are_kept() -> None:
    text = (
        "Court upholds ban on protest camp\n"
        "A court in Lisbon on Wednesday upheld a ban on a protest camp outside parliament, "
        "ruling that the city had acted within its powers when it cleared the site in March.\n"
        "“It is a sad day,” said one organizer.\n"
        "Police said.\n"
        "The camp’s lawyers said they would appeal to the constitutional court, which has "
        "overturned two similar bans since 2019.\n"
    )
    doc = clean_text(text)
    assert doc.title == "Court upholds ban on protest camp"
    assert "“It is a sad day,” said one organizer." in doc.paragraphs
    assert "Police said." in doc.paragraphs
    assert len(doc.paragraphs) == 4


def test_a_lead_that_is_one_sentence_is_not_taken_for_a_dek() -> None:
    """Wire stories open with a one-sentence lead about as long as the paragraphs after it."""
    text = (
        "Sudan's army and rebels agree to a three-day truce\n"
        "Sudan's army and the Rapid Support Forces agreed on Sunday to a 72-hour ceasefire "
        "starting at midnight, U.S. and Saudi mediators said in a joint statement.\n"
        "Previous truces agreed in talks in Jeddah have been repeatedly violated, and fighting "
        "in Khartoum continued into the evening, residents said.\n"
        "More than 1,000 people have been killed since the conflict broke out in April, "
        "according to the Sudanese doctors' union, which tracks civilian deaths.\n"
    )
    doc = clean_text(text)
    assert doc.subtitle is None
    assert len(doc.paragraphs) == 3


# ---- dek or lede: a dek needs positive evidence ----------------------------------------------

def test_a_short_feature_lede_is_not_taken_for_a_dek() -> None:
    """Regression: a feature's one-sentence lede under the headline was taken for the dek, and
    the only full mention of the person the story quotes went with it."""
    text = (
        "A Lisbon bakery that outlived a dictatorship now faces the tourists\n"
        "Maria Lopes has baked custard tarts on Rua da Rosa for 41 years.\n"
        "She says the rent on her shop tripled in 2019, when the building was sold to a fund "
        "that turned the four flats above it into short-term rentals, and that the lease she "
        "signs next spring will likely be her last.\n"
        "\"The tourists buy my pastries and then they take my street,\" she said, dusting "
        "cinnamon over a tray as a tour group filed past the window.\n"
        "City hall froze new short-term rental licenses in the historic center in 2023, but "
        "the buildings already converted keep their permits, and the neighborhood has lost a "
        "third of its residents in a decade, according to census figures.\n"
    )
    doc = clean_text(text)
    assert doc.subtitle is None
    assert doc.paragraphs[0] == "Maria Lopes has baked custard tarts on Rua da Rosa for 41 years."
    assert len(doc.paragraphs) == 4


def test_the_seed_dek_is_still_found() -> None:
    doc = clean_text(SEED.read_text(encoding="utf-8"))
    assert doc.subtitle == (
        "The country’s request has taken on renewed urgency amid Russia’s troop buildup."
    )


TITLE = "Port strike enters second week as cargo piles up"
BODY = (
    "A strike by 4,000 dockworkers at the country's largest container port entered its second "
    "week on Monday, with more than 60 ships waiting at anchor."
)


@pytest.mark.parametrize(
    ("candidate", "following", "expected"),
    [
        # deks: a summary, and a lede that starts afresh under it
        ("Shipping lines are diverting vessels as talks between the union and operators stall.",
         BODY, False),
        ("Greta Lindholm's first budget cuts spending and raises taxes on tobacco.",
         "Finance Minister Greta Lindholm on Tuesday presented a budget that cuts spending.",
         False),
        ("The Federal Reserve raised rates for the tenth time in a row to fight inflation.",
         "The Federal Reserve on Wednesday raised its benchmark rate by a quarter point.", False),
        ("U.S. lawmakers weigh a ban on the app over ties to its Chinese parent.",
         BODY, False),
        # ledes: the next paragraph goes on from the candidate
        ("Rosa Delgado has sold tamales on the same corner since 2003.",
         "She says the new permit fee would cost her a month of earnings.", True),
        ("Tomasz Nowak was 19 when he first rode the cage down into the mine.",
         "Nowak, now 54, will ride it down for the last time on Friday.", True),
        ("A Kenyan court on Friday blocked the government's plan to send police to Haiti.",
         "The court ruled that the security council had no authority to deploy them.", True),
        ("Three dockworkers were injured when a crane collapsed at the port on Monday.",
         "But the union said the strike would go on until a deal on safety was reached.", True),
        ("A fire broke out at a chemical plant outside Lyon early on Sunday.",
         "It burned for six hours before firefighters brought it under control.", True),
        ("Élodie Marchand opened her bookshop in Lyon the year the euro arrived.",
         "Marchand, 61, says it has never had a worse winter.", True),
        ("A ferry carrying 300 passengers ran aground off Crete on Thursday.",
         "It's the third accident on the route this year, the coast guard said.", True),
        ("When the floodwaters reached her bakery in March, Ana Costa thought it was over.",
         "“I watched forty years of work float past the window,” she says.", True),
        ("President Donald Trump has pursued tariffs as weapons in a widening trade war.",
         "“We are taking in billions,” Trump said at a rally in Monroe.", True),
        # a dek, and a lede that opens with a quotation of someone it names
        ("A family bakery on the flooded high street is open again, eight months on.",
         "“I thought this was the end,” said Ana Costa, who reopened in October.", False),
        # ledes: quotes, attribution, the first person
        ("“We have nothing left,” said Amina Yusuf, standing in what was her kitchen.",
         BODY, True),
        ("The army has moved 300 troops to the border, two officials said.", BODY, True),
        ("I never thought I would see the river run dry in my lifetime.", BODY, True),
        # a lede far shorter than the headline
        ("It was 4 a.m.", BODY, True),
    ],
)
def test_reads_as_lede(candidate: str, following: str, expected: bool) -> None:
    assert reads_as_lede(candidate, following, TITLE) is expected


def test_us_the_country_is_not_the_first_person() -> None:
    assert not reads_as_lede("US and China agree to resume trade talks next month.", BODY, TITLE)


def test_site_name_after_a_scraped_headline_is_cut() -> None:
    text = (
        "Ceasefire holds for a second day in Gaza - Reuters\n"
        "A ceasefire between Israel and Hamas held for a second day on Saturday, with no "
        "strikes reported overnight, officials on both sides said.\n"
        "Aid trucks entered through the Rafah crossing, and the United Nations said it would "
        "increase deliveries of fuel to hospitals in the south.\n"
    )
    doc = clean_text(text)
    assert doc.title == "Ceasefire holds for a second day in Gaza"
    assert len(doc.paragraphs) == 2


def test_container_title_is_used_and_not_repeated_in_the_body() -> None:
    raw = RawDocument(
        source="feed#1",
        content="Floods hit Venice\nThe lagoon city flooded again on Tuesday, officials said.\n"
        "Water reached 1.2 meters above sea level.",
        markup="text",
        title="Floods hit Venice",
    )
    doc = clean(raw)
    assert doc.title == "Floods hit Venice"
    assert doc.paragraphs[0].startswith("The lagoon city")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Subscribe\nSign in\nAdvertisement",
        "Share\nFacebook Twitter Email\n© 2024 Example Media Ltd",
    ],
)
def test_text_without_article_raises_no_article(text: str) -> None:
    with pytest.raises(NoArticle) as error:
        clean_text(text, "chrome.txt")
    assert error.value.source == "chrome.txt"


@pytest.mark.parametrize(
    "text",
    ["\x00\x01\x02", "…", "—\n—\n—", "a", "1", "<<<>>>", "\ufeff\u200b", "\r\n\r\n"],
)
def test_odd_text_never_raises_anything_but_no_article(text: str) -> None:
    try:
        doc = clean_text(text)
    except NoArticle:
        return
    assert doc.paragraphs


def test_body_resuming_under_a_mid_article_teaser_is_kept() -> None:
    """Regression: the first sentence after a one-headline "Related" box was taken for its dek."""
    text = (
        "Council approves water bond\n"
        "The Riverside City Council voted 5-2 on Tuesday night to approve a $42 million bond to "
        "replace the city's 60-year-old water treatment plant.\n"
        "Related\n"
        "Riverside water rates to rise 8% in January\n"
        "The council will vote again next month.\n"
        "Construction is expected to begin in spring 2022 and take about three years, according "
        "to a staff report.\n"
    )
    doc = clean_text(text)
    assert "The council will vote again next month." in doc.paragraphs
    assert [(r.text, r.reason) for r in doc.removed] == [
        ("Related", "boilerplate"),
        ("Riverside water rates to rise 8% in January", "teaser"),
    ]
