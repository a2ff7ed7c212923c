"""Parallel import leaves the database exactly as the serial import does, file by file."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from store import importer
from store.batch import parallel_import
from store.batch.parallel_import import Prepared, import_files
from store.db import bulk_insert as real_bulk_insert
from store.importer import collect_sources
from store.models import INDICATORS
from store.repository import Repository
from tests.databases import Databases, select_rows, table_rows

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "000_a843d2df25de4824.txt"
DEPARTMENT = "广州市工业和信息化局"


def _write_batch(folder: Path) -> list[Path]:
    """Write documents of several departments and encodings, a duplicate and three bad files."""
    text = SAMPLE.read_text(encoding="utf-8")
    folder.mkdir()
    for index, department in enumerate(
        ["广州市甲局", "广州市乙委员会", "广州市丙办", "广州市丁局"]
    ):
        encoding = "gb18030" if index % 2 else "utf-8"
        changed = text.replace(DEPARTMENT, department).replace("购置", f"购置{index}")
        (folder / f"{index:02}_doc.txt").write_bytes(changed.encode(encoding))
    (folder / "05_same_as_00.txt").write_bytes((folder / "00_doc.txt").read_bytes())
    (folder / "06_empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "07_no_table.txt").write_text("部门名称：某局\n只有一行说明。\n", encoding="utf-8")
    (folder / "08_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "09_doc.txt").write_text(text, encoding="utf-8")
    return collect_sources([folder])


def _tables(database: str) -> dict[str, list[tuple[Any, ...]]]:
    """Return every table's rows in insertion (id) order, without the import time stamps."""
    return table_rows(database, without=frozenset({"imported_at"}))


def _import(database: str, files: list[Path], jobs: int) -> list[tuple[Any, ...]]:
    """Import the files with `jobs` processes; return each report's visible fields."""
    with Repository.open(database, reviewer="alice") as repository:
        reports = list(import_files(repository, files, jobs))
    return [
        (
            r.source,
            r.outcome,
            r.document_id,
            r.projects,
            r.indicators,
            r.needing_attention,
            r.reason,
            r.findings,
        )
        for r in reports
    ]


def test_parallel_import_equals_serial_import(tmp_path: Path, databases: Databases) -> None:
    """Same rows (ids included), same reports in file order, failures and duplicates alike."""
    files = _write_batch(tmp_path / "in")
    serial_db, parallel_db = databases.new("serial"), databases.new("parallel")
    serial = _import(serial_db, files, jobs=1)
    parallel = _import(parallel_db, files, jobs=3)
    assert parallel == serial
    assert [outcome for _, outcome, *_ in serial] == [
        "imported",
        "imported",
        "imported",
        "imported",
        "duplicate",
        "failed",
        "failed",
        "failed",
        "imported",
    ]
    serial_tables, parallel_tables = _tables(serial_db), _tables(parallel_db)
    assert serial_tables["projects"] and serial_tables["indicators"]
    assert parallel_tables == serial_tables


def test_a_file_already_imported_is_a_duplicate_in_a_later_parallel_import(
    tmp_path: Path, database_url: str
) -> None:
    """The duplicate check runs against the database at insert time, as in the serial import."""
    files = _write_batch(tmp_path / "in")
    _import(database_url, files[:2], jobs=1)
    again = _import(database_url, files[:3], jobs=2)
    assert [outcome for _, outcome, *_ in again] == ["duplicate", "duplicate", "imported"]


def test_interrupt_leaves_only_whole_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    """Ctrl-C while the third document's indicators go in: two whole documents, nothing of it."""
    files = _write_batch(tmp_path / "in")[:4]
    inserted_indicators = 0

    def interrupting(connection: Any, table: Any, rows: Any) -> None:
        nonlocal inserted_indicators
        if table.name == "indicators":
            inserted_indicators += 1
            if inserted_indicators == 3:
                raise KeyboardInterrupt
        real_bulk_insert(connection, table, rows)

    monkeypatch.setattr(importer, "bulk_insert", interrupting)
    with Repository.open(database_url, reviewer="alice") as repository:
        reports = import_files(repository, files, jobs=2)
        assert [next(reports).outcome, next(reports).outcome] == ["imported", "imported"]
        with pytest.raises(KeyboardInterrupt):
            next(reports)
    tables = _tables(database_url)
    assert len(tables["documents"]) == 2
    assert {row[1] for row in tables["projects"]} == {1, 2}  # document_id column


def test_a_broken_worker_pool_imports_the_file_here(tmp_path: Path, database_url: str) -> None:
    """A worker that died (killed, out of memory) costs speed, not the file."""
    files = _write_batch(tmp_path / "in")[:1]
    broken: Future[Prepared] = Future()
    broken.set_exception(BrokenProcessPool("a worker died"))
    with Repository.open(database_url, reviewer="alice") as repository:
        report = parallel_import._finish(repository, files[0], broken)
    assert report.outcome == "imported"
    assert report.projects == 34


@pytest.mark.parametrize("jobs", [1, 2])
def test_field_spans_are_stored_as_field_and_span_pairs(
    tmp_path: Path, jobs: int, database_url: str
) -> None:
    """Each stored piece is [field, [start, end]] and points at that field's printed text."""
    database = database_url
    text = SAMPLE.read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(text.replace(DEPARTMENT, "广州市甲局"), encoding="utf-8")
    _import(database, [SAMPLE, other], jobs)
    query = select(INDICATORS.c.period_value, INDICATORS.c.field_spans)
    rows = select_rows(database, query.order_by(INDICATORS.c.id))
    assert rows
    assert len(rows) == 2 * 168
    for period_value, stored in rows[:168]:  # the sample's own indicators
        pieces = stored
        assert isinstance(pieces, list), pieces  # decoded JSON, not text encoded twice
        assert all(isinstance(field, str) and len(span) == 2 for field, span in pieces)
        printed = "".join(text[a:b] for field, (a, b) in pieces if field == "period_value")
        assert printed == period_value
