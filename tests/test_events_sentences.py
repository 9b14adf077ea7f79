"""The event coder on single sentences, through the whole pipeline (`newsgraph.extract`).

A sentence fed alone is an article of one sentence, which is how event coders are judged
sentence by sentence. The tables hold wire-style phrasing for each of PLOVER's sixteen types
(at least five each, written for these tests), then sentences that must yield no event. Each row
names the type, words one of which must appear in the actor (or in the names of the entity it
resolves to), and optionally the recipient and the status.
"""

from __future__ import annotations

import functools

import pytest

import newsgraph
from newsgraph.nlp.entity_index import name_key
from newsgraph.record import Article, Event

Row = tuple[str, str, tuple[str, ...], tuple[str, ...] | None, str | None]


@functools.cache
def extract(sentence: str) -> Article:
    return newsgraph.extract(sentence)


def names(article: Article, event: Event, role: str) -> set[str]:
    """Every name the event's actor or recipient answers to, entity aliases included."""
    by_name = {e.name: e for e in article.entities}
    own = [event.actor, *event.actors] if role == "actor" else \
        [event.recipient, *event.recipients]
    out: set[str] = set()
    for n in own:
        if not n:
            continue
        out.add(name_key(n))
        e = by_name.get(n)
        if e is not None:
            out |= {name_key(a) for a in e.aliases}
    return out


def mentions(words: tuple[str, ...], found: set[str]) -> bool:
    """Whether one of the words is a name found, or a word or run of words in one."""
    keys = [name_key(w) for w in words]
    return any(k == f or k in f.replace("-", " ").split() or (" " in k and k in f)
               for k in keys for f in found)


def check(row: Row) -> None:
    sentence, etype, actor, recipient, status = row
    article = extract(sentence)
    events = article.events
    assert events, f"no event in {sentence!r}"
    matching = [
        e for e in events
        if e.type == etype and mentions(actor, names(article, e, "actor"))
        and (recipient is None or mentions(recipient, names(article, e, "recipient")))
        and (status is None or e.status == status)
    ]
    got = [(e.type, e.actors, e.recipients, e.status) for e in events]
    assert matching, f"{sentence!r}: want {etype} by {actor}, got {got}"
    others = [e.type for e in events if e.type != etype and e.status != "claimed"]
    assert not others, f"{sentence!r}: unexpected {others} beside {etype}"


AGREE: list[Row] = [
    ("Russia and Ukraine agreed to hold a new round of peace talks next week.", "AGREE",
     ("Russia",), None, None),
    ("The European Union pledged to help Turkey cope with the refugee crisis.", "AGREE",
     ("European Union", "EU"), None, None),
    ("Iran offered to mediate between Saudi Arabia and Yemen's Houthi rebels.", "AGREE",
     ("Iran",), None, None),
    ("Japan has promised to provide more reconstruction aid to Ukraine.", "AGREE",
     ("Japan",), None, None),
    ("North Korean leader Kim Jong Un will meet South Korean President Moon Jae-in in "
     "Panmunjom next month.", "AGREE", ("Kim",), None, "planned"),
    ("Venezuela's government and the opposition reached an agreement on electoral "
     "guarantees.", "AGREE", ("Venezuela",), None, None),
    ("China invited the Philippine president for a state visit.", "AGREE", ("China",), None,
     None),
    ("Hamas said it had accepted an Egyptian ceasefire proposal.", "AGREE", ("Hamas",), None,
     None),
    ("The rebels agreed to a ceasefire on Tuesday.", "AGREE", ("rebels",), None, None),
    ("China and Russia pledged to deepen their strategic partnership.", "AGREE", ("China",),
     None, None),
    ("The Group of Seven agreed to cap the price of Russian oil.", "AGREE",
     ("Group of Seven", "G7"), None, None),
    # a future visit is AGREE (codebook CONSULT)
    ("The president will travel to Asia next month, the White House said.", "AGREE",
     ("president",), None, "planned"),
]

