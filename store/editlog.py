"""The edit log: every action with the touched projects before and after; undo and redo over it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from store import invariants, snapshots
from store.errors import NothingToUndoError, StaleEditError
from store.i18n import _
from store.key_sets import among
from store.models import DOCUMENTS, PROJECTS, EditLogRow
from store.operations.base import Operation, Summary, refuse_nul
from store.operations.context import EditContext, Versions
from store.operations.flags import refresh_flags


def now() -> datetime:
    """Return the current time in UTC, the one clock the store uses."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Applied:
    """An operation applied in a session, not yet logged: what it changed and how it reads."""

    summary: Summary
    before: dict[str, snapshots.Snapshot | None]
    after: dict[str, snapshots.Snapshot | None]
    when: datetime

    @property
    def keys(self) -> list[str]:
        """The projects it changed or created."""
        return list(self.before)

    @property
    def created(self) -> list[str]:
        """The projects it created."""
        return [key for key, snapshot in self.before.items() if snapshot is None]


def apply(
    session: Session, reviewer: str, operation: Operation, based_on: Versions | None
) -> Applied:
    """Apply an operation in the session without logging it (the caller logs, or reparse folds
    it into its own entry).

    Every project the operation changes is locked and checked against `based_on` (the versions
    the caller saw; None for "as they are now") as it is taken; after the change the projects'
    flags are recomputed, their versions bumped and the invariants checked.
    """
    refuse_nul(operation)
    when = now()
    content = operation.changes_content()
    edit = EditContext(session, reviewer, when, based_on, content)
    summary = operation.run(edit)
    edit.check_nothing_else_changed()
    session.flush()
    if content:
        refresh_flags(edit)
        session.flush()
    _stamp(session, edit, reviewer, when)
    after = (snapshots.take if content else snapshots.take_review)(session, edit.keys, lock=False)
    if content:
        invariants.check_edit(edit.before, after)
    return Applied(summary, edit.before, after, when)


def perform(
    session: Session, reviewer: str, operation: Operation, based_on: Versions | None
) -> tuple[EditLogRow, list[str]]:
    """Apply an operation as one logged edit; return the log row and the keys it created."""
    applied = apply(session, reviewer, operation, based_on)
    entry = log(session, reviewer, operation.verb, applied, {"op": operation.to_json()})
    return entry, applied.created


def log(
    session: Session, reviewer: str, action: str, applied: Applied, details: dict[str, Any]
) -> EditLogRow:
    """Write one edit-log row for an applied change; it ends the reviewer's redo chain."""
    _retire_redo(session, reviewer)
    summary = applied.summary
    entry = EditLogRow(
        time=applied.when,
        reviewer=reviewer,
        action=action,
        project_keys=applied.keys,
        summary=summary.english(),
        before=applied.before,
        after=applied.after,
        details={
            **details,
            "message": {"template": summary.template, "params": dict(summary.params)},
            "versions": snapshots.versions(applied.after),
            "history": [],
        },
    )
    session.add(entry)
    session.flush()
    session.expunge(entry)  # kept as written: a reload would read back megabytes of snapshots
    session.expire_all()
    return entry


def _stamp(session: Session, edit: EditContext, reviewer: str, when: datetime) -> None:
    """Give every changed project its next version (a created one version 1) and who did it,
    unless the operation's own update did (`EditContext.update_many`)."""
    existing = [
        key for key, snapshot in edit.before.items()
        if snapshot is not None and key not in edit.stamped
    ]
    created = [key for key, snapshot in edit.before.items() if snapshot is None]
    connection = session.connection()
    if existing:
        connection.execute(
            update(PROJECTS)
            .where(among(connection, PROJECTS.c.key, existing))
            .values(**snapshots.stamp(reviewer, when))
        )
    if created:
        connection.execute(
            update(PROJECTS)
            .where(among(connection, PROJECTS.c.key, created))
            .values(version=1, updated_by=reviewer, updated_at=when)
        )


