"""The README documents every command, option and setting, and its two commands are the ones
CI and users run."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from newsgraph.cli import build_parser
from newsgraph.settings import describe

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:  # argparse has no public accessor
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_command_and_option_is_in_the_readme() -> None:
    for name, sub in _subcommands().items():
        assert f"newsgraph {name}" in README, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and not flag.startswith(("--help", "--no-")):
                    assert flag in README, f"{name} {flag}"


def test_every_setting_is_in_the_readme() -> None:
    for name, default, _ in describe():
        assert re.search(rf"`{name}` \| {re.escape(str(default))} \|", README), name


def test_readme_starts_with_the_two_commands() -> None:
    head = README[:1200]
    main = head.index("<!-- main-command -->")
    tests = head.index("<!-- test-command -->")
    assert main < tests
    assert "newsgraph extract examples/lithuania-troops.txt" in head[main:tests]
    assert "pytest" in head[tests:]
    assert (ROOT / "examples" / "lithuania-troops.txt").exists()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in ci