CONSULT: list[Row] = [
    ("U.S. Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in "
     "Beijing on Monday.", "CONSULT", ("Blinken",), None, "occurred"),
    ("French President Emmanuel Macron spoke by phone with Russian President Vladimir Putin "
     "on Sunday.", "CONSULT", ("Macron",), None, None),
    ("German Chancellor Olaf Scholz visited Kyiv on Tuesday.", "CONSULT", ("Scholz",),
     ("Kyiv", "Ukraine"), None),
    ("Israeli and Palestinian officials held talks in Cairo.", "CONSULT",
     ("Israel", "Israeli"), None, None),
    ("Indian Prime Minister Narendra Modi hosted Japanese Prime Minister Fumio Kishida in "
     "New Delhi.", "CONSULT", ("Kishida",), ("Modi",), None),
    ("NATO defence ministers met in Brussels to discuss support for Ukraine.", "CONSULT",
     ("NATO",), None, None),
    ("The Saudi foreign minister arrived in Tehran for talks with Iranian officials.",
     "CONSULT", ("Saudi", "Saudi Arabia"), None, None),
    ("Taliban representatives negotiated with U.S. envoys for days in Doha.", "CONSULT",
     ("Taliban",), None, None),
    ("Egypt brokered a truce between Israel and Islamic Jihad.", "CONSULT", ("Egypt",), None,
     None),
    ("The United States and Iran began indirect talks in Oman.", "CONSULT", ("United States",),
     None, None),
    ("Secretary of State Antony Blinken traveled to Israel for talks with Prime Minister "
     "Benjamin Netanyahu.", "CONSULT", ("Blinken",), None, None),
    ("Chinese President Xi Jinping received Brazilian President Luiz Inacio Lula da Silva in "
     "Beijing.", "CONSULT", ("Lula",), ("Xi",), None),
]

SUPPORT: list[Row] = [
    ("The United States praised Kenya's decision to lead a security mission in Haiti.",
     "SUPPORT", ("United States",), None, None),
    ("Germany welcomed the ceasefire agreement between Armenia and Azerbaijan.", "SUPPORT",
     ("Germany",), None, None),
    ("Saudi Arabia and Iran restored diplomatic relations after seven years.", "SUPPORT",
     ("Saudi Arabia",), None, None),
    ("The African Union expressed solidarity with the people of Sudan.", "SUPPORT",
     ("African Union",), None, None),
    ("Ukraine and Poland signed a defence cooperation agreement on Friday.", "SUPPORT",
     ("Ukraine",), None, None),
    ("Brazil recognized Palestine as an independent state.", "SUPPORT", ("Brazil",), None,
     None),
    ("The Indian government endorsed the peace plan proposed by Egypt.", "SUPPORT",
     ("India", "Indian"), None, None),
    ("The EU has voiced strong support for Moldova's bid to join the bloc.", "SUPPORT",
     ("EU", "European Union"), None, None),
    ("Erdogan hailed the agreement as historic.", "SUPPORT", ("Erdogan",), None, None),
    ("Turkey's parliament ratified Sweden's bid to join NATO.", "SUPPORT", ("Turkey",), None,
     None),
    ("India congratulated Sri Lanka on its successful elections.", "SUPPORT", ("India",), None,
     None),
]

CONCEDE: list[Row] = [
    ("The government lifted the nighttime curfew in the capital.", "CONCEDE",
     ("government",), None, None),
    ("Japan's prime minister apologized to South Korea for wartime forced labor.", "CONCEDE",
     ("Japan",), None, None),
    ("Myanmar's military junta granted amnesty to more than 2,000 political prisoners.",
     "CONCEDE", ("Myanmar",), None, None),
    ("Hong Kong leader Carrie Lam formally withdrew the extradition bill.", "CONCEDE",
     ("Lam",), None, None),
    ("The United States eased sanctions on Venezuela's oil sector.", "CONCEDE",
     ("United States",), None, None),
    # an announced future retreat is a concession (codebook RETREAT, CONCEDE)
    ("Russia announced it would withdraw its troops from the Kyiv region.", "CONCEDE",
     ("Russia",), None, "planned"),
    ("The president pardoned the jailed opposition leader.", "CONCEDE", ("president",), None,
     None),
    ("Rebel leaders declared a unilateral ceasefire on Sunday.", "CONCEDE",
     ("leaders", "Rebel"), None, None),
    ("The government apologized for the botched evacuation.", "CONCEDE", ("government",), None,
     None),
    ("Sri Lanka lifted the state of emergency on Friday.", "CONCEDE", ("Sri Lanka",), None,
     None),
    ("The prime minister conceded defeat in the election.", "CONCEDE", ("minister",), None,
     None),
]

