"""PLOVER event coding: predicates from a data lexicon, arguments from the dependency parse."""

from newsgraph.events.coder import code_events
from newsgraph.events.lexicon import Lexicon, default_lexicon, load_lexicon

__all__ = ["Lexicon", "code_events", "default_lexicon", "load_lexicon"]
