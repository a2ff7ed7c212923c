"""The edit log read as replayable records: what `gzreview history --json` writes."""

from __future__ import annotations

from typing import Any

from store.models import EditLogRow


def _legacy_operation(row: EditLogRow) -> dict[str, Any] | None:
    """Return the operation of a review action logged before operations were (verify, flag…)."""
    key = row.project_keys[0] if row.project_keys else ""
    after = row.after.get(key) or {}
    if row.action in ("verify", "unreview"):
        return {"verb": row.action, "project": key}
    if row.action in ("flag", "note"):
        return {"verb": row.action, "project": key, "note": str(after.get("note", ""))}
    return None


def operation_record(row: EditLogRow) -> dict[str, Any]:
    """Return one edit-log entry as a JSON-ready record with the operation that replays it."""
    assert row.id is not None
    return {
        "id": row.id,
        "time": row.time.isoformat(),
        "reviewer": row.reviewer,
        "action": row.action,
        "summary": row.summary,
        "undone": row.undone,
        "projects": list(row.project_keys),
        "op": row.details.get("op") or _legacy_operation(row),
    }