COOPERATE: list[Row] = [
    ("India and the United States conducted joint naval exercises in the Bay of Bengal.",
     "COOPERATE", ("India",), None, None),
    ("Colombia extradited a drug lord to the United States.", "COOPERATE", ("Colombia",),
     ("United States",), None),
    ("Jordan shared intelligence with Israel on the planned attack.", "COOPERATE",
     ("Jordan",), ("Israel",), None),
    ("Russia and Belarus began joint military drills near the Polish border.", "COOPERATE",
     ("Russia",), None, None),
    ("China and Brazil expanded trade ties during the visit.", "COOPERATE", ("China",), None,
     None),
    ("South Korea opened an embassy in Vietnam.", "COOPERATE", ("South Korea",),
     ("Vietnam",), None),
    ("Turkish and Iraqi forces carried out a joint operation against Kurdish militants.",
     "COOPERATE", ("Turkey", "Turkish"), None, None),
    ("Egypt and Sudan held joint air force drills last week.", "COOPERATE", ("Egypt",), None,
     None),
    ("Mexico extradited the son of drug lord El Chapo to the United States.", "COOPERATE",
     ("Mexico",), ("United States",), None),
]

AID: list[Row] = [
    ("Germany sent 50 Leopard tanks to Ukraine in March.", "AID", ("Germany",), ("Ukraine",),
     None),
    ("The World Bank approved a $500 million loan for Pakistan.", "AID", ("World Bank",),
     ("Pakistan",), None),
    ("Japan provided $10 million in humanitarian aid to earthquake victims in Turkey.", "AID",
     ("Japan",), None, None),
    ("The United Nations delivered food and medicine to besieged areas of Syria.", "AID",
     ("United Nations", "UN"), None, None),
    ("Sweden granted asylum to the dissident journalist.", "AID", ("Sweden",), None, None),
    # hostage rescues are AID (codebook AID)
    ("Pakistan's military rescued 10 hostages from the border region with Afghanistan.", "AID",
     ("Pakistan",), None, None),
    ("The IMF disbursed $3 billion to Egypt on Wednesday.", "AID",
     ("IMF", "International Monetary Fund"), ("Egypt",), None),
    ("The United States has been arming Ukrainian forces since 2014.", "AID",
     ("United States",), ("Ukraine", "Ukrainian"), None),
    ("The United States provided Ukraine with $1 billion in military aid.", "AID",
     ("United States",), ("Ukraine",), None),
    ("The EU approved a 50 billion euro aid package for Ukraine.", "AID",
     ("EU", "European Union"), ("Ukraine",), None),
]

RETREAT: list[Row] = [
    ("Rebels released 12 hostages on Saturday.", "RETREAT", ("Rebels",), None, None),
    ("Israeli troops withdrew from the Gaza Strip.", "RETREAT", ("Israel", "Israeli"), None,
     None),
    ("Russia pulled its forces out of Kherson.", "RETREAT", ("Russia",), None, None),
    ("British Prime Minister Boris Johnson resigned on Thursday.", "RETREAT", ("Johnson",),
     None, None),
    ("The militia handed over its weapons to UN peacekeepers.", "RETREAT", ("militia",), None,
     None),
    ("Iran allowed IAEA inspectors access to the Fordow site.", "RETREAT", ("Iran",), None,
     None),
    ("Armenian and Azerbaijani forces observed the ceasefire overnight.", "RETREAT",
     ("Armenia", "Armenian"), None, None),
    ("Ethiopia freed thousands of detainees held under the state of emergency.", "RETREAT",
     ("Ethiopia",), None, None),
    ("Venezuela freed six Americans held in its prisons.", "RETREAT", ("Venezuela",), None,
     None),
    ("Israel freed 39 Palestinian prisoners in exchange for 13 hostages.", "RETREAT",
     ("Israel",), None, None),
    ("The junta released former leader Aung San Suu Kyi from prison.", "RETREAT", ("junta",),
     None, None),
    ("Peru's president resigned amid mass protests.", "RETREAT", ("Peru",), None, None),
]

