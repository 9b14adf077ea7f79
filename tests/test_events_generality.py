"""The event coder on phrasing it was not first written for: one table per general pattern.

Each pattern here was found missing or wrong on held-out sentences (tests/fixtures/events/
heldout.jsonl, scored by benchmarks/events_heldout.py); the sentences below are NEW ones,
written for these tests, so that a fix is checked on more than the line that showed the gap.
Rows are (sentence, type, words one of which must name the actor, recipient words or None,
status or None), checked as in test_events_sentences.py.
"""

from __future__ import annotations

import pytest

from test_events_sentences import Row, check, extract

# ---- wire datelines and what the entity stage glues onto them --------------------------------

DATELINES: list[Row] = [
    ("MOSCOW (Reuters) - Russian police detained dozens of protesters in the capital on Sunday.",
     "COERCE", ("police", "Russia"), None, None),
    ("LAGOS, Nigeria (AP) — Gunmen abducted 20 students from a school in Kaduna state.",
     "ASSAULT", ("Gunmen",), None, None),
    ("BERLIN - Hundreds of farmers blocked motorways with tractors on Monday.", "PROTEST",
     ("farmers",), None, None),
    ("(CNN) — Israeli jets struck targets in southern Lebanon overnight.", "ASSAULT",
     ("Israel", "Israeli"), None, None),
]

# ---- who acts ------------------------------------------------------------------------------

ACTORS: list[Row] = [
    # a nationality modifying the actor acts for its country, named or not
    ("Turkish jets struck Kurdish positions in northern Iraq.", "ASSAULT", ("Turkey",), None,
     None),
    ("Sudanese troops withdrew from the border town on Friday.", "RETREAT", ("Sudan",), None,
     None),
    # groups of people are the actors of collective acts
    ("Shopkeepers in Kano went on strike against new taxes.", "PROTEST", ("Shopkeepers",),
     None, None),
    ("Thousands of taxi drivers blocked the roads around the airport.", "PROTEST",
     ("drivers",), None, None),
    ("Taxi drivers threatened to block the airport.", "THREATEN", ("drivers",), None, None),
    ("Relatives of the missing sailors urged the navy to continue the search.", "REQUEST",
     ("Relatives",), None, None),
    ("A grand jury indicted the former mayor on bribery charges.", "ACCUSE", ("jury",), None,
     None),
    ("Critics condemned the decision to close the hospital.", "ACCUSE", ("Critics",), None,
     None),
    ("Settlers uprooted dozens of olive trees in the West Bank.", "ASSAULT", ("Settlers",),
     None, None),
    # the passive by-phrase, also where the parser hangs it on the wrong word
    ("The journalist was granted political asylum by Ecuador.", "AID", ("Ecuador",), None,
     None),
    # a verb without an object shares the next one's: "beat and robbed villagers"
    ("Soldiers beat and robbed villagers near the border.", "ASSAULT", ("Soldiers",), None,
     None),
    # whose troops move acts; the one who confirms it reports it
    ("Kyiv confirmed the deployment of Belarusian troops near the border.", "MOBILIZE",
     ("Belarus",), None, None),
    # "ready to", "willing to": the adjective's subject, and an intention
    ("Tehran is ready to resume nuclear talks with Washington.", "AGREE", ("Iran", "Tehran"),
     None, "planned"),
    # where a delegate goes for talks, the talks are theirs
    ("The Indian prime minister flew to Moscow for talks with Putin.", "CONSULT",
     ("India", "Indian", "minister"), None, None),
]

# ---- words the lexicon lacked --------------------------------------------------------------

