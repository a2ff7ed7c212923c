"""`gzreview history`, `undo`, `redo` and `apply`: the edit log, headless and replayable."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from store.batch.replay import replay
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository, reviewer_option

TEXT_LIMIT = 50
"""How many entries `history` shows without --limit (JSON: all of them)."""


@click.command("history")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per line, oldest first, each with the operation that "
    "replays it (input for `gzreview apply`).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help=f"Only the newest N entries [default: {TEXT_LIMIT} as text, all as JSON].",
)
@db_option
def history_command(as_json: bool, limit: int | None, db: str | None) -> None:
    """Show the edit log: time, reviewer, operation, what changed; undone entries marked."""
    with open_repository(db, "") as repository:
        records = repository.operations(limit if limit or as_json else TEXT_LIMIT)
    if as_json:
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if not records:
        click.echo("The edit log is empty.")
    for record in reversed(records):
        click.echo(_line(record))


def _line(record: dict[str, Any]) -> str:
    """Return one entry as a line of text, newest first in the listing."""
    time = str(record["time"])[:19].replace("T", " ")
    undone = "  [undone]" if record["undone"] else ""
    return f"#{record['id']}  {time}  {record['reviewer']}  {record['summary']}{undone}"


@click.command("undo")
@db_option
@reviewer_option
def undo_command(db: str | None, reviewer: str | None) -> None:
    """Undo your newest action that is not undone yet (kept in the log, marked undone)."""
    with open_repository(db, reviewer) as repository:
        entry = repository.undo().entry
    click.echo(f"undone #{entry.id}: {entry.summary}")


@click.command("redo")
@db_option
@reviewer_option
def redo_command(db: str | None, reviewer: str | None) -> None:
    """Redo your most recently undone action, if you did nothing new since."""
    with open_repository(db, reviewer) as repository:
        entry = repository.redo().entry
    click.echo(f"redone #{entry.id}: {entry.summary}")


@click.command("apply")
@click.argument("operations", type=click.Path(path_type=Path, dir_okay=False))
@db_option
@reviewer_option
def apply_command(operations: Path, db: str | None, reviewer: str | None) -> None:
    """Replay operations written by `gzreview history --json` (projects named by key).

    Each operation that no longer applies is reported with its line number and reason, and the
    others still go in; the exit status is 1 if any failed.
    """
    lines = _read_lines(operations)
    with open_repository(db, reviewer) as repository:
        report = replay(repository, lines)
    for failure in report.failures:
        click.echo(f"{operations}:{failure.line}: not applied: {failure.reason}", err=True)
    click.echo(
        f"Applied {report.applied} operations; {report.skipped} undone ones skipped; "
        f"{len(report.failures)} failed."
    )
    if report.failures:
        sys.exit(1)


def _read_lines(path: Path) -> list[str]:
    """Return the lines of an operations file, or a clear error naming it."""
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError as error:
        reason = "no such file; write one with `gzreview history --json`"
        raise UserError(f"{path}: {reason}") from error
    except UnicodeDecodeError as error:
        raise UserError(
            f"{path}: not UTF-8 text; pass a file written by `gzreview history --json`"
        ) from error
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror}); check the path") from error
