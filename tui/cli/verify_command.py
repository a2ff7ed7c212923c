"""`gzreview verify`: bulk verify what a filter selects, after showing it and asking."""

from __future__ import annotations

import click

from store.i18n import N_, _, ngettext
from store.operations import BulkVerify
from store.views import ListFilter, ListQuery, ProjectSummary
from tui.cli.declare import command, option
from tui.cli.options import db_option, open_repository, reviewer_option
from tui.cli.output import echo_line
from tui.cli.review_command import document_id_of

LISTED = 20
"""How many of the projects to verify are named before asking."""


@command(
    "verify",
    help=N_(
        "Verify in one action every unreviewed project the options select (projects flagged by "
        "a reviewer or by the parser are left out unless --include-flagged). One `gzreview "
        "undo` undoes it all."
    ),
)
@option("--document", metavar="NAME|ID", default=None,
        help=N_("Only this document (file name or id, as `gzreview stats` lists them)."))
@option("--unit", metavar="UNIT", default=None, help=N_("Only projects of this unit."))
@option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="X",
        help=N_("Only projects whose parser confidence is at least X (0 to 1)."))
@option("--include-flagged", is_flag=True,
        help=N_("Also verify flagged projects and those with parser flags needing attention."))
@option("--yes", is_flag=True, help=N_("Do not ask; verify at once."))
@db_option
@reviewer_option
def verify_command(
    document: str | None, unit: str | None, min_confidence: float | None,
    include_flagged: bool, yes: bool, db: str | None, reviewer: str | None,
) -> None:
    """List what the filter selects, ask, then verify it all as one logged action."""
    with open_repository(db, reviewer) as repository:
        query = ListQuery(
            status=ListFilter.NEEDS_REVIEW,
            document_id=document_id_of(repository, document) if document else None,
            units=frozenset({unit}) if unit else frozenset(),
            confidence=(min_confidence, 2.0) if min_confidence is not None else None,
        )
        chosen = repository.verifiable(query, include_flagged)
        if not chosen:
            click.echo(_("Nothing to verify: no unreviewed project matches."))
            return
        _list(chosen)
        question = ngettext("Verify this project?", "Verify these {count} projects?", len(chosen))
        if not yes and not click.confirm(question.format(count=len(chosen)), default=False):
            click.echo(_("Nothing was verified."))
            return
        operation = BulkVerify(tuple(row.key for row in chosen))
        performed = repository.perform(operation, {row.key: row.version for row in chosen})
    done = ngettext(
        "Verified {count} project as #{entry}; `gzreview undo` undoes it.",
        "Verified {count} projects as #{entry}; `gzreview undo` undoes them all.",
        len(chosen),
    )
    click.echo(done.format(count=len(chosen), entry=performed.entry.id))


def _list(chosen: list[ProjectSummary]) -> None:
    """Name the first projects to verify, and how many more there are."""
    for row in chosen[:LISTED]:
        echo_line(f"  {row.confidence:.2f}  {row.unit} · {row.name}")
    if len(chosen) > LISTED:
        more = len(chosen) - LISTED
        click.echo(ngettext("  … and {count} more", "  … and {count} more", more).format(
            count=more
        ))