LEXICON: list[Row] = [
    ("The Red Cross distributed blankets to flood victims in Pakistan.", "AID",
     ("Red Cross",), None, None),
    ("The United Arab Emirates deposited $2 billion in Egypt's central bank.", "AID",
     ("United Arab Emirates", "UAE"), ("Egypt",), None),
    ("Berlin unveiled a new military aid package for Kyiv.", "AID", ("Berlin", "Germany"),
     ("Kyiv", "Ukraine"), None),
    ("Germany took in more than a million Syrian refugees in 2015.", "AID", ("Germany",),
     None, None),
    ("The World Bank released $500 million in emergency funds for Bangladesh.", "AID",
     ("World Bank",), None, None),
    ("Denmark donated its entire fleet of F-16 fighter jets to Ukraine.", "AID", ("Denmark",),
     ("Ukraine",), None),
    ("Paris promised more air defence systems to Ukraine.", "AGREE", ("Paris", "France"),
     None, None),
    ("Opposition parties rallied behind the prime minister after the attack.", "SUPPORT",
     ("parties", "Opposition"), None, None),
    ("Mexico and Canada renewed their security agreement.", "SUPPORT", ("Mexico",), None,
     None),
    ("The junta commuted the sentences of 20 political prisoners.", "CONCEDE", ("junta",),
     None, None),
    ("France and Germany coordinated their responses to the crisis.", "COOPERATE",
     ("France",), None, None),
    ("Washington added a dozen Russian banks to its sanctions list.", "SANCTION",
     ("Washington", "United States"), ("Russia", "Russian"), None),
    ("Germany halted the delivery of tanks to Saudi Arabia.", "SANCTION", ("Germany",),
     ("Saudi Arabia",), None),
    ("Bahrain suspended the issuance of visas to Qatari citizens.", "SANCTION", ("Bahrain",),
     None, None),
    ("Ankara suspended the migration agreement with the European Union.", "REJECT",
     ("Ankara", "Turkey"), None, None),
    ("The Kremlin ordered two warships to the Baltic Sea.", "MOBILIZE", ("Kremlin", "Russia"),
     None, None),
    ("Ethiopian tanks pushed into the Tigray region.", "MOBILIZE", ("Ethiopia",), None, None),
    ("Bahrain stripped 138 people of their citizenship.", "COERCE", ("Bahrain",), None, None),
    ("The junta ordered the closure of the French broadcaster's offices.", "COERCE",
     ("junta",), None, None),
    ("Police prevented opposition supporters from reaching the square.", "COERCE",
     ("Police",), None, None),
    ("Colombian police seized three tonnes of cocaine.", "COERCE", ("Colombia", "police"),
     None, None),
    ("Moscow designated the human rights group an undesirable organisation.", "COERCE",
     ("Moscow", "Russia"), None, None),
    ("Activists glued themselves to the runway at Munich airport.", "PROTEST",
     ("Activists",), None, None),
    ("The unions called a national strike for Thursday.", "PROTEST", ("unions",), None,
     None),
    ("Rioters set fire to police cars in Dublin.", "PROTEST", ("Rioters",), None, None),
    ("Students staged a sit-in at the university.", "PROTEST", ("Students",), None, None),
    ("A suicide bomber blew himself up at a checkpoint in Kabul.", "ASSAULT", ("bomber",),
     None, None),
    ("Militants detonated a car bomb outside the police station.", "ASSAULT", ("Militants",),
     None, None),
    ("Russian drones slammed into an energy facility in Odesa.", "ASSAULT", ("Russia",), None,
     None),
    ("Protesters hurled rocks at the police, who responded with tear gas.", "ASSAULT",
     ("police",), None, None),
]

# ---- second round: found on a second held-out set (heldout2.jsonl) -------------------------

ROUND2: list[Row] = [
    # court-ordered payments (codebook)
    ("A Paris court ordered the oil company to pay 5 million euros to the villagers.",
     "SANCTION", ("court", "Paris"), None, None),
    ("The government lifted the suspension of the opposition newspaper.", "CONCEDE",
     ("government",), None, None),
    # a plural noun the tagger takes for a verb
    ("The two navies held joint coast guard drills near Palawan.", "COOPERATE", ("navies",),
     None, None),
    ("Australia and Japan stepped up intelligence sharing on Chinese military activity.",
     "COOPERATE", ("Australia",), None, None),
    ("India shipped 10,000 tonnes of wheat to Afghanistan.", "AID", ("India",),
     ("Afghanistan",), None),
    ("The Russian ambassador left Moldova after being expelled.", "SANCTION", ("Russia",),
     None, None),
    ("Truckers dumped tyres outside the transport ministry.", "PROTEST", ("Truckers",), None,
     None),
    ("Climate activists pitched tents outside the parliament in Oslo.", "PROTEST",
     ("activists",), None, None),
    ("Britain sent a carrier strike group to the Pacific.", "MOBILIZE",
     ("Britain", "United Kingdom"), None, None),
]


def test_coordinated_acts_with_their_own_objects_are_two_events() -> None:
    for sentence, types in [
        ("Authorities imposed a curfew and blocked access to social media.",
         ["COERCE", "COERCE"]),
        ("France condemned the coup and recalled its ambassador.", ["ACCUSE", "SANCTION"]),
        ("Italy condemned the killing and summoned the Egyptian ambassador.",
         ["ACCUSE", "ACCUSE"]),
        ("Rebels seized the airport and killed two guards.", ["ASSAULT", "ASSAULT"]),
    ]:
        assert sorted(e.type for e in extract(sentence).events) == types, sentence
    # one act told with two verbs stays one event
    assert len(extract("Britain will deploy and station 500 troops in Estonia.").events) == 1


