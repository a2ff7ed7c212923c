"""`gzreview parse FILE`: print the parser's records, headless, as JSON Lines or a table."""

from __future__ import annotations

from pathlib import Path

import click

from parser import Document
from parser.records import project_record
from store.i18n import N_, _, ngettext
from store.importer import ImportFailure, parse_source, read_source
from store.labels import flag_label
from tui.cli.declare import command, option
from tui.cli.errors import UserError
from tui.cli.output import echo_json
from tui.cli.translated import TranslatedPath
from tui.widgets.text_cells import printable


def read_document(file: Path) -> Document:
    """Read, decode and parse FILE with the importer's checks, each failure one sentence."""
    try:
        return parse_source(read_source(file))
    except ImportFailure as error:
        raise UserError(str(error)) from error


def _table(document: Document) -> str:
    """Return a readable summary: one row per project with unit, name, counts and flags."""
    rows = [_heading(document)]
    for project in document.projects:
        # TRANSLATORS: separates the flags of a project in `gzreview parse --format table`.
        flags = _(",").join(
            flag_label(code) for code in project.flag_codes if code != "values_differ"
        )
        counts = _("[{indicators} ind, conf {confidence:.2f}]").format(
            indicators=len(project.indicators), confidence=project.confidence
        )
        name = project.name or _("(no name)")
        rows.append(
            f"{project.order + 1:>4}  {project.unit}  {name}  {counts}"
            + ("  " + _("flags: {flags}").format(flags=flags) if flags else "")
        )
    for unassigned in document.unassigned_names:
        rows.append("   -  " + _("unassigned name: {name}").format(name=unassigned.text))
    for start, end in document.unclaimed:
        text = document.text[start:end]
        rows.append("   -  " + _("unclaimed text: {text}").format(text=text))
    for flag in document.flags:
        if flag.span is not None:  # a finding with a place, such as a cut-off end
            rows.append(f"   -  {flag_label(flag.code)}: {flag.message}")
    return "\n".join(printable(row) for row in rows)


def _heading(document: Document) -> str:
    """Return the table's first line: source, department and the counts."""
    projects = len(document.projects)
    units = len(document.units)
    indicators = sum(len(project.indicators) for project in document.projects)
    return _("{source} — {department}: {projects}, {units}, {indicators}").format(
        source=document.source,
        department=document.department,
        projects=ngettext("{count} project", "{count} projects", projects).format(count=projects),
        units=ngettext("{count} unit", "{count} units", units).format(count=units),
        indicators=ngettext("{count} indicator", "{count} indicators", indicators).format(
            count=indicators
        ),
    )


@command(
    "parse",
    help=N_("Parse FILE and print one JSON record per project (JSON Lines, UTF-8), or a table."),
)
@click.argument("file", type=TranslatedPath(path_type=Path, dir_okay=False))
@option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help=N_("jsonl: one JSON record per project; table: a readable summary with flags."),
)
def parse_command(file: Path, output_format: str) -> None:
    """Print the parsed records; JSON Lines keep the stable keys in every language."""
    document = read_document(file)
    if output_format == "table":
        click.echo(_table(document))
        return
    for project in document.projects:
        echo_json(project_record(document, project))