REQUEST: list[Row] = [
    ("The UN Secretary-General called for an immediate ceasefire in Gaza.", "REQUEST",
     ("UN", "United Nations", "Secretary-General"), None, None),
    ("Ukraine asked its allies for more air defence systems.", "REQUEST", ("Ukraine",), None,
     None),
    ("Opposition leaders urged the president to resign.", "REQUEST", ("leaders",),
     ("president",), None),
    ("The European Commission demanded that Poland reverse its judicial reforms.", "REQUEST",
     ("European Commission",), None, None),
    ("Zelensky appealed to Western leaders for fighter jets.", "REQUEST", ("Zelensky",), None,
     None),
    ("Human Rights Watch called on Egyptian authorities to release detained activists.",
     "REQUEST", ("Human Rights Watch",), ("Egypt", "Egyptian", "authorities"), None),
    ("Lebanon requested emergency assistance from the World Bank.", "REQUEST", ("Lebanon",),
     None, None),
    ("The UK has urged an end to the violence.", "REQUEST", ("UK", "United Kingdom"), None,
     None),
    ("Pope Francis called for peace in the Middle East.", "REQUEST", ("Francis",), None, None),
    ("Kyiv urged its Western allies to speed up deliveries of weapons.", "REQUEST",
     ("Kyiv", "Ukraine"), None, None),
    ("Germany asked Poland to explain the visa scandal.", "REQUEST", ("Germany",), ("Poland",),
     None),
]

ACCUSE: list[Row] = [
    ("China accused the United States of interfering in its internal affairs.", "ACCUSE",
     ("China",), ("United States",), None),
    # summoning an ambassador to complain is ACCUSE (codebook ACCUSE)
    ("The foreign ministry summoned the Russian ambassador over the drone incident.", "ACCUSE",
     ("ministry",), ("Russia", "Russian", "ambassador"), None),
    ("Amnesty International condemned the execution of four protesters in Iran.", "ACCUSE",
     ("Amnesty",), None, None),
    ("Prosecutors charged the former president with corruption.", "ACCUSE", ("Prosecutors",),
     ("president",), None),
    ("South Africa filed a case against Israel at the International Court of Justice.",
     "ACCUSE", ("South Africa",), ("Israel",), None),
    ("The EU criticized Hungary's new media law.", "ACCUSE", ("EU", "European Union"), None,
     None),
    ("Police launched an investigation into the attack on the mosque.", "ACCUSE", ("Police",),
     None, None),
    # the passive undone: the accused are the recipient, the by-agent the actor
    ("Belarusian officials were accused by Lithuania of using migrants as a weapon.",
     "ACCUSE", ("Lithuania",), ("Belarus", "Belarusian", "officials"), None),
    ("Moscow slammed the decision as a provocation.", "ACCUSE", ("Moscow", "Russia"), None,
     None),
    ("Beijing lodged a formal protest with Tokyo over the remarks.", "ACCUSE",
     ("Beijing", "China"), None, None),
    ("The Pentagon accused Russia of violating the New START treaty.", "ACCUSE",
     ("Pentagon", "Defense Department"), ("Russia",), None),
    ("The International Criminal Court opened an investigation into alleged war crimes in "
     "Ukraine.", "ACCUSE", ("International Criminal Court", "ICC"), None, None),
]

REJECT: list[Row] = [
    ("Israel rejected the proposal for a two-state solution.", "REJECT", ("Israel",), None,
     None),
    ("Russia vetoed the UN Security Council resolution on Syria.", "REJECT", ("Russia",), None,
     None),
    ("Hong Kong police denied accusations of brutality.", "REJECT", ("police", "Hong Kong"),
     None, None),
    ("North Korea refused to return to nuclear talks.", "REJECT", ("North Korea",), None,
     None),
    ("The Kremlin dismissed the report as fake news.", "REJECT", ("Kremlin", "Russia"), None,
     None),
    ("Moscow denied sending troops to eastern Ukraine.", "REJECT", ("Moscow", "Russia"), None,
     None),
    # cancelled meetings are REJECT (codebook SANCTION ambiguities)
    ("Pakistan cancelled a planned visit by the Indian foreign minister.", "REJECT",
     ("Pakistan",), None, None),
    ("Britain withdrew from the European Union in 2020.", "REJECT",
     ("Britain", "United Kingdom"), None, None),
    ("The Kremlin rejected calls for a ceasefire.", "REJECT", ("Kremlin", "Russia"), None,
     None),
    ("Serbia refused to recognize Kosovo's independence.", "REJECT", ("Serbia",), None, None),
    ("The United States blocked a Security Council resolution calling for a ceasefire.",
     "REJECT", ("United States",), None, None),
]

