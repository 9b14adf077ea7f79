from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.settings import Settings, describe, parse_size


@pytest.mark.parametrize(("text", "expected"), [
    ("1000", 1000), ("50MB", 50_000_000), ("200M", 200_000_000), ("1GiB", 2**30),
    ("1.5kb", 1500), ("64KiB", 65536),
])
def test_parse_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "MB", "-5", "0", "12 parsecs"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_size(text)


def test_environment_then_overrides() -> None:
    env = {"NEWSGRAPH_MAX_BYTES": "2MB", "NEWSGRAPH_URL_TIMEOUT": "3.5"}
    s = Settings.from_env(env)
    assert (s.max_bytes, s.url_timeout) == (2_000_000, 3.5)
    assert Settings.from_env(env, max_bytes=10).max_bytes == 10


def test_bad_environment_value_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="NEWSGRAPH_BATCH_SIZE"):
        Settings.from_env({"NEWSGRAPH_BATCH_SIZE": "many"})
    with pytest.raises(ConfigError):
        Settings.from_env({}, batch_size=0)


def test_every_setting_has_help() -> None:
    for name, default, help_ in describe():
        assert help_ and default is not None, name


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("off", False)])
def test_boolean_settings_from_the_environment(raw: str, expected: bool) -> None:
    assert Settings.from_env({"NEWSGRAPH_VAGUE_QUANTITIES": raw}).vague_quantities is expected
