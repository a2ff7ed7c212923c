"""Exports neutralise formula injection in CSV/XLSX (not JSON) and never leave a partial file."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

import store.repository as repository_module
from store.errors import ExportExistsError
from store.export import ExportProject, write_export
from store.export.tables import neutralise
from store.repository import Repository
from tests.unit.store.conftest import import_document, make_document


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    """A repository whose projects have formula-like values (`=1+1`) and a formula-like note."""
    with Repository.open(tmp_path / "db.sqlite", "tester") as repository:
        import_document(repository, make_document())
        detail = repository.project(repository.project_ids()[0])
        repository.flag(detail.id, "@SUM(A1)", detail.version)
        yield repository


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+86", "'+86"), ("-5%", "'-5%"), ("@x", "'@x"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("≥9万片", "≥9万片"), ("", ""), (5, 5), (None, None)],
)
def test_neutralise(value: object, expected: object) -> None:
    assert neutralise(value) == expected


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


def _failing(items: Iterator[ExportProject]) -> Iterator[ExportProject]:
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
    original = repository_module.iter_projects
    monkeypatch.setattr(
        repository_module, "iter_projects", lambda *args: _failing(original(*args))
    )
    with pytest.raises(OSError, match="No space"):
        repo.export(fmt, out_dir / name, include_all=True)
    assert list(out_dir.iterdir()) == []


def test_a_failed_forced_export_keeps_the_old_file(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.csv"
    output.write_text("previous export", encoding="utf-8")

    def broken() -> Iterator[ExportProject]:
        raise OSError(5, "I/O error")
        yield  # pragma: no cover

    with pytest.raises(OSError):
        write_export("csv", broken(), output, force=True)
    assert output.read_text(encoding="utf-8") == "previous export"
    assert [p.name for p in tmp_path.iterdir() if "x.csv" in p.name] == ["x.csv"]


def test_refusal_happens_before_anything_is_written(repo: Repository, tmp_path: Path) -> None:
    output = tmp_path / "x.jsonl"
    output.write_text("x", encoding="utf-8")
    with pytest.raises(ExportExistsError, match="--force"):
        repo.export("jsonl", output)
