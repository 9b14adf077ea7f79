"""Shared fixtures: the loaded pipeline, the fixture paths, the seed article."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The gold scorer (tests/eval/score.py, the shared eval kit's, unchanged) as a module."""
    path = Path(__file__).parent / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module