THREATEN: list[Row] = [
    ("North Korea threatened to launch a nuclear strike against the United States.",
     "THREATEN", ("North Korea",), None, None),
    ("Iran warned of a crushing response if Israel attacked its nuclear facilities.",
     "THREATEN", ("Iran",), None, None),
    ("Turkey threatened military action against Kurdish fighters in Syria.", "THREATEN",
     ("Turkey",), None, None),
    ("The president vowed to crush the rebellion.", "THREATEN", ("president",), None, None),
    ("China warned that it would take resolute measures if the visit went ahead.",
     "THREATEN", ("China",), None, None),
    ("Hong Kong police threatened to use live ammunition on protesters.", "THREATEN",
     ("police", "Hong Kong"), None, None),
    ("Russia issued an ultimatum to Ukrainian forces in Mariupol.", "THREATEN", ("Russia",),
     None, None),
    ("The junta threatened to arrest journalists who report on the protests.", "THREATEN",
     ("junta",), None, None),
    ("Russia warned NATO against sending troops to Ukraine.", "THREATEN", ("Russia",),
     ("NATO",), None),
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN", ("Iran",), None, None),
]

PROTEST: list[Row] = [
    ("Thousands of people protested in Paris against the pension reform.", "PROTEST",
     ("protesters", "people"), None, None),
    ("Protesters clashed with police in Cairo.", "PROTEST", ("Protesters",), None, None),
    ("Teachers went on strike in Chicago over pay.", "PROTEST", ("Teachers",), None, None),
    ("Demonstrators blocked the main highway into the capital.", "PROTEST",
     ("Demonstrators",), None, None),
    ("Opposition supporters staged a protest outside parliament.", "PROTEST",
     ("supporters",), None, None),
    # no actor named: the protesters are implied
    ("Anti-government protests erupted in several Iranian cities on Friday.", "PROTEST",
     ("protesters",), None, None),
    ("Farmers rallied in Brussels to protest against EU agricultural policy.", "PROTEST",
     ("Farmers",), None, None),
    ("Jailed activist Alaa Abd El-Fattah went on hunger strike.", "PROTEST",
     ("Fattah", "activist"), None, None),
    ("Thousands took to the streets of Tbilisi on Saturday.", "PROTEST", ("protesters",),
     None, None),
    ("Nurses in England staged a two-day strike over pay.", "PROTEST", ("Nurses",), None,
     None),
    ("Climate activists threw soup at a Van Gogh painting in London.", "PROTEST",
     ("activists",), None, None),
]

SANCTION: list[Row] = [
    ("The EU imposed sanctions on Iran over its drone deliveries to Russia.", "SANCTION",
     ("EU", "European Union"), ("Iran",), None),
    ("The United States slapped tariffs on Chinese steel imports.", "SANCTION",
     ("United States",), ("China", "Chinese"), None),
    ("Poland expelled 45 Russian diplomats.", "SANCTION", ("Poland",), ("Russia", "Russian"),
     None),
    ("Niger's junta severed diplomatic ties with France.", "SANCTION", ("Niger",),
     ("France",), None),
    ("Lithuania recalled its ambassador from Beijing.", "SANCTION", ("Lithuania",),
     ("China", "Beijing"), None),
    ("A Moscow court sentenced the opposition politician to 25 years in prison.", "SANCTION",
     ("court", "Moscow", "Russia"), None, None),
    # withdrawing aid is SANCTION (codebook REJECT ambiguities)
    ("Washington suspended military aid to Niger after the coup.", "SANCTION",
     ("Washington", "United States"), ("Niger",), None),
    ("China banned imports of Japanese seafood.", "SANCTION", ("China",),
     ("Japan", "Japanese"), None),
    ("Estonia, Latvia and Lithuania expelled Russian diplomats on Monday.", "SANCTION",
     ("Estonia",), ("Russia", "Russian"), None),
    ("Canada expelled an Indian diplomat over the killing of a Sikh leader.", "SANCTION",
     ("Canada",), ("India", "Indian"), None),
    ("Mali ordered the French ambassador to leave within 72 hours.", "SANCTION", ("Mali",),
     ("France", "French"), None),
]

