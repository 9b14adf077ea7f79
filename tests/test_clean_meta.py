"""A page's statements about itself: which of its site names is the publisher, the site name
around a headline, the person names in author fields, and whether a description is shown."""

from __future__ import annotations

import pytest
from trafilatura.utils import load_html

from newsgraph.clean.authors import author_name, author_names
from newsgraph.clean.meta import read_head, shown_as, shown_byline, shown_dek, shown_headline
from newsgraph.clean.site import choose_publisher, strip_site_name, usable_name

# ---- the headline without the site's name ----------------------------------------------------

@pytest.mark.parametrize(
    ("title", "names", "host", "expected"),
    [
        ("World leaders meet in Geneva | Al Bawaba", ["Al Bawaba"], None,
         "World leaders meet in Geneva"),
        # the JSON-LD spelling of the name still matches
        ("World leaders meet in Geneva | Al Bawaba", ["Al-Bawaba"], None,
         "World leaders meet in Geneva"),
        ("MacBook deals from $700, AirPods, more - 9to5Mac", ["9to5Mac"], None,
         "MacBook deals from $700, AirPods, more"),
        ("Markets slide on rate fears — www.marketdaily.ru", [], None,
         "Markets slide on rate fears"),
        ("Judge blocks voter ID rule – Harbor Times", [], "www.harbortimes.com",
         "Judge blocks voter ID rule"),
        ("Ceasefire holds for a second day - Reuters", [], None,
         "Ceasefire holds for a second day"),
        ("Council approves bond | The Riverside Courier", [], None, "Council approves bond"),
        # section labels between the headline and the site's name go with it
        ("Hong Kong chaos: China deploys troops | World | News | Express.co.uk", ["Express.co.uk"],
         None, "Hong Kong chaos: China deploys troops"),
        ("BBC News - Sweden drops Assange investigation", ["BBC News"], None,
         "Sweden drops Assange investigation"),
        # a dash or a colon inside the headline is the headline's own
        ("Bubonic plague: Third case in China – ‘The plague is coming’", ["Express.co.uk"], None,
         "Bubonic plague: Third case in China – ‘The plague is coming’"),
        ("Milan Design Week | Anastassiades' light installation for FLOS", ["Inexhibit"], None,
         "Milan Design Week | Anastassiades' light installation for FLOS"),
        ("NBC 5 Dallas-Fort Worth rescue video", ["NBC 5 Dallas-Fort Worth"], None,
         "NBC 5 Dallas-Fort Worth rescue video"),
        ("U.S.-China talks resume - Beijing responds", [], None,
         "U.S.-China talks resume - Beijing responds"),
        # nothing is left but the site's name: the title stays as it is
        ("Home | The Paradigm", ["The Paradigm"], None, "Home | The Paradigm"),
    ],
)
def test_site_name_is_cut_from_the_headline(
    title: str, names: list[str], host: str | None, expected: str
) -> None:
    assert strip_site_name(title, names, host) == expected


# ---- the publisher among the site's names ------------------------------------------------------

@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # og:site_name first; the JSON-LD publisher that names a desk does not override it
        (["Deccan Herald", "DH News Service"], "Deccan Herald"),
        # the readable variant of the same name
        (["TheHill", "The Hill"], "The Hill"),
        (["Barrons", "Barron's"], "Barron's"),
        (["WIRED", "Wired"], "Wired"),
        (["Space.com", "Space"], "Space.com"),
        # an abbreviation gives way to the name it abbreviates
        (["WSJ", "Wall Street Journal"], "Wall Street Journal"),
        # generic words, handles and URLs are no names
        (["Hosted", "The Citizens' Voice"], "The Citizens' Voice"),
        (["@politifact", "PolitiFact West Virginia"], "PolitiFact West Virginia"),
        (["https://www.facebook.com/APNews"], None),
        (["Hosted"], None),
        # a site name listing its sections gives its first part
        (["Autoracing | F1 | Indy | MotoGP"], "Autoracing"),
        (["www.wday.ru"], "wday.ru"),
        (["特許業務法人ライトハウス国際特許事務所"], "特許業務法人ライトハウス国際特許事務所"),
        ([], None),
    ],
)
def test_publisher_is_the_sites_proper_name(names: list[str], expected: str | None) -> None:
    assert choose_publisher(names) == expected


@pytest.mark.parametrize("name", ["Home", "News", "Blog", "@nytimes", "Sputnik International"])
def test_usable_name(name: str) -> None:
    assert (usable_name(name) is not None) is (name == "Sputnik International")


