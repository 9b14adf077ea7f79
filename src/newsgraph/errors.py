"""Errors that newsgraph raises on purpose, each with a message a user can act on.

NewsgraphError
├── InputError            an input could not be turned into an article
│   ├── InputNotFound     the path does not exist
│   ├── EmptyInput        nothing but whitespace
│   ├── BinaryInput       an image, an executable, an archive we do not read
│   ├── InputTooLarge     above the `max_bytes` setting
│   ├── CorruptInput      a truncated .gz, a broken WARC
│   ├── UnsupportedInput  a file type or URL scheme we do not read
│   ├── FetchError        a URL that did not answer, or answered with an error
│   ├── BadRecord         one line of a JSON Lines file is not a usable record
│   └── NoArticle         HTML or text with no article body in it
└── ConfigError           a bad option or setting value

The CLI turns any of these into one line on stderr and exit code 2; the Python API raises them.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: anything newsgraph reports to a user."""


class InputError(NewsgraphError):
    """An input could not be read or holds no article; `source` names it."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class InputNotFound(InputError):
    """The path does not exist."""


class EmptyInput(InputError):
    """The input holds nothing but whitespace."""


class BinaryInput(InputError):
    """The input is binary data, not text or HTML."""


class InputTooLarge(InputError):
    """The input is larger than the `max_bytes` setting."""


class CorruptInput(InputError):
    """The input is damaged: a truncated archive, a broken container."""


class UnsupportedInput(InputError):
    """A file type or URL scheme that newsgraph does not read."""


class FetchError(InputError):
    """A URL that did not answer in time or answered with an error."""


class BadRecord(InputError):
    """One record of a multi-record input (a JSON Lines line) is unusable; the rest go on."""


class NoArticle(InputError):
    """The page or text has no article body."""


class ConfigError(NewsgraphError):
    """A setting or option has a value newsgraph cannot use."""