def test_count_of_a_force_taking_part_in_drills() -> None:
    [e] = extract("About 5,000 Russian troops took part in the exercises.").events
    assert e.type == "MOBILIZE" and e.quantity is not None and e.quantity.value == 5000


# ---- status --------------------------------------------------------------------------------

STATUS: list[Row] = [
    # a body that votes to act has acted
    ("Parliament voted to impose sanctions on Belarus.", "SANCTION", ("Parliament",), None,
     "announced"),
]

# ---- legal acts of real copy: found on the second blind gold (gold_blind2) ------------------

LEGAL: list[Row] = [
    # dropping one's own case against someone is a concession
    ("Norwegian prosecutors dropped the corruption investigation into the former minister.",
     "CONCEDE", ("prosecutors", "Norway", "Norwegian"), None, None),
    ("The Interior Ministry abandoned its lawsuit against the opposition newspaper.",
     "CONCEDE", ("Ministry",), None, None),
    ("Kenya has withdrawn the case against the two opposition senators.", "CONCEDE",
     ("Kenya",), None, None),
    # reopening or resuming an investigation opens it again
    ("Italian magistrates reopened the investigation into the 1980 train bombing.", "ACCUSE",
     ("magistrates", "Italy", "Italian"), None, None),
    ("The anti-corruption agency resumed its probe into the governor's contracts.", "ACCUSE",
     ("agency",), None, None),
    ("Brazil's federal police widened the inquiry into the dam collapse.", "ACCUSE",
     ("police", "Brazil"), None, None),
    # ... and an investigation reopened by nobody named is still the investigating side's
    ("The Swiss investigation was reopened earlier this year.", "ACCUSE",
     ("Swiss", "Switzerland"), None, None),
    ("A French inquiry into the crash was relaunched in May.", "ACCUSE",
     ("French", "France"), None, None),
    # conjoined passives share the by-phrase; a particle-like preposition may carry it
    ("The protest leader was led away from the square by plainclothes officers and taken "
     "into custody.", "COERCE", ("officers",), None, None),
    ("The journalist was escorted off the plane by security agents and arrested.", "COERCE",
     ("agents",), None, None),
    ("Two students were pulled out of the crowd by soldiers and taken into custody.", "COERCE",
     ("soldiers",), None, None),
    ("Two reporters were pulled away from the rally by riot police and arrested.", "COERCE",
     ("police",), None, None),
    # taking back asylum, residency or citizenship
    ("Bolivia withdrew the activist's asylum last month.", "SANCTION", ("Bolivia",), None,
     None),
    ("The government rescinded the residency of the foreign correspondent.", "SANCTION",
     ("government",), None, None),
    ("Nicaragua stripped the exiled poet of her refugee status.", "COERCE", ("Nicaragua",),
     None, None),
    # trade-remedy duties are sanctions ("anti-dumping duties on Korean polysilicon")
    ("India's anti-dumping duties on Chinese steel took effect in March.", "SANCTION",
     ("India",), ("China",), None),
    ("The European Union's countervailing duties on Indonesian biodiesel angered Jakarta.",
     "SANCTION", ("European Union", "EU"), None, None),
    ("Washington's punitive duties on Canadian lumber hurt mills in British Columbia.",
     "SANCTION", ("Washington", "United States"), None, None),
    # counsel acts for a client
    ("A lawyer for the victims asked the court to release the video.", "REQUEST",
     ("lawyer",), None, None),
    ("Attorneys for the family urged the city to open an inquiry.", "REQUEST", ("Attorneys",),
     None, None),
    ("The defendant's lawyers asked the judge to postpone the trial.", "REQUEST", ("lawyers",),
     None, None),
]


PATTERNS = DATELINES + ACTORS + LEXICON + ROUND2 + STATUS + LEGAL


