"""The mention record shared by the entity stage's modules, and token helpers they all use."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.nlp.entities.resources import Lexicon, Ref
from newsgraph.nlp.pipeline import lemma
from newsgraph.record import EntityType

#: Labels of model spans that hold no name we keep; a nationality word inside one is not
#: scanned ("in English" is a language).
OTHER_LABELS = frozenset({"LANGUAGE", "WORK_OF_ART", "PRODUCT", "DATE", "TIME", "MONEY",
                           "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})

@dataclass(slots=True)
class Mention:
    """One occurrence of a name in the text (token span [start, end))."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    type: EntityType
    label: str
    key: str
    ref: Ref | None = None
    #: other surface forms this occurrence shows ("Lithuania’s Foreign Affairs Committee").
    forms: list[str] = field(default_factory=list)
    #: the mention that owns this one ("Lithuania" in "Lithuania’s Foreign Affairs Committee",
    #: "U.S." in "U.S. Congress").
    owner: Mention | None = None
    #: the mention this one is the acronym of, by "Long Form (LF)" in the text.
    expands: Mention | None = None
    #: the place line that opens a wire story ("FRANKFURT (Reuters) -").
    dateline: bool = False
    #: whether the mention opens its sentence (its capital letter then says nothing).
    sentence_start: bool = False

    @property
    def canon(self) -> str | None:
        return self.ref.canon if self.ref else None


def span_text(doc: Doc, start: int, end: int) -> str:
    # the span's own text: `doc.text` would rebuild the whole document's string on every call
    if end - start == 1:
        return str(doc[start].text)
    return str(doc[start:end].text)


def is_role_word(tok: Token, lex: Lexicon) -> bool:
    """A role noun ("minister", "spokesman"), by its word or its lemma."""
    return tok.lower_ in lex.role_nouns or lemma(tok) in lex.role_nouns
