"""`gzreview import` and `gzreview stats`: load documents into the database and show progress."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from store.batch.parallel_import import BATCH_GC_THRESHOLDS, import_files
from store.i18n import N_, _, ngettext
from store.importer import collect_sources
from store.labels import field_label, flag_label, status_label
from store.repository import Repository
from store.views import DocumentFinding, ImportReport, UnitStats
from tui.cli.cells import cell_width, pad
from tui.cli.declare import command, option
from tui.cli.options import db_option, open_repository, reviewer_option
from tui.cli.output import echo_line
from tui.cli.progress_command import show_progress
from tui.cli.reparse_command import parser_versions_text
from tui.cli.translated import TranslatedPath
from tui.widgets.text_cells import printable

PROGRESS_FROM = 5
"""Show a progress bar when importing at least this many files."""


@command(
    "import",
    help=N_(
        "Import text files, or folders of *.txt files (recursively), one transaction per document."
    ),
)
@click.argument(
    "paths", nargs=-1, required=True, type=TranslatedPath(path_type=Path, readable=False)
)  # an unreadable file is reported by the importer, and the others still go in
@option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default=N_("number of CPUs"),
    help=N_("Processes that parse files at once; 1 parses and inserts one file after another."),
)
@db_option
@reviewer_option
def import_command(
    paths: tuple[Path, ...], jobs: int, db: str | None, reviewer: str | None
) -> None:
    """Import every file given, reporting each outcome; exit status 1 if any file failed."""
    files = collect_sources(paths)
    empty_folders = [path for path in paths if path.is_dir() and not any(path.rglob("*.txt"))]
    thresholds = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)  # a batch: fewer, larger collections
    try:
        with open_repository(db, reviewer, create=True) as repository:
            reports = _import_all(repository, files, jobs)
    finally:
        gc.set_threshold(*thresholds)
    for folder in empty_folders:
        reason = _("{folder}: no *.txt file in this folder").format(folder=folder)
        reports.append(ImportReport(str(folder), "failed", reason=reason))
        echo_line(_("failed: {reason}").format(reason=reason), err=True)
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
    with click.progressbar(length=len(files), label=_("Importing"), file=sys.stderr) as bar:
        for report in import_files(repository, files, jobs):
            reports.append(report)
            bar.update(1)
    for report in reports:  # after the bar, so lines and bar do not interleave
        _echo_report(report)
    return reports


def _echo_report(report: ImportReport) -> None:
    """Print one file's outcome: imported ones on stdout, duplicates and failures on stderr."""
    if report.outcome == "imported":
        echo_line(
            _("imported {source}: {projects}, {indicators}, {attention}").format(
                source=report.source,
                projects=_projects(report.projects),
                indicators=_indicators(report.indicators),
                attention=_attention(report.needing_attention),
            )
        )
        for finding in report.findings:
            echo_line(f"  {_finding_line(finding)}")
    elif report.outcome == "duplicate":
        message = _("skipped {source}: {reason}")
        echo_line(message.format(source=report.source, reason=report.reason), err=True)
    else:
        echo_line(_("failed: {reason}").format(reason=report.reason), err=True)


def _projects(count: int) -> str:
    """Return `1 project` / `2 projects` in the active language."""
    return ngettext("{count} project", "{count} projects", count).format(count=count)


def _indicators(count: int) -> str:
    """Return `1 indicator` / `2 indicators` in the active language."""
    return ngettext("{count} indicator", "{count} indicators", count).format(count=count)


def _attention(count: int) -> str:
    """Return how many projects have a parser flag that needs a reviewer's attention."""
    return ngettext("{count} needs attention", "{count} need attention", count).format(
        count=count
    )


def _summary(reports: Iterable[ImportReport]) -> str:
    """Return the closing line: documents, projects, indicators, attention; skips; failures."""
    reports = list(reports)
    imported = [report for report in reports if report.outcome == "imported"]
    duplicates = sum(1 for report in reports if report.outcome == "duplicate")
    failed = sum(1 for report in reports if report.outcome == "failed")
    documents = ngettext("{count} document", "{count} documents", len(imported))
    skipped = ngettext("{count} duplicate", "{count} duplicates", duplicates)
    return _(
        "Imported {documents}: {projects}, {indicators}, {attention}; "
        "{duplicates} skipped; {failed} failed."
    ).format(
        documents=documents.format(count=len(imported)),
        projects=_projects(sum(r.projects for r in imported)),
        indicators=_indicators(sum(r.indicators for r in imported)),
        attention=_attention(sum(r.needing_attention for r in imported)),
        duplicates=skipped.format(count=duplicates),
        failed=failed,
    )


@command(
    "stats",
    help=N_(
        "Show projects, verified, flagged and unreviewed per document and unit, then findings."
    ),
)
@db_option
@option("--by-reviewer", is_flag=True,
        help=N_("Instead: what each reviewer verified, flagged and corrected, per day and in "
                "total (days in this computer's time zone; undone actions do not count)."))
@option("--by-document", is_flag=True, help=N_("With --by-reviewer: count per document too."))
def stats_command(db: str | None, by_reviewer: bool, by_document: bool) -> None:
    """Print the counts table and the document findings of the database."""
    if by_reviewer or by_document:
        show_progress(db, by_document, by_reviewer)
        return
    with open_repository(db, "") as repository:
        echo_line(_("Database: {location}").format(location=repository.location))
        rows = repository.unit_stats()
        findings = repository.document_findings()
        documents = repository.documents()
    if not rows:
        click.echo(_("No documents imported yet; run `gzreview import FILE`."))
        return
    click.echo(_table(rows))
    click.echo(parser_versions_text(documents))
    if findings:
        click.echo(_findings_text(findings))


def _finding_line(finding: DocumentFinding) -> str:
    """Return one document finding as `line N: flag: message`."""
    return _("line {line}: {flag}: {message}").format(
        line=finding.line, flag=flag_label(finding.code), message=finding.message
    )


def _findings_text(findings: Sequence[DocumentFinding]) -> str:
    """Return the document findings grouped under each document's file name."""
    lines = ["", _("Document findings (outside any project; `D` in the app lists them):")]
    current: int | None = None
    for finding in findings:
        if finding.document_id != current:
            current = finding.document_id
            heading = _("{file} (document {id}):")
            lines.append(heading.format(file=finding.file_name, id=finding.document_id))
        lines.append(f"  {_finding_line(finding)}")
    return "\n".join(printable(line) for line in lines)


def _table(rows: Sequence[UnitStats]) -> str:
    """Return the stats as aligned text, with a total line."""
    header = [_("document"), field_label("unit"), _("projects")]
    header += [status_label(status) for status in ("verified", "flagged", "unreviewed")]
    body = [[*map(printable, (row.file_name, row.unit)), *map(str, _counts(row))] for row in rows]
    totals = [sum(row.projects for row in rows), sum(row.verified for row in rows)]
    totals += [sum(row.flagged for row in rows), sum(row.unreviewed for row in rows)]
    lines = [header, *body, [_("total"), "", *map(str, totals)]]
    widths = [max(cell_width(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(_line(line, widths) for line in lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """Return one aligned line: text columns left, number columns right."""
    padded = [
        pad(cell, width, right=column >= 2)
        for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
    ]
    return "  ".join(padded).rstrip()


def _counts(row: UnitStats) -> tuple[int, int, int, int]:
    """Return a row's counts in column order."""
    return row.projects, row.verified, row.flagged, row.unreviewed
