"""The article record: the one shape every stage, the CLI, the knowledge base and Parquet share.

The fields and their JSON names are the contract in CONTRACT.md (schema ``newsgraph.article/1``);
fields we add on top are marked "extension" below. Records are plain dataclasses so that
``dataclasses.asdict`` gives the JSON form and ``schema.py`` can derive a JSON Schema from the
type hints, and so that every stage can be a function from record parts to record parts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA = "newsgraph.article/1"

EntityType = Literal["PERSON", "ORG", "PLACE", "GROUP", "OTHER"]
QuantityKind = Literal[
    "personnel", "aircraft", "vessels", "vehicles", "weapons", "money", "people", "other"
]
Granularity = Literal["day", "week", "month", "year"]
EventStatus = Literal[
    "occurred", "announced", "planned", "considered", "requested", "denied", "claimed"
]
Span = tuple[int, int]


@dataclass(slots=True)
class Removed:
    """A line or block that cleaning dropped, kept so that every drop can be audited."""

    text: str
    reason: str


@dataclass(slots=True)
class Geo:
    lat: float
    lon: float


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    country: str | None = None
    geo: Geo | None = None
    mentions: list[Span] = field(default_factory=list)
    #: extension: id of the entity this one belongs to (a person's organisation or country,
    #: a nationality's country, a capital standing for its government).
    affiliation: str | None = None
    #: extension: GeoNames id of a place, when the gazetteer knows it.
    geonames_id: int | None = None


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    speaker_id: str | None
    direct: bool
    span: Span
    #: extension: the speech verb or phrase ("said", "according to", "warned").
    cue: str | None = None


@dataclass(slots=True)
class Quantity:
    value: float
    unit: str
    kind: QuantityKind
    approx: str | None = None
    currency: str | None = None
    per: str | None = None
    subject: str | None = None
    text: str = ""
    span: Span = (0, 0)
    #: extension: entity id of `subject`.
    subject_id: str | None = None


@dataclass(slots=True)
class DateRef:
    text: str
    value: str | None
    granularity: Granularity | None
    span: Span


@dataclass(slots=True)
class EventQuantity:
    value: float
    unit: str


@dataclass(slots=True)
class Event:
    type: str
    mode: str | None
    actor: str | None
    actor_id: str | None
    recipient: str | None
    quantity: EventQuantity | None
    origin: str | None
    destination: str | None
    date: str | None
    status: EventStatus
    sentence: str
    span: Span
    #: extension: entity id of `recipient`.
    recipient_id: str | None = None
    #: extension: coordinated arguments ("to Germany and Poland") stay one event; the singular
    #: fields above hold the first conjunct, these lists hold all of them.
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)
    #: extension: the predicate that triggered the event ("deployment", "amassed").
    trigger: str | None = None


@dataclass(slots=True)
class Article:
    id: str
    title: str | None
    subtitle: str | None
    authors: list[str]
    publisher: str | None
    published: str | None
    paragraphs: list[str]
    text: str
    removed: list[Removed] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: extension: where the article came from (a path, a URL, "path#line", "-" for stdin).
    source: str | None = None
    #: extension: the page URL when known.
    url: str | None = None
    #: extension: ISO 639-1 code of the body's language when detected.
    language: str | None = None
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of CONTRACT.md: `schema` first, spans as lists."""
        data = _jsonable(asdict(self))
        return {"schema": data.pop("schema"), **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild a record from its JSON form (the knowledge base and Parquet read it back)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["removed"] = [Removed(**r) for r in data.get("removed", [])]
        values["entities"] = [_entity(e) for e in data.get("entities", [])]
        values["quotes"] = [
            Quote(**{**q, "span": tuple(q["span"])}) for q in data.get("quotes", [])
        ]
        values["quantities"] = [
            Quantity(**{**q, "span": tuple(q["span"])}) for q in data.get("quantities", [])
        ]
        values["dates"] = [
            DateRef(**{**d, "span": tuple(d["span"])}) for d in data.get("dates", [])
        ]
        values["events"] = [_event(e) for e in data.get("events", [])]
        return cls(**values)


def _jsonable(value: Any) -> Any:
    """Spans are tuples in Python and arrays in JSON: make `to_dict` the JSON form itself."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _entity(data: dict[str, Any]) -> Entity:
    geo = data.get("geo")
    return Entity(
        **{
            **data,
            "geo": Geo(**geo) if geo else None,
            "mentions": [tuple(m) for m in data.get("mentions", [])],
        }
    )


def _event(data: dict[str, Any]) -> Event:
    quantity = data.get("quantity")
    return Event(
        **{
            **data,
            "quantity": EventQuantity(**quantity) if quantity else None,
            "span": tuple(data["span"]),
        }
    )


def normalize_body(text: str) -> str:
    """The form of the body that the id hashes: NFKC, one space between words, no case.

    Two scrapes of the same article that differ only in whitespace, quote style width or case
    get the same id, so the knowledge base merges them.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def article_id(text: str) -> str:
    return hashlib.sha256(normalize_body(text).encode("utf-8")).hexdigest()
