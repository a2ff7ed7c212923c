"""Re-reading stored documents with the current parser without losing a reviewer's work.

Each document is one transaction: its projects are parsed again from the kept text, the
reviewers' logged actions on it are replayed onto the new parse in order (as `apply` does), and
then every project is compared with what it held before. A project whose content (unit, name,
target, indicators) is unchanged keeps its status, note, verifier and history; a verified project
whose content changed is reopened and flagged `reparse_changed` with its old record beside it,
never re-verified silently; an action that no longer applies is listed with its reason and the
projects it named are flagged `reparse_conflict`. The whole reparse is one edit-log entry that
records the parser versions and can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlmodel import Session

from parser import Document, ParseError
from parser import parse as parse_document
from store import editlog, snapshots
from store.batch.reparse_replay import replay_document
from store.batch.reparse_report import DocumentReparse
from store.batch.reparse_review import carry_review
from store.errors import InvariantError, StoreError
from store.findings import finding_rows
from store.i18n import N_, _
from store.importer import insert_projects, parser_version, rows_of
from store.invariants import document_problems
from store.models import DOCUMENTS, INDICATORS, PROJECTS
from store.operations import Summary
from store.repository import Repository
from store.rows import noise_spans

Parse = Callable[[str, str], Document]
"""Text and file name to a parsed document (the current parser, or another in tests)."""


def parse_text(text: str, source: str) -> Document:
    """Parse with the current parser."""
    return parse_document(text, source=source)

DOCUMENT_COLUMNS = ("department", "noise_spans", "findings", "parser_version")
"""What a reparse changes on the document itself, kept in the log entry for its undo."""


def reparse_document(
    session: Session, reviewer: str, document_id: int, parse: Parse, version: str
) -> DocumentReparse:
    """Re-read one document in the session; raise StoreError (nothing kept) if it cannot be."""
    document = session.execute(select(DOCUMENTS).where(DOCUMENTS.c.id == document_id)).one()
    report = DocumentReparse(document.file_name, document.parser_version, version)
    prefix = f"{document.content_hash[:16]}:"
    old_keys = list(session.execute(
        select(PROJECTS.c.key).where(PROJECTS.c.document_id == document_id)
    ).scalars())
    before = snapshots.take(session, old_keys)
    try:
        parsed = parse(document.text, document.file_name)
    except ParseError as error:
        raise StoreError(
            _("{file}: this parser no longer reads the text ({reason})").format(
                file=document.file_name, reason=error
            )
        ) from error
    old_document = {name: document._mapping[name] for name in DOCUMENT_COLUMNS}
    new_document = _replace_parse(session, document_id, document.content_hash, parsed, version)
    conflicting = replay_document(session, prefix, report)
    new_keys = list(session.execute(
        select(PROJECTS.c.key).where(PROJECTS.c.document_id == document_id)
    ).scalars())
    carry_review(session, before, new_keys, conflicting, report)
    problems = document_problems(session.connection(), document_id)
    if problems:
        raise InvariantError(
            _("{file}: the new parse breaks an invariant ({problem}); nothing was changed").format(
                file=document.file_name, problem=problems[0]
            )
        )
    after = snapshots.take(session, [*old_keys, *new_keys])
    _log(session, reviewer, report, before, after, (document_id, old_document, new_document))
    return report


def _replace_parse(
    session: Session, document_id: int, digest: str, parsed: Document, version: str
) -> dict[str, Any]:
    """Delete the document's projects and insert the new parse's; return the document's facts."""
    connection = session.connection()
    ids = select(PROJECTS.c.id).where(PROJECTS.c.document_id == document_id)
    connection.execute(delete(INDICATORS).where(INDICATORS.c.project_id.in_(ids)))
    connection.execute(delete(PROJECTS).where(PROJECTS.c.document_id == document_id))
    facts = {
        "department": parsed.department,
        "noise_spans": noise_spans(parsed),
        "findings": finding_rows(parsed),
        "parser_version": version,
    }
    connection.execute(update(DOCUMENTS).where(DOCUMENTS.c.id == document_id).values(**facts))
    projects, indicators = rows_of(digest, parsed)
    if projects:
        insert_projects(connection, document_id, projects, indicators)
    session.expire_all()
    return facts


def _log(
    session: Session,
    reviewer: str,
    report: DocumentReparse,
    before: dict[str, snapshots.Snapshot | None],
    after: dict[str, snapshots.Snapshot | None],
    document: tuple[int, dict[str, Any], dict[str, Any]],
) -> None:
    """Record the reparse as one undoable edit-log entry with both parser versions."""
    for key in after:
        before.setdefault(key, None)
    summary = Summary(
        N_("reparse {file} with parser {version}"),
        {"file": report.document, "version": report.parser_to},
    )
    applied = editlog.Applied(summary, before, after, editlog.now())
    editlog.log(session, reviewer, "reparse", applied, {
        "op": {"verb": "reparse", "document": report.document},
        "parser_version": {"from": report.parser_from, "to": report.parser_to},
        "document": {"id": document[0], "before": _json(document[1]),
                     "after": _json(document[2])},
        "conflicts": report.conflicts,
    })


def _json(facts: Mapping[str, Any]) -> dict[str, Any]:
    """Return document facts as JSON-safe values."""
    return {name: list(value) if isinstance(value, tuple) else value
            for name, value in facts.items()}


class _DryRun(Exception):
    """Carries a dry run's report out of the transaction it rolls back."""

    def __init__(self, report: DocumentReparse) -> None:
        super().__init__(report.document)
        self.report = report


def reparse_documents(
    repository: Repository,
    document_ids: list[int],
    *,
    dry_run: bool = False,
    parse: Parse = parse_text,
    version: str | None = None,
) -> Iterator[DocumentReparse]:
    """Re-read each document in a transaction of its own (rolled back in a dry run); a document
    that cannot be re-read is reported with the reason and left as it was."""
    version = version or parser_version()
    for document_id in document_ids:
        try:
            with repository.write() as session:
                report = reparse_document(
                    session, repository.reviewer, document_id, parse, version
                )
                if dry_run:
                    raise _DryRun(report)
        except _DryRun as rolled_back:
            report = rolled_back.report
        except StoreError as error:
            name = repository.document_name(document_id)
            report = DocumentReparse(name, failure=str(error))
        yield report
