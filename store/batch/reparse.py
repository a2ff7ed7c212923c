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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, delete, select, update
from sqlmodel import Session

from parser import Document, ParseError
from parser import parse as parse_document
from parser.records import INDICATOR_FIELDS
from store import editlog, snapshots
from store.errors import InvariantError, StoreError
from store.findings import finding_rows
from store.history import legacy_operation
from store.i18n import N_, _
from store.importer import insert_projects, parser_version, rows_of
from store.invariants import document_problems
from store.models import DOCUMENTS, EDIT_LOG, INDICATORS, PROJECTS
from store.operations import BulkVerify, Operation, Summary, operation_from_json
from store.repository import Repository
from store.rows import noise_spans
from store.views import Status

Parse = Callable[[str, str], Document]
"""Text and file name to a parsed document (the current parser, or another in tests)."""


def parse_text(text: str, source: str) -> Document:
    """Parse with the current parser."""
    return parse_document(text, source=source)

DOCUMENT_COLUMNS = ("department", "noise_spans", "findings", "parser_version")
"""What a reparse changes on the document itself, kept in the log entry for its undo."""


@dataclass
class DocumentReparse:
    """What re-reading one document did (or, in a dry run, would do)."""

    document: str
    parser_from: str = ""
    parser_to: str = ""
    unchanged: int = 0
    changed: int = 0
    added: int = 0
    removed: int = 0
    replayed: int = 0
    conflicts: list[str] = field(default_factory=list)
    reopened: list[str] = field(default_factory=list)
    failure: str = ""


Content = tuple[Any, ...]


def content_of(snapshot: Mapping[str, Any]) -> Content:
    """Return what a verification vouches for: unit, name, target and every indicator field."""
    indicators = tuple(
        tuple(item[name] for name in INDICATOR_FIELDS)
        for item in sorted(snapshot["indicators"], key=lambda item: item["position"])
    )
    return snapshot["unit"], snapshot["name"], snapshot["target"], indicators


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
    conflicting = _replay(session, prefix, report)
    new_keys = list(session.execute(
        select(PROJECTS.c.key).where(PROJECTS.c.document_id == document_id)
    ).scalars())
    _carry_review(session, before, new_keys, conflicting, report)
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


def _logged_operations(session: Session, prefix: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """Yield (entry id, reviewer, operation) of the applied log entries naming this document."""
    entries = session.execute(
        select(EDIT_LOG)
        .where(EDIT_LOG.c.undone.is_(False), cast(EDIT_LOG.c.project_keys, String).contains(prefix))
        .order_by(EDIT_LOG.c.id)
    ).mappings()
    for entry in entries:
        op = entry["details"].get("op") or legacy_operation(dict(entry))
        if op is not None and op.get("verb") != "reparse":
            yield entry["id"], entry["reviewer"], op


def _replay(session: Session, prefix: str, report: DocumentReparse) -> set[str]:
    """Replay the document's logged actions onto the new parse; return the keys of conflicts."""
    conflicting: set[str] = set()
    for entry_id, reviewer, op in list(_logged_operations(session, prefix)):
        try:
            operation: Operation | None = operation_from_json(op)
            if isinstance(operation, BulkVerify):
                operation = _bulk_here(session, operation, prefix)
            if operation is None:
                continue
            with session.begin_nested():
                editlog.apply(session, reviewer, operation, based_on=None)
        except StoreError as error:
            report.conflicts.append(f"#{entry_id} {op.get('verb')}: {error}")
            conflicting.update(_keys_named(op, prefix))
        else:
            report.replayed += 1
    return conflicting


def _bulk_here(session: Session, bulk: BulkVerify, prefix: str) -> BulkVerify | None:
    """Return the part of a bulk verify on this document still to verify (None if nothing)."""
    mine = [key for key in bulk.projects if key.startswith(prefix)]
    if not mine:
        return None
    open_keys = list(session.execute(
        select(PROJECTS.c.key).where(
            PROJECTS.c.key.in_(mine), PROJECTS.c.status != Status.VERIFIED.value
        )
    ).scalars())
    return BulkVerify(tuple(open_keys)) if open_keys else None


def _keys_named(op: Mapping[str, Any], prefix: str) -> list[str]:
    """Return the project keys of this document an operation names."""
    named = op.get("projects") or [op.get("project")]
    return [str(key) for key in named if isinstance(key, str) and key.startswith(prefix)]


def _carry_review(
    session: Session,
    before: Mapping[str, snapshots.Snapshot | None],
    new_keys: list[str],
    conflicting: set[str],
    report: DocumentReparse,
) -> None:
    """Keep the review of unchanged projects as it was; reopen and flag the changed ones."""
    now_held = snapshots.take(session, new_keys)
    connection = session.connection()
    for key in new_keys:
        old, new = before.get(key), now_held[key]
        assert new is not None
        if old is None:
            report.added += 1
        elif content_of(old) == content_of(new):
            report.unchanged += 1
            review = {name: old[name] for name in ("status", "note", "verified_by")}
            when = old["verified_at"]
            connection.execute(
                update(PROJECTS).where(PROJECTS.c.key == key).values(
                    **review, verified_at=_moment(when)
                )
            )
        else:
            report.changed += 1
            _mark_changed(session, key, old, report)
        if key in conflicting:
            _flag(session, key, "reparse_conflict",
                  N_("an action logged on this project no longer applies after the reparse"), {})
    for key, old in before.items():
        if key not in now_held and old is not None:
            report.removed += 1
            report.conflicts.append(
                _("“{name}” is not in the new parse").format(name=old["name"])
            )


def _mark_changed(
    session: Session, key: str, old: snapshots.Snapshot, report: DocumentReparse
) -> None:
    """Reopen a project whose content the new parse changed, with its old record to compare."""
    previous = {"unit": old["unit"], "name": old["name"], "target": old["target"],
                "indicators": [{name: item[name] for name in INDICATOR_FIELDS}
                               for item in old["indicators"]],
                "status": old["status"], "verified_by": old["verified_by"]}
    session.connection().execute(
        update(PROJECTS).where(PROJECTS.c.key == key).values(
            status=Status.UNREVIEWED.value if old["status"] == Status.VERIFIED.value
            else old["status"],
            note=old["note"], verified_by=None, verified_at=None,
        )
    )
    if old["status"] == Status.VERIFIED.value:
        report.reopened.append(str(old["name"]))
    _flag(session, key, "reparse_changed",
          N_("the new parser reads this project differently; the old record is kept"),
          {"previous": previous})


def _flag(
    session: Session, key: str, code: str, template: str, extra: Mapping[str, Any]
) -> None:
    """Add a flag (with its message and extra data) to a project unless it has it."""
    row = session.execute(
        select(PROJECTS.c.flags, PROJECTS.c.flag_details).where(PROJECTS.c.key == key)
    ).one()
    if code in row.flags:
        return
    details = list(row.flag_details) + [""] * (len(row.flags) - len(row.flag_details))
    detail = {"code": code, "message": template, "template": template, "params": {}, **extra}
    session.connection().execute(
        update(PROJECTS).where(PROJECTS.c.key == key).values(
            flags=[*row.flags, code], flag_details=[*details[: len(row.flags)], detail]
        )
    )


def _moment(value: Any) -> Any:
    """Return a snapshot's ISO time as a datetime (None stays None)."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


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
