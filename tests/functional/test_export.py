"""`gzreview export` in every format through the CLI, checked against the record contract."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from frictionless import validate
from openpyxl import load_workbook

from store.repository import Repository
from tests.databases import Databases
from tests.functional.cli_helpers import SAMPLE, Cli, sample_cli
from tests.helpers.acting import verify


@pytest.fixture
def cli(databases: Databases, tmp_path: Path) -> Cli:
    """A CLI on a database holding the imported sample."""
    return sample_cli(databases.new("review"))


def _verify_first(db: str | Path, count: int) -> list[str]:
    """Verify the first `count` projects and return their keys."""
    with Repository.open(db, "tester") as repository:
        details = [repository.project(pid) for pid in repository.project_ids()[:count]]
        for detail in details:
            verify(repository, detail.id, detail.version)
    return [detail.key for detail in details]


def test_export_all_jsonl_equals_parse_of_a_fresh_import(cli: Cli) -> None:
    exported = cli("export", "--all", "--format", "jsonl")
    assert exported.exit_code == 0
    parsed = cli("parse", str(SAMPLE)).stdout
    assert exported.stdout == parsed
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(records) == 34 and len({record["key"] for record in records}) == 34
    assert "Exported 34 projects (168 indicators) to standard output." in exported.stderr


def test_default_export_without_verified_projects_says_what_to_do(cli: Cli) -> None:
    result = cli("export")
    assert result.exit_code == 0 and result.stdout == ""
    assert "Exported 0 verified projects" in result.stderr and "--all" in result.stderr


def test_default_export_holds_only_verified_projects(cli: Cli) -> None:
    keys = _verify_first(cli.db, 2)
    records = [json.loads(line) for line in cli("export").stdout.splitlines()]
    assert [record["key"] for record in records] == keys
    assert {record["status"] for record in records} == {"verified"}


def test_csv_has_bom_and_one_row_per_indicator(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    result = cli("export", "--all", "--format", "csv", "--output", str(output))
    assert result.exit_code == 0
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 168
    assert len({row["key"] for row in rows}) == 34
    first = rows[0]
    assert first["position"] == "1" and first["seq"] == "1" and first["level1"] == "产出指标"
    assert first["department"] == "广州市工业和信息化局"


def test_xlsx_has_frozen_filtered_project_and_indicator_sheets(cli: Cli, tmp_path: Path) -> None:
    _verify_first(cli.db, 3)
    output = tmp_path / "out.xlsx"
    assert cli("export", "--format", "xlsx", "-o", str(output)).exit_code == 0
    book = load_workbook(output)
    projects, indicators = book["projects"], book["indicators"]
    assert projects.freeze_panes == "A2" and indicators.freeze_panes == "A2"
    assert projects.max_row == 4 and projects.auto_filter.ref == "A1:N4"
    assert indicators.auto_filter.ref == f"A1:P{indicators.max_row}"
    assert projects["G2"].value == "verified"
    keys = {row[0] for row in indicators.iter_rows(min_row=2, values_only=True)}
    assert keys == {row[0] for row in projects.iter_rows(min_row=2, values_only=True)}


def test_datapackage_is_valid_for_frictionless(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "package"
    assert cli("export", "--all", "--format", "datapackage", "-o", str(folder)).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "datapackage.json", "indicators.csv", "projects.csv",
    ]
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    indicators = descriptor["resources"][1]["schema"]
    assert indicators["foreignKeys"][0]["reference"] == {"resource": "projects", "fields": ["key"]}


def test_frictionless_catches_a_broken_foreign_key(cli: Cli, tmp_path: Path) -> None:
    """The validation above can fail: an indicator pointing at no project is reported."""
    folder = tmp_path / "package"
    cli("export", "--all", "--format", "datapackage", "-o", str(folder))
    path = folder / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = "nosuchproject" + lines[1][lines[1].index(","):]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert not validate(folder / "datapackage.json").valid


@pytest.mark.parametrize(
    ("fmt", "name"), [("csv", "o.csv"), ("jsonl", "o.jsonl"), ("xlsx", "o.xlsx")]
)
def test_existing_output_is_kept_unless_forced(
    cli: Cli, tmp_path: Path, fmt: str, name: str
) -> None:
    output = tmp_path / name
    output.write_text("keep me", encoding="utf-8")
    refused = cli("export", "--all", "--format", fmt, "-o", str(output))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert output.read_text(encoding="utf-8") == "keep me"
    forced = cli("export", "--all", "--format", fmt, "-o", str(output), "--force")
    assert forced.exit_code == 0 and output.stat().st_size > 1000
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_earlier_datapackage_is_replaced_only_with_force(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "package"
    assert cli("export", "--format", "datapackage", "-o", str(folder)).exit_code == 0
    before = (folder / "projects.csv").read_text(encoding="utf-8")
    assert cli("export", "--all", "--format", "datapackage", "-o", str(folder)).exit_code == 2
    assert (folder / "projects.csv").read_text(encoding="utf-8") == before
    forced = cli("export", "--all", "--format", "datapackage", "-o", str(folder), "--force")
    assert forced.exit_code == 0
    assert (folder / "projects.csv").read_text(encoding="utf-8") != before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["package"]


def test_file_formats_need_an_output(cli: Cli) -> None:
    result = cli("export", "--format", "csv")
    assert result.exit_code == 2 and "--output" in result.stderr


def test_output_in_a_missing_folder_is_refused_clearly(cli: Cli, tmp_path: Path) -> None:
    result = cli("export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"))
    assert result.exit_code == 2 and "no such folder" in result.stderr
