"""Write a stream of exported projects as JSON Lines, CSV (UTF-8 with BOM) or XLSX, atomically."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from re import Pattern
from typing import Any, TextIO

from store.errors import StoreError
from store.export import datapackage
from store.export.atomic import atomic_file
from store.export.rows import ExportProject
from store.export.tables import (
    FLAT_COLUMNS,
    INDICATOR_COLUMNS,
    PROJECT_COLUMNS,
    flat_rows,
    indicator_cells,
    project_cells,
    safe,
)

FORMATS = ("jsonl", "csv", "xlsx", "datapackage")


@dataclass
class ExportSummary:
    """How much an export wrote, and where."""

    projects: int = 0
    indicators: int = 0
    destination: str = ""


def _counted(items: Iterable[ExportProject], summary: ExportSummary) -> Iterator[ExportProject]:
    """Yield the items while counting projects and indicators into `summary`."""
    for item in items:
        summary.projects += 1
        summary.indicators += len(item.indicators)
        yield item


def write_jsonl(items: Iterable[ExportProject], stream: TextIO) -> None:
    """Write one contract record per line, exactly as `gzreview parse` prints them."""
    for item in items:
        stream.write(json.dumps(item.record(), ensure_ascii=False) + "\n")


def write_jsonl_file(items: Iterable[ExportProject], path: Path) -> None:
    """Write the JSON Lines export to a file."""
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl(items, handle)


def write_csv(items: Iterable[ExportProject], path: Path) -> None:
    """Write one row per indicator, project columns repeated, UTF-8 with BOM for Excel."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")  # the BOM by hand: the utf-8-sig codec is slow on big files
        writer = csv.writer(handle)
        writer.writerow([column.name for column in FLAT_COLUMNS])
        for item in items:
            writer.writerows(flat_rows(item))


def write_xlsx(items: Iterable[ExportProject], path: Path) -> None:
    """Write a projects sheet and an indicators sheet, header frozen and filters on, streaming."""
    from openpyxl import Workbook  # imported here: it adds ~0.1 s to every start of the app
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    projects = book.create_sheet("projects")
    indicators = book.create_sheet("indicators")
    counts = [0, 0]
    for sheet, columns in ((projects, PROJECT_COLUMNS), (indicators, INDICATOR_COLUMNS)):
        sheet.freeze_panes = "A2"
        sheet.append([column.name for column in columns])
    try:
        for item in items:
            projects.append(_xlsx_cells(project_cells(item)))
            counts[0] += 1
            for indicator in item.indicators:
                indicators.append(_xlsx_cells(indicator_cells(item.project["key"], indicator)))
                counts[1] += 1
    except BaseException:
        projects.close()  # finish openpyxl's temporary sheet files so nothing dangles
        indicators.close()
        raise
    sheets = ((projects, PROJECT_COLUMNS, counts[0]), (indicators, INDICATOR_COLUMNS, counts[1]))
    for sheet, columns, rows in sheets:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{rows + 1}"
    book.save(path)


@cache
def _illegal_characters() -> Pattern[str]:
    """Return openpyxl's pattern of characters an XLSX cell cannot hold (imported on first use)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    pattern: Pattern[str] = ILLEGAL_CHARACTERS_RE
    return pattern


def _xlsx_cells(cells: list[Any]) -> list[Any]:
    """Return cells safe for a spreadsheet: no formulas, no characters XLSX cannot hold."""
    illegal = _illegal_characters()
    return [illegal.sub("", cell) if isinstance(cell, str) else cell for cell in safe(cells)]


_FILE_WRITERS: dict[str, Callable[[Iterable[ExportProject], Path], None]] = {
    "jsonl": write_jsonl_file,
    "csv": write_csv,
    "xlsx": write_xlsx,
}


def write_export(
    format: str,
    items: Iterable[ExportProject],
    output: Path | None,
    force: bool,
    stream: TextIO | None = None,
) -> ExportSummary:
    """Write `items` in a format to `output` atomically (jsonl may go to `stream` instead)."""
    summary = ExportSummary(destination=str(output) if output else "standard output")
    counted = _counted(items, summary)
    if format == "datapackage":
        if output is None:
            raise StoreError("a data package is a folder: give it with --output FOLDER")
        datapackage.write_datapackage(counted, output, force)
    elif format == "jsonl" and output is None:
        if stream is None:
            raise StoreError("jsonl export needs --output FILE or an output stream")
        write_jsonl(counted, stream)
    elif format in _FILE_WRITERS:
        if output is None:
            raise StoreError(f"{format} export needs --output FILE (only jsonl goes to stdout)")
        with atomic_file(output, force) as temporary:
            _FILE_WRITERS[format](counted, temporary)
    else:
        raise StoreError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    return summary
