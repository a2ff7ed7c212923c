"""Hostile text through every export: no spreadsheet formula, data columns and packages exact.

Assertions are on the bytes written: the XLSX sheets are unzipped and their XML read.
"""

from __future__ import annotations

import csv
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate
from openpyxl import load_workbook

import store.export.xlsx as xlsx_module
from parser import ParsedValue
from store.errors import StoreError
from store.export.tables import FLAT_COLUMNS, INDICATOR_COLUMNS, PROJECT_COLUMNS
from store.repository import Repository
from tests.databases import Databases, Templates
from tests.functional.cli_helpers import Cli
from tests.helpers.acting import edit_field, flag
from tests.helpers.hostile import (
    gallery,
    hostile_database,
    hostile_strings,
    looks_like_formula,
    unsafe_in_lines,
)
from tests.unit.store.conftest import import_document, make_document

FREE_TEXT = {column.name for column in FLAT_COLUMNS if column.free_text}


@pytest.fixture
def hostile_db(databases: Databases, templates: Templates) -> str:
    """The hostile document imported, with hostile notes, names and indicator names (a copy of
    one database built per back end)."""
    return templates.copy(databases, "hostile_exports", hostile_database)


@pytest.fixture
def cli(hostile_db: str) -> Cli:
    return Cli(hostile_db)


def export(cli: Cli, fmt: str, output: Path, *more: str) -> Path:
    """Export every project in a format and return the output."""
    result = cli("export", "--all", "--format", fmt, "--output", str(output), *more)
    assert result.exit_code == 0, result.output
    return output


def csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    """Return a CSV file's rows as mappings from its header."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def sheet_xml(path: Path) -> dict[str, str]:
    """Return the XML of every worksheet of an XLSX file, by part name."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        }


def xlsx_cells(path: Path, sheet: str) -> list[dict[str, Any]]:
    """Return one sheet's rows as mappings from its header, with openpyxl's cell objects."""
    book = load_workbook(path)
    header, *body = list(book[sheet].iter_rows())
    return [{str(top.value): cell for top, cell in zip(header, row, strict=True)} for row in body]


