"""JSON Lines: one article per line; a broken line is one error naming its line, not the file's."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import (
    BadRecord,
    BinaryInput,
    CorruptInput,
    EmptyInput,
    InputTooLarge,
    UnsupportedInput,
)
from newsgraph.ingest import RawDocument, read_inputs
from newsgraph.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
RULING = (FIXTURES / "harbor-bridge-ruling.txt").read_text(encoding="utf-8")
FLOOD = (FIXTURES / "river-flooding.html").read_text(encoding="utf-8")
EARNINGS = (FIXTURES / "chipmaker-earnings.txt").read_text(encoding="utf-8")


def read(path: Path, **settings: Any) -> list[RawDocument | Exception]:
    return list(read_inputs([str(path)], Settings(**settings)))


def write_lines(path: Path, lines: list[str | dict[str, object]]) -> Path:
    text = "".join((json.dumps(x) if isinstance(x, dict) else x) + "\n" for x in lines)
    path.write_bytes(gzip.compress(text.encode()) if path.name.endswith(".gz") else text.encode())
    return path


@pytest.mark.parametrize("name", ["corpus.jsonl", "corpus.ndjson", "corpus.jsonl.gz"])
def test_records_with_their_fields(tmp_path: Path, name: str) -> None:
    path = write_lines(tmp_path / name, [
        {"text": RULING, "url": "https://courier.example/ruling", "title": "Appeals Court Halts",
         "published": "2024-03-07", "id": "ruling-1"},
        {"html": FLOOD, "id": 42},
    ])
    first, second = read(path)
    assert first == RawDocument(
        source=f"{path}#L1", content=RULING, markup="text", url="https://courier.example/ruling",
        title="Appeals Court Halts", published="2024-03-07", given_id="ruling-1")
    assert second == RawDocument(source=f"{path}#L2", content=FLOOD, markup="html", given_id="42")


def test_broken_lines_are_named_by_number_and_the_rest_go_on(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "corpus.jsonl", [
        {"text": RULING},
        '{"text": "cut off in the midd',
        "",  # a blank line: skipped, but counted, so numbers match an editor's
        '["an", "array"]',
        {"title": "no body here", "url": "https://x.example/"},
        {"text": "   "},
        {"text": ["not", "a", "string"]},
        {"text": EARNINGS},
    ])
    outcomes = read(path)
    assert [(type(o).__name__, str(o) if isinstance(o, Exception) else o.source)
            for o in outcomes] == [
        ("RawDocument", f"{path}#L1"),
        ("BadRecord", f"{path}#L2: not valid JSON: Unterminated string starting at (column 10)"),
        ("BadRecord", f"{path}#L4: a JSON array, where an object with a 'text' or 'html' field "
                      "was expected"),
        ("BadRecord", f"{path}#L5: no 'text' or 'html' field (fields: 'title', 'url')"),
        ("BadRecord", f"{path}#L6: the 'text' field is empty"),
        ("BadRecord", f"{path}#L7: the 'text' field is a array, not a string"),
        ("RawDocument", f"{path}#L8"),
    ]
    assert all(isinstance(o, BadRecord) for o in outcomes[1:-1])


def test_text_preferred_over_html_and_empty_text_falls_back(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", [
        {"text": EARNINGS, "html": "<p>page</p>"},
        {"text": "", "html": FLOOD},
    ])
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.content, first.markup) == (EARNINGS, "text")
    assert (second.content, second.markup) == (FLOOD, "html")


def test_text_field_holding_a_whole_page_is_html(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", [{"text": FLOOD}])
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.markup == "html"


def test_optional_fields_of_the_wrong_type_are_ignored(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", [
        {"text": RULING, "title": None, "url": 7, "published": {"y": 2024}, "id": True}])
    (doc,) = read(path)
    assert doc == RawDocument(source=f"{path}#L1", content=RULING, markup="text")


def test_utf8_bom_and_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    lines = [json.dumps({"text": RULING}), json.dumps({"text": EARNINGS})]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    docs = read(path)
    assert [d.content for d in docs] == [RULING, EARNINGS]  # type: ignore[union-attr]


def test_a_line_in_windows_1252_is_decoded(tmp_path: Path) -> None:
    text = "The mayor’s “plan” — €12 million."
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(('{"text": "' + text + '"}\n').encode("cp1252"))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == text


def test_a_line_above_max_bytes_is_refused_alone(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", [
        {"text": "Short article one."}, {"text": "x " * 5000}, {"text": "Short article three."}])
    outcomes = read(path, max_bytes=2000)
    assert [type(o).__name__ for o in outcomes] == ["RawDocument", "InputTooLarge", "RawDocument"]
    assert isinstance(outcomes[1], InputTooLarge)
    assert outcomes[1].source == f"{path}#L2"
    assert outcomes[2].source == f"{path}#L3"  # type: ignore[union-attr]


def test_the_file_itself_may_exceed_max_bytes(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", [{"text": RULING}] * 20)
    assert path.stat().st_size > 5000
    assert len([d for d in read(path, max_bytes=5000) if isinstance(d, RawDocument)]) == 20


def test_truncated_gzip_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    whole = gzip.compress("".join(json.dumps({"text": f"{RULING} {i}"}) + "\n"
                                  for i in range(200)).encode())
    path.write_bytes(whole[: int(len(whole) * 0.8)])
    outcomes = read(path)
    *docs, last = outcomes
    assert docs and all(isinstance(d, RawDocument) for d in docs)
    assert isinstance(last, CorruptInput)
    assert str(last).startswith(f"{path}: the gzip data is truncated")


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("\n\n   \n", EmptyInput, "only blank lines"),
        ('[{"text": "a"},\n {"text": "b"}]\n', UnsupportedInput, "a JSON array, not JSON Lines"),
        ('{\n  "text": "pretty"\n}\n', UnsupportedInput, "pretty-printed JSON"),
    ],
)
def test_whole_file_problems(tmp_path: Path, content: str, error: type, message: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(content)
    (outcome,) = read(path)
    assert isinstance(outcome, error)
    assert message in str(outcome)


def test_binary_file_named_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (outcome,) = read(path)
    assert isinstance(outcome, BinaryInput)
    assert str(outcome) == f"{path}: a PNG image, not JSON Lines"
