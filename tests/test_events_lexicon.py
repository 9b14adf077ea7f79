"""The event lexicon as data: it loads and checks itself, and a user extends it with a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.errors import ConfigError
from newsgraph.events import code_events, default_lexicon, load_lexicon
from newsgraph.events.lexicon import TYPES, Phrase, Term, parse_phrase, parse_term
from newsgraph.nlp.entities import find_entities


def test_shipped_lexicon_covers_the_sixteen_types() -> None:
    lex = default_lexicon()
    assert set(lex.types) == set(TYPES)
    by_type = dict.fromkeys(TYPES, 0)
    for e in lex.entries:
        by_type[e.type] += 1
        assert e.mode is None or e.mode in lex.types[e.type].modes, e.source
    assert all(n >= 10 for n in by_type.values()), by_type


def test_codebook_modes() -> None:
    types = default_lexicon().types
    assert types["MOBILIZE"].modes == ("troops", "weapons", "police", "militia")
    assert types["CONSULT"].modes == ("visit", "third-party", "multilateral", "phone")
    assert types["RETREAT"].modes[:4] == ("withdraw", "release", "disarm", "ceasefire")
    assert {"economic", "military", "humanitarian"} <= set(types["AID"].modes)
    assert types["CONSULT"].future == "AGREE" and types["RETREAT"].future == "CONCEDE"


@pytest.mark.parametrize("text,pos,expected", [
    ("call for", "verb", Phrase(head="call", prep="for")),
    ("crack down on", "verb", Phrase(head="crack", particles=("down",), prep="on")),
    ("lay siege to", "verb", Phrase(head="lay", objects=(Term(head="siege"),), prep="to")),
    ("give the green light", "verb",
     Phrase(head="give", objects=(Term(head="light", mods=("green",)),))),
    ("go on hunger strike", "verb",
     Phrase(head="go", prep="on", pobj=Term(head="strike", mods=("hunger",)))),
    ("pull out of", "verb", Phrase(head="pull", particles=("out",), prep="of")),
    ("hunger strike", "noun", Phrase(head="strike", mods=("hunger",))),
    ("exchange of fire", "noun", Phrase(head="exchange", prep="of", pobj=Term(head="fire"))),
])
def test_phrases(text: str, pos: str, expected: Phrase) -> None:
    assert parse_phrase(text, pos) == expected  # type: ignore[arg-type]


def test_terms() -> None:
    assert parse_term("@weapons") == Term(cls="weapons")
    assert parse_term("the green light") == Term(head="light", mods=("green",))


@pytest.mark.parametrize("body,message", [
    ('type = "ATTACK"\n[[entry]]\nverbs = ["raze"]\n', "not a PLOVER type"),
    ('type = "ASSAULT"\n[[entry]]\nverbs = ["raze"]\nmode = "nuclear"\n', "not a mode of"),
    ('type = "ASSAULT"\n[[entry]]\nverbs = ["raze"]\nobjects = ["@villages"]\n',
     "unknown word class @villages"),
    ('type = "ASSAULT"\n[[entry]]\nverbs = ["raze"]\nroles.actor = ["subject"]\n',
     "unknown slot 'subject'"),
    ('type = "ASSAULT"\n[[entry]]\nverbs = ["raze"]\nobject = ["village"]\n',
     "unknown keys ['object']"),
    ('type = "ASSAULT"\n[[entry]]\nmode = "destroy"\n', "needs verbs or nouns"),
    ('type = "ASSAULT"\n[[entry]\n', "predicates.toml"),
])
def test_bad_data_names_file_and_problem(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "predicates.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match="event lexicon") as info:
        load_lexicon([path])
    assert message in str(info.value)


def test_a_user_file_adds_a_verb(nlp: Language, tmp_path: Path) -> None:
    sentence = "The Jordanian air force airdropped food to residents of Gaza on Monday."
    doc = nlp(sentence)
    entities = find_entities(doc)
    assert [e for e in code_events(doc, entities, [], []) if e.type == "AID"] == []
    (tmp_path / "airdrops.toml").write_text(
        '# air drops of supplies\n'
        'type = "AID"\n'
        'frame = "transfer"\n'
        '[[entry]]\n'
        'verbs = ["airdrop"]\n'
        'objects = ["@aid", "@humanitarian"]\n'
        'mode = "humanitarian"\n', encoding="utf-8")
    lexicon = load_lexicon([tmp_path])
    [aid] = code_events(doc, entities, [], [], lexicon=lexicon)
    assert (aid.type, aid.mode, aid.trigger) == ("AID", "humanitarian", "airdropped")
    assert aid.actor is not None and "Jordan" in aid.actor


def test_the_most_specific_entry_wins(nlp: Language) -> None:
    # "joint" makes exercises COOPERATE; a single country's exercises are MOBILIZE
    for sentence, etype in [("Russia held joint exercises with Belarus.", "COOPERATE"),
                            ("Russia held military exercises near the border.", "MOBILIZE")]:
        doc = nlp(sentence)
        assert [e.type for e in code_events(doc, find_entities(doc), [], [])] == [etype]
