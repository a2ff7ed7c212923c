"""Claims: which reviewer has the app open on which document, so the others skip it.

A claim is no edit: it is never in the edit log and never undone. One reviewer holds a document
at a time; taking it again renews it, and a claim idle longer than `IDLE_LIMIT` is void, so a
crashed or forgotten app frees its document by itself. Taking is one atomic upsert on both
SQLite and PostgreSQL, so two reviewers arriving at once cannot both win.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, delete, select

from store.models import CLAIMS, DOCUMENTS, PROJECTS
from store.upsert import conflict_insert

IDLE_LIMIT = timedelta(minutes=15)
"""A claim whose reviewer did nothing for this long is void."""


@dataclass(frozen=True)
class Claim:
    """A live claim: a document, who holds it, since when and when they last did something."""

    document_id: int
    document: str
    reviewer: str
    since: datetime
    last_active: datetime


def _live(now: datetime) -> ColumnElement[bool]:
    """The condition a claim must meet to count: active within the idle limit."""
    return CLAIMS.c.last_active >= now - IDLE_LIMIT


def live_claims(
    connection: Connection, now: datetime, document_id: int | None = None
) -> list[Claim]:
    """Return every live claim (or the one on a document) with its file name, in document order."""
    statement = (
        select(CLAIMS.c.document_id, DOCUMENTS.c.file_name, CLAIMS.c.reviewer, CLAIMS.c.since,
               CLAIMS.c.last_active)
        .join(DOCUMENTS, DOCUMENTS.c.id == CLAIMS.c.document_id)
        .where(_live(now))
        .order_by(CLAIMS.c.document_id)
    )
    if document_id is not None:
        statement = statement.where(CLAIMS.c.document_id == document_id)
    return [
        Claim(row.document_id, row.file_name, row.reviewer, row.since, row.last_active)
        for row in connection.execute(statement)
    ]


def take_claim(
    connection: Connection, document_id: int, reviewer: str, now: datetime
) -> Claim | None:
    """Claim a document, or renew this reviewer's claim; return whoever holds it afterwards.

    A document held by someone else within the idle limit stays theirs.
    """
    upsert = _upsert(connection, {
        "document_id": document_id, "reviewer": reviewer,
        "since": now, "last_active": now,
    })
    mine = CLAIMS.c.reviewer == upsert.excluded.reviewer
    renewing = and_(mine, _live(now))
    connection.execute(upsert.on_conflict_do_update(
        index_elements=[CLAIMS.c.document_id],
        set_={
            "reviewer": upsert.excluded.reviewer,
            "since": case((renewing, CLAIMS.c.since), else_=upsert.excluded.since),
            "last_active": upsert.excluded.last_active,
        },
        where=mine | ~_live(now),
    ))
    return next(iter(live_claims(connection, now, document_id)), None)


def _upsert(connection: Connection, values: dict[str, Any]) -> Any:
    """Return an INSERT of a claim in the dialect's upsert form (SQLite and PostgreSQL)."""
    return conflict_insert(connection, CLAIMS).values(**values)


def release_claims(
    connection: Connection, reviewer: str | None, document_id: int | None, now: datetime
) -> int:
    """Release the live claims of a reviewer, on a document, both, or all; return how many.

    Void claims are cleared on the way, since they no longer mean anything.
    """
    connection.execute(delete(CLAIMS).where(~_live(now)))
    statement = delete(CLAIMS)
    if reviewer is not None:
        statement = statement.where(CLAIMS.c.reviewer == reviewer)
    if document_id is not None:
        statement = statement.where(CLAIMS.c.document_id == document_id)
    return connection.execute(statement).rowcount


def project_ids_in(connection: Connection, document_ids: Iterable[int]) -> frozenset[int]:
    """Return the ids of every project of the given documents (to skip others' documents)."""
    wanted = sorted(set(document_ids))
    if not wanted:
        return frozenset()
    statement = select(PROJECTS.c.id).where(PROJECTS.c.document_id.in_(wanted))
    return frozenset(connection.execute(statement).scalars())
