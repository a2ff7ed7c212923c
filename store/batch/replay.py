"""Replaying operations from `gzreview history --json` onto a database, line by line.

Each line's operation is applied as the projects are now (a replayed file was written against
another database, so its versions say nothing here); one that no longer applies — a project gone,
a verified project it would change, a malformed argument — is reported with its line and the rest
go on. Undone entries are skipped, which leaves the same state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from store.errors import RefusedError, StoreError
from store.i18n import _
from store.operations import operation_from_json
from store.repository import Repository

MAX_LINE = 1_000_000
"""Longest line read as an operation (a real one is a few hundred characters)."""


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


def _record(text: str) -> dict[str, Any]:
    """Return one line as a JSON object, or refuse saying why it is not one."""
    if len(text) > MAX_LINE:
        raise RefusedError(_("the line is longer than {limit} characters").format(limit=MAX_LINE))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise RefusedError(
            _("not a JSON object ({reason}); was it written by history --json?").format(
                reason=error.msg
            )
        ) from error
    except RecursionError as error:
        raise RefusedError(_("the JSON is nested too deeply to be an operation")) from error
    if not isinstance(record, dict):
        raise RefusedError(_("not a JSON object; was it written by history --json?"))
    return record


def _operation(text: str) -> dict[str, Any] | None:
    """Return the operation of one line, None if it was undone, or refuse saying why not."""
    record = _record(text)
    if record.get("undone"):
        return None
    op = record.get("op", record if "verb" in record else None)
    if not isinstance(op, dict):
        raise RefusedError(_("the entry carries no operation to replay"))
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
            repository.perform(operation_from_json(op), based_on=None)
        except StoreError as error:
            report.failures.append(ReplayFailure(number, str(error)))
        except (TypeError, ValueError, OverflowError) as error:
            reason = _("the operation is malformed ({kind}: {error})").format(
                kind=type(error).__name__, error=str(error)[:200]
            )
            report.failures.append(ReplayFailure(number, reason))
        else:
            report.applied += 1
    return report