def test_no_xlsx_sheet_holds_a_formula(cli: Cli, tmp_path: Path) -> None:
    sheets = sheet_xml(export(cli, "xlsx", tmp_path / "x.xlsx"))
    assert set(sheets) == {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
    for xml in sheets.values():
        assert "<f>" not in xml and "<f " not in xml
        assert 't="e"' not in xml  # nor an error value


def test_every_formula_form_is_guarded_in_xlsx_after_stripping(cli: Cli, tmp_path: Path) -> None:
    output = export(cli, "xlsx", tmp_path / "x.xlsx")
    for sheet in ("projects", "indicators"):
        for row in xlsx_cells(output, sheet):
            for name, cell in row.items():
                text = cell.value
                if name in FREE_TEXT and isinstance(text, str):
                    assert cell.data_type == "s"
                    assert not looks_like_formula(text) or text.startswith("'"), (name, text)
    notes = {row["note"].value for row in xlsx_cells(output, "projects")}
    after_control = gallery()["formulas"]["after_control"]
    assert "'" + after_control.replace("\x01", "") in notes  # stripped first, then guarded
    assert "'＝1+1" in {row["name"].value for row in xlsx_cells(output, "projects")}


def test_every_formula_form_is_guarded_in_csv(cli: Cli, tmp_path: Path) -> None:
    rows = csv_rows(export(cli, "csv", tmp_path / "x.csv"))
    for row in rows:
        for name in FREE_TEXT:
            assert not looks_like_formula(row[name]) or row[name].startswith("'"), (name, row[name])
    notes = {row["note"] for row in rows}
    for text in (gallery()["formulas"][key] for key in ("after_control", "leading_spaces", "tab")):
        assert "'" + text.strip() in notes
    assert rows[0]["department"].startswith("'=HYPERLINK(")


def test_comparison_columns_keep_a_bare_equals_sign(cli: Cli, tmp_path: Path) -> None:
    """`=1个` is read as op `=`: a data column, written as it is in every format."""
    csv_ops = {row["period_op"] for row in csv_rows(export(cli, "csv", tmp_path / "x.csv"))}
    xlsx_ops = {
        row["period_op"].value for row in xlsx_cells(export(cli, "xlsx", tmp_path / "x.xlsx"),
                                                     "indicators")
    }
    package = export(cli, "datapackage", tmp_path / "package")
    package_ops = {row["period_op"] for row in csv_rows(package / "indicators.csv", "utf-8")}
    for ops in (csv_ops, xlsx_ops, package_ops):
        assert "=" in ops and "'=" not in ops


def test_the_data_package_holds_the_text_exactly_as_the_json_lines(
    cli: Cli, tmp_path: Path
) -> None:
    package = export(cli, "datapackage", tmp_path / "package")
    records = [json.loads(line) for line in cli("export", "--all").stdout.splitlines()]
    projects = csv_rows(package / "projects.csv", "utf-8")
    fields = ("department", "unit", "name", "target", "document")
    assert [{f: row[f] for f in fields} for row in projects] == [
        {f: record[f] for f in fields} for record in records
    ]
    indicators = csv_rows(package / "indicators.csv", "utf-8")
    assert [row["indicator_name"] for row in indicators] == [
        indicator["name"] for record in records for indicator in record["indicators"]
    ]
    assert validate(package / "datapackage.json").valid


@pytest.fixture
def negative(databases: Databases, tmp_path: Path) -> Iterator[Repository]:
    """A repository whose first indicator's period value is the number -5."""
    document = make_document()
    first = document.projects[0]
    indicator = replace(
        first.indicators[0], period_value="-5", period_parsed=ParsedValue("=", Decimal("-5"), "")
    )
    project = replace(first, indicators=(indicator,))
    document = replace(document, projects=(project,))
    with Repository.open(databases.new("negative"), "tester") as repository:
        import_document(repository, document)
        yield repository


def test_numbers_are_numbers_and_never_quoted(negative: Repository, tmp_path: Path) -> None:
    negative.export("csv", tmp_path / "x.csv", include_all=True)
    negative.export("xlsx", tmp_path / "x.xlsx", include_all=True)
    negative.export("datapackage", tmp_path / "package", include_all=True)
    row = csv_rows(tmp_path / "x.csv")[0]
    assert (row["period_number"], row["period_op"], row["period_value"]) == ("-5", "=", "'-5")
    package_row = csv_rows(tmp_path / "package" / "indicators.csv", "utf-8")[0]
    assert (package_row["period_number"], package_row["period_value"]) == ("-5", "-5")
    cell = xlsx_cells(tmp_path / "x.xlsx", "indicators")[0]["period_number"]
    assert (cell.value, cell.data_type) == (-5, "n")
    assert xlsx_cells(tmp_path / "x.xlsx", "indicators")[0]["seq"].data_type == "n"


def test_json_lines_escape_unsafe_characters_and_decode_exactly(cli: Cli) -> None:
    output = cli("export", "--all").stdout
    assert unsafe_in_lines(output) == []
    names = {
        indicator["name"]
        for line in output.splitlines() for indicator in json.loads(line)["indicators"]
    }
    assert gallery()["escapes"]["title_and_clear"] in names
    assert gallery()["invisible"]["bidi_override"] in names


def test_a_sheet_past_the_row_limit_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx_module, "SHEET_ROW_LIMIT", 50)  # 87 indicators, 12 projects
    result = cli("export", "--all", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert result.exit_code == 2
    assert "the indicators sheet would need more than 50 rows" in result.stderr
    assert "--format csv" in result.stderr and "--format datapackage" in result.stderr
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(xlsx_module, "SHEET_ROW_LIMIT", 88)  # exactly the header and 87 rows
    assert export(cli, "xlsx", tmp_path / "x.xlsx").exists()


def test_text_longer_than_an_xlsx_cell_is_refused_not_cut(
    databases: Databases, tmp_path: Path
) -> None:
    document = make_document()
    long_target = replace(document.projects[0], target="长" * 40_000)
    document = replace(document, projects=(long_target, *document.projects[1:]))
    with Repository.open(databases.new("long"), "tester") as repository:
        import_document(repository, document)
        with pytest.raises(StoreError, match=r"40,000 characters, more than the 32,767"):
            repository.export("xlsx", tmp_path / "x.xlsx", include_all=True)
        assert not (tmp_path / "x.xlsx").exists()
        repository.export("csv", tmp_path / "x.csv", include_all=True)
        assert csv_rows(tmp_path / "x.csv")[0]["target"] == "长" * 40_000


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("csv", "x.xlsx"), ("xlsx", "x.csv"), ("jsonl", "x.csv"), ("datapackage", "x.csv")],
)
def test_an_output_named_for_another_format_is_refused(
    cli: Cli, tmp_path: Path, fmt: str, name: str
) -> None:
    result = cli("export", "--all", "--format", fmt, "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert f"--format {fmt} was asked for" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_force_never_deletes_a_file_gzreview_did_not_write(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "thesis"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"two years of work")
    result = cli("export", "--all", "--format", "datapackage", "-o", str(folder), "--force")
    assert result.exit_code == 2
    assert "holds files gzreview did not write (thesis.docx)" in result.stderr
    assert [path.name for path in folder.iterdir()] == ["thesis.docx"]
    assert [path.name for path in tmp_path.iterdir()] == ["thesis"]


def test_force_refuses_a_foreign_descriptor(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "datapackage.json").write_text('{"name": "census-2020"}', encoding="utf-8")
    result = cli("export", "--all", "--format", "datapackage", "-o", str(folder), "--force")
    assert result.exit_code == 2 and "did not write" in result.stderr
    assert (folder / "datapackage.json").read_text(encoding="utf-8") == '{"name": "census-2020"}'


@pytest.mark.parametrize("own_package", [False, True])
def test_force_from_inside_the_target_is_refused_and_keeps_it(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_package: bool
) -> None:
    folder = tmp_path / "package"
    if own_package:
        export(cli, "datapackage", folder)
    else:
        folder.mkdir()
        (folder / "thesis.docx").write_bytes(b"two years of work")
    before = sorted(path.name for path in folder.iterdir())
    monkeypatch.chdir(folder)
    result = cli("export", "--all", "--format", "datapackage", "-o", ".", "--force")
    assert result.exit_code == 2
    assert "was left as it was" not in result.stderr
    assert sorted(path.name for path in folder.iterdir()) == before
    assert [path.name for path in tmp_path.iterdir()] == ["package"]


def test_a_failed_replace_puts_the_old_package_back(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = export(cli, "datapackage", tmp_path / "package")
    before = (folder / "projects.csv").read_bytes()
    real_replace = os.replace
    calls: list[object] = []

    def fail_moving_in(source: Any, target: Any) -> None:
        calls.append((source, target))
        if len(calls) == 2:  # moving the new package in
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr("store.export.atomic.os.replace", fail_moving_in)
    result = cli("export", "--all", "--format", "datapackage", "-o", str(folder), "--force")
    assert result.exit_code == 2 and "package was left as it was" in result.stderr
    assert (folder / "projects.csv").read_bytes() == before
    assert [path.name for path in tmp_path.iterdir()] == ["package"]


def test_a_package_that_cannot_be_put_back_is_kept_and_named(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = export(cli, "datapackage", tmp_path / "package")
    real_replace = os.replace
    calls: list[object] = []

    def fail_after_moving_aside(source: Any, target: Any) -> None:
        calls.append(source)
        if len(calls) >= 2:
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr("store.export.atomic.os.replace", fail_after_moving_aside)
    result = cli("export", "--all", "--format", "datapackage", "-o", str(folder), "--force")
    assert result.exit_code == 2
    kept = re.search(r"it is kept as (\S+) — move it back by hand", result.stderr)
    assert kept is not None, result.stderr
    assert (Path(kept.group(1)) / "projects.csv").exists()


def test_every_hostile_string_survives_an_export_round_trip(
    databases: Databases, tmp_path: Path
) -> None:
    """Each gallery string as a note and (on one line) as a target comes back exactly."""
    strings = [text.strip() for text in hostile_strings() if text.strip()]
    targets = [" ".join(text.split()) for text in strings]
    with Repository.open(databases.new("round"), "tester") as repository:
        import_document(repository, make_document(projects=len(strings)))
        ids = repository.project_ids()
        for project_id, note, target in zip(ids, strings, targets, strict=True):
            flag(repository, project_id, note)
            edit_field(repository, project_id, "target", target)
        repository.export("jsonl", tmp_path / "x.jsonl", include_all=True)
        repository.export("datapackage", tmp_path / "package", include_all=True)
    lines = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["target"] for line in lines] == targets
    notes = [row["note"] for row in csv_rows(tmp_path / "package" / "projects.csv", "utf-8")]
    assert notes == strings


def test_columns_are_declared_once_with_their_kind() -> None:
    assert {column.name for column in PROJECT_COLUMNS if column.free_text} == {
        "document", "department", "unit", "name", "target", "note", "verified_by"
    }
    assert [column.name for column in INDICATOR_COLUMNS if column.name.endswith("_op")] == [
        "period_op", "annual_op"
    ]
    assert not any(column.free_text for column in INDICATOR_COLUMNS if column.type != "string")
