"""The edit log read as replayable records: what `gzreview history --json` writes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from store.models import EditLogRow


def legacy_operation(entry: Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the operation of a review action logged before operations were (verify, flag…)."""
    keys, action = entry["project_keys"], entry["action"]
    key = keys[0] if keys else ""
    after = entry["after"].get(key) or {}
    if action in ("verify", "unreview"):
        return {"verb": action, "project": key}
    if action in ("flag", "note"):
        return {"verb": action, "project": key, "note": str(after.get("note", ""))}
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
        "message": row.details.get("message"),
        "undone": row.undone,
        "projects": list(row.project_keys),
        "op": row.details.get("op") or legacy_operation(row.model_dump()),
    }
