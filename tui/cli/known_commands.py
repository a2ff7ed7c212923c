"""`gzreview known import FILE` and `gzreview known list`: the names the rename picker offers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import click

from parser import ParseError, decode
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository, reviewer_option


@click.group("known")
def known_group() -> None:
    """Manage known project names (offered when renaming; verified names join automatically)."""


def read_known_names(path: Path) -> list[tuple[str, str]]:
    """Read (name, unit) pairs: CSV with a `name` (optional `unit`) header, or one name a line."""
    try:
        text = decode(path.read_bytes()).text
    except OSError as error:
        reason = f"cannot read the file ({error.strerror}); check the path"
        raise UserError(f"{path}: {reason}") from error
    except ParseError as error:
        reason = "not UTF-8 or GB18030 text; save the list of names as UTF-8 text"
        raise UserError(f"{path}: {reason}") from error
    rows = csv.reader(io.StringIO(text))
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
        reason = "no names found; write one name a line, or a CSV with a name column"
        raise UserError(f"{path}: {reason}")
    return pairs


def _cell(row: list[str], index: int) -> str:
    """Return a CSV row's cell, or "" for a short row."""
    return row[index] if index < len(row) else ""


@known_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@db_option
@reviewer_option
def known_import(file: Path, db: str | None, reviewer: str | None) -> None:
    """Add the names in FILE (one a line, or CSV with `name` and optional `unit` columns)."""
    pairs = read_known_names(file)
    with open_repository(db, reviewer) as repository:
        added = repository.add_known_names(pairs)
    skipped = len(pairs) - added
    click.echo(f"Added {added} known names from {file} ({skipped} skipped: known or repeated).")


@known_group.command("list")
@click.option("--unit", default=None, help="Only names of this unit (plus names without a unit).")
@db_option
def known_list(unit: str | None, db: str | None) -> None:
    """Print the known project names, one a line, sorted."""
    with open_repository(db, "") as repository:
        names = repository.known_names(unit)
    if not names:
        click.echo("No known names yet; add some with `gzreview known import FILE`.", err=True)
    for name in names:
        click.echo(name)
