"""JSON snapshots of projects, and restoring them, for undo and redo.

A full snapshot holds a project's row and its indicators; a review snapshot only the columns a
review action changes (status, note, who verified it), so verifying thirty thousand projects logs
what changed and nothing else. A snapshot says which it is, and restoring follows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Select, Table, bindparam, delete, insert, select, update
from sqlmodel import Session

from store.key_sets import among
from store.models import INDICATORS, PROJECTS

Snapshot = dict[str, Any]
"""A project row as JSON-safe values plus an `indicators` list of indicator rows (full), or the
review columns with `"scope": "review"`."""

REVIEW_COLUMNS = (
    "key", "name", "status", "note", "verified_by", "verified_at", "version", "updated_by",
    "updated_at",
)
"""What a review action reads and changes: never a project's content."""
_REVIEW_TIMES = ("verified_at", "updated_at")
REVIEW_SCOPE = "review"


def _to_json(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Return a row's values with datetimes as ISO text so the snapshot fits in a JSON column."""
    return {
        name: value.isoformat() if isinstance(value, datetime) else value
        for name, value in row.items()
    }


def _from_json(table: Table, values: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """Return snapshot values of some columns as table values, ISO text turned into datetimes."""
    row = {}
    for name in names:
        column = table.c[name]
        value = values.get(name)
        if value is None and name not in values and isinstance(column.type, JSON):
            value = []  # a JSON list column added after this snapshot was logged
        if isinstance(_storage_type(column.type), DateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        row[name] = value
    return row


def _storage_type(column_type: Any) -> Any:
    """Return the type a column stores as (SQLModel wraps datetimes in a UTC decorator)."""
    return getattr(column_type, "impl", column_type)


def take(
    session: Session, keys: Iterable[str], lock: bool = True
) -> dict[str, Snapshot | None]:
    """Lock and return each project's row and indicators by key; None for a missing key.

    `lock=False` reads rows this transaction has already locked (by changing them), which would
    otherwise be locked a second time, a write to each row on PostgreSQL.
    """
    wanted = list(dict.fromkeys(keys))
    snapshots: dict[str, Snapshot | None] = dict.fromkeys(wanted)
    if not wanted:
        return snapshots
    connection = session.connection()
    locked = _locking(  # locks taken in key order: two bulk actions queue
        select(PROJECTS).where(among(connection, PROJECTS.c.key, wanted)).order_by(PROJECTS.c.key),
        lock,
    )
    rows = connection.execute(locked).mappings().all()  # FOR UPDATE: a no-op on SQLite
    ids = {row["id"]: row["key"] for row in rows}
    for row in rows:
        snapshots[row["key"]] = {**_to_json(row), "indicators": []}
    indicator_rows = connection.execute(
        select(INDICATORS)
        .where(among(connection, INDICATORS.c.project_id, ids))
        .order_by(INDICATORS.c.project_id, INDICATORS.c.position)
    ).mappings()
    for indicator in indicator_rows:
        snapshot = snapshots[ids[indicator["project_id"]]]
        assert snapshot is not None
        snapshot["indicators"].append(_to_json(indicator))
    return snapshots


def take_review(
    session: Session, keys: Iterable[str], lock: bool = True
) -> dict[str, Snapshot | None]:
    """Lock (unless `lock=False`, as `take`) and return each project's review columns by key;
    None for a missing key."""
    wanted = list(dict.fromkeys(keys))
    snapshots: dict[str, Snapshot | None] = dict.fromkeys(wanted)
    if not wanted:
        return snapshots
    columns = [PROJECTS.c[name] for name in REVIEW_COLUMNS]
    connection = session.connection()
    locked = _locking(  # in key order, as `take`
        select(*columns).where(among(connection, PROJECTS.c.key, wanted)).order_by(PROJECTS.c.key),
        lock,
    )
    for row in connection.execute(locked):
        snapshot = dict(zip(REVIEW_COLUMNS, row, strict=True))
        for name in _REVIEW_TIMES:
            if snapshot[name] is not None:
                snapshot[name] = snapshot[name].isoformat()
        snapshot["scope"] = REVIEW_SCOPE
        snapshots[row[0]] = snapshot
    return snapshots


def _locking(statement: Select[Any], lock: bool) -> Select[Any]:
    """Return the SELECT with FOR UPDATE when `lock`."""
    return statement.with_for_update() if lock else statement


def stamp(reviewer: str, when: datetime) -> dict[str, Any]:
    """The values every changed project gets: its next version, who changed it and when."""
    return {"version": PROJECTS.c.version + 1, "updated_by": reviewer, "updated_at": when}


def versions(snapshots: Mapping[str, Snapshot | None]) -> dict[str, int | None]:
    """Return the version of each snapshot's project (None where it does not exist)."""
    return {key: None if snap is None else int(snap["version"]) for key, snap in snapshots.items()}


def restore(
    session: Session,
    snapshots: Mapping[str, Snapshot | None],
    stamps: Mapping[str, Mapping[str, Any]],
) -> None:
    """Make the projects as snapshotted (deleting absent ones); `stamps` override fields."""
    review = {key: snap for key, snap in snapshots.items()
              if snap is not None and snap.get("scope") == REVIEW_SCOPE}
    full = {key: snap for key, snap in snapshots.items() if key not in review}
    if review:
        _restore_review(session, review, stamps)
    if full:
        _restore_full(session, full, stamps)
    session.expire_all()


def _restore_review(
    session: Session, snapshots: Mapping[str, Snapshot], stamps: Mapping[str, Mapping[str, Any]]
) -> None:
    """Write back the review columns of each project."""
    names = [name for name in REVIEW_COLUMNS if name != "key"]
    rows = []
    for key, snapshot in snapshots.items():
        values = {**_from_json(PROJECTS, snapshot, names), **stamps.get(key, {})}
        rows.append({"the_key": key, **{f"new_{name}": values[name] for name in names}})
    statement = (
        update(PROJECTS)
        .where(PROJECTS.c.key == bindparam("the_key"))
        .values({name: bindparam(f"new_{name}") for name in names})
    )
    session.connection().execute(statement, rows)


def _restore_full(
    session: Session,
    snapshots: Mapping[str, Snapshot | None],
    stamps: Mapping[str, Mapping[str, Any]],
) -> None:
    """Replace each project and its indicators by the snapshot (deleting absent ones)."""
    connection = session.connection()
    current_ids = select(PROJECTS.c.id).where(among(connection, PROJECTS.c.key, snapshots))
    connection.execute(delete(INDICATORS).where(INDICATORS.c.project_id.in_(current_ids)))
    connection.execute(delete(PROJECTS).where(among(connection, PROJECTS.c.key, snapshots)))
    project_rows: list[dict[str, Any]] = []
    indicator_rows: list[dict[str, Any]] = []
    for key, snapshot in snapshots.items():
        if snapshot is None:
            continue
        project_rows.append(
            {**_from_json(PROJECTS, snapshot, PROJECTS.c.keys()), **stamps.get(key, {})}
        )
        indicator_rows.extend(
            _from_json(INDICATORS, item, INDICATORS.c.keys()) for item in snapshot["indicators"]
        )
    if project_rows:
        session.execute(insert(PROJECTS), project_rows)
    if indicator_rows:
        session.execute(insert(INDICATORS), indicator_rows)


_STAMPS = frozenset({"version", "updated_by", "updated_at", "scope"})
"""Fields that say who changed a project when (or what a snapshot holds), not what it holds."""


def same_content(first: Snapshot | None, second: Snapshot | None) -> bool:
    """Tell whether two snapshots hold the same project data, whoever changed it and when.

    Only what both hold is compared: a review snapshot against a full one compares the review
    columns (and a column added later is in one only).
    """
    if first is None or second is None:
        return first is second
    shared = (first.keys() & second.keys()) - _STAMPS
    return all(first[key] == second[key] for key in shared)
