"""The shipped JSON Schema is the one the types give, and real records validate against it."""

from __future__ import annotations

import jsonschema

import newsgraph
from newsgraph.schema import record_schema, shipped_schema


def test_shipped_schema_matches_the_types() -> None:
    assert shipped_schema() == record_schema(), (
        "regenerate: newsgraph schema > src/newsgraph/data/article.schema.json"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(record_schema())


def test_a_real_record_validates(seed_path) -> None:  # type: ignore[no-untyped-def]
    record = newsgraph.extract(seed_path, published="2022-02-03").to_dict()
    jsonschema.validate(record, record_schema())


def test_a_broken_record_does_not_validate(seed_path) -> None:  # type: ignore[no-untyped-def]
    record = newsgraph.extract(seed_path, published="2022-02-03").to_dict()
    record["entities"] = [{"id": "e1", "name": "X", "type": "ALIEN"}]
    validator = jsonschema.Draft202012Validator(record_schema())
    assert not validator.is_valid(record)