MOBILIZE: list[Row] = [
    ("Russia has deployed 100,000 troops near the Ukrainian border.", "MOBILIZE", ("Russia",),
     None, "occurred"),
    ("The Pentagon put 8,500 troops on heightened alert.", "MOBILIZE",
     ("Pentagon", "Defense Department"), None, None),
    ("China sent warships and fighter jets near Taiwan.", "MOBILIZE", ("China",), None, None),
    # a missile test is a show of force, not an attack
    ("North Korea test-fired a ballistic missile into the Sea of Japan.", "MOBILIZE",
     ("North Korea",), None, None),
    ("Israel called up 300,000 reservists.", "MOBILIZE", ("Israel",), None, None),
    ("The government deployed riot police to the capital.", "MOBILIZE", ("government",),
     None, None),
    ("Azerbaijan massed troops along the border with Armenia.", "MOBILIZE", ("Azerbaijan",),
     None, None),
    ("Britain is set to deploy 1,000 soldiers to Poland.", "MOBILIZE",
     ("Britain", "United Kingdom"), None, "planned"),
    ("The United Nations sent peacekeepers to South Sudan.", "MOBILIZE", ("United Nations",),
     None, None),
    ("Russia moved tanks and artillery closer to the Ukrainian border.", "MOBILIZE",
     ("Russia",), None, None),
    ("North Korea launched an intercontinental ballistic missile on Thursday.", "MOBILIZE",
     ("North Korea",), None, None),
    ("Poland deployed 10,000 soldiers to its border with Belarus.", "MOBILIZE", ("Poland",),
     None, None),
]

COERCE: list[Row] = [
    ("Police arrested 20 people after the rally.", "COERCE", ("Police",), None, None),
    ("Hong Kong police have laid siege to a university.", "COERCE", ("police", "Hong Kong"),
     None, None),
    ("Authorities imposed a curfew in the city of Leh.", "COERCE", ("Authorities",), None,
     None),
    ("The government shut down the internet across the country.", "COERCE", ("government",),
     None, None),
    ("Iranian authorities detained a French tourist.", "COERCE",
     ("Iran", "Iranian", "authorities"), None, None),
    ("Thailand's military declared martial law on Tuesday.", "COERCE", ("Thailand",), None,
     None),
    ("Security forces raided the offices of the opposition newspaper.", "COERCE",
     ("forces",), None, None),
    ("Myanmar's military junta banned the National League for Democracy.", "COERCE",
     ("Myanmar",), None, None),
    ("Two journalists were arrested by Turkish police in Istanbul.", "COERCE",
     ("Turkey", "Turkish", "police"), ("journalists",), None),
    ("The Taliban banned women from attending universities.", "COERCE", ("Taliban",), None,
     None),
    ("The military government imposed a state of emergency in the capital.", "COERCE",
     ("government",), None, None),
    ("Russian authorities blocked access to Instagram.", "COERCE",
     ("Russia", "Russian", "authorities"), None, None),
]

ASSAULT: list[Row] = [
    ("Israel launched airstrikes on Gaza overnight.", "ASSAULT", ("Israel",), ("Gaza",), None),
    ("Gunmen killed 12 villagers in northern Nigeria.", "ASSAULT", ("Gunmen",), None, None),
    ("Russian forces shelled the city of Kharkiv on Monday.", "ASSAULT",
     ("Russia", "Russian"), None, None),
    ("Houthi rebels attacked a commercial ship in the Red Sea.", "ASSAULT", ("Houthi",), None,
     None),
    ("Boko Haram militants abducted 300 schoolgirls in Chibok.", "ASSAULT", ("Boko Haram",),
     None, None),
    ("A U.S. drone strike killed a senior al-Shabaab commander in Somalia.", "ASSAULT",
     ("U.S.", "United States"), None, None),
    ("Police fired tear gas at protesters in Nairobi.", "ASSAULT", ("Police",), None, None),
    ("Azerbaijani and Armenian troops clashed along the border.", "ASSAULT",
     ("Azerbaijan", "Azerbaijani"), None, None),
    ("The convoy was attacked by Taliban fighters near Kandahar.", "ASSAULT", ("Taliban",),
     None, None),
    ("India and Pakistan exchanged fire across the Line of Control.", "ASSAULT", ("India",),
     None, None),
    ("Israeli warplanes struck targets in southern Lebanon on Sunday.", "ASSAULT",
     ("Israel", "Israeli"), None, None),
    ("Hezbollah fired dozens of rockets at northern Israel.", "ASSAULT", ("Hezbollah",), None,
     None),
    ("Ukrainian drones hit an oil refinery in Russia's Krasnodar region.", "ASSAULT",
     ("Ukraine", "Ukrainian"), None, None),
]

