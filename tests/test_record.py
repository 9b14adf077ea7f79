"""The record keeps the contract's fields, round-trips through JSON, and has a stable id."""

from __future__ import annotations

import json

import pytest

import newsgraph
from newsgraph.record import Article, article_id

CONTRACT_FIELDS = {
    "schema", "id", "title", "subtitle", "authors", "publisher", "published", "paragraphs",
    "text", "removed", "entities", "quotes", "quantities", "dates", "events",
}
ENTITY_FIELDS = {"id", "name", "type", "aliases", "titles", "country", "geo", "mentions"}
QUOTE_FIELDS = {"text", "speaker", "speaker_id", "direct", "span"}
QUANTITY_FIELDS = {"value", "unit", "kind", "approx", "currency", "per", "subject", "text", "span"}
DATE_FIELDS = {"text", "value", "granularity", "span"}
EVENT_FIELDS = {"type", "mode", "actor", "actor_id", "recipient", "quantity", "origin",
                "destination", "date", "status", "sentence", "span"}


@pytest.fixture(scope="module")
def seed(seed_path) -> Article:  # type: ignore[no-untyped-def]
    return newsgraph.extract(seed_path, published="2022-02-03")


def test_record_has_every_contract_field(seed: Article) -> None:
    data = seed.to_dict()
    assert set(data) >= CONTRACT_FIELDS
    assert data["schema"] == "newsgraph.article/1"
    assert next(iter(data)) == "schema"
    for key, fields in (("entities", ENTITY_FIELDS), ("quotes", QUOTE_FIELDS),
                        ("quantities", QUANTITY_FIELDS), ("dates", DATE_FIELDS),
                        ("events", EVENT_FIELDS)):
        for item in data[key]:
            assert fields <= set(item), key


def test_text_is_paragraphs_joined(seed: Article) -> None:
    assert seed.text == "\n\n".join(seed.paragraphs)


def test_offsets_point_into_text(seed: Article) -> None:
    for e in seed.entities:
        for start, end in e.mentions:
            assert 0 <= start < end <= len(seed.text)
    for item in [*seed.quotes, *seed.quantities, *seed.dates]:
        start, end = item.span
        assert 0 <= start <= end <= len(seed.text)
    for q in seed.quantities:
        assert seed.text[q.span[0]:q.span[1]] == q.text
    for d in seed.dates:
        assert seed.text[d.span[0]:d.span[1]] == d.text


def test_round_trip_through_json(seed: Article) -> None:
    data = json.loads(json.dumps(seed.to_dict()))
    assert Article.from_dict(data).to_dict() == seed.to_dict()


def test_id_is_the_hash_of_the_normalized_body(seed: Article) -> None:
    assert seed.id == article_id(seed.text)
    assert len(seed.id) == 64
    # whitespace and case do not change the id; words do
    assert article_id("Troops  moved.\n\nThey LEFT.") == article_id("troops moved. they left.")
    assert article_id("Troops moved.") != article_id("Troops stayed.")


def test_same_article_same_id_across_runs(seed_path) -> None:  # type: ignore[no-untyped-def]
    a = newsgraph.extract(seed_path, published="2022-02-03")
    b = newsgraph.extract(seed_path.read_text(encoding="utf-8"))
    assert a.id == b.id
