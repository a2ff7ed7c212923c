"""Write a stream of exported projects as JSON Lines, CSV (UTF-8 with BOM) or XLSX, atomically."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from store.errors import StoreError
from store.export import datapackage
from store.export.atomic import atomic_file
from store.export.rows import ExportProject
from store.export.tables import FLAT_COLUMNS, flat_rows
from store.export.xlsx import write_xlsx
from store.i18n import _
from store.text_safety import json_line

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
    """Write one contract record per line, exactly as `gzreview parse` prints them.

    Control and invisible characters are `\\uXXXX` escapes (`json_line`): the same text to any
    JSON reader, and harmless when the lines go to a terminal.
    """
    for item in items:
        stream.write(json_line(item.record()) + "\n")


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


_FILE_WRITERS: dict[str, Callable[[Iterable[ExportProject], Path], None]] = {
    "jsonl": write_jsonl_file,
    "csv": write_csv,
    "xlsx": write_xlsx,
}


SUFFIX_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xls": "xlsx", ".xlsm": "xlsx", ".ods": "xlsx",
}
"""The format a file name's ending promises; an export of another format under it is refused."""


def check_suffix(format: str, output: Path) -> None:
    """Refuse an output whose name promises another format (CSV text in `x.xlsx`)."""
    suffix = output.suffix.lower()
    promised = SUFFIX_FORMATS.get(suffix)
    if promised is None or promised == format:
        return
    raise StoreError(
        _(
            "{path}: the name ends in {suffix} but --format {format} was asked for; name the "
            "output after its format or pass --format {promised}"
        ).format(path=output, suffix=suffix, format=format, promised=promised)
    )


def write_export(
    format: str,
    items: Iterable[ExportProject],
    output: Path | None,
    force: bool,
    stream: TextIO | None = None,
) -> ExportSummary:
    """Write `items` in a format to `output` atomically (jsonl may go to `stream` instead)."""
    summary = ExportSummary(destination=str(output) if output else "standard output")
    if output is not None:
        check_suffix(format, output)
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
