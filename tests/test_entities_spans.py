"""The entity stage on the patterns of the third round: name spans, merges, missed names, types.

Each table is one pattern (see `nlp/entities/spans.py`, `scan.py`, `merge.py`, `evidence.py` and
the data files), with sentences written for these tests in the styles of other outlets and
topics (US courts and agencies, utilities, UK and Canadian politics, Nigerian and Pakistani
weather, tech and media). None is taken from a gold file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.nlp.entities import find_entities
from newsgraph.nlp.entities.columns import ALPHA, LOWER, SPACE, TITLE, UPPER, columns
from newsgraph.nlp.entities.gazetteer import places
from newsgraph.nlp.entities.geo import choose
from newsgraph.nlp.entity_index import EntityIndex, name_key
from newsgraph.record import Entity


def run(nlp: Language, text: str) -> EntityIndex:
    return find_entities(nlp(text))


def named(index: EntityIndex, name: str) -> Entity:
    found = index.find(name)
    assert found is not None, f"no entity {name!r} in {[e.name for e in index.entities]}"
    return found


def names_of(index: EntityIndex) -> set[str]:
    return {name_key(e.name) for e in index.entities}


# --- name spans ---------------------------------------------------------------------------------

SPANS = [
    # an organisation's head noun before "of" + a place the model tagged apart
    ("Economists at the Federal Reserve Bank of Dallas cut their growth forecast on Thursday.",
     "Federal Reserve Bank of Dallas", "ORG", ["Federal Reserve Bank", "Dallas"]),
    ("A spokesman for the Central Bank of Nigeria said the naira would float.",
     "Central Bank of Nigeria", "ORG", ["Central Bank"]),
    # "<Office> for the <District> of <State>": the untagged head noun starts the name
    ("The U.S. Attorney's Office for the Eastern District of Virginia charged the contractor on "
     "Friday.", "U.S. Attorney's Office for the Eastern District of Virginia", "ORG",
     ["Eastern District", "Attorney's Office for the Eastern District"]),
    # a court district in a prosecutor's title, its state left untagged
    ("John Lausch, the U.S. attorney for the Northern District of Illinois, announced the "
     "charges.", "Northern District of Illinois", "PLACE", ["Northern District"]),
    # "X and Y" cut at "and": the article spells the joined name's initials
    ("Rangers from Parks and Wildlife Services rescued the hikers, and PWS later closed the "
     "trail.", "Parks and Wildlife Services", "ORG", ["Parks", "Wildlife Services"]),
    # ... or the data knows the agency
    ("Immigration and Customs Enforcement detained 40 farmworkers in Nebraska, an ICE spokesman "
     "said.", "ICE", "ORG", ["Immigration"]),
    # a party the model split into an organisation and a nationality word
    ("Former Liberal Democrat leader Tim Farron criticised the plan.", "Liberal Democrats", "ORG",
     ["Liberal", "Democrat", "Democrats"]),
    # a capitalized first word glued onto a known name
    ("Key NATO allies pledged more air defence systems on Tuesday.", "NATO", "ORG",
     ["Key NATO"]),
    ("Top Kremlin aides dismissed the report on Monday.", "Kremlin", "ORG", ["Top Kremlin"]),
    # a hyphenated given name cut at its hyphen by the tokenizer
    ("President Moon Jae-in met business leaders in Busan on Friday.", "Moon Jae-in", "PERSON",
     ["Moon Jae"]),
    ("Former President Roh Moo-hyun died in 2009.", "Roh Moo-hyun", "PERSON", ["Roh Moo"]),
]

#: A compound's word after a hyphen is not part of the name.
HYPHEN_COMPOUNDS = [
    ("The Putin-led talks stalled in Geneva on Monday.", "Putin", ["Putin-led"]),
    ("Officials scrapped the Biden-era rules on Tuesday.", "Biden", ["Biden-era"]),
]


@pytest.mark.parametrize(("text", "name", "not_names"), HYPHEN_COMPOUNDS)
def test_a_compound_after_a_name_stays_out_of_it(nlp: Language, text: str, name: str,
                                                 not_names: list[str]) -> None:
    index = run(nlp, text)
    assert named(index, name)
    assert not names_of(index) & {name_key(n) for n in not_names}


@pytest.mark.parametrize(("text", "name", "kind", "not_names"), SPANS)
def test_name_span_is_repaired(nlp: Language, text: str, name: str, kind: str,
                               not_names: list[str]) -> None:
    index = run(nlp, text)
    assert named(index, name).type == kind
    assert not names_of(index) & {name_key(n) for n in not_names}


@pytest.mark.parametrize("text", [
    "Inner Mongolia reported two new plague cases on Tuesday.",
    "New Zealand closed its borders to cruise ships.",
    "Northern Ireland's assembly met for the first time in two years.",
])
def test_a_place_keeps_its_first_word(nlp: Language, text: str) -> None:
    first = " ".join(text.split()[:2]).replace("'s", "")
    assert named(run(nlp, text), first).type == "PLACE"


@pytest.mark.parametrize(("text", "names"), [
    ("Google and Microsoft reported strong earnings on Tuesday.", ["Google", "Microsoft"]),
    ("The Bank of England and the Bank of Japan left rates unchanged.",
     ["Bank of England", "Bank of Japan"]),
])
def test_two_names_joined_by_and_stay_two(nlp: Language, text: str, names: list[str]) -> None:
    index = run(nlp, text)
    assert len({named(index, n).id for n in names}) == len(names)


# --- coordinated places -------------------------------------------------------------------------

COORDINATED = [
    ("Wildfires forced evacuations in Sonoma and Napa counties on Monday.",
     [("Sonoma", "Sonoma County"), ("Napa", "Napa County")]),
    ("Tornadoes struck Hinds and Madison counties overnight.",
     [("Hinds", "Hinds County"), ("Madison", "Madison County")]),
    # the model called both people
    ("Snow blanketed Erie and Niagara counties on Friday.",
     [("Erie", "Erie County"), ("Niagara", "Niagara County")]),
    ("Heavy rain flooded parts of Kano and Kaduna states.",
     [("Kano", "Kano State"), ("Kaduna", "Kaduna State")]),
    ("Floodwaters rose in Punjab and Sindh provinces.",
     [("Punjab", "Punjab Province"), ("Sindh", "Sindh Province")]),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_names_before_a_plural_place_noun_are_places(
        nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    index = run(nlp, text)
    for name, form in expected:
        e = named(index, name)
        assert e.type == "PLACE"
        assert name_key(form) in {name_key(a) for a in [e.name, *e.aliases]}
        assert index.find(form) is e


# --- one entity per referent ------------------------------------------------------------------

MERGES = [
    # initials of a company's name with "&", its "Co." left out
    ("San Diego Gas & Electric Co. warned customers on Monday that SDG&E crews could cut power "
     "for two days.", "San Diego Gas & Electric Co.", "SDG&E", "ORG"),
    # initials without the place the name starts with
    ("The New York Public Service Commission opened an inquiry on Tuesday. The PSC said it "
     "would hold hearings in Albany.", "New York Public Service Commission", "PSC", "ORG"),
    # the words after "Department of"
    ("The Department of Environmental Conservation closed the lake, and Environmental "
     "Conservation officers said the algae would clear.",
     "Department of Environmental Conservation", "Environmental Conservation", "ORG"),
    # first word and head noun of one longer committee name
    ("The House Oversight Committee subpoenaed the records. The House Committee will meet "
     "again in March.", "House Oversight Committee", "House Committee", "ORG"),
    # a party's members named as a body
    ("Spain's Socialist Party won the most seats, and the Socialists will need partners to "
     "govern.", "Socialist Party", "Socialists", "ORG"),
    ("Canada's Conservative Party gained seats in Ontario, and the Conservatives now lead in "
     "the polls.", "Conservative Party", "Conservatives", "ORG"),
    ("Key Liberal ministers lost their seats in Halifax. The Liberal Party had held the city "
     "since 1993.", "Liberal Party", "Key Liberal", "ORG"),
    ("Several Socialist lawmakers abstained. The Socialist Party later expelled them.",
     "Socialist Party", "Socialist", "ORG"),
    # a country's formal name
    ("The Islamic Republic of Iran rejected the claim, and Iran said it would respond.",
     "Iran", "Islamic Republic of Iran", "PLACE"),
    ("The Kingdom of Saudi Arabia announced new visa rules, and Saudi Arabia will issue them "
     "in May.", "Saudi Arabia", "Kingdom of Saudi Arabia", "PLACE"),
    # a surname the model left untagged, or tagged as an organisation
    ("Maj. Gen. Sarah Okafor told reporters the base was secure. Okafor said the drills would "
     "continue.", "Sarah Okafor", "Okafor", "PERSON"),
    ("Lt Col Alexander Grant testified on Tuesday. Grant told lawmakers he had raised concerns. "
     "Grant said he stood by his account.", "Alexander Grant", "Grant", "PERSON"),
]


@pytest.mark.parametrize(("text", "name", "alias", "kind"), MERGES)
def test_forms_of_one_referent_are_one_entity(nlp: Language, text: str, name: str, alias: str,
                                              kind: str) -> None:
    index = run(nlp, text)
    e = named(index, name)
    assert e.type == kind
    assert index.find(alias) is e
    assert len([x for x in index.entities if x.type == kind]) == 1 or kind == "PLACE"


def test_party_members_the_data_knows_stay_a_group(nlp: Language) -> None:
    index = run(nlp, "The Democratic Party raised $20 million in May, and Democrats said they "
                     "would spend it on ads.")
    assert named(index, "Democratic Party").type == "ORG"
    assert named(index, "Democrats").type == "GROUP"


# --- names the model leaves untagged ------------------------------------------------------------

FOUND = [
    # platforms, telecoms and news agencies of the data
    ("The video spread quickly on Facebook and TikTok before it was removed.", "TikTok", "ORG"),
    ("The video spread quickly on Facebook and TikTok before it was removed.", "Facebook",
     "ORG"),
    ("Outages hit Verizon and T-Mobile customers in three states.", "T-Mobile", "ORG"),
    ("Mr. Osei told The Associated Press that the mine would reopen.", "Associated Press",
     "ORG"),
    ("Reuters reported that the talks had stalled.", "Reuters", "ORG"),
    ("The UN High Commissioner for Human Rights urged restraint on both sides.",
     "UN High Commissioner for Human Rights", "ORG"),
    # an untagged name after an organisation noun, or one the model called a work of art
    ("Members of a newly formed group Nurses for Safe Staffing said they would strike on "
     "Monday.", "Nurses for Safe Staffing", "ORG"),
    ("The charity Mothers Against Gun Violence said it would hold a vigil.",
     "Mothers Against Gun Violence", "ORG"),
    # an untagged word coordinated with an organisation
    ("Residents vented on Facebook and Nextdoor after the blackout.", "Nextdoor", "ORG"),
    # a large city the model left untagged inside a noun phrase
    ("An outbreak at the ICE Tacoma facility sickened 20 detainees.", "Tacoma", "PLACE"),
    # an untagged person with a role in apposition (the model tags nothing in these contexts)
    ("“It is a very fragile moment,” said one person familiar with the negotiations.\n\n"
     "Dinesh Ramaswamy, a trade professor at Georgetown, said the talks had stalled.",
     "Dinesh Ramaswamy", "PERSON"),
    ("Farmers have borne the brunt of the dispute.\n\nDinesh Ramaswamy, a professor of "
     "agricultural economics at Purdue, said exports had collapsed.", "Dinesh Ramaswamy",
     "PERSON"),
    # two countries in one hyphenated token
    ("He studies U.S.-Canada trade at a university in Ohio.", "Canada", "PLACE"),
    ("He studies U.S.-Canada trade at a university in Ohio.", "United States", "PLACE"),
    # a state written the AP way
    ("Trump said at a rally in Monroe, La., on Wednesday that farmers were winning.",
     "Louisiana", "PLACE"),
]


@pytest.mark.parametrize(("text", "name", "kind"), FOUND)
def test_missed_name_is_found(nlp: Language, text: str, name: str, kind: str) -> None:
    assert named(run(nlp, text), name).type == kind


@pytest.mark.parametrize("text", [
    "ACCRA, Ghana (AP) — Ghana's parliament approved the budget on Friday.",
    "LONDON (Reuters) - British lawmakers voted on Tuesday to delay the bill.",
    "The floods killed 12 people in the valley.\n\n© 2024 Associated Press. All rights reserved.",
])
def test_agency_credit_is_no_entity(nlp: Language, text: str) -> None:
    index = run(nlp, text)
    assert index.find("Associated Press") is None
    assert index.find("Reuters") is None


def test_state_abbreviation_is_located_in_the_united_states(nlp: Language) -> None:
    e = named(run(nlp, "The wildfire forced evacuations in the mountains west of Denver, Colo."),
              "Colorado")
    assert e.country == "US"
    assert "Colo." in e.aliases


def test_a_state_of_the_article_beats_a_small_foreign_city() -> None:
    assert choose(places("Colorado"), "US").country == "US"  # type: ignore[union-attr]
    assert choose(places("Paris"), "US").country == "FR"  # type: ignore[union-attr]


# --- types --------------------------------------------------------------------------------------

TYPES = [
    # an organisation noun right before the name
    ("The investigative website Bellingcat traced the missile to a brigade near Kursk.",
     "Bellingcat", "ORG"),
    ("Will Moy told reporters the fact-checking website Snopes had flagged the post.",
     "Snopes", "ORG"),
    # airlines
    ("Passengers of Air Peace and Air Tanzania were stranded in Lagos.", "Air Peace", "ORG"),
    ("Passengers of Air Peace and Air Tanzania were stranded in Lagos.", "Air Tanzania", "ORG"),
    # a compass point before the name
    ("Avalanches closed roads in the eastern Hindu Kush.", "Hindu Kush", "PLACE"),
    # a party or bloc named in another language
    ("In Quebec, the Bloc Québécois kept most of its seats.", "Bloc Québécois", "ORG"),
    # a lower-case organisation noun after the name
    ("Trump made an unscheduled trip to Walter Reed hospital on Saturday.", "Walter Reed",
     "ORG"),
]


@pytest.mark.parametrize(("text", "name", "kind"), TYPES)
def test_type_from_context(nlp: Language, text: str, name: str, kind: str) -> None:
    assert named(run(nlp, text), name).type == kind


def test_common_noun_opening_a_sentence_is_no_nationality(nlp: Language) -> None:
    index = run(nlp, "Smoke drifted over Marin and Sonoma counties.")
    assert index.find("Smoke") is None


def test_surname_scan_leaves_a_common_word_alone(nlp: Language) -> None:
    index = run(nlp, "Neil Young played in Toronto. Young people lined up for hours.")
    assert len(named(index, "Neil Young").mentions) == 1


def test_capital_before_a_misread_verb_acts(nlp: Language) -> None:
    index = run(nlp, "When the president's advisers suggested that Beijing resume buying "
                     "soybeans as part of a deal, the talks stalled.")
    assert named(index, "Beijing").name == "China"


def test_capital_modifying_a_place_noun_stays_a_city(nlp: Language) -> None:
    assert named(run(nlp, "He said Beijing restaurants were busy."), "Beijing").name == "Beijing"


def test_title_leaves_out_a_courtesy_title(nlp: Language) -> None:
    e = named(run(nlp, "His physician Dr. Harold Bornstein wrote the letter."),
              "Harold Bornstein")
    assert e.titles == ["physician"]


# --- token columns ------------------------------------------------------------------------------

def test_shape_flags_are_the_tokens_own(nlp: Language) -> None:
    """The case and letter flags read off word shapes (`columns.py`) equal spaCy's, for every
    token of the test articles written in a cased script."""
    folder = Path(__file__).parent / "fixtures" / "entities"
    wrong = []
    for path in sorted(folder.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        cols = columns(doc)
        for tok in doc:
            flags = int(cols.flags[tok.i])
            got = [bool(flags & bit) for bit in (TITLE, UPPER, LOWER, ALPHA, SPACE)]
            want = [tok.is_title, tok.is_upper, tok.is_lower, tok.is_alpha, tok.is_space]
            if got != want:
                wrong.append((path.stem, tok.text, got, want))
            if (cols.sent_start[tok.i] == 1) != tok.is_sent_start:
                wrong.append((path.stem, tok.text, "sentence start"))
    assert wrong == []


@pytest.mark.parametrize("text", [
    "Police arrested Michael Webb in Dallas on Sunday.\n\nWebb still faces nine state charges.",
    "The army dismissed Colonel Peter Marsh last week.\n\nMarsh also faces a court martial.",
])
def test_a_surname_opening_a_sentence_before_an_adverb_and_a_verb_is_the_person(
        nlp: Language, text: str) -> None:
    index = run(nlp, text)
    people = [e for e in index.entities if e.type == "PERSON"]
    assert len(people) == 1
    surname = people[0].name.split()[-1]
    assert len(people[0].mentions) == text.count(surname)
