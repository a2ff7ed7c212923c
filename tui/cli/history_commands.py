"""`gzreview history`, `undo`, `redo` and `apply`: the edit log, headless and replayable."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from store.batch.replay import replay
from store.i18n import N_, _, ngettext
from store.user_files import UnreadableFileError
from tui.cli.declare import command, option
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository, reviewer_option
from tui.cli.output import echo_json, echo_line
from tui.cli.translated import TranslatedPath
from tui.cli.user_files import read_operations
from tui.logged_text import entry_summary, history_summary

TEXT_LIMIT = 50
"""How many entries `history` shows without --limit (JSON: all of them)."""


@command(
    "history",
    help=N_("Show the edit log: time, reviewer, operation, what changed; undone entries marked."),
)
@option(
    "--json",
    "as_json",
    is_flag=True,
    help=N_(
        "One JSON object per line, oldest first, each with the operation that "
        "replays it (input for `gzreview apply`)."
    ),
)
@option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help=N_("Only the newest N entries [default: {limit} as text, all as JSON]."),
    help_fields={"limit": TEXT_LIMIT},
)
@db_option
def history_command(as_json: bool, limit: int | None, db: str | None) -> None:
    """Print the log as text (newest first) or as replayable JSON Lines (oldest first)."""
    with open_repository(db, "") as repository:
        records = repository.operations(limit if limit or as_json else TEXT_LIMIT)
    if as_json:
        for record in records:
            echo_json(record)
        return
    if not records:
        click.echo(_("The edit log is empty."))
    for record in reversed(records):
        echo_line(_line(record))


def _line(record: dict[str, Any]) -> str:
    """Return one entry as a line of text, newest first in the listing."""
    time = str(record["time"])[:19].replace("T", " ")
    undone = "  " + _("[undone]") if record["undone"] else ""
    summary = entry_summary(record["action"], record, record["summary"])
    return f"#{record['id']}  {time}  {record['reviewer']}  {summary}{undone}"


@command(
    "undo",
    help=N_("Undo your newest action that is not undone yet (kept in the log, marked undone)."),
)
@db_option
@reviewer_option
def undo_command(db: str | None, reviewer: str | None) -> None:
    """Undo as the reviewer and say which entry was undone."""
    with open_repository(db, reviewer) as repository:
        entry = repository.undo().entry
    echo_line(_("undone #{id}: {summary}").format(id=entry.id, summary=history_summary(entry)))


@command("redo", help=N_("Redo your most recently undone action, if you did nothing new since."))
@db_option
@reviewer_option
def redo_command(db: str | None, reviewer: str | None) -> None:
    """Redo as the reviewer and say which entry was redone."""
    with open_repository(db, reviewer) as repository:
        entry = repository.redo().entry
    echo_line(_("redone #{id}: {summary}").format(id=entry.id, summary=history_summary(entry)))


@command(
    "apply",
    help=N_(
        "Replay operations written by `gzreview history --json` (projects named by key)."
        "\n\n"
        "Each operation that no longer applies is reported with its line number and reason, and "
        "the others still go in; the exit status is 1 if any failed."
    ),
)
@click.argument("operations", type=TranslatedPath(path_type=Path, dir_okay=False))
@db_option
@reviewer_option
def apply_command(operations: Path, db: str | None, reviewer: str | None) -> None:
    """Replay the file, report each operation that failed, and sum up."""
    lines = _read_lines(operations)
    with open_repository(db, reviewer) as repository:
        report = replay(repository, lines)
    for failure in report.failures:
        message = _("{file}:{line}: not applied: {reason}")
        echo_line(
            message.format(file=operations, line=failure.line, reason=failure.reason), err=True
        )
    applied = ngettext("{count} operation", "{count} operations", report.applied)
    skipped = ngettext("{count} undone one", "{count} undone ones", report.skipped)
    click.echo(
        _("Applied {operations}; {undone} skipped; {failed} failed.").format(
            operations=applied.format(count=report.applied),
            undone=skipped.format(count=report.skipped),
            failed=len(report.failures),
        )
    )
    if report.failures:
        sys.exit(1)


def _read_lines(path: Path) -> list[str]:
    """Return the lines of an operations file, or a clear error naming it."""
    try:
        return read_operations(path).decode("utf-8-sig").splitlines()
    except UnreadableFileError as error:
        raise UserError(str(error)) from error
    except UnicodeDecodeError as error:
        reason = _("{path}: not UTF-8 text; pass a file written by `gzreview history --json`")
        raise UserError(reason.format(path=path)) from error
