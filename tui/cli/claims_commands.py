"""`gzreview claims` and `gzreview claims release`: who has which document open, and freeing it."""

from __future__ import annotations

import click

from store.i18n import N_, _, ngettext
from tui.cli.aligned import aligned, local_minute
from tui.cli.declare import command, language_option, option
from tui.cli.options import db_option, open_repository
from tui.cli.review_command import document_id_of
from tui.cli.translated import TranslatedGroup


@click.group(
    "claims",
    cls=TranslatedGroup,
    invoke_without_command=True,
    help=N_(
        "List the documents reviewers have open in the app: document, reviewer, since, last "
        "active. A reviewer looking at a project of a document holds a claim on it, so the "
        "others' `n` passes it over; the app renews it while they work and releases it when they "
        "quit; a claim idle for 15 minutes is void."
    ),
)
@db_option
@language_option
@click.pass_context
def claims_group(context: click.Context, db: str | None) -> None:
    """List the live claims, unless a subcommand follows."""
    context.obj = db
    if context.invoked_subcommand is not None:
        return
    with open_repository(db, "") as repository:
        claims = repository.claims()
    if not claims:
        click.echo(_("No document is claimed: nobody has the app open on one."))
        return
    header = [_("document"), _("reviewer"), _("since"), _("last active")]
    rows = [
        [claim.document, claim.reviewer, local_minute(claim.since), local_minute(claim.last_active)]
        for claim in claims
    ]
    click.echo(aligned([header, *rows], numbers_from=len(header)))


@command(
    "release",
    help=N_(
        "Free claims (all of them without options), e.g. of a reviewer who left the app open. "
        "An app still open takes its document back when its reviewer next presses a key there."
    ),
)
@db_option
@option("--reviewer", "holder", metavar="NAME", default=None,
        help=N_("Release only this reviewer's claims."))
@option("--document", metavar="NAME|ID", default=None,
        help=N_("Release only the claim on this document (file name or id, as `gzreview stats` "
                "lists them)."))
@click.pass_context
def release_command(
    context: click.Context, db: str | None, holder: str | None, document: str | None
) -> None:
    """Release the claims the options select and say how many."""
    with open_repository(db or context.obj, "") as repository:
        document_id = document_id_of(repository, document) if document is not None else None
        released = repository.release_claims(holder, document_id)
    click.echo(ngettext("Released {count} claim.", "Released {count} claims.", released)
               .format(count=released))


claims_group.add_command(release_command)

