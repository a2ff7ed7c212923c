"""The generic edit log: record any change with before/after snapshots; undo or redo it safely."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from store import invariants, snapshots
from store.errors import NotFoundError, NothingToUndoError, StaleEditError
from store.models import EditLogRow, ProjectRow

Mutation = Callable[[Session], Iterable[str] | None]
"""Changes the touched projects in the session; returns the keys of any projects it created."""


def now() -> datetime:
    """Return the current time in UTC, the one clock the store uses."""
    return datetime.now(UTC)


def record_edit(
    session: Session,
    *,
    reviewer: str,
    action: str,
    summary: str,
    project_keys: Iterable[str],
    expected_versions: Mapping[str, int],
    mutate: Mutation,
    details: Mapping[str, Any] | None = None,
) -> EditLogRow:
    """Check versions, snapshot, run `mutate`, bump versions, snapshot again, write one log row."""
    keys = list(dict.fromkeys(project_keys))
    before = snapshots.take(session, keys)
    _check_expected(before, expected_versions)
    created = list(mutate(session) or ())
    session.flush()
    keys += [key for key in created if key not in before]
    before.update({key: None for key in created if key not in before})
    when = now()
    for key, snapshot in before.items():
        version = 1 if snapshot is None else int(snapshot["version"]) + 1
        session.execute(
            update(ProjectRow)
            .where(col(ProjectRow.key) == key)
            .values(version=version, updated_by=reviewer, updated_at=when)
        )
    after = snapshots.take(session, keys)
    invariants.check_edit(before, after)
    _retire_redo(session, reviewer)
    entry = EditLogRow(
        time=when,
        reviewer=reviewer,
        action=action,
        project_keys=keys,
        summary=summary,
        before=before,
        after=after,
        details={**(details or {}), "versions": snapshots.versions(after), "history": []},
    )
    session.add(entry)
    session.flush()
    session.expire_all()
    return entry


def _check_expected(
    before: Mapping[str, snapshots.Snapshot | None], expected: Mapping[str, int]
) -> None:
    """Raise if a project the caller read has changed or vanished since."""
    for key, version in expected.items():
        snapshot = before.get(key)
        if snapshot is None:
            raise NotFoundError(f"project {key} no longer exists; reload the list and try again")
        if int(snapshot["version"]) != version:
            raise StaleEditError(str(snapshot["name"]), str(snapshot["updated_by"] or ""))


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
        raise NothingToUndoError(f"{reviewer} has nothing left to undo in this database")
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
            f"{reviewer} has nothing to redo: no undone action since the last edit"
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
    current = snapshots.take(session, entry.project_keys)
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
    step = {"what": what, "by": reviewer, "at": when.isoformat()}
    history = [*entry.details.get("history", []), step]
    entry.details = {**entry.details, "versions": new_versions, "history": history}


def _name_in(entry: EditLogRow, key: str) -> str:
    """Return the project's name as either snapshot of the entry knows it, for messages."""
    for state in (entry.after, entry.before):
        snapshot = state.get(key)
        if snapshot:
            return str(snapshot["name"])
    return key