# ---- authors ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("Sarah E. Needleman", "Sarah E. Needleman"),
        ("Patrick W. Carlineo Jr.", "Patrick W. Carlineo Jr."),
        ("Ursula von der Leyen", "Ursula von der Leyen"),
        # an agency or outlet glued to the name
        ("JILL LAWLESS Associated Press", "Jill Lawless"),
        ("Finian Cunningham. Sputnik International", "Finian Cunningham"),
        ("Jill Disis, CNN Business", "Jill Disis"),
        ("Ahmed Farouk (Reuters)", "Ahmed Farouk"),
        ("JANE DOE Harbor Times", "Jane Doe"),
        # shouted names in title case
        ("DANICA KIRKA", "Danica Kirka"),
        ("SEAMUS O'NEILL", "Seamus O'Neill"),
        # a bio sentence, a credit word, a date run into the name
        ("Phil Helsel is a reporter", "Phil Helsel"),
        ("Lena Fischer is a business reporter for the Harbor Bulletin", "Lena Fischer"),
        ("Analysis by Chris Cillizza", "Chris Cillizza"),
        ("By Maria Gonzalez", "Maria Gonzalez"),
        ("Текст Венера Ерофеева", "Венера Ерофеева"),
        ("Malcolm Owen Monday", "Malcolm Owen"),
        ("Carrie Arnold November", "Carrie Arnold"),
        # no person: agencies, roles, desks, accounts, dates
        ("PTI", None),
        ("REUTERS", None),
        ("Associated Press", None),
        ("CNN Editor-at-large", None),
        ("CNN Business", None),
        ("Science X staff", None),
        ("Admin", None),
        ("Jdadmin", None),
        ("The Editors", None),
        ("November", None),
        ("https://www.facebook.com/CNBC", None),
        ("@brucelee", None),
        ("", None),
    ],
)
def test_author_name(value: str, expected: str | None) -> None:
    assert author_name(value) == expected


def test_authors_that_are_the_sites_own_name_are_dropped() -> None:
    assert author_names(["AppleInsider"], ["AppleInsider"]) == []
    assert author_names(["Beachbody"], ["The Beachbody Blog"]) == []
    assert author_names(["Vortex"], [], "vortexcannon.org") == []
    # a person whose name is in the site's name is still its author when named in full
    assert author_names(["Jane Doe"], ["Jane Doe's Kitchen"]) == ["Jane Doe"]


def test_author_fields_with_several_names() -> None:
    assert author_names(["DANICA KIRKA; JILL LAWLESS Associated Press"]) == [
        "Danica Kirka", "Jill Lawless"
    ]
    assert author_names(["Mike Wuerthele; Malcolm Owen Monday; November"]) == [
        "Mike Wuerthele", "Malcolm Owen"
    ]
    assert author_names(["Jane Doe and John Roe", "jane doe"]) == ["Jane Doe", "John Roe"]


# ---- reading a page's head ---------------------------------------------------------------------

_HEAD = """<html><head>
<title>Trade war keeps world guessing - The Daily Ledger</title>
<meta property="og:title" content="Trade war keeps world guessing">
<meta property="al:iphone:app_name" content="DLedger">
<meta name="twitter:site" content="@DLedger">
<meta property="article:publisher" content="https://www.facebook.com/dailyledger">
<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "x"},
 {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Ana Ruiz"},
  {"@type": "Organization", "name": "Ledger Wire"}]}]}</script>
<script type="application/ld+json">{ not json </script>
</head><body><p>Text.</p></body></html>"""


def test_head_names_the_site_from_the_title_not_the_app() -> None:
    head = read_head(load_html(_HEAD), "https://www.dailyledger.example/x", "Trade war keeps "
                     "world guessing")
    assert head.site_names == ["The Daily Ledger"]
    assert head.authors == ["Ana Ruiz"]  # the organization credited beside her is not a person
    assert head.hostname == "dailyledger.example"


def test_head_prefers_og_site_name_then_json_ld_publisher() -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Deccan Herald">'
        '<meta name="application-name" content="DH">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": "PTI", '
        '"publisher": {"@type": "Organization", "name": "DH News Service"}}</script>'
        "</head><body><p>x</p></body></html>"
    )
    head = read_head(load_html(page), None, "Impeachment hearings")
    assert head.site_names == ["Deccan Herald", "DH News Service", "DH"]
    assert head.authors == ["PTI"]  # read as given; author_names() drops the agency


