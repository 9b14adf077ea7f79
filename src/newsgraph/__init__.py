"""newsgraph: turn news articles into structured, checkable facts.

    >>> import newsgraph
    >>> article = newsgraph.extract("examples/lithuania-troops.txt", published="2022-02-03")
    >>> article.title
    'Lithuanian Lawmakers Call for Permanent U.S. Troop Presence'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from newsgraph.errors import ConfigError, InputError, NewsgraphError, NoArticle
from newsgraph.pipeline import extract, extract_all
from newsgraph.record import (
    Article,
    DateRef,
    Entity,
    Event,
    EventQuantity,
    Geo,
    Quantity,
    Quote,
    Removed,
)
from newsgraph.settings import Settings

try:
    __version__ = version("newsgraph")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+unknown"

__all__ = [
    "Article",
    "ConfigError",
    "DateRef",
    "Entity",
    "Event",
    "EventQuantity",
    "Geo",
    "InputError",
    "NewsgraphError",
    "NoArticle",
    "Quantity",
    "Quote",
    "Removed",
    "Settings",
    "__version__",
    "extract",
    "extract_all",
]