def _retire_redo(session: Session, reviewer: str) -> None:
    """A new action ends the reviewer's redo chain: undone entries stay in the log, not redoable."""
    session.execute(
        update(EditLogRow)
        .where(col(EditLogRow.reviewer) == reviewer, col(EditLogRow.redoable).is_(True))
        .values(redoable=False)
    )


def undo(session: Session, reviewer: str) -> EditLogRow:
    """Restore the state before the reviewer's newest applied entry and mark that entry undone."""
    entry = session.exec(
        select(EditLogRow)
        .where(EditLogRow.reviewer == reviewer, col(EditLogRow.undone).is_(False))
        .order_by(col(EditLogRow.id).desc())
        .limit(1)
    ).first()
    if entry is None:
        raise NothingToUndoError(
            _("{reviewer} has nothing left to undo in this database").format(reviewer=reviewer)
        )
    _apply(session, entry, entry.before, reviewer, "undo")
    entry.undone, entry.redoable = True, True
    entry.undone_at, entry.undone_by = now(), reviewer
    session.add(entry)
    session.flush()
    return entry


def redo(session: Session, reviewer: str) -> EditLogRow:
    """Re-apply the reviewer's most recently undone entry, if no new action came after it."""
    entry = session.exec(
        select(EditLogRow)
        .where(EditLogRow.reviewer == reviewer, col(EditLogRow.redoable).is_(True))
        .order_by(col(EditLogRow.id))
        .limit(1)
    ).first()
    if entry is None:
        raise NothingToUndoError(
            _("{reviewer} has nothing to redo: no undone action since the last edit").format(
                reviewer=reviewer
            )
        )
    _apply(session, entry, entry.after, reviewer, "redo")
    entry.undone, entry.redoable = False, False
    session.add(entry)
    session.flush()
    return entry


def _apply(
    session: Session,
    entry: EditLogRow,
    target: Mapping[str, snapshots.Snapshot | None],
    reviewer: str,
    what: str,
) -> None:
    """Restore `target` after checking nobody changed the entry's projects since it last ran."""
    review_only = all(
        snapshot is not None and snapshot.get("scope") == snapshots.REVIEW_SCOPE
        for snapshot in (*entry.before.values(), *entry.after.values())
    )
    current = (snapshots.take_review if review_only else snapshots.take)(
        session, entry.project_keys
    )
    # The entry's projects must look as its last run left them (after for undo, before for
    # redo); contents, not versions, are compared, because undoing a later entry on the same
    # project restores that state with a new version.
    last_run = entry.before if what == "redo" else entry.after
    for key, snapshot in current.items():
        if not snapshots.same_content(snapshot, last_run.get(key)):
            name = snapshot["name"] if snapshot else _name_in(entry, key)
            changed_by = str(snapshot["updated_by"]) if snapshot else ""
            raise StaleEditError(str(name), changed_by)
    when = now()
    stamps: dict[str, dict[str, Any]] = {}
    new_versions: dict[str, int | None] = {}
    for key, snapshot in target.items():
        if snapshot is None:
            new_versions[key] = None
            continue
        base = current[key] or snapshot
        new_versions[key] = int(base["version"]) + 1
        stamps[key] = {"version": new_versions[key], "updated_by": reviewer, "updated_at": when}
    snapshots.restore(session, target, stamps)
    _restore_document(session, entry, "before" if what == "undo" else "after")
    step = {"what": what, "by": reviewer, "at": when.isoformat()}
    history = [*entry.details.get("history", []), step]
    entry.details = {**entry.details, "versions": new_versions, "history": history}


def _restore_document(session: Session, entry: EditLogRow, side: str) -> None:
    """Give a document back the facts an entry changed on it (a reparse's noise and findings)."""
    document = entry.details.get("document")
    if isinstance(document, dict) and side in document:
        session.execute(
            update(DOCUMENTS).where(DOCUMENTS.c.id == document["id"]).values(**document[side])
        )


def _name_in(entry: EditLogRow, key: str) -> str:
    """Return the project's name as either snapshot of the entry knows it, for messages."""
    for state in (entry.after, entry.before):
        snapshot = state.get(key)
        if snapshot:
            return str(snapshot["name"])
    return key
