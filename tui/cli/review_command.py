"""`gzreview review` (and a bare `gzreview`): open the review app on a database."""

from __future__ import annotations

import gc
import os
import sys

import click

from store.i18n import N_, _, ngettext
from store.repository import Repository
from tui.cli.declare import command, option
from tui.cli.errors import UserError
from tui.cli.options import db_option, open_repository, reviewer_option
from tui.cli.output import echo_line

READY_ENV = "GZREVIEW_EXIT_WHEN_READY"
"""Set to 1 to quit as soon as the first project is on screen and print `ready_at=<epoch s>`."""


@command(
    "review", help=N_("Open the review app: raw text and fields side by side, keyboard-driven.")
)
@db_option
@reviewer_option
@option(
    "--document",
    metavar="NAME|ID",
    default=None,
    help=N_("Review only this document: its file name or id as `gzreview stats` lists them."),
)
def review_command(db: str | None, reviewer: str | None, document: str | None) -> None:
    """Open the app on the database (an empty one is refused with a hint)."""
    run_review(db, reviewer, document, import_sample=False)


def run_bare(db: str | None, reviewer: str | None) -> None:
    """What a bare `gzreview` does: review the database, starting an empty one with the sample."""
    run_review(db, reviewer, None, import_sample=True)


def run_review(
    db: str | None, reviewer: str | None, document: str | None, import_sample: bool
) -> None:
    """Open the repository, check there is something to review, run the app until it quits.

    The garbage collector rests until the first project is on screen (the app turns it back on
    then): start-up makes many objects and no garbage worth a pass.
    """
    gc.disable()
    try:
        from tui.app import ReviewApp  # Textual loads only when the app is really opened.

        with open_repository(db, reviewer, create=import_sample) as repository:
            notice = _ensure_documents(repository, import_sample)
            document_id = document_id_of(repository, document) if document else None
            exit_when_ready = os.environ.get(READY_ENV) == "1"
            app = ReviewApp(
                repository, document_id, exit_when_ready=exit_when_ready, notice=notice
            )
            app.run()
    finally:
        gc.enable()
    if exit_when_ready and app.ready_at is not None:
        click.echo(f"ready_at={app.ready_at:.6f}")
    if app.leaving and sys.stdin.isatty():
        _leave_now(app.return_code or 0)


def _leave_now(code: int) -> None:
    """End the process now that everything is stored and the database closed.

    Tearing down the interpreter (freeing the app's objects one by one) took 0.3–0.5 s after the
    screen was already gone; nothing is left to flush but the standard streams.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _ensure_documents(repository: Repository, import_sample: bool) -> str:
    """Import the bundled sample into an empty database when asked; else refuse an empty one."""
    if not repository.is_empty():
        return ""
    if import_sample and repository.on_server:
        message = _(
            "{database} holds no documents yet; import the team's documents with "
            "`gzreview import FILE… --db URL` (the bundled sample goes only into a database "
            "file, never onto a shared server)."
        )
        raise UserError(message.format(database=repository.location))
    if not import_sample:
        message = _(
            "{database} holds no documents yet; import some with `gzreview import FILE…`, "
            "or run a bare `gzreview` to start with the bundled sample."
        )
        raise UserError(message.format(database=repository.location))
    report = repository.ensure_sample()
    if report is None or report.outcome != "imported":
        reason = report.reason if report else _("the database was not empty after all")
        message = _("Could not import the bundled sample into {database}: {reason}")
        raise UserError(message.format(database=repository.location, reason=reason))
    notice = ngettext(
        "The database was empty, so the bundled sample {source} was imported "
        "({projects} project) into {database}.",
        "The database was empty, so the bundled sample {source} was imported "
        "({projects} projects) into {database}.",
        report.projects,
    ).format(source=report.source, projects=report.projects, database=repository.location)
    echo_line(notice, err=True)
    return notice


def document_id_of(repository: Repository, wanted: str) -> int:
    """The id of the document named by file name or id, or a clear error."""
    for summary in repository.documents():
        if wanted in (summary.file_name, str(summary.id)):
            return summary.id
    message = _("No document {wanted!r} in {database}; `gzreview stats` lists the documents.")
    raise UserError(message.format(wanted=wanted, database=repository.location))
