"""The date lexicon and grammar are package data that load, agree with the code and ship."""

from __future__ import annotations

import itertools
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsgraph.nlp.dates.lexicon import compile_grammar, lexicon
from newsgraph.nlp.dates.rules import RULES
from newsgraph.nlp.dates.tokens import classify

DATA = resources.files("newsgraph").joinpath("data/dates")


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(DATA.joinpath(name).read_text(encoding="utf-8"))


def test_data_files_ship_with_the_package() -> None:
    assert DATA.joinpath("lexicon.toml").is_file()
    assert DATA.joinpath("grammar.toml").is_file()


def test_every_rule_has_an_interpreter() -> None:
    assert list(_toml("grammar.toml")["rules"]) == list(RULES)


def test_a_word_has_one_class() -> None:
    """Each table gives its words one class; a word in two tables would silently lose one."""
    data = _toml("lexicon.toml")
    counts = dict(data["counts"])
    vague = counts.pop("vague")
    tables: dict[str, list[str]] = {
        "units": list(data["units"]),
        "shifts": list(data["shifts"]),
        "determiners": data["anaphoric"]["determiners"],
        "deictic": list(data["deictic_days"]),
        "parts": data["day_parts"]["words"],
        "modifiers": data["modifiers"]["within"] + data["modifiers"]["relative"],
        "boundaries": data["boundaries"]["words"],
        "ago": ["ago", "hence", "before", "after"],
        "counts": list(counts) + vague,
        "ordinals": list(data["ordinals"]),
        "seasons": list(data["seasons"]),
        "fiscal": data["fiscal"]["words"],
        "months": list(data["months"]) + list(data["month_abbreviations"]),
        "weekdays": list(data["weekdays"]) + list(data["weekday_abbreviations"]),
    }
    for (a, words_a), (b, words_b) in itertools.combinations(tables.items(), 2):
        assert not set(words_a) & set(words_b), (a, b, set(words_a) & set(words_b))


def _alphabet() -> str:
    return str(_toml("grammar.toml")["scan"]["classes"])


def test_every_class_is_declared() -> None:
    """The classes the lexicon gives and the rules use are the declared ones."""
    alphabet = set(_alphabet())
    assert {cls for cls, _ in lexicon().static.values()} <= alphabet
    grammar = _toml("grammar.toml")
    for rule in [*grammar["rules"].values(), *grammar["macros"].values()]:
        bare = re.sub(r"\{\w+\}|\(\?:|\{\d+,\d+\}|[()?*+|\[\]]", "", rule)
        assert set(bare) <= alphabet, rule


def test_scan_start_set_holds_every_rule_start() -> None:
    """No rule matches a class string that begins outside the scan's start set (checked on
    every string of up to three classes)."""
    grammar = _toml("grammar.toml")
    start = grammar["scan"]["start"]
    outside = [c for c in _alphabet() if c not in start]
    assert "x" in outside
    bare = re.compile(compile_grammar(grammar).pattern.split(")(?:", 1)[1][:-1])
    alphabet = _alphabet()
    for first in outside:
        for size in range(3):
            for rest in itertools.product(alphabet, repeat=size):
                text = first + "".join(rest)
                assert not bare.match(text), text


def test_scan_finds_what_the_bare_grammar_finds(
    nlp: Language, seed_path: Path, fixtures: Path
) -> None:
    lex = lexicon()
    bare = re.compile(lex.pattern.pattern.split(")(?:", 1)[1][:-1])
    texts = [seed_path.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((fixtures / "dates").glob("*.txt"))]
    for text in texts:
        classes, _ = classify(nlp(text), lex)
        assert [m.span() for m in lex.pattern.finditer(classes)] == [
            m.span() for m in bare.finditer(classes)
        ]


@pytest.mark.parametrize("word", ["may", "march", "june", "august"])
def test_ambiguous_months_are_months(word: str) -> None:
    assert word in lexicon().months
    assert word in lexicon().ambiguous_months
