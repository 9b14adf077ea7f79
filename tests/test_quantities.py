"""Quantities, rule by rule: (sentence, expected) tables over the real pipeline.

Each table row is a sentence as a news report would write it and the quantity a reader would
extract from it. Subjects are compared through `name_key` and accept the alias forms the entity
stage may report ("U.S." or "United States", "Ukrainian" or "Ukraine").
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entity_index import EntityIndex, name_key
from newsgraph.nlp.quantities import find_quantities
from newsgraph.record import Quantity

US = ("United States", "U.S.", "US", "America")
UK = ("United Kingdom", "Britain", "UK", "U.K.")


def quantities(nlp: Language, text: str, *, vague: bool = False) -> list[Quantity]:
    doc = nlp(text)
    return find_quantities(doc, find_entities(doc), vague=vague)


def the(found: list[Quantity], value: float, text: str) -> Quantity:
    hits = [q for q in found if q.value == pytest.approx(value)]
    assert len(hits) == 1, f"{value} in {text!r}: {[(q.value, q.unit) for q in found]}"
    return hits[0]


def check(q: Quantity, expected: dict[str, Any]) -> None:
    for field, want in expected.items():
        got = getattr(q, field)
        if field == "subject":
            forms = {name_key(w) for w in ((want,) if isinstance(want, str) else want)}
            assert got is not None and name_key(got) in forms, f"subject {got!r} not in {forms}"
        elif field == "value":
            assert got == pytest.approx(want)
        else:
            assert got == want, f"{field}: {got!r} != {want!r}"


def run(nlp: Language, text: str, expected: dict[str, Any]) -> None:
    found = quantities(nlp, text)
    q = the(found, expected["value"], text)
    check(q, expected)
    assert text[q.span[0] : q.span[1]] == q.text


# ---- what is counted: kind and unit ------------------------------------------------------------

KINDS = [
    ("The army deployed 5,000 soldiers to the border.", 5000, "soldiers", "personnel"),
    ("About 200 marines were aboard the ship.", 200, "marines", "personnel"),
    ("The city sent 300 police officers to the stadium.", 300, "police officers", "personnel"),
    ("The militia has 2,000 fighters in the hills.", 2000, "fighters", "personnel"),
    ("The government called up 20,000 reservists.", 20_000, "reservists", "personnel"),
    ("Three service members were wounded in the attack.", 3, "service members", "personnel"),
    ("The air force flew 12 F-35s to the base.", 12, "F-35s", "aircraft"),
    ("Six F-15 fighter jets were dispatched to Estonia.", 6, "F-15 fighter jets", "aircraft"),
    ("Rebels shot down two helicopters over the valley.", 2, "helicopters", "aircraft"),
    ("Three B-52 bombers flew over the region.", 3, "B-52 bombers", "aircraft"),
    ("The navy sent two destroyers to the strait.", 2, "destroyers", "vessels"),
    ("The coast guard intercepted 14 boats overnight.", 14, "boats", "vessels"),
    ("The convoy included 40 tanks.", 40, "tanks", "vehicles"),
    ("The convoy included 120 armored vehicles.", 120, "armored vehicles", "vehicles"),
    ("Aid agencies sent 30 trucks into Gaza.", 30, "trucks", "vehicles"),
    ("Militants fired 200 rockets into the city.", 200, "rockets", "weapons"),
    ("Police seized 500 rifles in the raid.", 500, "rifles", "weapons"),
    ("The army fired 10,000 rounds of ammunition.", 10_000, "rounds", "weapons"),
    ("The package includes 18 HIMARS launchers.", 18, "HIMARS launchers", "weapons"),
    ("Washington sent 8,500 Javelin anti-tank systems.", 8500, "Javelin anti-tank systems",
     "weapons"),
    ("The storm destroyed 1,200 homes.", 1200, "homes", "other"),
    ("Delegates from 20 countries attended the summit.", 20, "countries", "other"),
    ("The carmaker will cut 3,000 jobs.", 3000, "jobs", "other"),
    ("More than 800 students were trapped inside.", 800, "students", "people"),
    ("Some 40,000 refugees have arrived since May.", 40_000, "refugees", "people"),
    ("The attack killed 30 civilians on Sunday.", 30, "civilians", "people"),
    ("Police arrested 150 protesters outside parliament.", 150, "protesters", "people"),
    ("The town's 12,000 residents were evacuated.", 12_000, "residents", "people"),
    ("Thousands fled after 2,500 asylum-seekers arrived.", 2500, "asylum-seekers", "people"),
    ("The floods left 300 dead.", 300, "dead", "people"),
    ("Two million Ukrainians have fled abroad.", 2_000_000, "Ukrainians", "people"),
    ("More than half of the 2,000 respondents backed the plan.", 2000, "respondents", "people"),
    ("The army struck more than 450 targets overnight.", 450, "targets", "other"),
]


@pytest.mark.parametrize(("text", "value", "unit", "kind"), KINDS)
def test_kind_and_unit(nlp: Language, text: str, value: float, unit: str, kind: str) -> None:
    run(nlp, text, {"value": value, "unit": unit, "kind": kind})


UNITS = [
    # owners and count qualifiers leave the unit; what classifies the thing stays
    ("The Pentagon deployed 3,000 U.S. troops to Europe.", 3000, "troops"),
    ("Kyiv lost five Ukrainian military helicopters.", 5, "military helicopters"),
    ("Officials said an additional 2,000 U.S. troops would follow.", 2000, "troops"),
    ("Berlin sent 14 Leopard 2 tanks.", 14, "Leopard 2 tanks"),
    ("Washington sent 31 Abrams tanks.", 31, "Abrams tanks"),
    ("The regime has 10 new air bases.", 10, "air bases"),
    ("He made more than 13,000 false or misleading claims.", 13_000, "false or misleading claims"),
    ("The report counted 48 of the 120 seats.", 48, "seats"),
]


@pytest.mark.parametrize(("text", "value", "unit"), UNITS)
def test_unit_as_written(nlp: Language, text: str, value: float, unit: str) -> None:
    run(nlp, text, {"value": value, "unit": unit})


# ---- how the number is written ----------------------------------------------------------------

NUMBERS = [
    ("The army sent six tanks.", 6),
    ("The army sent 3,000 troops.", 3000),
    ("The country has 5.1 million people.", 5_100_000),
    ("The army bought a dozen drones.", 12),
    ("Twenty-five soldiers were injured.", 25),
    ("The factory employs two hundred and fifty workers.", 250),
    ("The war displaced half a million refugees.", 500_000),
    ("The census counted 1,200,000 people.", 1_200_000),
    ("The city has 3m residents.", 3_000_000),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_number_forms(nlp: Language, text: str, value: float) -> None:
    run(nlp, text, {"value": value})


APPROX = [
    ("Russia has amassed more than 100,000 troops.", 100_000, "more than"),
    ("Over 500 people were arrested.", 500, "over"),
    ("Moscow will amass around 30,000 troops.", 30_000, "around"),
    ("About 1,100 refugees were deported.", 1100, "about"),
    ("Nearly 2 million Ukrainians fled.", 2_000_000, "nearly"),
    ("The deportation of almost 300,000 people followed.", 300_000, "almost"),
    ("It has a population of just under 3 million people.", 3_000_000, "just under"),
    ("Italy will deport up to 3,000 migrants.", 3000, "up to"),
    ("Roughly 70 boats arrived.", 70, "roughly"),
    ("At least 12 people were killed.", 12, "at least"),
    ("Some 3,000 residents lost power.", 3000, "some"),
    ("An estimated 10,000 migrants crossed.", 10_000, "estimated"),
    ("Fewer than 50 soldiers remain.", 50, "fewer than"),
    ("As many as 400 workers were laid off.", 400, "as many as"),
    ("Close to 900 students graduated.", 900, "close to"),
    ("The ship carried 100 or so migrants.", 100, "or so"),
    ("The school has 500-plus students.", 500, "plus"),
]


@pytest.mark.parametrize(("text", "value", "approx"), APPROX)
def test_approximators(nlp: Language, text: str, value: float, approx: str) -> None:
    run(nlp, text, {"value": value, "approx": approx})


def test_approximator_is_part_of_the_text(nlp: Language) -> None:
    q = the(quantities(nlp, "Russia has amassed more than 100,000 troops."), 100_000, "")
    assert q.text == "more than 100,000 troops"


RANGES = [
    # a range keeps its lower bound, approx "between"; the text keeps both ends
    ("Between 20 and 30 protesters were arrested.", 20, "protesters",
     "Between 20 and 30 protesters"),
    ("The quake destroyed 20-30 homes.", 20, "homes", "20-30 homes"),
    ("Police detained 20 to 30 people.", 20, "people", "20 to 30 people"),
    ("Two or three boats capsized.", 2, "boats", "Two or three boats"),
    ("NATO will station from 2,000 to 3,000 troops in each country.", 2000, "troops",
     "from 2,000 to 3,000 troops"),
]


@pytest.mark.parametrize(("text", "value", "unit", "written"), RANGES)
def test_ranges(nlp: Language, text: str, value: float, unit: str, written: str) -> None:
    run(nlp, text, {"value": value, "unit": unit, "approx": "between", "text": written})


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The number of refugees rose from 20,000 to 30,000 in a week.", 30_000),
        ("Oil rose $2 to $85 a barrel.", 85),
    ],
)
def test_change_is_not_a_range(nlp: Language, text: str, level: float) -> None:
    found = quantities(nlp, text)
    assert level in [q.value for q in found]
    assert all(q.approx != "between" for q in found)


# ---- money ------------------------------------------------------------------------------------

MONEY = [
    ("The initiative provides $150 million a year in aid.", 150e6, "USD", "year"),
    ("The EU pledged €2bn to Kyiv.", 2e9, "EUR", None),
    ("Britain promised £30 million.", 30e6, "GBP", None),
    ("The bank paid 50 million euros.", 50e6, "EUR", None),
    ("China will spend 1.2 trillion yuan.", 1.2e12, "CNY", None),
    ("Japan approved ¥500 billion in stimulus.", 500e9, "JPY", None),
    ("Russia budgeted 3 billion rubles.", 3e9, "RUB", None),
    ("The firm raised US$1.2bn in its listing.", 1.2e9, "USD", None),
    ("The firm raised $1.2bn in its listing.", 1.2e9, "USD", None),
    ("The miner paid A$20 million in royalties.", 20e6, "AUD", None),
    ("The deal is worth HK$3bn.", 3e9, "HKD", None),
    ("The state set aside Rs 500 crore for roads.", 5e9, "INR", None),
    ("Seoul will spend 5 trillion won on chips.", 5e12, "KRW", None),
    ("The fund lost 2 billion Hong Kong dollars.", 2e9, "HKD", None),
    ("The bank fined the trader CHF 2 million.", 2e6, "CHF", None),
    ("The project brings in $10bn-a-year.", 10e9, "USD", "year"),
    ("Workers earn $5 a day.", 5, "USD", "day"),
    ("Pensioners get up to £500 a month.", 500, "GBP", "month"),
    ("The levy raises $3 billion annually.", 3e9, "USD", "year"),
    ("Kyiv lost 2.3 billion hryvnias per week.", 2.3e9, "UAH", "week"),
    # a unit price written with a slash: "per" any unit
    ("Module prices fell to $0.21/W last year.", 0.21, "USD", "W"),
    ("Wholesale power sold for €0.08/kWh in Spain.", 0.08, "EUR", "kWh"),
    ("Diesel reached $4.10/gallon in California.", 4.10, "USD", "gallon"),
    ("Kenya borrowed Sh1bn from China.", 1e9, "KES", None),
    ("Nigeria approved N50bn for roads.", 50e9, "NGN", None),
    ("South Africa spent R5bn on power.", 5e9, "ZAR", None),
    ("The NHS will receive an extra £1.5m.", 1.5e6, "GBP", None),
    ("Ministers set aside 5 billion pounds for schools.", 5e9, "GBP", None),
    ("The club paid 5m euros for the striker.", 5e6, "EUR", None),
    ("The fund manages US$ 5 million.", 5e6, "USD", None),
]


@pytest.mark.parametrize(("text", "value", "currency", "per"), MONEY)
def test_money(nlp: Language, text: str, value: float, currency: str, per: str | None) -> None:
    run(nlp, text, {"value": value, "kind": "money", "unit": currency, "currency": currency,
                    "per": per})


def test_per_applies_to_counts_too(nlp: Language) -> None:
    run(nlp, "Some 300 migrants a day reach the island.", {"value": 300, "per": "day"})


# ---- counts whose unit is left out ------------------------------------------------------------

SEED_SENTENCE = (
    "On Tuesday, the U.S. Defense Department announced the deployment of 3,000 U.S. troops to "
    "Eastern Europe, with 1,000 troops being repositioned from Germany to Romania and an "
    "additional 2,000 to be deployed from Fort Bragg to Germany and Poland."
)

ELLIPSES = [
    (SEED_SENTENCE, {"value": 2000, "unit": "troops", "kind": "personnel", "subject": US}),
    (SEED_SENTENCE, {"value": 1000, "unit": "troops", "subject": US}),
    ("The U.S. sent 500 troops and Britain sent 300.",
     {"value": 300, "unit": "troops", "subject": UK}),
    ("Russia fired 40 missiles, and 32 of them were shot down.",
     {"value": 32, "unit": "missiles", "kind": "weapons"}),
    ("Migrant arrivals reached 10,000 migrants last year, up from 8,000 in 2021.",
     {"value": 8000, "unit": "migrants", "kind": "people"}),
    ("The army has 30,000 soldiers. Another 5,000 will join next year.",
     {"value": 5000, "unit": "soldiers", "kind": "personnel"}),
    ("The strike killed 12 and wounded 30.", {"value": 12, "unit": "killed", "kind": "people"}),
    ("The strike killed 12 and wounded 30.", {"value": 30, "unit": "wounded", "kind": "people"}),
    ("At least 40 were arrested on Monday.", {"value": 40, "unit": "arrested", "kind": "people"}),
    ("Officials put the death toll at 1,200.", {"value": 1200, "unit": "death toll",
                                                "kind": "people"}),
    ("The death toll rose to 300 on Sunday.", {"value": 300, "kind": "people"}),
    ("The number of refugees reached 2 million.", {"value": 2e6, "unit": "refugees",
                                                   "kind": "people"}),
    ("NATO's eastern flank has a force of 40,000.", {"value": 40_000, "kind": "personnel"}),
    ("Britain's 3,000-strong contingent will stay.", {"value": 3000, "unit": "contingent",
                                                      "kind": "personnel", "subject": UK}),
    ("A 5,000-troop force will deploy.", {"value": 5000, "unit": "troop", "kind": "personnel"}),
    ("One soldier was killed and two others were wounded.",
     {"value": 2, "unit": "soldier", "kind": "personnel", "text": "two others"}),
    ("The U.S. sent 3,000 troops, and 2,000 more will follow.",
     {"value": 2000, "unit": "troops", "subject": US, "text": "2,000 more"}),
    ("Some 300 protesters said they would return.", {"value": 300, "unit": "protesters"}),
    ("About 1,500 National Guard troops were deployed to the border, joining 2,500 already there.",
     {"value": 2500, "unit": "troops", "kind": "personnel"}),
]


@pytest.mark.parametrize(("text", "expected"), ELLIPSES)
def test_unit_from_elsewhere(nlp: Language, text: str, expected: dict[str, Any]) -> None:
    run(nlp, text, expected)


# ---- whose ------------------------------------------------------------------------------------

SUBJECTS = [
    ("The Pentagon deployed 3,000 U.S. troops to Europe.", 3000, US),
    ("Kyiv lost five Ukrainian military helicopters.", 5, ("Ukraine", "Ukrainian")),
    ("Russia's 150,000 troops are massed on the border.", 150_000, ("Russia",)),
    ("Russia has amassed more than 100,000 troops near the border.", 100_000, ("Russia",)),
    ("Denmark is set to deploy four F-16s to Lithuania.", 4, ("Denmark",)),
    ("Lithuania, which has a population of just under 3 million people, joined NATO in 2004.",
     3_000_000, ("Lithuania",)),
    ("Poland signed a deal to buy 250 Abrams tanks.", 250, ("Poland",)),
    ("Germany said it would send 40 Marder vehicles.", 40, ("Germany",)),
    ("Ukraine shot down 20 Russian drones overnight.", 20, ("Russia", "Russian")),
    ("The EU pledged €2bn in aid.", 2e9, ("European Union", "EU")),
    ("Saudi Arabia deposited $5 billion at the central bank.", 5e9, ("Saudi Arabia",)),
    ("Some 2,000 refugees from Syria arrived in Cyprus.", 2000, ("Syria",)),
    ("The soldiers of Mali's army, some 900 soldiers of Mali, withdrew.", 900, ("Mali",)),
    ("An additional 8,500 U.S. troops are on alert. Another 1,000 troops will follow.", 1000, US),
    ("Germany's deployment of 4,000 troops to Lithuania begins in May.", 4000, ("Germany",)),
    ("The Pentagon announced the deployment of 2,000 troops to Poland.", 2000,
     ("Pentagon", "U.S. Defense Department", "Defense Department", "Department of Defense")),
]


@pytest.mark.parametrize(("text", "value", "subject"), SUBJECTS)
def test_subject(nlp: Language, text: str, value: float, subject: tuple[str, ...]) -> None:
    run(nlp, text, {"value": value, "subject": subject})


NO_SUBJECT = [
    # the things are not the subject's: shot down, hosted, counted by someone else
    ("Ukraine shot down 20 drones overnight.", 20),
    ("Turkey hosts 3.6 million refugees.", 3_600_000),
    ("Six F-15 fighter jets were dispatched to Estonia from their base in the United Kingdom.", 6),
    ("Its history included the mass deportation of almost 300,000 people to Siberia.", 300_000),
    ("Hong Kong police laid siege to a university, pinning 800 students inside.", 800),
    # an earlier owner is not inherited by a count with its own actor
    ("The IMF approved a $4.6bn loan, and Saudi Arabia lent Egypt $5 billion.", 5e9),
]


@pytest.mark.parametrize(("text", "value"), NO_SUBJECT)
def test_no_subject(nlp: Language, text: str, value: float) -> None:
    q = the(quantities(nlp, text), value, text)
    assert q.subject is None or (value == 5e9 and name_key(q.subject) == "saudi arabia")
    assert q.subject_id is None or q.subject is not None


def test_subject_id_points_at_the_entity(nlp: Language) -> None:
    doc = nlp("Russia has amassed more than 100,000 troops near the border.")
    index = find_entities(doc)
    q = find_quantities(doc, index)[0]
    entity = index.get(q.subject_id)
    assert entity is not None and entity.name == q.subject


# ---- not quantities ---------------------------------------------------------------------------

NOT_QUANTITIES = [
    ("In 2019, the group had 300 members.", 2019),
    ("The company was founded in 1990 and employs 400 workers.", 1990),
    ("Talks with 30 countries resume on May 5.", 5),
    ("The meeting with 12 ministers starts at 10 a.m.", 10),
    ("A 45-year-old man was arrested with 3 rifles.", 45),
    ("John Smith, 45, said 300 soldiers were ready.", 45),
    ("Vilnius withdrew from the 17+1 bloc.", 17),
    ("Vilnius withdrew from the 17+1 bloc.", 1),
    ("The 16+1 format is dead, she said.", 16),
    ("The G7 and G20 leaders met 300 protesters.", 20),
    ("COVID-19 cases rose among 200 students.", 19),
    ("Six F-15 fighter jets were dispatched.", 15),
    ("Denmark will deploy four F-16s.", 16),
    ("He scored in the 2-1 win before 40,000 fans.", 2),
    ("He scored in the 2-1 win before 40,000 fans.", 1),
    ("Inflation rose 5 percent as 300 workers struck.", 5),
    ("Inflation rose 5% as 300 workers struck.", 5),
    ("Unemployment is 5 per cent among 300 workers.", 5),
    ("Call 555-1234 to reach the 30 volunteers.", 555),
    ("Article 5 protects all 32 members.", 5),
    ("Flight 370 vanished with 239 passengers.", 370),
    ("One in five adults owns 2 cars.", 1),
    ("The “one country, two systems” formula covers 7 million people.", 2),
    ("He lost 20 pounds and 2 jobs.", 20),
    ("Nurses need 20 N95 masks a day.", 95),
    ("Nurses need 20 N95 masks a day.", 20),  # masks: not a listed unit
    ("The village is 30 km from the border.", 30),
    ("The storm lasted three days and killed 12 people.", 3),
    ("Boeing's 737 Max jets were grounded.", 737),
    ("Roughly 400 737 Max jets were grounded.", 737),
    ("It is one of the largest camps, with 80,000 refugees.", 1),
    ("Andrikiene and three other lawmakers met 20 senators.", 3),
    ("The 24/7 service helped 300 families.", 24),
    ("She lives in Room 101 with 2 children.", 101),
    ("The party won 52 percent of the vote and 120 seats.", 52),
    ("The storm, a Category 4 hurricane, destroyed 200 homes.", 4),
    ("These two came to Beijing with 30 others, one user said.", 2),
    ("The TV measures 22\" wide and costs $300.", 22),
    ("Emirates bought 30 of Boeing's 787-9 Dreamliner jets.", 9),
    ("The talks brought the two sides and 30 mediators together.", 2),  # sides: not a unit
    ("The No. 2 official met 40 protesters.", 2),
    ("The top 10 firms employ 9,000 workers.", 10),
    ("The 193-member General Assembly voted 120 to 14.", 14),
    ("The 193-member General Assembly voted 120 to 14.", 193),
    ("The 27-nation bloc pledged €2bn.", 27),
    # a bare number far from an earlier count does not take its unit
    ("The company, which employs 5,000 people, said sales rose to 300.", 300),
    # sources a report cites are attribution, not figures
    ("Two U.S. officials said 300 troops would leave.", 2),
    ("Three people familiar with the matter told Reuters that 40 jets were sold.", 3),
    ("According to two diplomats, 300 troops will leave.", 2),
]


@pytest.mark.parametrize(("text", "value"), NOT_QUANTITIES)
def test_not_a_quantity(nlp: Language, text: str, value: float) -> None:
    found = quantities(nlp, text)
    assert value not in [q.value for q in found], [(q.value, q.unit, q.text) for q in found]


@pytest.mark.parametrize(
    "text",
    [
        "The referendum is set for 2035, and the vote will be held at 9 a.m.",
        "He finished first, and she came 2nd in the 10,000 metres.",
        "The unit has 3 options and 2 reasons to act.",
        "Shares fell 12% to a three-year low, down 0.5 percentage points.",
        "Temperatures fell to minus 5 degrees Celsius after a 6.4-magnitude aftershock.",
        "“It’s simply a red line,” said Laima Liucija Andrikiene, 68, in an interview.",
    ],
)
def test_sentences_without_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


# ---- vague magnitudes ---------------------------------------------------------------------------

VAGUE = [
    ("Thousands of asylum-seekers crossed the border.", 2000, "thousands of", "asylum-seekers"),
    ("Tens of thousands of protesters marched.", 20_000, "tens of thousands of", "protesters"),
    ("Dozens of people were injured.", 24, "dozens of", "people"),
    ("Hundreds of thousands of refugees fled.", 200_000, "hundreds of thousands of", "refugees"),
    ("Several hundred soldiers deserted.", 300, "several hundred", "soldiers"),
    ("Millions of dollars were wasted.", 2_000_000, "millions of", "USD"),
]


@pytest.mark.parametrize(("text", "value", "approx", "unit"), VAGUE)
def test_vague_magnitudes_are_left_out_by_default(
    nlp: Language, text: str, value: float, approx: str, unit: str
) -> None:
    assert quantities(nlp, text) == []
    found = quantities(nlp, text, vague=True)
    assert len(found) == 1
    check(found[0], {"value": value, "approx": approx, "unit": unit})


# ---- odd input ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["", " ", "$", "$$$ 1,,000 ,, 5..5", "123456789012345678901234567890 people",
     "between and", "- 5 -", ", 45 ,", "a", "€", "1/2 3:30 4-", "thousands of",
     "hundred", "a dozen", "—", "Rs", "US$", "5bn", "10,000-"],
)
def test_odd_input_never_raises(nlp: Language, text: str) -> None:
    found = quantities(nlp, text)
    assert all(text[q.span[0] : q.span[1]] == q.text for q in found)


def test_unparsed_document_gives_nothing(nlp: Language) -> None:
    doc = nlp.make_doc("Russia has amassed more than 100,000 troops.")
    assert find_quantities(doc, EntityIndex([])) == []


def test_no_entities_still_counts(nlp: Language) -> None:
    doc = nlp("Russia has amassed more than 100,000 troops.")
    [q] = find_quantities(doc, EntityIndex([]))
    assert (q.value, q.unit, q.subject) == (100_000, "troops", None)