TABLES = {
    "AGREE": AGREE, "CONSULT": CONSULT, "SUPPORT": SUPPORT, "CONCEDE": CONCEDE,
    "COOPERATE": COOPERATE, "AID": AID, "RETREAT": RETREAT, "REQUEST": REQUEST,
    "ACCUSE": ACCUSE, "REJECT": REJECT, "THREATEN": THREATEN, "PROTEST": PROTEST,
    "SANCTION": SANCTION, "MOBILIZE": MOBILIZE, "COERCE": COERCE, "ASSAULT": ASSAULT,
}
ALL = [row for rows in TABLES.values() for row in rows]


def test_every_type_has_five_sentences() -> None:
    assert len(TABLES) == 16
    assert all(len(rows) >= 5 and all(r[1] == t for r in rows) for t, rows in TABLES.items())


@pytest.mark.parametrize("row", ALL, ids=[f"{r[1]}-{r[0][:40]}" for r in ALL])
def test_sentence_is_coded(row: Row) -> None:
    check(row)


NEGATIVES = [
    "The weather in Paris was mild on Tuesday.",
    # questions, hypotheticals and negations report no event
    "Will Russia invade Ukraine?",
    "Did China send warships to the area?",
    "If Russian forces were to cross the border, that would represent a major escalation.",
    "Russia has not deployed troops to Belarus, the ministry said.",
    "These were not permanent deployments.",
    "Thus far, fighting has not re-emerged in the tense region.",
    "The government has no plans to deploy troops.",
    "The White House has warned that a renewed assault on Ukraine could take place any day.",
    # "support" as a modifier, and other everyday uses of event words
    "The bridge's support structure was damaged by corrosion.",
    "The new law will support small businesses.",
    "The company's shares rose 5% after it announced strong earnings.",
    "Analysts expect the central bank to raise interest rates.",
    "The central bank raised interest rates by a quarter point.",
    "She declined to say which countries were involved.",
    "The storm killed at least 12 people in Florida.",
    "The album hit the top of the charts in May.",
    "Apple launched a new iPhone on Tuesday.",
    "The museum will host an exhibition on ancient Rome.",
    "The virus attacked the immune system.",
    "The film was shot in Morocco last summer.",
    "Supporters of the club celebrated in the streets.",
    "Lithuania has a population of just under 3 million people.",
    "The company plans to deploy its new software across all offices.",
    "Fans attacked the referee's decision on social media.",
    "The team attacked the problem from a new angle.",
    "Prices shot up after the announcement.",
    "Voters went to the polls on Sunday.",
    "The minister said the economy grew by 3 percent.",
    "Scientists warned that temperatures could rise further.",
    "The company moved its headquarters to Dublin.",
    "The report was released on Monday.",
    "He fired his campaign manager last week.",
    "Wales beat Hungary 2-0 to qualify for the tournament.",
    "London has been fighting dirty air since the 14th century.",
    "The doctor talked with the man over the phone.",
    "Save $31 if you buy the console before Friday.",
    "The stock market rally has only just begun.",
    "The MacBook Pro hit a maximum of 44 decibels in our tests.",
]


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[s[:40] for s in NEGATIVES])
def test_no_event(sentence: str) -> None:
    got = [(e.type, e.actors, e.trigger) for e in extract(sentence).events]
    assert got == []


# ---- status -------------------------------------------------------------------------------

