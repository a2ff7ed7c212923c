"""Exports guard formulas in CSV/XLSX free text (not JSON) and never leave a partial file."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

import store.repository as repository_module
from parser.records import Entry
from store.errors import ExportExistsError, StoreError
from store.export import iter_projects, write_export
from store.repository import Repository
from tests.databases import Databases
from tests.functional.cli_helpers import ROOT, SAMPLE, Cli
from tests.helpers.acting import edit_field, edit_indicator, flag
from tests.helpers.gzreview_process import child_env
from tests.unit.store.conftest import import_document, make_document


@pytest.fixture
def repo(databases: Databases, tmp_path: Path) -> Iterator[Repository]:
    """A repository whose projects have formula-like values (`=1+1`) and a formula-like note."""
    with Repository.open(databases.new("store"), "tester") as repository:
        import_document(repository, make_document())
        detail = repository.project(repository.project_ids()[0])
        flag(repository, detail.id, "@SUM(A1)", detail.version)
        yield repository


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [("=1+1", "'=1+1"), ("+86", "'+86"), ("-5%", "'-5%"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("＝1+1", "'＝1+1"), ("  =1+1", "'  =1+1"), ("\u200b@x", "'\u200b@x"),
     ("≥9万片", "≥9万片"), ("a=1", "a=1"), ("1-2", "1-2")],
)
def test_free_text_is_guarded_on_the_csv_path(
    databases: Databases,
    tmp_path: Path, file_name: str, expected: str
) -> None:
    output = tmp_path / "x.csv"
    with Repository.open(databases.new("store"), "tester") as repository:
        import_document(repository, make_document(source=file_name))
        repository.export("csv", output, include_all=True)
    with output.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.DictReader(handle))["document"] == expected


def test_csv_cells_are_neutralised(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.csv"
    repo.export("csv", output, include_all=True)
    rows = list(csv.DictReader(output.read_text(encoding="utf-8-sig").splitlines()))
    assert {row["annual_value"] for row in rows} == {"1个", "'=1+1"}
    assert rows[0]["note"] == "'@SUM(A1)"


def test_xlsx_cells_are_text_not_formulas(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.xlsx"
    repo.export("xlsx", output, include_all=True)
    book = load_workbook(output)
    values = [row[12] for row in book["indicators"].iter_rows(min_row=2, values_only=True)]
    assert "'=1+1" in values
    assert book["projects"]["J2"].value == "'@SUM(A1)"


def test_jsonl_keeps_values_as_printed(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.jsonl"
    repo.export("jsonl", output, include_all=True)
    record = json.loads(output.read_text(encoding="utf-8").splitlines()[0])
    assert record["indicators"][1]["annual_value"] == "=1+1"
    assert record["indicators"][0]["annual_parsed"] == {"op": "", "number": 1.5, "unit": "个"}


def _failing(items: Iterator[Entry]) -> Iterator[Entry]:
    """Yield one project, then fail as a full disk or a crash would."""
    yield next(items)
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize(("fmt", "name"), [("csv", "x.csv"), ("xlsx", "x.xlsx"),
                                             ("jsonl", "x.jsonl"), ("datapackage", "pkg")])
def test_a_failed_export_leaves_no_partial_output(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, name: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setattr(
        repository_module, "iter_projects", lambda *args: _failing(iter_projects(*args))
    )
    with pytest.raises(StoreError, match="No space left on device"):
        repo.export(fmt, out_dir / name, include_all=True)
    assert list(out_dir.iterdir()) == []


def test_a_failed_forced_export_keeps_the_old_file(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.csv"
    output.write_text("previous export", encoding="utf-8")

    def broken() -> Iterator[Entry]:
        yield from ()
        raise OSError(5, "I/O error")

    with pytest.raises(StoreError, match=r"x\.csv was left as it was"):
        write_export("csv", broken(), output, force=True)
    assert output.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if "x.csv" in p.name] == ["x.csv"]


def test_refusal_happens_before_anything_is_written(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.jsonl"
    output.write_text("x", encoding="utf-8")
    with pytest.raises(ExportExistsError, match="--force"):
        repo.export("jsonl", output)


# Through the command line, with reviewers' text and real processes (reliability, issue 7) --------

FORMULA_TEXT = {"name": "=HYPERLINK(\"http://x\",\"点击\")", "target": "+86 项目目标", "note": "-1"}
INDICATOR_TEXT = {"name": "@SUM(A1:A9)", "period_value": "=1+1", "annual_value": "-2"}


@pytest.fixture
def hostile(databases: Databases, tmp_path: Path) -> Cli:
    """The sample imported, one project's text fields edited to formulas by a reviewer."""
    cli = Cli(databases.new("hostile"))
    assert cli("import", str(SAMPLE)).exit_code == 0
    with Repository.open(cli.db, "mallory") as repository:
        project_id = repository.project_ids()[0]
        for field, value in FORMULA_TEXT.items():
            edit_field(repository, project_id, field, value)
        detail = repository.project(project_id)
        for field, value in INDICATOR_TEXT.items():
            edit_indicator(repository, project_id, detail.indicators[0].id, field, value)
    return cli


