"""`gzreview review` (and a bare `gzreview`): open the review app on a database."""

from __future__ import annotations

import os

import click

from store.repository import Repository
from tui.cli.errors import UserError
from tui.cli.options import (
    db_option,
    open_repository,
    reviewer_option,
)

READY_ENV = "GZREVIEW_EXIT_WHEN_READY"
"""Set to 1 to quit as soon as the first project is on screen and print `ready_at=<epoch s>`."""


@click.command("review")
@db_option
@reviewer_option
@click.option(
    "--document",
    metavar="NAME|ID",
    default=None,
    help="Review only this document: its file name or id as `gzreview stats` lists them.",
)
def review_command(db: str | None, reviewer: str | None, document: str | None) -> None:
    """Open the review app: raw text and fields side by side, keyboard-driven."""
    run_review(db, reviewer, document, import_sample=False)


def run_bare(db: str | None, reviewer: str | None) -> None:
    """What a bare `gzreview` does: review the database, starting an empty one with the sample."""
    run_review(db, reviewer, None, import_sample=True)


def run_review(
    db: str | None, reviewer: str | None, document: str | None, import_sample: bool
) -> None:
    """Open the repository, check there is something to review, run the app until it quits."""
    from tui.app import ReviewApp  # Textual loads only when the app is really opened.

    with open_repository(db, reviewer) as repository:
        notice = _ensure_documents(repository, import_sample)
        document_id = _document_id(repository, document) if document else None
        exit_when_ready = os.environ.get(READY_ENV) == "1"
        app = ReviewApp(repository, document_id, exit_when_ready=exit_when_ready, notice=notice)
        app.run()
        if exit_when_ready and app.ready_at is not None:
            click.echo(f"ready_at={app.ready_at:.6f}")


def _ensure_documents(repository: Repository, import_sample: bool) -> str:
    """Import the bundled sample into an empty database when asked; else refuse an empty one."""
    if not repository.is_empty():
        return ""
    if not import_sample:
        raise UserError(
            f"{repository.location} holds no documents yet; import some with "
            "`gzreview import FILE…`, or run a bare `gzreview` to start with the bundled sample."
        )
    report = repository.ensure_sample()
    if report is None or report.outcome != "imported":
        reason = report.reason if report else "the database was not empty after all"
        raise UserError(f"Could not import the bundled sample into {repository.location}: {reason}")
    notice = (
        f"The database was empty, so the bundled sample {report.source} was imported "
        f"({report.projects} projects) into {repository.location}."
    )
    click.echo(notice, err=True)
    return notice


def _document_id(repository: Repository, wanted: str) -> int:
    """The id of the document named by file name or id, or a clear error."""
    for summary in repository.documents():
        if wanted in (summary.file_name, str(summary.id)):
            return summary.id
    raise UserError(
        f"No document {wanted!r} in {repository.location}; `gzreview stats` lists the documents."
    )
