"""Edit-log entries as replayable operations, and applying them to another database.

An operation is one JSON object: the verb and its arguments with projects named by their stable
key and indicators by their place in the source (`{"span_start": 154}`), so it applies to any
import of the same text. `gzreview history --json` writes them oldest first, `gzreview apply`
replays them; an operation that no longer applies is reported with its line and the rest go on.
Undone entries are written too (marked) and skipped on replay, which leaves the same state.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from store.errors import RefusedError, StoreError
from store.models import EditLogRow

if TYPE_CHECKING:
    from store.repository import Repository

Op = Mapping[str, Any]


def status_operation(row: EditLogRow) -> dict[str, Any] | None:
    """Return the operation of a review verb logged before ops were (verify, flag, note…)."""
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
        "op": row.details.get("op") or status_operation(row),
    }


@dataclass(frozen=True)
class ReplayFailure:
    """An operation that did not apply: its line in the file and why."""

    line: int
    reason: str


@dataclass
class ReplayReport:
    """What replaying a file did."""

    applied: int = 0
    skipped: int = 0
    failures: list[ReplayFailure] = field(default_factory=list)


def _project(repository: Repository, op: Op) -> tuple[int, int]:
    """Return the id and current version of the project an operation names by key."""
    project_id = repository.project_id_of(str(op["project"]))
    return project_id, repository.project(project_id).version


def _indicator(repository: Repository, project_id: int, op: Op) -> int:
    """Return the id of the indicator an operation names by its place in the source."""
    return repository.indicator_id_of(project_id, op["indicator"])


Verb = Callable[["Repository", Op, int, int], object]

_VERBS: dict[str, Verb] = {
    "verify": lambda repo, op, pid, version: repo.verify(pid, version),
    "unreview": lambda repo, op, pid, version: repo.mark_unreviewed(pid, version),
    "flag": lambda repo, op, pid, version: repo.flag(pid, str(op["note"]), version),
    "note": lambda repo, op, pid, version: repo.set_note(pid, str(op["note"]), version),
    "rename": lambda repo, op, pid, version: repo.rename(pid, str(op["new_name"]), version),
    "swap_with_neighbour": lambda repo, op, pid, version: repo.swap_with_neighbour(
        pid, int(op["direction"]), version
    ),
    "merge_with_next": lambda repo, op, pid, version: repo.merge_with_next(pid, version),
    "split_at_indicator": lambda repo, op, pid, version: repo.split_at_indicator(
        pid, _indicator(repo, pid, op), str(op["new_name"]), version
    ),
    "split_target": lambda repo, op, pid, version: repo.split_target(
        pid, int(op["offset"]), str(op["new_name"]), version
    ),
    "move_indicator": lambda repo, op, pid, version: repo.move_indicator(
        pid, _indicator(repo, pid, op), int(op["direction"]), version
    ),
    "edit_project_field": lambda repo, op, pid, version: repo.edit_project_field(
        pid, str(op["field"]), str(op["value"]), version
    ),
    "edit_indicator_field": lambda repo, op, pid, version: repo.edit_indicator_field(
        pid, _indicator(repo, pid, op), str(op["field"]), op["value"], version
    ),
}


def apply_operation(repository: Repository, op: Op) -> None:
    """Apply one operation to the current state of the database, or raise saying why not."""
    verb = _VERBS.get(str(op.get("verb", "")))
    if verb is None:
        raise RefusedError(f"unknown operation “{op.get('verb')}”; gzreview cannot replay it")
    project_id, version = _project(repository, op)
    verb(repository, op, project_id, version)


def _operation(text: str) -> Op | None:
    """Return the operation of one line of `history --json`, None if undone, or raise why not."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        reason = f"not a JSON object ({error.msg}); was it written by history --json?"
        raise RefusedError(reason) from error
    if not isinstance(record, dict):
        raise RefusedError("not a JSON object; was it written by history --json?")
    if record.get("undone"):
        return None
    op = record.get("op", record if "verb" in record else None)
    if not isinstance(op, dict):
        raise RefusedError("the entry carries no operation to replay")
    return op


def replay(repository: Repository, lines: Iterable[str]) -> ReplayReport:
    """Apply each line's operation in order; report those that no longer apply and go on."""
    report = ReplayReport()
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            op = _operation(text)
            if op is None:
                report.skipped += 1
                continue
            apply_operation(repository, op)
        except StoreError as error:
            report.failures.append(ReplayFailure(number, str(error)))
        except (KeyError, TypeError, ValueError) as error:
            reason = f"the operation is malformed ({type(error).__name__}: {error})"
            report.failures.append(ReplayFailure(number, reason))
        else:
            report.applied += 1
    return report
