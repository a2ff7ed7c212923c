"""Hostile text through every command that prints: no control character reaches the terminal.

Names, notes, file names and reviewers carry ESC sequences, C1 controls, bidi overrides and line
breaks (`tests/data/hostile/`); every line printed must hold none of them, shown visibly instead.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from store.repository import Repository
from tests.databases import Databases, Templates
from tests.functional.cli_helpers import Cli
from tests.helpers.acting import flag
from tests.helpers.hostile import (
    ESCAPES,
    HOSTILE_DOCUMENT,
    gallery,
    hostile_database,
    hostile_database_named,
    hostile_strings,
    unsafe_in_lines,
)

HOSTILE_FILE_NAME = f"{ESCAPES}\u202e报表.txt"


def _build_hostile(folder: Path, database: str) -> None:
    """The hostile document under a hostile file name, with hostile notes, names and reviewer."""
    hostile_database_named(folder, HOSTILE_FILE_NAME, database)
    with Repository.open(database, "tester") as repository:
        repository.add_known_names([(text, "") for text in hostile_strings() if text.strip()])


@pytest.fixture
def hostile_db(databases: Databases, templates: Templates) -> str:
    """A copy of the hostile database (built once per back end)."""
    return templates.copy(
        databases, "hostile_terminal", lambda database: _build_hostile(templates.folder, database)
    )


@pytest.fixture
def cli(hostile_db: str) -> Cli:
    return Cli(hostile_db)


def printed(cli: Cli, *args: str) -> str:
    """Run a command that must succeed and return everything it printed."""
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    "args",
    [
        ("stats",),
        ("history",),
        ("history", "--json"),
        ("known", "list"),
        ("export", "--all"),
        ("parse", str(HOSTILE_DOCUMENT)),
        ("parse", str(HOSTILE_DOCUMENT), "--format", "table"),
    ],
)
def test_no_control_character_reaches_the_terminal(cli: Cli, args: tuple[str, ...]) -> None:
    output = printed(cli, *args)
    assert unsafe_in_lines(output) == []
    assert "PWNED" in output or args[0] in ("known",)


def test_escapes_are_shown_visibly(cli: Cli) -> None:
    table = printed(cli, "parse", str(HOSTILE_DOCUMENT), "--format", "table")
    assert "工业工作经费␛]0;PWNED␇␛[2J" in table
    stats = printed(cli, "stats")
    assert "␛]0;PWNED␇␛[2J⍰报表.txt" in stats


def test_a_note_with_a_line_break_forges_no_line_in_history(cli: Cli, hostile_db: str) -> None:
    with Repository.open(hostile_db, "tester") as repository:
        entries = len(repository.operations())
    lines = printed(cli, "history", "--limit", str(entries)).splitlines()
    assert len(lines) == entries
    assert all(line.startswith("#") for line in lines)
    forged = gallery()["escapes"]["forged_line"].replace("\n", "␤")
    assert any(forged in line for line in lines)
    assert not any(line.startswith("#99") for line in lines)


def test_history_json_escapes_and_decodes_to_the_same_notes(cli: Cli) -> None:
    records = [json.loads(line) for line in printed(cli, "history", "--json").splitlines()]
    notes = {record["op"].get("note") for record in records}
    assert gallery()["escapes"]["forged_line"] in notes
    assert gallery()["escapes"]["title_and_clear"] in notes


def test_known_names_print_one_line_each(cli: Cli) -> None:
    names = printed(cli, "known", "list").splitlines()
    assert "see [/]" in names and "␛]0;PWNED␇␛[2J" in names
    assert len(names) == len(set(names))


def test_import_and_export_messages_show_file_names_visibly(
    databases: Databases,
    tmp_path: Path, cli: Cli
) -> None:
    document = tmp_path / HOSTILE_FILE_NAME
    shutil.copyfile(HOSTILE_DOCUMENT, document)
    fresh = Cli(databases.new("fresh"))
    imported = fresh("import", str(document))
    assert imported.exit_code == 0
    assert unsafe_in_lines(imported.output) == []
    output = tmp_path / f"{ESCAPES}.jsonl"
    exported = fresh("export", "--all", "-o", str(output))
    assert exported.exit_code == 0 and unsafe_in_lines(exported.output) == []
    assert "␛]0;PWNED␇␛[2J.jsonl" in exported.output


def test_undo_and_redo_show_the_summary_visibly(databases: Databases, tmp_path: Path) -> None:
    path = hostile_database(databases.new("undo"))
    cli = Cli(path)
    with Repository.open(path, "tester") as repository:
        flag(repository, repository.project_ids()[0], ESCAPES + "\nsecond line")
    for command in ("undo", "redo"):
        result = cli(command)
        assert result.exit_code == 0
        assert unsafe_in_lines(result.output) == []
        assert len(result.output.splitlines()) == 1


def test_errors_naming_a_hostile_path_stay_one_visible_line(tmp_path: Path, cli: Cli) -> None:
    missing = tmp_path / f"{ESCAPES}\nline two.txt"
    for args in (("parse", str(missing)), ("known", "import", str(missing))):
        result = cli(*args)
        assert result.exit_code == 2
        assert unsafe_in_lines(result.output) == []
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_apply_reports_hostile_operations_visibly(tmp_path: Path, cli: Cli) -> None:
    operations = tmp_path / "ops.jsonl"
    op = {"verb": "flag", "project": f"nosuch{ESCAPES}", "note": "x", "version": 1}
    operations.write_text(json.dumps({"op": op, "undone": False}) + "\n", encoding="utf-8")
    result = cli("apply", str(operations))
    assert unsafe_in_lines(result.output) == []
    assert "Traceback" not in result.output
