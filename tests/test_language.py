"""Articles in other languages: identified from their text, cleaned, and kept out of the
English-only NLP stages (which would only make junk of them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.clean.language import body_language, is_english
from newsgraph.render.markdown import to_markdown

GERMAN = (
    "Die Bundesregierung hat am Dienstag neue Hilfen für die Landwirtschaft beschlossen. "
    "Wie das Ministerium in Berlin mitteilte, sollen Betriebe, die von der Dürre betroffen "
    "sind, bis zum Ende des Jahres Zuschüsse beantragen können. Der Bauernverband begrüßte die "
    "Entscheidung, forderte aber eine schnellere Auszahlung der Mittel an die Höfe."
)
INDONESIAN = (
    "Pemerintah Indonesia mengumumkan rencana baru untuk membangun ibu kota di Kalimantan Timur. "
    "Menurut menteri perencanaan, pembangunan tahap pertama akan dimulai tahun depan dan "
    "melibatkan ribuan pekerja dari berbagai daerah di seluruh negeri."
)
ENGLISH = (
    "The government announced new aid for farmers on Tuesday. Farms hit by the drought will be "
    "able to apply for grants until the end of the year, the agriculture ministry said in a "
    "statement. The farmers' union welcomed the decision but asked for faster payments."
)


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        (GERMAN, None, "de"),
        (GERMAN, "en", "de"),  # a template's lang="en" over a German article
        (INDONESIAN, None, "id"),
        (ENGLISH, None, "en"),
        (ENGLISH, "fr", "en"),
        # too short to tell: the declared language stands, else nothing is claimed
        ("Troops withdrew on Monday.", None, None),
        ("Truppen zogen ab.", "de", "de"),
        # no words, no language: digits, dashes, emoji, control bytes
        ("1234 " * 100, None, None),
        ("— " * 200, "en", "en"),
        ("\U0001F600" * 300, None, None),
        ("\x00" * 300, None, None),
    ],
)
def test_body_language(text: str, declared: str | None, expected: str | None) -> None:
    assert body_language(text, declared) == expected


def test_only_english_or_unknown_goes_through_the_english_stages() -> None:
    assert is_english("en") and is_english(None)
    assert not is_english("de")


def test_a_german_article_is_cleaned_but_gets_no_english_facets() -> None:
    article = newsgraph.extract(GERMAN)
    assert article.language == "de"
    assert article.paragraphs == [GERMAN]
    assert (article.entities, article.quotes, article.quantities, article.dates,
            article.events) == ([], [], [], [], [])


def test_mixed_languages_in_one_run_keep_their_order(tmp_path: Path) -> None:
    lines = [{"text": t, "title": f"t{i}"} for i, t in enumerate((ENGLISH, GERMAN, ENGLISH))]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    records = list(newsgraph.extract_all([str(path)]))
    assert [r.language for r in records if isinstance(r, newsgraph.Article)] == ["en", "de", "en"]
    english = records[0]
    assert isinstance(english, newsgraph.Article)
    assert english.dates and english.quotes  # "on Tuesday"; "..., the agriculture ministry said"


def test_the_brief_says_why_a_foreign_article_has_no_facets() -> None:
    brief = to_markdown(newsgraph.extract(GERMAN))
    assert "Language: de" in brief and "English articles only" in brief
    assert "Language:" not in to_markdown(newsgraph.extract(ENGLISH))