STATUS = [
    ("Russia has amassed more than 100,000 troops near the border.", "MOBILIZE", "occurred"),
    ("The U.S. announced the deployment of 2,000 Marines to the Middle East.", "MOBILIZE",
     "announced"),
    ("Denmark is set to deploy four F-16s to Lithuania.", "MOBILIZE", "planned"),
    ("Moscow is expected to amass around 30,000 troops in Belarus.", "MOBILIZE", "planned"),
    ("The Pentagon plans to send more Patriot batteries to the region.", "MOBILIZE",
     "planned"),
    ("The United Kingdom announced it was considering doubling its deployment of troops to "
     "Estonia.", "MOBILIZE", "considered"),
    ("Germany is considering sending Taurus missiles to Ukraine.", "AID", "considered"),
    ("France could deploy troops to Ukraine, Macron said.", "MOBILIZE", "considered"),
    ("The government has not ruled out deploying soldiers to keep the port running.",
     "MOBILIZE", "considered"),
    # reported by someone other than the actor
    ("Officials said Israeli jets bombed a weapons depot in Syria.", "ASSAULT", "claimed"),
    ("Ukraine said Russian forces had shelled the Zaporizhzhia nuclear plant.", "ASSAULT",
     "claimed"),
    # what someone is accused of is coded, as claimed
    ("The European Union accused Beijing of imposing trade restrictions on Lithuanian goods.",
     "SANCTION", "claimed"),
    ("The United States wants the United Kingdom to extradite the suspect.", "COOPERATE",
     "requested"),
]


@pytest.mark.parametrize("sentence,etype,status", STATUS, ids=[s[0][:40] for s in STATUS])
def test_status(sentence: str, etype: str, status: str) -> None:
    events = [e for e in extract(sentence).events if e.type == etype]
    assert events, f"no {etype} in {sentence!r}"
    assert events[0].status == status


def test_requests_threats_and_denials_fold_their_content() -> None:
    # what is asked, threatened, refused or denied is not an event of its own
    for sentence, etype in [
        ("The UN urged Russia to withdraw its troops from Ukraine.", "REQUEST"),
        ("Turkey threatened to launch airstrikes on Kurdish positions.", "THREATEN"),
        ("North Korea refused to release the detained sailors.", "REJECT"),
        ("Moscow denied sending troops to eastern Ukraine.", "REJECT"),
    ]:
        assert [e.type for e in extract(sentence).events] == [etype], sentence


# ---- the codebook's own examples ----------------------------------------------------------

CODEBOOK: list[Row] = [
    # AGREE: a future signing is an agreement, not SUPPORT + future
    ("Russia and the United States will sign an agreement limiting certain kinds of weapons.",
     "AGREE", ("Russia",), None, "planned"),
    ("Members of the G-7 will meet in Ottawa next month.", "AGREE", ("G-7", "Members"), None,
     "planned"),
    # AID: debt forgiveness and rescues
    ("The Paris Club has agreed to forgive $200 million of Nigeria's $350 million in loan "
     "obligations.", "AID", ("Paris Club",), ("Nigeria",), "announced"),
    ("Police in Barcelona freed 10 human trafficking victims during an operation yesterday.",
     "AID", ("Police",), None, None),
    # ASSAULT only, no separate MOBILIZE for the units' activation
    ("Military units in the area were activated and returned fire on the rebels.", "ASSAULT",
     ("units",), None, None),
    # reciprocal: all participants are actors
    ("President Obama met with Japanese Prime Minister Abe at the White House.", "CONSULT",
     ("Obama",), None, None),
    # compound actors stay one event
    ("The United States and France accused Russia of violating the agreement.", "ACCUSE",
     ("France",), ("Russia",), None),
    # an announced future retreat is CONCEDE
    ("The government announced that it would withdraw troops from the region.", "CONCEDE",
     ("government",), None, "planned"),
]


@pytest.mark.parametrize("row", CODEBOOK, ids=[r[0][:40] for r in CODEBOOK])
def test_codebook_example(row: Row) -> None:
    check(row)


def test_reciprocal_actors_and_no_event_without_an_actor() -> None:
    [e] = extract("President Obama met with Japanese Prime Minister Abe at the White House."
                  ).events
    assert len(e.actors) == 2 and e.recipient is None
    # codebook "Required entities": no named actor, no event
    assert extract("Four people were arrested in a suicide bombing.").events == []
    assert extract("Mudslides destroyed dozens of houses.").events == []
