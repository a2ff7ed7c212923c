"""`gzreview reparse`: re-read stored documents with this gzreview's parser, keeping the review."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from parser import PARSER_VERSION
from store.batch.reparse import reparse_documents
from store.batch.reparse_report import DocumentReparse
from store.i18n import N_, _, ngettext
from store.views import DocumentSummary
from tui.cli.declare import command, option
from tui.cli.options import db_option, open_repository, reviewer_option
from tui.cli.output import echo_line
from tui.cli.review_command import document_id_of


@command(
    "reparse",
    help=N_(
        "Re-read stored documents with this gzreview's parser and replay the review onto the "
        "new reading: unchanged projects keep their review, verified projects read differently "
        "are reopened and flagged, actions that no longer apply are listed. Each document is "
        "one transaction and one undoable log entry."
    ),
)
@option("--document", metavar="NAME|ID", default=None,
        help=N_("Only this document (file name or id, as `gzreview stats` lists them)."))
@option("--dry-run", is_flag=True,
        help=N_("Print what would change per document and write nothing."))
@db_option
@reviewer_option
def reparse_command(
    document: str | None, dry_run: bool, db: str | None, reviewer: str | None
) -> None:
    """Reparse every document (or one) and print what changed, or would, per document."""
    failed = False
    with open_repository(db, reviewer) as repository:
        ids = (
            [document_id_of(repository, document)]
            if document
            else [summary.id for summary in repository.documents()]
        )
        for report in reparse_documents(repository, ids, dry_run=dry_run):
            failed = failed or bool(report.failure)
            _print(report, dry_run)
    if dry_run:
        click.echo(_("Dry run: nothing was written."))
    if failed:
        sys.exit(1)


def _print(report: DocumentReparse, dry_run: bool) -> None:
    """Print one document's outcome: counts, reopened projects and actions that no longer apply."""
    if report.failure:
        echo_line(_("{file}: not reparsed: {reason}").format(
            file=report.document, reason=report.failure), err=True)
        return
    heading = _("{file} (parser {old} → {new}):") if not dry_run else _(
        "{file} (parser {old} → {new}, dry run):"
    )
    echo_line(heading.format(file=report.document, old=report.parser_from, new=report.parser_to))
    echo_line("  " + _(
        "projects: {unchanged} unchanged, {changed} changed, {added} added, {removed} removed; "
        "actions: {replayed} replayed, {conflicts} no longer apply"
    ).format(
        unchanged=report.unchanged, changed=report.changed, added=report.added,
        removed=report.removed, replayed=report.replayed, conflicts=len(report.conflicts),
    ))
    for name in report.reopened:
        echo_line("  " + _("reopened (verified, now read differently): {name}").format(name=name))
    for conflict in report.conflicts:
        echo_line("  " + _("no longer applies: {what}").format(what=conflict))


def parser_versions_text(documents: Sequence[DocumentSummary]) -> str:
    """Return which parser read the documents, and what to do about older ones (for stats)."""
    older = [document for document in documents if document.parser_version != PARSER_VERSION]
    if not older:
        return _("Parser: every document was read by the current parser (version {version}).") \
            .format(version=PARSER_VERSION)
    sentence = ngettext(
        "Parser: {count} document was read by an older parser; run `gzreview reparse` to "
        "re-read it with version {version} (`--dry-run` shows what would change).",
        "Parser: {count} documents were read by an older parser; run `gzreview reparse` to "
        "re-read them with version {version} (`--dry-run` shows what would change).",
        len(older),
    )
    return sentence.format(count=len(older), version=PARSER_VERSION)
