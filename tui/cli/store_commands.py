"""`gzreview import` and `gzreview stats`: load documents into the database and show progress."""

from __future__ import annotations

import gc
import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from store.batch.parallel_import import BATCH_GC_THRESHOLDS, import_files
from store.importer import collect_sources
from store.repository import Repository
from store.views import DocumentFinding, ImportReport, UnitStats
from tui.cli.options import db_option, open_repository, reviewer_option

PROGRESS_FROM = 5
"""Show a progress bar when importing at least this many files."""


@click.command("import")
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False)
)  # an unreadable file is reported by the importer, and the others still go in
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Processes that parse files at once; 1 parses and inserts one file after another.",
)
@db_option
@reviewer_option
def import_command(
    paths: tuple[Path, ...], jobs: int, db: str | None, reviewer: str | None
) -> None:
    """Import text files, or folders of *.txt files (recursively), one transaction per document."""
    files = collect_sources(paths)
    empty_folders = [path for path in paths if path.is_dir() and not any(path.rglob("*.txt"))]
    thresholds = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)  # a batch: fewer, larger collections
    try:
        with open_repository(db, reviewer) as repository:
            reports = _import_all(repository, files, jobs)
    finally:
        gc.set_threshold(*thresholds)
    for folder in empty_folders:
        reports.append(ImportReport(str(folder), "failed", reason=f"{folder}: no *.txt file in it"))
        click.echo(f"failed: {folder}: no *.txt file in this folder", err=True)
    click.echo(_summary(reports))
    if any(report.outcome == "failed" for report in reports):
        sys.exit(1)


def _import_all(repository: Repository, files: Sequence[Path], jobs: int) -> list[ImportReport]:
    """Import each file, with a progress bar on stderr when there are many; echo every outcome."""
    reports: list[ImportReport] = []
    if len(files) < PROGRESS_FROM:
        for report in import_files(repository, files, jobs):
            reports.append(report)
            _echo_report(report)
        return reports
    with click.progressbar(length=len(files), label="Importing", file=sys.stderr) as bar:
        for report in import_files(repository, files, jobs):
            reports.append(report)
            bar.update(1)
    for report in reports:  # after the bar, so lines and bar do not interleave
        _echo_report(report)
    return reports


def _echo_report(report: ImportReport) -> None:
    """Print one file's outcome: imported ones on stdout, duplicates and failures on stderr."""
    if report.outcome == "imported":
        click.echo(
            f"imported {report.source}: {report.projects} projects, "
            f"{report.indicators} indicators, {report.needing_attention} need attention"
        )
        for finding in report.findings:
            click.echo(f"  {_finding_line(finding)}")
    elif report.outcome == "duplicate":
        click.echo(f"skipped {report.source}: {report.reason}", err=True)
    else:
        click.echo(f"failed: {report.reason}", err=True)


def _count(number: int, noun: str) -> str:
    """Return `1 document` / `2 documents`, so summaries read as sentences."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _summary(reports: Iterable[ImportReport]) -> str:
    """Return the closing line: documents, projects, indicators, attention; skips; failures."""
    reports = list(reports)
    imported = [report for report in reports if report.outcome == "imported"]
    duplicates = sum(1 for report in reports if report.outcome == "duplicate")
    failed = sum(1 for report in reports if report.outcome == "failed")
    return (
        f"Imported {_count(len(imported), 'document')}: "
        f"{_count(sum(r.projects for r in imported), 'project')}, "
        f"{_count(sum(r.indicators for r in imported), 'indicator')}, "
        f"{sum(r.needing_attention for r in imported)} need attention; "
        f"{_count(duplicates, 'duplicate')} skipped; {failed} failed."
    )


@click.command("stats")
@db_option
def stats_command(db: str | None) -> None:
    """Show projects, verified, flagged and unreviewed per document and unit, then findings."""
    with open_repository(db, "") as repository:
        click.echo(f"Database: {repository.location}")
        rows = repository.unit_stats()
        findings = repository.document_findings()
    if not rows:
        click.echo("No documents imported yet; run `gzreview import FILE`.")
        return
    click.echo(_table(rows))
    if findings:
        click.echo(_findings_text(findings))


def _finding_line(finding: DocumentFinding) -> str:
    """Return one document finding as `line N: code: message`."""
    return f"line {finding.line}: {finding.code}: {finding.message}"


def _findings_text(findings: Sequence[DocumentFinding]) -> str:
    """Return the document findings grouped under each document's file name."""
    lines = ["", "Document findings (outside any project; `D` in the app lists them):"]
    current: int | None = None
    for finding in findings:
        if finding.document_id != current:
            current = finding.document_id
            lines.append(f"{finding.file_name} (document {finding.document_id}):")
        lines.append(f"  {_finding_line(finding)}")
    return "\n".join(lines)


def _table(rows: Sequence[UnitStats]) -> str:
    """Return the stats as aligned text, with a total line."""
    header = ["document", "unit", "projects", "verified", "flagged", "unreviewed"]
    body = [[row.file_name, row.unit, *map(str, _counts(row))] for row in rows]
    totals = [sum(row.projects for row in rows), sum(row.verified for row in rows)]
    totals += [sum(row.flagged for row in rows), sum(row.unreviewed for row in rows)]
    lines = [header, *body, ["total", "", *map(str, totals)]]
    widths = [max(_width(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(_line(line, widths) for line in lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """Return one aligned line: text columns left, number columns right."""
    padded = [
        _pad(cell, width, right=column >= 2)
        for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
    ]
    return "  ".join(padded).rstrip()


def _counts(row: UnitStats) -> tuple[int, int, int, int]:
    """Return a row's counts in column order."""
    return row.projects, row.verified, row.flagged, row.unreviewed


def _width(text: str) -> int:
    """Return how many terminal columns text takes (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    """Pad text to a display width, numbers to the right."""
    space = " " * (width - _width(text))
    return space + text if right else text + space
