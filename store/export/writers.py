"""Write a stream of exported projects as JSON Lines, CSV (UTF-8 with BOM) or XLSX, atomically."""

from __future__ import annotations

import contextlib
import csv
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from parser.records import Entry, record
from store.errors import StoreError
from store.export import datapackage
from store.export.atomic import atomic_file
from store.export.headings import STABLE, TABLE_FORMATS, Headings, headers_refused
from store.export.tables import FLAT_COLUMNS, flat_rows
from store.export.xlsx import write_xlsx
from store.i18n import _
from store.text_safety import json_line

FORMATS = ("jsonl", "csv", "xlsx", "datapackage")
_GC_THRESHOLDS = (10_000, 20, 100)
"""Collector thresholds while exporting, those of an import batch (`store.batch`)."""
PROGRESS_STEP = 256
"""Projects written between two reports of progress."""
Progress = Callable[[int], None]
"""Told how many more projects were written."""


@dataclass
class ExportSummary:
    """How much an export wrote, and where."""

    projects: int = 0
    indicators: int = 0
    destination: str = ""


def _counted(
    entries: Iterable[Entry], summary: ExportSummary, progress: Progress | None
) -> Iterator[Entry]:
    """Yield the entries while counting projects and indicators into `summary`."""
    unreported = 0
    for entry in entries:
        summary.projects += 1
        summary.indicators += len(entry.project.indicators)
        yield entry
        unreported += 1
        if progress is not None and unreported == PROGRESS_STEP:
            progress(unreported)
            unreported = 0
    if progress is not None and unreported:
        progress(unreported)


def write_jsonl(entries: Iterable[Entry], stream: TextIO) -> None:
    """Write one contract record per line, exactly as `gzreview parse` prints them.

    Control and invisible characters are `\\uXXXX` escapes (`json_line`): the same text to any
    JSON reader, and harmless when the lines go to a terminal.
    """
    for entry in entries:
        stream.write(json_line(record(entry)) + "\n")


def write_jsonl_file(entries: Iterable[Entry], path: Path, headings: Headings) -> None:
    """Write the JSON Lines export to a file (always with the stable keys)."""
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl(entries, handle)


def write_csv(entries: Iterable[Entry], path: Path, headings: Headings) -> None:
    """Write one row per indicator, project columns repeated, UTF-8 with BOM for Excel."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")  # the BOM by hand: the utf-8-sig codec is slow on big files
        writer = csv.writer(handle)
        writer.writerow(headings.header(FLAT_COLUMNS))
        status = headings.status
        for entry in entries:
            rows = flat_rows(entry)
            if not headings.stable:
                for row in rows:
                    row[_STATUS] = status(row[_STATUS])
            writer.writerows(rows)


_STATUS = [column.name for column in FLAT_COLUMNS].index("status")
_FILE_WRITERS: dict[str, Callable[[Iterable[Entry], Path, Headings], None]] = {
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
    entries: Iterable[Entry],
    output: Path | None,
    force: bool,
    stream: TextIO | None = None,
    headings: Headings = STABLE,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write `entries` in a format to `output` atomically (jsonl may go to `stream` instead).

    `headings` names the columns (and status words) of csv and xlsx; `progress` is told how
    many more projects were written, every few hundred.
    """
    summary = ExportSummary(destination=str(output) if output else "standard output")
    if output is not None:
        check_suffix(format, output)
    if not headings.stable and format not in TABLE_FORMATS:
        raise headers_refused(format)
    counted = _counted(entries, summary, progress)
    with _few_collections():
        _write(format, counted, output, force, stream, headings)
    return summary


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Collect garbage less often while exporting: a batch makes and drops millions of records.

    With the default thresholds the collector runs every 700 new objects and keeps visiting the
    chunk of records in flight; this halves the time of reading them (docs/performance.md).
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _write(
    format: str,
    counted: Iterable[Entry],
    output: Path | None,
    force: bool,
    stream: TextIO | None,
    headings: Headings,
) -> None:
    """Write the entries in a format (see `write_export`)."""
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
            _FILE_WRITERS[format](counted, temporary, headings)
    else:
        raise StoreError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
