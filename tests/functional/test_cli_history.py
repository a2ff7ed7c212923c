"""`gzreview history`, `undo`, `redo` and `apply` through the CLI on temporary databases: a
reviewer's whole session, written by `history --json`, replays onto a fresh import exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store.repository import Repository
from tests.databases import Databases
from tests.functional.cli_helpers import Cli, sample_cli
from tests.helpers.acting import edit_field, flag, merge_with_next, rename, verify
from tests.unit.store.corrections_session import blocks, fix_names, fix_structure, scramble


@pytest.fixture
def cli(databases: Databases, tmp_path: Path) -> Cli:
    """The CLI on a database holding a fresh import of the sample."""
    return sample_cli(databases.new("review"))


def _first(db: str | Path) -> tuple[int, int]:
    with Repository.open(db, "tester") as repo:
        project_id = repo.project_ids()[0]
        return project_id, repo.project(project_id).version


def test_history_lists_newest_first_and_json_oldest_first_with_ops(cli: Cli) -> None:
    assert cli("history").stdout.strip() == "The edit log is empty."
    with Repository.open(cli.db, "tester") as repo:
        first = repo.project(repo.project_ids()[0])
        rename(repo, first.id, "新名称", first.version)
        verify(repo, first.id, first.version + 1)
    lines = cli("history").stdout.splitlines()
    assert "tester" in lines[0] and "verify “新名称”" in lines[0] and "rename" in lines[1]
    assert len(cli("history", "--limit", "1").stdout.splitlines()) == 1
    records = [json.loads(line) for line in cli("history", "--json").stdout.splitlines()]
    assert [record["op"]["verb"] for record in records] == ["rename", "verify"]
    assert records[0]["op"] == {"verb": "rename", "project": first.key, "new_name": "新名称"}
    assert records[0]["projects"] == [first.key] and records[0]["undone"] is False


def test_undo_and_redo_report_what_they_did_and_fail_clearly_when_empty(cli: Cli) -> None:
    nothing = cli("undo")
    assert nothing.exit_code == 2 and "nothing left to undo" in nothing.stderr
    project_id, version = _first(cli.db)
    with Repository.open(cli.db, "tester") as repo:
        edit_field(repo, project_id, "note", "待核", version)
    undone = cli("undo")
    assert undone.exit_code == 0 and undone.stdout.startswith("undone #1: edit note")
    assert json.loads(cli("history", "--json").stdout)["undone"] is True
    assert cli("redo").stdout.startswith("redone #1")
    with Repository.open(cli.db, "tester") as repo:
        assert repo.project(project_id).note == "待核"
    other = Cli(cli.db)
    assert other("redo").exit_code == 2


def test_a_whole_review_session_replays_onto_a_fresh_import(
    databases: Databases, cli: Cli, tmp_path: Path
) -> None:
    with Repository.open(cli.db, "tester") as repo:
        expected = blocks(repo)
        scramble(repo)
        fix_structure(repo, expected)
        fix_names(repo)
        project_id = repo.project_ids()[5]
        flag(repo, project_id, "再看看", repo.project(project_id).version)
        repo.undo()
    operations = tmp_path / "ops.jsonl"
    operations.write_text(cli("history", "--json").stdout, encoding="utf-8")
    fresh = sample_cli(databases.new("fresh"))
    applied = fresh("apply", str(operations))
    assert applied.exit_code == 0, applied.output
    assert "1 undone one skipped; 0 failed." in applied.stdout
    replayed, original = (_records(run("export", "--all").stdout) for run in (fresh, cli))
    assert replayed == original  # a replay verifies anew: only the time of verifying differs
    assert fresh("export").stdout.count("\n") == 34  # all verified in the session


def _records(lines: str) -> list[dict[str, object]]:
    """Return exported records without `verified_at`, having checked that each has one."""
    records = [json.loads(line) for line in lines.splitlines()]
    assert all(record.pop("verified_at") for record in records)
    return records


def test_apply_reports_each_operation_that_no_longer_applies_and_goes_on(
    cli: Cli, tmp_path: Path
) -> None:
    project_id, version = _first(cli.db)
    with Repository.open(cli.db, "tester") as repo:
        key = repo.project(project_id).key
        merge_with_next(repo, project_id, version)
    good = {"op": {"verb": "edit_project_field", "project": key, "field": "note", "value": "好"}}
    lines = [
        cli("history", "--json").stdout.strip(),  # the merge: applies again, to the next one
        "not json",
        json.dumps({"op": {"verb": "rename", "project": "0000:1", "new_name": "x"}}),
        json.dumps(good, ensure_ascii=False),
        json.dumps({"op": {"verb": "explode", "project": key}}),
        json.dumps({"op": {"verb": "split_target", "project": key}}),
    ]
    operations = tmp_path / "ops.jsonl"
    operations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("apply", str(operations))
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert [line.split(": not applied")[0] for line in errors] == [
        f"{operations}:{number}" for number in (2, 3, 5, 6)
    ]
    assert "not a JSON object" in errors[0] and "0000:1 does not exist" in errors[1]
    assert "unknown operation “explode”" in errors[2] and "malformed" in errors[3]
    assert "Applied 2 operations; 0 undone ones skipped; 4 failed." in result.stdout
    with Repository.open(cli.db, "tester") as repo:
        assert repo.project(project_id).note == "好"


def test_apply_names_a_missing_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("apply", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2
    assert "none.jsonl: no such file or folder; check the path" in result.stderr


@pytest.mark.parametrize("command", ["history", "undo", "redo", "apply"])
def test_every_history_command_has_help(cli: Cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0 and len(result.stdout.split("\n\n")[1].strip()) > 20


def test_apply_refuses_operations_that_would_change_a_verified_project_and_goes_on(
    cli: Cli, tmp_path: Path
) -> None:
    with Repository.open(cli.db, "bob") as repo:
        first, second = (repo.project(pid) for pid in repo.project_ids()[:2])
        verify(repo, second.id)
    hand_written = [
        {"verb": "merge_with_next", "project": first.key},  # would swallow the verified one
        {"verb": "rename", "project": second.key, "new_name": "改名"},
        {"verb": "swap_with_neighbour", "project": first.key, "direction": 1},
        {"verb": "move_indicator", "project": first.key, "direction": 1,
         "indicator": {"span_start": first.indicators[-1].span[0]}},
        {"verb": "note", "project": second.key, "note": "核实后补充的备注"},  # a note is allowed
        {"verb": "unreview", "project": second.key},
        {"verb": "rename", "project": second.key, "new_name": "改名"},  # reopened: applies
    ]
    operations = tmp_path / "ops.jsonl"
    lines = [json.dumps({"op": op}, ensure_ascii=False) for op in hand_written]
    operations.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("apply", str(operations))
    assert result.exit_code == 1
    refused = result.stderr.splitlines()
    assert [line.split(": not applied")[0] for line in refused] == [
        f"{operations}:{number}" for number in (1, 2, 3, 4)
    ]
    assert all(f"“{second.name}” was verified by bob" in line for line in refused)
    assert "Applied 3 operations" in result.stdout
    with Repository.open(cli.db, "tester") as repo:
        after = repo.project(second.id)
        assert (after.name, after.note, after.status.value) == ("改名", "核实后补充的备注",
                                                                "unreviewed")
        assert repo.project(first.id).indicators == first.indicators


def test_verify_lists_asks_and_verifies_in_one_undoable_action(cli: Cli) -> None:
    declined = cli("verify", "--unit", "广州市无线电监测站", input="n\n")
    assert declined.exit_code == 0 and "Nothing was verified." in declined.stdout
    assert "Verify these 12 projects?" in declined.stdout  # two are flagged by the parser
    done = cli("verify", "--unit", "广州市无线电监测站", "--yes")
    assert done.exit_code == 0 and "Verified 12 projects as #1" in done.stdout
    assert cli("verify", "--unit", "广州市无线电监测站", "--yes").stdout.startswith("Nothing")
    assert "undone #1: verify 12 projects at once" in cli("undo").stdout
    everything = cli("verify", "--include-flagged", "--min-confidence", "0.5", "--yes")
    assert "Verified 34 projects" in everything.stdout


def test_reparse_reports_per_document_and_stats_names_older_parsers(cli: Cli) -> None:
    assert "read by the current parser (version" in cli("stats").stdout
    verify_all = cli("verify", "--yes")
    assert verify_all.exit_code == 0
    dry = cli("reparse", "--dry-run")
    assert dry.exit_code == 0 and "34 unchanged, 0 changed" in dry.stdout
    assert "1 replayed, 0 no longer apply" in dry.stdout and "nothing was written" in dry.stdout
    assert cli("history", "--json").stdout.count("\n") == 1  # the dry run logged nothing
    done = cli("reparse", "--document", "000_a843d2df25de4824.txt")
    assert done.exit_code == 0 and "34 unchanged" in done.stdout
    assert cli("export").stdout.count("\n") == 32  # the review is kept
    missing = cli("reparse", "--document", "nope.txt")
    assert missing.exit_code == 2 and "nope.txt" in missing.stderr
