"""After a reparse: unchanged projects keep their review; changed ones are reopened and flagged.

A project's content is what a verification vouches for: its unit, name, target and every field of
every indicator. A verified project whose content the new reading changed is reopened (never
re-verified silently) and keeps its old record beside it for the reviewer to compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlmodel import Session

from parser.records import INDICATOR_FIELDS
from store import snapshots
from store.batch.reparse_report import DocumentReparse
from store.i18n import N_, _
from store.models import PROJECTS
from store.views import Status

Content = tuple[Any, ...]


def content_of(snapshot: Mapping[str, Any]) -> Content:
    """Return what a verification vouches for: unit, name, target and every indicator field."""
    indicators = tuple(
        tuple(item[name] for name in INDICATOR_FIELDS)
        for item in sorted(snapshot["indicators"], key=lambda item: item["position"])
    )
    return snapshot["unit"], snapshot["name"], snapshot["target"], indicators


def carry_review(
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
