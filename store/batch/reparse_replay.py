"""Replaying a document's logged actions onto its new reading, each in a savepoint of its own.

An action that no longer applies is rolled back alone and listed with its reason; the projects it
named are returned so the reparse can flag them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import String, cast, select
from sqlmodel import Session

from store import editlog
from store.batch.reparse_report import DocumentReparse
from store.errors import StoreError
from store.history import legacy_operation
from store.models import EDIT_LOG, PROJECTS
from store.operations import BulkVerify, Operation, operation_from_json
from store.views import Status


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


def replay_document(session: Session, prefix: str, report: DocumentReparse) -> set[str]:
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