_SHOWN = """<html><head><title>x</title>
<meta name="description" content="Rivers burst their banks after three days of rain.">
</head><body>
<header><h1>Floods in Italy</h1><p class="article__standfirst">Rivers burst their banks after
three days of rain.</p></header>
<h2>Thousands leave their homes as the water rises</h2>
<div class="body"><p>More than 13,000 people left their homes on Wednesday, officials said.</p>
<p>Police closed <a href="/x">the old bridge</a> at noon.</p></div>
<script>var d = "Rivers burst their banks after three days of rain.";</script>
</body></html>"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rivers burst their banks after three days of rain.", "dek"),  # class "standfirst"
        ("Thousands leave their homes as the water rises", "dek"),  # a subheading
        ("More than 13,000 people left their homes on Wednesday, officials said.", "block"),
        ("More than 13,000 people left their homes on Wednesday.", None),  # a part of a block
        ("Police closed the old bridge at noon.", None),  # split by a link: not found as one
        ("Floods swept the valley overnight.", None),  # only in the metadata
        ("", None),
    ],
)
def test_shown_as(text: str, expected: str | None) -> None:
    assert shown_as(load_html(_SHOWN), text) == expected


# ---- a byline shown on the page, when no metadata names the authors ---------------------------

_MENU = ('<ul><li><a href="/subjects/">By subject</a></li><li><a href="/x">By state</a></li></ul>'
         '<p>By continuing to use this site you agree to our terms.</p>')


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_MENU + '<h1>Rates rise</h1><p class="meta">By <a href="/staff/ana-ruiz/">Ana Ruiz</a>'
         ', <a href="/staff/li-wei/">Li Wei</a> <span>on Monday, March 2nd, 2020 at 9:10 a.m.'
         '</span></p>', ["Ana Ruiz", "Li Wei"]),
        ('<h1>Storm hits coast</h1><div class="byline">By Tom Hale and Mary Quinn, Harbor Times'
         '</div><p>The storm hit the coast at dawn.</p>', ["Tom Hale", "Mary Quinn"]),
        ('<h1>Storm hits coast</h1><address>By <span>KATE MOSS</span></address>', ["Kate Moss"]),
        # menus, cookie notices and sentences that start with "By" name nobody
        (_MENU + "<h1>Rates rise</h1><p>By the end of the year, rates will have risen three "
         "times, economists at the bank said in a note.</p>", []),
        ("<h1>Rates rise</h1><p>No byline here.</p>", []),
    ],
)
def test_shown_byline(body: str, expected: list[str]) -> None:
    tree = load_html(f"<html><head><title>x</title></head><body>{body}</body></html>")
    assert shown_byline(tree) == expected


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        # the page shows a longer or reworded headline than its og:title
        ('<h1 class="headline">Video Shows Rescue of Kidnapped Tulsa Boy</h1>',
         "Video Shows Rescue of Kidnapped Boy", "Video Shows Rescue of Kidnapped Tulsa Boy"),
        ("<h1>Port strike: Dockers walk out in Antwerp</h1>", "Dockers walk out in Antwerp",
         "Port strike: Dockers walk out in Antwerp"),
        # an <h1> that is the site's logo or a section is not the headline
        ('<h1 class="logo">The Harbor Times</h1><h2>Dockers walk out</h2>',
         "Dockers walk out in Antwerp over pay", "Dockers walk out in Antwerp over pay"),
        ("<h1>World</h1><h1>Dockers walk out in Antwerp over pay and hours</h1>",
         "Dockers walk out in Antwerp over pay", "Dockers walk out in Antwerp over pay and hours"),
        ("<p>No heading at all.</p>", "Dockers walk out", "Dockers walk out"),
    ],
)
def test_shown_headline(body: str, title: str, expected: str) -> None:
    tree = load_html(f"<html><head><title>x</title></head><body>{body}</body></html>")
    assert shown_headline(tree, title) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<h1>Dockers walk out</h1><h2 class="subtitle">The strike is the first at the port in '
         "forty years</h2><p>Body.</p>", "The strike is the first at the port in forty years"),
        ('<h1>Dockers walk out</h1><!-- x --><div class="standfirst">Pay talks broke down on '
         "Friday after a week</div>", "Pay talks broke down on Friday after a week"),
        # a byline or a date stamp under the headline, however it is marked, is no dek
        ('<h1>Dockers walk out</h1><div class="subhead"><span class="subhead-name">ANA RUIZ'
         '</span><time datetime="2020-03-02">March 2, 2020, updated 9:10 a.m.</time></div>', None),
        ('<h1>Dockers walk out</h1><h2 class="subtitle">By Ana Ruiz and Li Wei, Harbor Times</h2>',
         None),
        # an unmarked paragraph under the headline is the lead, and a label is too short
        ("<h1>Dockers walk out</h1><p>Dockers at the port walked out on Friday over pay.</p>",
         None),
        ('<h1>Dockers walk out</h1><h2 class="subtitle">Analysis</h2>', None),
    ],
)
def test_shown_dek(body: str, expected: str | None) -> None:
    tree = load_html(f"<html><head><title>x</title></head><body>{body}</body></html>")
    assert shown_dek(tree, "Dockers walk out") == expected
