"""`gzreview parse FILE`: print the parser's records, headless, as JSON Lines or a table."""

from __future__ import annotations

import json
from pathlib import Path

import click

from parser import Document
from parser.records import project_record
from store.importer import ImportFailure, parse_source, read_source
from tui.cli.errors import UserError


def read_document(file: Path) -> Document:
    """Read, decode and parse FILE with the importer's checks, each failure one sentence."""
    try:
        return parse_source(read_source(file))
    except ImportFailure as error:
        raise UserError(str(error)) from error


def _table(document: Document) -> str:
    """Return a readable summary: one row per project with unit, name, counts and flags."""
    rows = [
        f"{document.source} — {document.department}: {len(document.projects)} projects, "
        f"{len(document.units)} units, "
        f"{sum(len(p.indicators) for p in document.projects)} indicators"
    ]
    for project in document.projects:
        flags = ",".join(code for code in project.flag_codes if code != "values_differ")
        name = project.name or "(no name)"
        rows.append(
            f"{project.order + 1:>4}  {project.unit}  {name}  "
            f"[{len(project.indicators)} ind, conf {project.confidence:.2f}]"
            + (f"  flags: {flags}" if flags else "")
        )
    for unassigned in document.unassigned_names:
        rows.append(f"   -  unassigned name: {unassigned.text}")
    for start, end in document.unclaimed:
        rows.append(f"   -  unclaimed text: {document.text[start:end]}")
    for flag in document.flags:
        if flag.span is not None:  # a finding with a place, such as a cut-off end
            rows.append(f"   -  {flag.code}: {flag.message}")
    return "\n".join(rows)


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON record per project; table: a readable summary with flags.",
)
def parse_command(file: Path, output_format: str) -> None:
    """Parse FILE and print one JSON record per project (JSON Lines, UTF-8), or a table."""
    document = read_document(file)
    if output_format == "table":
        click.echo(_table(document))
        return
    for project in document.projects:
        click.echo(json.dumps(project_record(document, project), ensure_ascii=False))