def test_serving_a_sentence_undergoes_a_conviction() -> None:
    # the court need not be named: the actor is null, the one serving is the recipient
    for sentence, recipient in [
        ("Maria Lopez is serving a six-year prison term for embezzlement.", "Maria Lopez"),
        ("He served 18 months of a jail sentence for leaking documents.", None),
        ("Opposition leader Ahmed Farah is serving a life sentence in Mogadishu.", "Ahmed Farah"),
    ]:
        events = extract(sentence).events
        assert [(e.type, e.mode, e.actor) for e in events] == [("SANCTION", "convict", None)], \
            sentence
        if recipient is not None:
            assert events[0].recipient is not None and recipient in events[0].recipient, sentence
    # an unnamed subject serves no conviction the record can name
    assert extract("The inmate is serving a six-year prison term.").events == []


@pytest.mark.parametrize("row", PATTERNS, ids=[r[0][:40] for r in PATTERNS])
def test_pattern_is_coded(row: Row) -> None:
    check(row)


def test_dateline_is_no_actor() -> None:
    for sentence in ("MOSCOW (Reuters) - Russian police detained dozens of protesters.",
                     "NAIROBI, Kenya (AP) — Kenya's president deployed the army on Tuesday."):
        actors = [a for e in extract(sentence).events for a in e.actors]
        assert actors and not {"Moscow", "Nairobi"} & set(actors), (sentence, actors)


def test_the_group_is_the_organisation_named_before() -> None:
    events = extract("Police raided the offices of Greenpeace after the group staged a protest "
                     "at the port.").events
    assert [e.actor for e in events if e.type == "PROTEST"] == ["Greenpeace"]


def test_result_participle_is_the_same_attack() -> None:
    events = extract("Gunmen attacked a bus in Kaduna, killing nine passengers.").events
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].quantity is not None and events[0].quantity.value == 9


def test_content_of_a_noun_on_a_light_verb_is_not_coded() -> None:
    # what an ultimatum demands, and what a promise to cooperate with an inquiry is about
    for sentence, etype in [
        ("The rebels gave residents an ultimatum to leave the city.", "THREATEN"),
        ("Japan pledged to cooperate with a UN inquiry into the sinking.", "AGREE"),
    ]:
        assert [e.type for e in extract(sentence).events] == [etype], sentence


# ---- no event ------------------------------------------------------------------------------

NEGATIVES = [
    # inverted conditions, "yet to", negated arguments, disbelief
    "Were Beijing to invade Taiwan, Washington would respond.",
    "The two sides have yet to sign the agreement.",
    "No shots were fired during the operation.",
    "No troops will be deployed to the region, the minister said.",
    "Diplomats doubt that Moscow will withdraw its troops.",
    "The government was unable to stop the protests.",
    # business, sports and science copy that uses the words of conflict
    "SoftBank will inject $2 billion into the startup.",
    "The utility shut off power to 500,000 customers during the heatwave.",
    "Amazon offers Prime members a $10 credit this week.",
    "The bank makes loans to small businesses.",
    "Uber is battling for market share in Asia.",
    "The striker fired a shot into the top corner of the net.",
    "She shot 40 percent from three-point range.",
    "Verstappen attacked from the start and took the lead.",
    "The airline will expand its fleet by 20 percent.",
    "Scientists will investigate the origins of the universe.",
    "The minister looked into the camera and smiled.",
    "Management will discuss quarterly results with analysts.",
    "The force needed to pull out the plug is small.",
    "The two players engaged in a heated argument after the match.",
    "Oil prices surged after the announcement.",
    # legal and trade words outside a legal act
    "The company dropped its case for a new factory after the survey.",
    "Customs duties rose by 4 percent last year.",
    "She served two terms as mayor of the city.",
    "The player withdrew from the tournament with an injury.",
    "The lawyer said the hearing would resume on Monday.",
    # not English: the English words are a title
    "Она участвовала в конкурсе Chefs battle в Instagram в прошлом году.",
]


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[s[:40] for s in NEGATIVES])
def test_no_event(sentence: str) -> None:
    got = [(e.type, e.actors, e.trigger) for e in extract(sentence).events]
    assert got == []


@pytest.mark.parametrize("sentence", [
    "The 48-year-old Australian was evicted in April and sentenced to 50 weeks in jail.",
    "The blogger was detained in March and sentenced to four years for sedition.",
    "Ms. Okafor was questioned for hours and charged with fraud late on Friday.",
])
def test_the_one_sentenced_in_a_second_participle_is_not_the_actor(sentence: str) -> None:
    """The tagger may read the second of two passive participles as a past tense: the subject
    they share is who the act is done to, never the one who does it."""
    article = extract(sentence)
    subject = sentence.split(" was ")[0].split()[-1]
    assert not any(e.actors and any(subject in a for a in e.actors)
                   for e in article.events), [(e.type, e.actors) for e in article.events]
