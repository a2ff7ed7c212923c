"""`gzreview known import FILE` and `gzreview known list`: the names the rename picker offers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import click

from parser import ParseError, decode
from store.i18n import N_, _, ngettext
from store.user_files import UnreadableFileError
from tui.cli.declare import command, language_option, option
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository, reviewer_option
from tui.cli.output import echo_line
from tui.cli.translated import TranslatedGroup, TranslatedPath
from tui.cli.user_files import csv_errors_reported, read_name_list


@click.group(
    "known",
    cls=TranslatedGroup,
    help=N_(
        "Manage known project names (offered when renaming; verified names join automatically)."
    ),
)
@language_option
def known_group() -> None:
    """Group the commands that read and add known names."""


def read_known_names(path: Path) -> list[tuple[str, str]]:
    """Read (name, unit) pairs: CSV with a `name` (optional `unit`) header, or one name a line."""
    try:
        text = decode(read_name_list(path)).text
    except UnreadableFileError as error:
        raise UserError(str(error)) from error
    except ParseError as error:
        reason = _("{path}: not UTF-8 or GB18030 text; save the list of names as UTF-8 text")
        raise UserError(reason.format(path=path)) from error
    rows = csv.reader(io.StringIO(text))
    with csv_errors_reported(path, rows):
        return _pairs(path, text, rows)


def _pairs(path: Path, text: str, rows: Iterator[list[str]]) -> list[tuple[str, str]]:
    """Return the (name, unit) pairs of a names file, CSV or one name a line."""
    header = [cell.strip().lower() for cell in next(rows, [])]
    if "name" in header:
        name_at = header.index("name")
        unit_at = header.index("unit") if "unit" in header else None
        pairs = [
            (_cell(row, name_at), _cell(row, unit_at) if unit_at is not None else "")
            for row in rows
        ]
    else:
        pairs = [(line, "") for line in text.split("\n")]
    pairs = [(name.strip(), unit.strip()) for name, unit in pairs if name.strip()]
    if not pairs:
        reason = _("{path}: no names found; write one name a line, or a CSV with a name column")
        raise UserError(reason.format(path=path))
    return pairs


def _cell(row: list[str], index: int) -> str:
    """Return a CSV row's cell, or "" for a short row."""
    return row[index] if index < len(row) else ""


@command(
    "import",
    help=N_("Add the names in FILE (one a line, or CSV with `name` and optional `unit` columns)."),
)
@click.argument("file", type=TranslatedPath(path_type=Path, dir_okay=False))
@db_option
@reviewer_option
def known_import(file: Path, db: str | None, reviewer: str | None) -> None:
    """Read the names, add the new ones and say how many were skipped."""
    pairs = read_known_names(file)
    with open_repository(db, reviewer, create=True) as repository:
        added = repository.add_known_names(pairs)
    skipped = len(pairs) - added
    message = ngettext(
        "Added {added} known name from {file} ({skipped} skipped: known or repeated).",
        "Added {added} known names from {file} ({skipped} skipped: known or repeated).",
        added,
    )
    echo_line(message.format(added=added, file=file, skipped=skipped))


@command("list", help=N_("Print the known project names, one a line, sorted."))
@option("--unit", default=None, help=N_("Only names of this unit (plus names without a unit)."))
@db_option
def known_list(unit: str | None, db: str | None) -> None:
    """Print the names, or say on stderr that there are none yet."""
    with open_repository(db, "") as repository:
        names = repository.known_names(unit)
    if not names:
        message = _("No known names yet; add some with `gzreview known import FILE`.")
        click.echo(message, err=True)
    for name in names:
        echo_line(name)


known_group.add_command(known_import)
known_group.add_command(known_list)
