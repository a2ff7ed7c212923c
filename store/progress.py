"""Review progress by reviewer and day (and document), counted from the edit log.

It counts work done: each verify, flag and correction that is not undone, on the day (in the
given time zone) it was done. A project verified twice after a reopen counts twice; what is
verified now, and by whom, is in the projects themselves (`verified_by_count`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import Connection, func, select

from parser.records import project_key
from store.models import DOCUMENTS, EDIT_LOG, PROJECTS
from store.views import Status

NOT_COUNTED = frozenset({"unreview", "note", "reparse"})
"""Reopening, notes and re-reading a document with a new parser; every verb not counted as
verified or flagged is a correction."""
VERIFYING = frozenset({"verify", "bulk_verify"})
KINDS = ("verified", "flagged", "corrections")


@dataclass(frozen=True)
class ProgressRow:
    """What one reviewer did on one day (in one document, when counted by document)."""

    reviewer: str
    day: date
    document: str
    """The document's file name; empty when not counted by document."""
    verified: int
    flagged: int
    corrections: int


def kind_of(verb: str) -> str | None:
    """Return which count an action adds to, or None for reopening, notes and reparses."""
    if verb in VERIFYING:
        return "verified"
    if verb == "flag":
        return "flagged"
    return None if verb in NOT_COUNTED else "corrections"


def progress_by_reviewer(
    connection: Connection, by_document: bool, zone: tzinfo | None
) -> list[ProgressRow]:
    """Return the counts per reviewer and day (and document), sorted; days in `zone` or local."""
    entries = select(
        EDIT_LOG.c.time, EDIT_LOG.c.reviewer, EDIT_LOG.c.action, EDIT_LOG.c.project_keys
    ).where(EDIT_LOG.c.undone.is_(False))
    documents = _documents_by_key_prefix(connection) if by_document else {}
    counts: Counter[tuple[str, date, str, str]] = Counter()
    for time, reviewer, action, keys in connection.execute(entries):
        kind = kind_of(action)
        if kind is None:
            continue
        day = time.astimezone(zone).date()
        for key in keys if action in VERIFYING else keys[:1]:  # a bulk verify: each project
            document = documents.get(_key_prefix(key), "") if by_document else ""
            counts[(reviewer, day, document, kind)] += 1
    return _rows(counts)


def _rows(counts: Counter[tuple[str, date, str, str]]) -> list[ProgressRow]:
    """Return one row per reviewer, day and document from counts keyed with the kind."""
    groups = sorted({key[:3] for key in counts})
    return [
        ProgressRow(reviewer, day, document, *(counts[(reviewer, day, document, kind)]
                                               for kind in KINDS))
        for reviewer, day, document in groups
    ]


def _key_prefix(key: str) -> str:
    """Return the part of a project key that names its document."""
    return key.split(":", 1)[0]


def _documents_by_key_prefix(connection: Connection) -> dict[str, str]:
    """Return each document's file name by the prefix its projects' keys start with."""
    rows = connection.execute(select(DOCUMENTS.c.content_hash, DOCUMENTS.c.file_name))
    return {_key_prefix(project_key(digest, (0, 0))): name for digest, name in rows}


def verified_by_count(connection: Connection, reviewer: str, document_id: int | None) -> int:
    """Return how many projects (of one document, or all) stand verified by `reviewer`."""
    statement = select(func.count(PROJECTS.c.id)).where(
        PROJECTS.c.status == Status.VERIFIED.value, PROJECTS.c.verified_by == reviewer
    )
    if document_id is not None:
        statement = statement.where(PROJECTS.c.document_id == document_id)
    return int(connection.execute(statement).scalar_one())
