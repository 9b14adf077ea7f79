"""Dates (development placeholder: to be replaced)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from newsgraph.record import DateRef


def find_dates(doc: Doc, published: date | None) -> list[DateRef]:
    return []
