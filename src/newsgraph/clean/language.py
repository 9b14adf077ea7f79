"""The language of an article's body, so that English-only stages are not run on other languages.

The NLP stages use an English model and English lexicons: on a German or Indonesian page they
produce nothing but junk ("der Industrie" as an organisation, "z.B." as a person). A crawl of
news is multilingual, so the body's language is identified from its own text with py3langid (a
naive Bayes model over byte n-grams that ships inside the package: no download, about 1 ms per
article on its first 3,000 characters). A page's declared `lang` is a template's setting and is
often wrong (a German article under `<html lang="en">`), so the text wins when there is enough
of it; below that, the declared language stands, and a short text without one is taken as
English (the default input).
"""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: the language the NLP stages are built for
ENGLISH = "en"
# Calibrated on the 62 pages of tests/fixtures/corpus/html and the event test sentences: every
# English body, and 228 openings of them holding 160 to 460 letters, was identified as English,
# and the five foreign ones (de, id, ja, pt, ru) were identified right; one-sentence texts are
# left to the declared language. What matters is English or not: close languages share the rest
# of the mass (Indonesian 0.71, Malay 0.29 on a short text), so a text is another language's
# when English has almost none of it. The floor is counted in letters (200 characters of
# English prose hold about 160), so that a run of digits, dashes or emoji, which has no
# language, is never read as one.
_MIN_LETTERS = 160
_MIN_ENGLISH = 0.5
_MAX_ENGLISH_IF_OTHER = 0.01
# the first characters are enough, and bound the cost on long bodies
_SAMPLE_CHARS = 3000


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def body_language(text: str, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of the body's language: identified from the text when there is enough
    of it and the reading is confident, else the page's declared language (or None)."""
    sample = text[:_SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < _MIN_LETTERS:
        return declared  # too short to tell, or no words (numbers, symbols, control bytes)
    ranked = _identifier().rank(sample)
    english = next((p for code, p in ranked if code == ENGLISH), 0.0)
    if english >= _MIN_ENGLISH:
        return ENGLISH
    if english <= _MAX_ENGLISH_IF_OTHER:
        return str(ranked[0][0])
    return declared


def is_english(language: str | None) -> bool:
    """Whether the English stages apply: English, or not known to be anything else."""
    return language is None or language == ENGLISH
