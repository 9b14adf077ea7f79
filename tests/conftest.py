"""Shared fixtures: the loaded pipeline, the fixture paths, the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "corpus" / "lithuania-troops.txt"
GOLD = FIXTURES / "gold"
HTML = FIXTURES / "corpus" / "html"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsgraph.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
