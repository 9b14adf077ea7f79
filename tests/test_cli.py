"""The command line, run as a user runs it: a real process, real files, real output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsgraph


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True,
                          text=True, input=stdin, timeout=300, check=False)


@pytest.fixture
def two_articles(tmp_path: Path) -> list[Path]:
    texts = ["The army moved 200 tanks to the border on Monday, officials said.",
             "Protesters marched through the capital on Sunday to demand new elections."]
    paths = []
    for i, text in enumerate(texts):
        p = tmp_path / f"{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def test_version_and_help() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"newsgraph {newsgraph.__version__}"
    done = run("--help")
    assert done.returncode == 0 and "extract" in done.stdout and "schema" in done.stdout
    done = run("extract", "--help")
    assert "--published" in done.stdout and "--max-bytes" in done.stdout


def test_no_command_prints_usage_and_fails() -> None:
    done = run()
    assert done.returncode == 2 and "usage" in done.stderr


def test_json_is_an_object_for_one_article(seed_path: Path) -> None:
    done = run("extract", str(seed_path), "--published", "2022-02-03", "--format", "json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["title"] == "Lithuanian Lawmakers Call for Permanent U.S. Troop Presence"
    assert record["published"] == "2022-02-03"


def test_json_is_an_array_for_several(two_articles: list[Path]) -> None:
    done = run("extract", *map(str, two_articles))
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert [r["source"] for r in records] == [str(p) for p in two_articles]


def test_jsonl_is_one_record_per_line(two_articles: list[Path]) -> None:
    done = run("extract", *map(str, two_articles), "--format", "jsonl")
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert "tanks" in json.loads(lines[0])["text"]


def test_markdown_brief(seed_path: Path) -> None:
    done = run("extract", str(seed_path), "--published", "2022-02-03", "--format", "md")
    assert done.returncode == 0, done.stderr
    md = done.stdout
    assert md.startswith("# Lithuanian Lawmakers Call for Permanent U.S. Troop Presence")
    assert "Amy Mackinnon · Foreign Policy · 2022-02-03" in md
    for heading in ("## People", "## Places", "## Who said what", "## Numbers", "## Events"):
        assert heading in md


def test_output_file_is_written_whole(tmp_path: Path, two_articles: list[Path]) -> None:
    out = tmp_path / "out.json"
    done = run("extract", *map(str, two_articles), "-o", str(out))
    assert done.returncode == 0 and done.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2
    assert not list(tmp_path.glob(".out.json.partial"))


def test_resume_skips_what_is_done(tmp_path: Path, two_articles: list[Path]) -> None:
    out = tmp_path / "out.jsonl"
    run("extract", str(two_articles[0]), "--format", "jsonl", "-o", str(out))
    # an interrupted write leaves a torn last line; resuming drops it and goes on
    with out.open("a", encoding="utf-8") as f:
        f.write('{"source": "torn')
    done = run("extract", *map(str, two_articles), "--format", "jsonl", "-o", str(out),
               "--resume")
    assert done.returncode == 0, done.stderr
    sources = [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
    assert sources == [str(p) for p in two_articles]


@pytest.mark.parametrize("args", [
    ["--published", "yesterday"],
    ["--resume"],
    ["--max-bytes", "lots"],
])
def test_bad_options_fail_in_one_line(two_articles: list[Path], args: list[str]) -> None:
    done = run("extract", str(two_articles[0]), *args)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    # one line says what is wrong (argparse puts its usage above it)
    assert done.stderr.strip().splitlines()[-1].startswith("newsgraph")


def test_schema_command() -> None:
    done = run("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout)["properties"]["schema"] == {"const": "newsgraph.article/1"}


def test_an_extra_event_lexicon_adds_a_verb(tmp_path: Path) -> None:
    """The docs' example: a user file teaches the coder air drops, without touching the package."""
    sentence = tmp_path / "s.txt"
    sentence.write_text("The Jordanian air force airdropped food to residents of Gaza.",
                        encoding="utf-8")
    before = json.loads(run("extract", str(sentence)).stdout)
    assert not [e for e in before["events"] if e["trigger"] == "airdropped"]
    verbs = tmp_path / "airdrops.toml"
    verbs.write_text('type = "AID"\nframe = "transfer"\n\n[[entry]]\n'
                     'verbs = ["airdrop"]\nobjects = ["@aid", "@humanitarian"]\n'
                     'mode = "humanitarian"\n', encoding="utf-8")
    after = json.loads(run("extract", str(sentence), "--event-lexicon", str(tmp_path)).stdout)
    assert [(e["type"], e["mode"]) for e in after["events"] if e["trigger"] == "airdropped"] == [
        ("AID", "humanitarian")]


def test_a_broken_event_lexicon_fails_before_any_work(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("type = \n", encoding="utf-8")
    done = run("extract", "-", "--event-lexicon", str(bad), stdin="Troops moved north.")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "bad.toml" in done.stderr


def test_vague_quantities_are_a_setting(tmp_path: Path) -> None:
    text = tmp_path / "v.txt"
    text.write_text("Dozens of protesters were arrested and 12 police officers were hurt.",
                    encoding="utf-8")
    plain = json.loads(run("extract", str(text)).stdout)["quantities"]
    vague = json.loads(run("extract", str(text), "--vague-quantities").stdout)["quantities"]
    assert [q["value"] for q in plain] == [12]
    assert sorted(q["value"] for q in vague) == [12, 24]
    assert any(q["approx"] and "dozens" in q["approx"].lower() for q in vague)
