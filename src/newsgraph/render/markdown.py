"""A readable brief of one article record, in Markdown: what an analyst reads before the JSON."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.clean.language import is_english
from newsgraph.record import Article, Entity, Event, Quantity, Quote

_SECTIONS = (("PERSON", "People"), ("ORG", "Organisations"), ("PLACE", "Places"),
             ("GROUP", "Groups"))


def to_markdown(article: Article) -> str:
    parts = [_header(article), "\n\n".join(article.paragraphs)]
    parts += [s for s in (_entities(article), _quotes(article.quotes),
                          _numbers(article.quantities), _events(article.events)) if s]
    return "\n\n".join(parts).rstrip() + "\n"


def _header(a: Article) -> str:
    lines = [f"# {a.title or _first_words(a.text)}"]
    if a.subtitle:
        lines.append(f"*{a.subtitle}*")
    byline = " · ".join(x for x in (", ".join(a.authors), a.publisher, a.published) if x)
    if byline:
        lines.append(byline)
    if a.url or a.source:
        lines.append(f"<sub>{a.url or a.source}</sub>")
    if not is_english(a.language):
        lines.append(f"> Language: {a.language}. People, quotes, numbers, dates and events are "
                     "extracted from English articles only.")
    return "\n\n".join(lines)


def _first_words(text: str, n: int = 8) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _entities(a: Article) -> str:
    blocks = []
    for kind, heading in _SECTIONS:
        items = sorted((e for e in a.entities if e.type == kind), key=lambda e: -len(e.mentions))
        if items:
            blocks.append(f"## {heading}\n\n" + "\n".join(_entity_line(e) for e in items))
    return "\n\n".join(blocks)


def _entity_line(e: Entity) -> str:
    line = f"- **{e.name}**"
    if e.titles:
        line += f", {'; '.join(e.titles)}"
    extras = [x for x in (e.country, f"{e.geo.lat:.2f}, {e.geo.lon:.2f}" if e.geo else None) if x]
    if e.aliases:
        extras.append("also " + ", ".join(f"“{x}”" for x in e.aliases))
    if extras:
        line += f" ({'; '.join(extras)})"
    return line + f" ×{len(e.mentions)}"


def _quotes(quotes: Iterable[Quote]) -> str:
    lines = []
    for q in quotes:
        who = q.speaker or "unattributed"
        text = f"“{q.text}”" if q.direct else q.text
        lines.append(f"- **{who}**{f' ({q.cue})' if q.cue else ''}: {text}")
    return "## Who said what\n\n" + "\n".join(lines) if lines else ""


def _numbers(quantities: Iterable[Quantity]) -> str:
    lines = []
    for q in quantities:
        value = " ".join(x for x in (q.approx, _number(q.value), q.unit) if x)
        if q.per:
            value += f" a {q.per}"
        whose = f" ({q.subject})" if q.subject else ""
        lines.append(f"- {value}{whose} — {q.kind}: “{q.text}”")
    return "## Numbers\n\n" + "\n".join(lines) if lines else ""


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def event_line(e: Event) -> str:
    """`MOBILIZE (troops) United States: 1,000 troops Germany → Romania, 2022-02-01, announced`;
    a recipient follows the actor: `ACCUSE (allege) European Union → China: ..., occurred`."""
    head = e.type + (f" ({e.mode})" if e.mode else "")
    who = _joined(e.actors, e.actor) or "?"
    recipients = _joined(e.recipients, e.recipient)
    if recipients:
        who += f" → {recipients}"
    what = []
    if e.quantity:
        what.append(f"{_number(e.quantity.value)} {e.quantity.unit}")
    origin = _joined(e.origins, e.origin)
    dest = _joined(e.destinations, e.destination)
    places: set[str | None] = set(e.destinations) if e.destinations else {e.destination}
    receivers: set[str | None] = set(e.recipients) if e.recipients else {e.recipient}
    if places <= receivers:
        dest = None  # "military aid to Lithuania": the place is the recipient, said once
    if origin or dest:
        what.append(f"{origin or '?'} → {dest or '?'}" if origin else f"→ {dest}")
    tail = ", ".join(x for x in (" ".join(what) or e.trigger, e.date, e.status) if x)
    return f"{head} {who}: {tail}"


def _joined(many: list[str], one: str | None) -> str | None:
    return ", ".join(many) if len(many) > 1 else one


def _events(events: Iterable[Event]) -> str:
    lines = [f"- {event_line(e)}" for e in events]
    return "## Events\n\n" + "\n".join(lines) if lines else ""
