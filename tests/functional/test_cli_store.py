"""`gzreview import`, `stats` and `known` through the CLI against temporary databases."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from store.repository import Repository
from tests.databases import execute_raw
from tests.functional.cli_helpers import SAMPLE, Cli, variant_of_sample
from tests.helpers.acting import verify
from tui.cli import main


@pytest.fixture
def cli(database_url: str) -> Cli:
    return Cli(database_url)


def _document_count(db: str | Path) -> int:
    with Repository.open(db, "tester") as repository:
        return len(repository.documents())


def test_import_sample_reports_and_stats_show_units(cli: Cli) -> None:
    result = cli("import", str(SAMPLE))
    assert result.exit_code == 0, result.output
    assert f"imported {SAMPLE}: 34 projects, 168 indicators" in result.stdout
    assert "Imported 1 document: 34 projects, 168 indicators" in result.stdout
    stats = cli("stats")
    assert stats.exit_code == 0
    assert f"Database: {cli.db}" in stats.stdout
    assert "广州市无线电监测站" in stats.stdout
    lines = stats.stdout.strip().splitlines()
    assert lines[-2].split() == ["total", "34", "0", "0", "34"]
    assert lines[-1].startswith("Parser: every document was read by the current parser")


def test_reimport_adds_nothing(cli: Cli) -> None:
    cli("import", str(SAMPLE))
    again = cli("import", str(SAMPLE))
    assert again.exit_code == 0
    assert "skipped" in again.stderr and "already imported" in again.stderr
    assert "Imported 0 documents" in again.stdout and "1 duplicate skipped" in again.stdout
    assert _document_count(cli.db) == 1


def test_failing_files_are_reported_and_good_ones_still_imported(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    variant_of_sample(folder, "a.txt", "\n")
    variant_of_sample(folder / "nested", "b.txt", "\n\n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "prose.txt").write_text("这里没有任何表格。\n", encoding="utf-8")
    (folder / "ignored.md").write_text("not a txt", encoding="utf-8")
    result = cli("import", str(folder), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "Imported 2 documents: 68 projects, 336 indicators" in result.stdout
    assert "4 failed" in result.stdout
    for name in ("binary.txt", "empty.txt", "prose.txt", "missing.txt"):
        [line] = [line for line in result.stderr.splitlines() if name in line]
        assert line.startswith("failed: ") and ";" in line
    assert _document_count(cli.db) == 2


def test_many_files_show_a_progress_bar(cli: Cli, tmp_path: Path) -> None:
    for index in range(5):
        variant_of_sample(tmp_path, f"doc{index}.txt", "\n" * (index + 1))
    result = cli("import", str(tmp_path))
    assert result.exit_code == 0
    assert "Importing" in result.stderr
    assert "Imported 5 documents: 170 projects" in result.stdout


def test_db_accepts_a_sqlalchemy_url(tmp_path: Path) -> None:
    """SQLite: a sqlite:/// URL names the same file a path does."""
    url = f"sqlite:///{tmp_path / 'by-url.db'}"
    result = Cli(tmp_path / "unused.db")("import", "--db", url, str(SAMPLE))
    assert result.exit_code == 0
    assert (tmp_path / "by-url.db").exists() and not (tmp_path / "unused.db").exists()


def test_newer_database_is_refused_with_exit_status_2(cli: Cli) -> None:
    cli("import", str(SAMPLE))
    execute_raw(str(cli.db), "UPDATE meta SET value='999' WHERE key='schema_version'")
    result = cli("stats")
    assert result.exit_code == 2
    assert "schema version 999" in result.stderr and "upgrade gzreview" in result.stderr


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    """SQLite: a file that is no SQLite database."""
    bogus = tmp_path / "not.db"
    bogus.write_text("hello, not sqlite" * 100, encoding="utf-8")
    result = Cli(bogus)("stats")
    assert result.exit_code == 2
    assert f"{bogus}: cannot open the database" in result.stderr


def test_stats_on_a_database_without_documents_says_what_to_do(cli: Cli, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("购置经费\n", encoding="utf-8")
    assert cli("known", "import", str(names)).exit_code == 0  # creates the database
    result = cli("stats")
    assert result.exit_code == 0 and "gzreview import" in result.stdout


@pytest.mark.parametrize(
    "command",
    [("stats",), ("history",), ("known", "list"), ("claims",), ("verify", "--yes"),
     ("reparse", "--dry-run"), ("export", "--format", "jsonl", "-o", "out.jsonl")],
)
def test_a_mistyped_database_file_is_refused_and_nothing_is_created(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    typo = tmp_path / "typo.db"  # a file name: SQLite only (a server database is never created)
    result = Cli(typo)(*command)
    assert result.exit_code == 2
    assert f"{typo}: no such database file" in result.stderr
    assert "gzreview import" in result.stderr
    assert not typo.exists()


def test_known_import_lines_and_csv_then_list(cli: Cli, tmp_path: Path) -> None:
    lines = tmp_path / "names.txt"
    lines.write_text("购置经费\n\n  其他运行经费 \n购置经费\n", encoding="utf-8")
    table = tmp_path / "names.csv"
    rows = "unit,name\n广州市无线电监测站,无线电监测经费\n,其他运行经费\n"
    table.write_text(rows, encoding="utf-8")
    first = cli("known", "import", str(lines))
    assert first.exit_code == 0 and "Added 2 known names" in first.stdout
    second = cli("known", "import", str(table))
    assert "Added 1 known name " in second.stdout and "1 skipped" in second.stdout
    listed = cli("known", "list")
    assert listed.stdout.splitlines() == sorted(["其他运行经费", "购置经费", "无线电监测经费"])
    other_unit = cli("known", "list", "--unit", "另一个单位")
    assert "无线电监测经费" not in other_unit.stdout.splitlines()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"name,unit\n"])
def test_known_import_refuses_unusable_files(cli: Cli, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    result = cli("known", "import", str(path))
    assert result.exit_code == 2
    assert str(path) in result.stderr


def test_known_import_of_a_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("known", "import", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_verified_names_become_known_names(cli: Cli) -> None:
    cli("import", str(SAMPLE))
    with Repository.open(cli.db, "tester") as repository:
        project = repository.project(repository.project_ids()[1])
        verify(repository, project.id, project.version)
    assert project.name in cli("known", "list").stdout.splitlines()


def test_ensure_sample_imports_once_into_an_empty_database(database_url: str) -> None:
    with Repository.open(database_url, "tester") as repository:
        report = repository.ensure_sample()
        assert report is not None and report.outcome == "imported" and report.projects == 34
        assert repository.ensure_sample() is None
        assert len(repository.documents()) == 1


def _walk(command: click.Command, path: str) -> list[str]:
    """Return every command or option of the tree that has no help text."""
    missing = [] if (command.help or command.short_help) else [path]
    missing += [
        f"{path} {param.opts[0]}"
        for param in command.params
        if isinstance(param, click.Option) and not param.help
    ]
    if isinstance(command, click.Group):
        for name, child in command.commands.items():
            missing += _walk(child, f"{path} {name}")
    return missing


def test_every_command_and_option_has_help_text() -> None:
    assert _walk(main, "gzreview") == []
