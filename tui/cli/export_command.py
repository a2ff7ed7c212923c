"""`gzreview export`: write the verified (or whole) dataset as jsonl, csv, xlsx or datapackage."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from store.export import FORMATS
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository


@click.command("export")
@click.option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: the record contract; csv: one row per indicator (UTF-8 with BOM); "
    "xlsx: projects and indicators sheets; datapackage: a Frictionless folder.",
)
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Export every project with its status, not only verified ones.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="File (a folder for datapackage) to write; jsonl goes to standard output without it.",
)
@click.option("--force", is_flag=True, help="Replace an existing output instead of refusing.")
@db_option
def export_command(
    format_: str, include_all: bool, output: Path | None, force: bool, db: str | None
) -> None:
    """Export verified projects (all with --all); files are written atomically."""
    if output is None and format_ != "jsonl":
        raise UserError(f"--format {format_} writes a file: give it with --output PATH")
    with open_repository(db, "") as repository:
        stream = sys.stdout if output is None else None
        summary = repository.export(
            format_, output, include_all=include_all, force=force, stream=stream
        )
    which = "projects" if include_all else "verified projects"
    hint = "" if summary.projects or include_all else " Verify projects first, or pass --all."
    click.echo(
        f"Exported {summary.projects} {which} ({summary.indicators} indicators) "
        f"to {summary.destination}.{hint}",
        err=True,
    )
