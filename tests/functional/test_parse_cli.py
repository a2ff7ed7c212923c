"""`gzreview parse FILE`: JSON Lines per the contract, a readable table, one-sentence errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "000_a843d2df25de4824.txt"
CONTRACT_KEYS = [
    "document",
    "department",
    "unit",
    "name",
    "target",
    "status",
    "verified_by",
    "verified_at",
    "note",
    "confidence",
    "flags",
    "spans",
    "indicators",
]
INDICATOR_KEYS = [
    "seq",
    "level1_code",
    "level1",
    "level2_code",
    "level2",
    "name",
    "period_value",
    "annual_value",
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["parse", *args])
    return result.exit_code, result.output


def test_jsonl_follows_the_contract() -> None:
    code, output = run(str(SAMPLE))
    assert code == 0
    records = [json.loads(line) for line in output.splitlines()]
    assert len(records) == 34
    assert sum(len(record["indicators"]) for record in records) == 168
    first = records[0]
    assert list(first)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert first["document"] == SAMPLE.name
    assert first["department"] == first["unit"] == "广州市工业和信息化局"
    assert first["name"] == "支持发展第8.5代OLED显示器件生产项目"
    assert first["status"] == "unreviewed"
    assert first["verified_by"] is first["verified_at"] is first["note"] is None
    assert 0.0 <= first["confidence"] <= 1.0
    assert "name_displaced" in first["flags"]
    assert list(first["indicators"][0])[: len(INDICATOR_KEYS)] == INDICATOR_KEYS
    assert first["indicators"][2]["period_value"] == "项目建成月产能≥9万片"


def test_spans_index_the_stored_text() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    _, output = run(str(SAMPLE))
    record = json.loads(output.splitlines()[1])
    name = "".join(text[start:end] for start, end in record["spans"]["name"])
    assert name == record["name"]
    start, end = record["spans"]["block"]
    assert text[start:end].startswith(record["target"][:10])


def test_table_lists_projects_with_flags() -> None:
    code, output = run("--format", "table", str(SAMPLE))
    assert code == 0
    lines = output.splitlines()
    assert "34 projects, 3 units, 168 indicators" in lines[0]
    assert len(lines) == 35
    ambiguous = [line for line in lines if "name_ambiguous" in line]
    assert len(ambiguous) == 2


def test_gb18030_and_crlf_files_give_the_same_records(tmp_path: Path) -> None:
    converted = tmp_path / SAMPLE.name
    converted.write_bytes(
        SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030")
    )
    _, original = run(str(SAMPLE))
    _, other = run(str(converted))
    strip = [json.loads(line) for line in original.splitlines()]
    again = [json.loads(line) for line in other.splitlines()]
    for record in strip + again:
        del record["key"]
    assert again == strip


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
        (b"\xff\xfe\xfa\xfb" * 10, "neither UTF-8 nor GB18030"),
        (b"just a note\n", "no performance-target table"),
    ],
)
def test_user_errors_are_one_sentence_with_exit_status_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    code, output = run(str(path))
    assert code == 2
    assert message in output
    assert str(path) in output
    assert output.count("\n") == 1


def test_a_pipe_is_refused_instead_of_hanging(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    code, output = run(str(pipe))
    assert code == 2
    assert "not a regular file" in output


def test_help_mentions_both_formats() -> None:
    code, output = run("--help")
    assert code == 0
    assert "jsonl" in output and "table" in output