def assert_no_formula(rows: Iterable[dict[str, object]]) -> list[str]:
    """No text cell starts like a formula (a comparison column may hold a bare `=`, as parsed);
    return the guarded ones."""
    cells = [(name, value) for row in rows for name, value in row.items() if isinstance(value, str)]
    starts_formula = [
        (name, value) for name, value in cells
        if value[:1] in ("=", "+", "-", "@", "\t", "\r")
        and not (name.endswith("_op") and value == "=")
    ]
    assert starts_formula == []
    return [value for _, value in cells if value.startswith("'")]


def xlsx_rows(path: Path) -> list[dict[str, object]]:
    """Return every row of every sheet as a mapping from its header."""
    book = load_workbook(path, read_only=True)
    rows = []
    for sheet in book:
        header, *body = list(sheet.iter_rows(values_only=True))
        rows += [dict(zip(map(str, header), row, strict=False)) for row in body]
    book.close()
    return rows


def test_no_csv_or_xlsx_cell_starts_a_formula(hostile: Cli, tmp_path: Path) -> None:
    for fmt in ("csv", "xlsx"):
        result = hostile("export", "--all", "--format", fmt, "--output", str(tmp_path / f"x.{fmt}"))
        assert result.exit_code == 0, result.output
    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_rows: list[dict[str, object]] = list(csv.DictReader(handle))
    written = {*FORMULA_TEXT.values(), *INDICATOR_TEXT.values()}
    for rows in (csv_rows, xlsx_rows(tmp_path / "x.xlsx")):
        assert {text[1:] for text in assert_no_formula(rows)} >= written


def test_jsonl_keeps_the_reviewers_text_exactly(hostile: Cli) -> None:
    result = hostile("export", "--all", "--format", "jsonl")
    first = json.loads(result.stdout.splitlines()[0])
    assert {field: first[field] for field in ("name", "target")} == {
        "name": FORMULA_TEXT["name"], "target": FORMULA_TEXT["target"]
    }
    assert first["indicators"][0]["period_value"] == "=1+1"


def test_a_write_error_is_one_sentence_and_keeps_the_old_file(
    hostile: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "x.csv"
    output.write_text("previous export", encoding="utf-8")

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("store.export.atomic.os.replace", full_disk)
    result = hostile("export", "--all", "--format", "csv", "--output", str(output), "--force")
    assert result.exit_code == 2
    assert f"{output}: the export failed (No space left on device)" in result.stderr
    assert "Traceback" not in result.output
    assert output.read_text(encoding="utf-8") == "previous export"
    assert sorted(path.name for path in tmp_path.iterdir() if "x.csv" in path.name) == ["x.csv"]


def test_existing_export_is_refused_without_force_through_the_cli(
    hostile: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "x.xlsx"
    output.write_bytes(b"a reviewer's earlier export")
    result = hostile("export", "--all", "--format", "xlsx", "--output", str(output))
    assert result.exit_code == 2
    assert f"{output} already exists" in result.stderr and "--force" in result.stderr
    assert output.read_bytes() == b"a reviewer's earlier export"


KILLED_EXPORT = """
import sys, time
import store.export.writers as writers
rows = writers.flat_rows
def slow(item):
    print("writing", flush=True)
    time.sleep(0.05)
    return rows(item)
writers.flat_rows = slow
from tui.cli import main
main(["export", "--all", "--format", "csv", "--force", "--output", sys.argv[1]])
"""


def test_an_export_killed_midway_leaves_the_old_file_whole(hostile: Cli, tmp_path: Path) -> None:
    output = tmp_path / "x.csv"
    output.write_text("previous export", encoding="utf-8")
    export = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(output)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=child_env({"GZREVIEW_DB": str(hostile.db)}),
    )
    assert export.stdout is not None
    for _ in range(5):  # a few projects are in the temporary file now
        assert export.stdout.readline().startswith("writing")
    export.send_signal(signal.SIGKILL)
    export.wait(timeout=60)
    export.stdout.close()
    assert output.read_text(encoding="utf-8") == "previous export"
