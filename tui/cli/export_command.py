"""`gzreview export`: write the verified (or whole) dataset as jsonl, csv, xlsx or datapackage."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from store.errors import StoreError
from store.export import FORMATS, HEADING_LANGUAGES, choose_headings
from store.i18n import N_, _, language, ngettext
from tui.cli.declare import command, option
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository
from tui.cli.output import echo_line
from tui.cli.translated import TranslatedPath


@command(
    "export", help=N_("Export verified projects (all with --all); files are written atomically.")
)
@option(
    "--format",
    "format_",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help=N_(
        "jsonl: the record contract; csv: one row per indicator (UTF-8 with BOM); "
        "xlsx: projects and indicators sheets; datapackage: a Frictionless folder."
    ),
)
@option(
    "--all",
    "include_all",
    is_flag=True,
    help=N_("Export every project with its status, not only verified ones."),
)
@option(
    "--output",
    "-o",
    type=TranslatedPath(path_type=Path),
    default=None,
    metavar="PATH",
    help=N_("File (a folder for datapackage) to write; jsonl goes to standard output without it."),
)
@option("--force", is_flag=True, help=N_("Replace an existing output instead of refusing."))
@option(
    "--headers",
    type=click.Choice(HEADING_LANGUAGES),
    default=None,
    help=N_(
        "Language of the column headers, sheet names and status words of csv and xlsx: zh "
        "(the app's Chinese words) or en (the stable keys). xlsx follows the interface "
        "language, csv keeps the stable keys; jsonl and datapackage always keep them."
    ),
)
@db_option
def export_command(
    format_: str,
    include_all: bool,
    output: Path | None,
    force: bool,
    headers: str | None,
    db: str | None,
) -> None:
    """Write the export and say on stderr how many projects went where."""
    if output is None and format_ != "jsonl":
        message = _("--format {format} writes a file: give it with --output PATH")
        raise UserError(message.format(format=format_))
    try:
        headings = choose_headings(format_, headers, language())
    except StoreError as error:
        raise UserError(str(error)) from error
    with open_repository(db, "") as repository, _ProgressBar() as bar:
        stream = sys.stdout if output is None else None
        summary = repository.export(
            format_, output, include_all=include_all, force=force, stream=stream,
            headings=headings, progress=bar if sys.stderr.isatty() else None,
        )
    destination = str(output) if output else _("standard output")
    echo_line(_exported(summary.projects, summary.indicators, destination, include_all), err=True)


def _exported(projects: int, indicators: int, destination: str, include_all: bool) -> str:
    """Return the closing sentence: how many (verified) projects went where, with a hint if none."""
    if include_all:
        template = ngettext(
            "Exported {projects} project ({indicators}) to {destination}.",
            "Exported {projects} projects ({indicators}) to {destination}.",
            projects,
        )
    else:
        template = ngettext(
            "Exported {projects} verified project ({indicators}) to {destination}.",
            "Exported {projects} verified projects ({indicators}) to {destination}.",
            projects,
        )
    counted = ngettext("{count} indicator", "{count} indicators", indicators)
    sentence = template.format(
        projects=projects, indicators=counted.format(count=indicators), destination=destination
    )
    if projects or include_all:
        return sentence
    return _("{sentence} Verify projects first, or pass --all.").format(sentence=sentence)


class _ProgressBar:
    """A progress bar on stderr, started when the export knows how many projects it writes."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, advance: int, total: int) -> None:
        """Start the bar on the first call, then advance it."""
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=_("Exporting"), file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(advance)

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        """Finish the bar (its line ends) whether or not the export succeeded."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
