"""The whole job: inputs -> raw documents -> clean articles -> parsed -> article records.

Inputs stream through in chunks of `batch_size`, so memory stays flat on a corpus of any size and
spaCy sees full batches; records and errors come out in input order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from newsgraph.clean import CleanDocument, clean
from newsgraph.clean.language import is_english
from newsgraph.errors import ConfigError, InputError, NewsgraphError
from newsgraph.ingest import RawDocument, from_string, read_inputs
from newsgraph.nlp.analyze import Facets, Options, analyze
from newsgraph.nlp.pipeline import pipe
from newsgraph.record import Article, article_id
from newsgraph.settings import Settings

Outcome = Article | InputError


def parse_published(value: str | date | None, *, strict: bool = True) -> date | None:
    """An ISO date, or the date part of an ISO timestamp. A bad value is a ConfigError when the
    user typed it (strict) and is ignored when a container carried it."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = value.strip()
    if not text:
        return None
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    try:
        if match:
            return date.fromisoformat(match.group(1))
        return datetime.fromisoformat(text).date()
    except ValueError:
        if strict:
            raise ConfigError(f"not a date: {value!r} (use YYYY-MM-DD)") from None
        return None


def extract(
    source: str | Path, published: str | date | None = None, *, settings: Settings | None = None
) -> Article:
    """One article from a text, an HTML string, a path or a URL.

    A `Path`, or a string naming an existing file or an http(s) URL, is read as an input; any
    other string is the article itself (HTML when it looks like markup, plain text otherwise).
    Raises an `InputError` when there is no article to extract.
    """
    if isinstance(source, Path) or _names_an_input(source):
        outcomes = extract_all([str(source)], published, settings=settings)
    else:
        outcomes = process([from_string(source)], published, settings=settings)
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            raise outcome
        return outcome
    raise InputError(str(source), "no article found")


_PATH_LIKE = re.compile(
    r"^\S+(\.(txt|html?|gz|jsonl|ndjson|warc|rss|atom|xml))$|^[.~]?/\S*$", re.IGNORECASE
)


def _names_an_input(value: str) -> bool:
    """A URL, an existing path, or a string shaped like a path (so a mistyped file name is
    reported as missing instead of being read as a one-word article)."""
    value = value.strip()
    if "\n" in value or len(value) > 4096:
        return False
    if re.match(r"https?://\S+$", value) or _PATH_LIKE.match(value):
        return True
    try:
        return Path(value).exists()
    except OSError:
        return False


def extract_all(
    inputs: Iterable[str],
    published: str | date | None = None,
    *,
    settings: Settings | None = None,
    skip: Collection[str] = (),
) -> Iterator[Outcome]:
    """Records (or the error that stopped each input) for every article in the inputs, in order.

    `skip` holds sources already done (a resumed run): whole inputs among them (a file, a URL)
    are not even read; records of a container (a JSON Lines line) are read but not processed.
    """
    settings = settings or Settings.from_env()
    raws = read_inputs([i for i in inputs if i not in skip], settings)
    if skip:
        raws = (r for r in raws if isinstance(r, InputError) or r.source not in skip)
    yield from process(raws, published, settings=settings)


def process(
    raws: Iterable[RawDocument | InputError],
    published: str | date | None = None,
    *,
    settings: Settings | None = None,
) -> Iterator[Outcome]:
    settings = settings or Settings.from_env()
    default_date = parse_published(published)
    options = Options.from_settings(settings)
    it = iter(raws)
    while chunk := list(itertools.islice(it, settings.batch_size)):
        yield from _process_chunk(chunk, default_date, settings, options)


def _process_chunk(
    chunk: list[RawDocument | InputError],
    default_date: date | None,
    settings: Settings,
    options: Options,
) -> Iterator[Outcome]:
    # 1. clean every document of the chunk; failures keep their place in the output
    cleaned: list[tuple[CleanDocument, date | None] | InputError] = []
    for raw in chunk:
        if isinstance(raw, InputError):
            cleaned.append(raw)
            continue
        try:
            doc = clean(raw)
        except InputError as e:
            cleaned.append(e)
            continue
        own = parse_published(raw.published, strict=False)
        page = parse_published(doc.published, strict=False)
        cleaned.append((doc, own or default_date or page))
    # 2. parse the clean English bodies in one spaCy batch; the stages are English-only, so an
    #    article in another language keeps its clean body and metadata and no NLP facets
    good = [c for c in cleaned if not isinstance(c, NewsgraphError) and is_english(c[0].language)]
    parsed = iter(pipe([(c[0].text, c) for c in good], batch_size=settings.batch_size))
    # 3. run our stages on each parse and assemble the records, in input order
    for c in cleaned:
        if isinstance(c, InputError):
            yield c
            continue
        clean_doc, when = c
        if not is_english(clean_doc.language):
            yield _record(clean_doc, when, Facets())
            continue
        spacy_doc, _ = next(parsed)
        yield _record(clean_doc, when, analyze(spacy_doc, when, options))


def _record(doc: CleanDocument, published: date | None, facets: Facets) -> Article:
    text = doc.text
    return Article(
        id=article_id(text),
        title=doc.title,
        subtitle=doc.subtitle,
        authors=doc.authors,
        publisher=doc.publisher,
        published=published.isoformat() if published else None,
        paragraphs=doc.paragraphs,
        text=text,
        removed=doc.removed,
        entities=facets.entities,
        quotes=facets.quotes,
        quantities=facets.quantities,
        dates=facets.dates,
        events=facets.events,
        source=doc.source,
        url=doc.url,
        language=doc.language,
    )
