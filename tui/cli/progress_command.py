"""`gzreview stats --by-reviewer`: what each reviewer verified, flagged and corrected, per day."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

import click

from store.i18n import _
from store.progress import ProgressRow
from tui.cli.aligned import aligned
from tui.cli.errors import UserError
from tui.cli.options import open_repository
from tui.cli.output import echo_line


def show_progress(db: str | None, by_document: bool, by_reviewer: bool) -> None:
    """Print the progress table (per document too with `by_document`)."""
    if not by_reviewer:
        raise UserError(_(
            "--by-document splits the counts of --by-reviewer: add --by-reviewer (plain "
            "`gzreview stats` already counts per document)."
        ))
    with open_repository(db, "") as repository:
        echo_line(_("Database: {location}").format(location=repository.location))
        rows = repository.progress_by_reviewer(by_document)
    if not rows:
        click.echo(_("Nobody has verified, flagged or corrected a project yet."))
        return
    lines = progress_lines(rows, by_document)
    click.echo(aligned(lines, numbers_from=len(lines[0]) - 3))


def _counts(rows: Sequence[ProgressRow]) -> list[str]:
    """Return the summed verified, flagged and corrections of rows as cells."""
    return [str(sum(row.verified for row in rows)), str(sum(row.flagged for row in rows)),
            str(sum(row.corrections for row in rows))]


def progress_lines(rows: Sequence[ProgressRow], by_document: bool) -> list[list[str]]:
    """Return the header, each reviewer's days then their total, and everyone's total."""
    header = [_("reviewer"), _("day")]
    header += [_("document")] if by_document else []
    header += [_("verified"), _("flagged"), _("corrections")]
    blank = [""] if by_document else []
    lines = [header]
    for reviewer, group in groupby(rows, key=lambda row: row.reviewer):
        days = list(group)
        for row in days:
            document = [row.document] if by_document else []
            lines.append([reviewer, row.day.isoformat(), *document, *_counts([row])])
        lines.append([reviewer, _("total"), *blank, *_counts(days)])
    lines.append([_("everyone"), _("total"), *blank, *_counts(rows)])
    return lines
