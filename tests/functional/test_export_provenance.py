"""Who verified each project, when, and the reviewer's note, in every export format (#11.5)."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate
from openpyxl import load_workbook

from store.repository import Repository
from tests.functional.cli_helpers import SAMPLE, Cli, sample_cli
from tests.helpers.acting import set_note, verify

REVIEWER = "王小明"
NOTE = "名称已与原件核对"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, str, datetime, datetime]:
    """The sample with its second project noted and verified by a named reviewer.

    Returns the CLI, the verified project's key and the times just before and after verifying.
    """
    cli = sample_cli(tmp_path_factory.mktemp("provenance") / "review.db")
    with Repository.open(cli.db, REVIEWER) as repository:
        project_id = repository.project_ids()[1]
        set_note(repository, project_id, NOTE)
        before = datetime.now(UTC)
        verify(repository, project_id)
        after = datetime.now(UTC)
        key = repository.project(project_id).key
    return cli, key, before - timedelta(seconds=1), after + timedelta(seconds=1)


def _export(cli: Cli, fmt: str, output: Path) -> Path:
    """Export every project in a format and return the output."""
    result = cli("export", "--all", "--format", fmt, "-o", str(output))
    assert result.exit_code == 0, result.output
    return output


def _check(
    rows: dict[str, dict[str, Any]], key: str, between: tuple[datetime, datetime]
) -> None:
    """The verified project names its reviewer, time and note; the others are empty."""
    verified = rows.pop(key)
    assert verified["verified_by"] == REVIEWER
    assert verified["note"] == NOTE
    moment = datetime.fromisoformat(verified["verified_at"])
    assert moment.tzinfo is not None and between[0] <= moment <= between[1]
    assert len(rows) == 33
    for row in rows.values():
        assert row["verified_by"] in (None, "") and row["verified_at"] in (None, "")
        assert row["note"] in (None, "")


def _csv(path: Path, encoding: str) -> list[dict[str, str]]:
    """Return a CSV file's rows as mappings from its header."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_json_lines_carry_the_review(
    reviewed: tuple[Cli, str, datetime, datetime], tmp_path: Path
) -> None:
    cli, key, *between = reviewed
    lines = _export(cli, "jsonl", tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    records = {record["key"]: record for record in map(json.loads, lines)}
    assert records[key]["status"] == "verified"
    assert records[key]["verified_at"].endswith("+00:00")
    _check(records, key, (between[0], between[1]))


def test_csv_carries_the_review_on_every_indicator_row(
    reviewed: tuple[Cli, str, datetime, datetime], tmp_path: Path
) -> None:
    cli, key, *between = reviewed
    rows = _csv(_export(cli, "csv", tmp_path / "x.csv"), "utf-8-sig")
    of_verified = [row for row in rows if row["key"] == key]
    assert len(of_verified) > 1
    assert len({(row["verified_by"], row["verified_at"], row["note"]) for row in of_verified}) == 1
    _check({row["key"]: dict(row) for row in rows}, key, (between[0], between[1]))


def test_xlsx_carries_the_review(
    reviewed: tuple[Cli, str, datetime, datetime], tmp_path: Path
) -> None:
    cli, key, *between = reviewed
    sheet = load_workbook(_export(cli, "xlsx", tmp_path / "x.xlsx"))["projects"]
    header, *body = sheet.iter_rows(values_only=True)
    rows = {str(row[0]): dict(zip(map(str, header), row, strict=True)) for row in body}
    _check(rows, key, (between[0], between[1]))


def test_the_data_package_types_the_review_and_validates(
    reviewed: tuple[Cli, str, datetime, datetime], tmp_path: Path
) -> None:
    cli, key, *between = reviewed
    folder = _export(cli, "datapackage", tmp_path / "package")
    report = validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    fields = {field["name"]: field["type"] for field in descriptor["resources"][0]["schema"][
        "fields"]}
    assert (fields["verified_by"], fields["verified_at"], fields["note"]) == (
        "string", "datetime", "string"
    )
    rows = {row["key"]: dict(row) for row in _csv(folder / "projects.csv", "utf-8")}
    _check(rows, key, (between[0], between[1]))


def test_a_broken_time_fails_the_package_validation(
    reviewed: tuple[Cli, str, datetime, datetime], tmp_path: Path
) -> None:
    """The datetime type is checked: a time that is not ISO 8601 is reported."""
    cli, key, *_ = reviewed
    folder = _export(cli, "datapackage", tmp_path / "package")
    path = folder / "projects.csv"
    text = path.read_text(encoding="utf-8")
    rows = _csv(path, "utf-8")
    moment = next(row["verified_at"] for row in rows if row["key"] == key)
    path.write_text(text.replace(moment, "yesterday afternoon"), encoding="utf-8")
    assert not validate(folder / "datapackage.json").valid


def test_parse_prints_the_review_keys_as_null(
    reviewed: tuple[Cli, str, datetime, datetime],
) -> None:
    cli = reviewed[0]
    first = json.loads(cli("parse", str(SAMPLE)).stdout.splitlines()[0])
    assert (first["verified_by"], first["verified_at"], first["note"]) == (None, None, None)
