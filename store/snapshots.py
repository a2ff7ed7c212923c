"""JSON snapshots of projects with their indicators, and restoring them, for undo and redo."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Table, delete, insert, select
from sqlmodel import Session

from store.models import INDICATORS, PROJECTS

Snapshot = dict[str, Any]
"""A project row as JSON-safe values plus an `indicators` list of indicator rows."""


def _to_json(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Return a row's values with datetimes as ISO text so the snapshot fits in a JSON column."""
    return {
        name: value.isoformat() if isinstance(value, datetime) else value
        for name, value in row.items()
    }


def _from_json(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """Return snapshot values as table values, ISO text turned back into datetimes."""
    row = {}
    for column in table.columns:
        value = values.get(column.name)
        if value is None and column.name not in values and isinstance(column.type, JSON):
            value = []  # a JSON list column added after this snapshot was logged
        if isinstance(_storage_type(column.type), DateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        row[column.name] = value
    return row


def _storage_type(column_type: Any) -> Any:
    """Return the type a column stores as (SQLModel wraps datetimes in a UTC decorator)."""
    return getattr(column_type, "impl", column_type)


def take(session: Session, keys: Iterable[str]) -> dict[str, Snapshot | None]:
    """Return each project's row and indicators by key; None for a key that does not exist."""
    wanted = list(dict.fromkeys(keys))
    snapshots: dict[str, Snapshot | None] = dict.fromkeys(wanted)
    locked = select(PROJECTS).where(PROJECTS.c.key.in_(wanted)).with_for_update()
    rows = session.execute(locked).mappings().all()  # FOR UPDATE: a no-op on SQLite
    ids = {row["id"]: row["key"] for row in rows}
    for row in rows:
        snapshots[row["key"]] = {**_to_json(row), "indicators": []}
    indicator_rows = session.execute(
        select(INDICATORS)
        .where(INDICATORS.c.project_id.in_(list(ids)))
        .order_by(INDICATORS.c.project_id, INDICATORS.c.position)
    ).mappings()
    for indicator in indicator_rows:
        snapshot = snapshots[ids[indicator["project_id"]]]
        assert snapshot is not None
        snapshot["indicators"].append(_to_json(indicator))
    return snapshots


def versions(snapshots: Mapping[str, Snapshot | None]) -> dict[str, int | None]:
    """Return the version of each snapshot's project (None where it does not exist)."""
    return {key: None if snap is None else int(snap["version"]) for key, snap in snapshots.items()}


def restore(
    session: Session,
    snapshots: Mapping[str, Snapshot | None],
    stamps: Mapping[str, Mapping[str, Any]],
) -> None:
    """Make the projects exactly as snapshotted (deleting absent ones); `stamps` override fields."""
    keys = list(snapshots)
    current_ids = select(PROJECTS.c.id).where(PROJECTS.c.key.in_(keys))
    session.execute(delete(INDICATORS).where(INDICATORS.c.project_id.in_(current_ids)))
    session.execute(delete(PROJECTS).where(PROJECTS.c.key.in_(keys)))
    project_rows: list[dict[str, Any]] = []
    indicator_rows: list[dict[str, Any]] = []
    for key, snapshot in snapshots.items():
        if snapshot is None:
            continue
        project_rows.append({**_from_json(PROJECTS, snapshot), **stamps.get(key, {})})
        indicator_rows.extend(_from_json(INDICATORS, item) for item in snapshot["indicators"])
    if project_rows:
        session.execute(insert(PROJECTS), project_rows)
    if indicator_rows:
        session.execute(insert(INDICATORS), indicator_rows)
    session.expire_all()


_STAMPS = frozenset({"version", "updated_by", "updated_at"})
"""Fields that say who changed a project when, not what it holds."""


def same_content(first: Snapshot | None, second: Snapshot | None) -> bool:
    """Tell whether two snapshots hold the same project data, whoever changed it and when."""
    if first is None or second is None:
        return first is second
    shared = (first.keys() & second.keys()) - _STAMPS  # a column added later is in one only
    return all(first[key] == second[key] for key in shared)
