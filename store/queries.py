"""Read queries that turn table rows into the plain values of `store.views`."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, case, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import QueryableAttribute, defer
from sqlmodel import Session, col, select

from parser.flags import needs_attention
from store import listing
from store.errors import NotFoundError
from store.i18n import _
from store.models import DocumentRow, EditLogRow, IndicatorRow, KnownNameRow, ProjectRow
from store.operations.rows import neighbour
from store.records import indicator_view
from store.records import project_detail as project_detail_of
from store.views import (
    DocumentSummary,
    EditEntry,
    ListQuery,
    Neighbour,
    ProjectDetail,
    ProjectSummary,
    Status,
    UnitStats,
)


def _status_count(status: Status) -> Any:
    """Return a SUM that counts projects with the given status."""
    return func.sum(case((col(ProjectRow.status) == status.value, 1), else_=0)).cast(Integer)


def documents(session: Session) -> list[DocumentSummary]:
    """Return every document with its project counts, in import order."""
    statement = (
        sa_select(
            col(DocumentRow.id),
            col(DocumentRow.file_name),
            col(DocumentRow.department),
            func.count(col(ProjectRow.id)),
            func.coalesce(_status_count(Status.VERIFIED), 0),
            func.coalesce(_status_count(Status.FLAGGED), 0),
            col(DocumentRow.parser_version),
        )
        .outerjoin(ProjectRow, col(ProjectRow.document_id) == col(DocumentRow.id))
        .group_by(col(DocumentRow.id))
        .order_by(col(DocumentRow.id))
    )
    return [DocumentSummary(*row) for row in session.execute(statement).all()]


def unit_stats(session: Session) -> list[UnitStats]:
    """Return project counts by status for every unit of every document."""
    statement = (
        sa_select(
            col(DocumentRow.id),
            col(DocumentRow.file_name),
            col(ProjectRow.unit),
            func.count(col(ProjectRow.id)),
            _status_count(Status.VERIFIED),
            _status_count(Status.FLAGGED),
            _status_count(Status.UNREVIEWED),
        )
        .join(ProjectRow, col(ProjectRow.document_id) == col(DocumentRow.id))
        .group_by(col(DocumentRow.id), col(DocumentRow.file_name), col(ProjectRow.unit))
        .order_by(col(DocumentRow.id), func.min(col(ProjectRow.position)))
    )
    return [UnitStats(*row) for row in session.execute(statement).all()]


def count_projects(session: Session, query: ListQuery) -> int:
    """Return how many projects the list query matches."""
    statement = sa_select(func.count(col(ProjectRow.id))).where(*listing.conditions(query))
    return int(session.execute(statement).scalar_one())


def list_projects(
    session: Session, query: ListQuery, offset: int, limit: int
) -> list[ProjectSummary]:
    """Return one page of the list query's project rows, in its order."""
    row = ProjectRow
    statement = (
        sa_select(
            col(row.id), col(row.key), col(row.document_id), col(row.unit), col(row.name),
            col(row.status), col(row.confidence), listing.flags_as_text().label("flags"),
            col(row.version),
        )
        .where(*listing.conditions(query))
        .order_by(*listing.order_by(query))
        .offset(max(0, offset))
        .limit(max(0, limit))
    )
    summaries = []
    for found in session.execute(statement):
        flagged, attention = _flag_facts(found.flags)
        summaries.append(ProjectSummary(
            id=found.id,
            key=found.key,
            document_id=found.document_id,
            unit=found.unit,
            name=found.name,
            status=Status(found.status),
            confidence=found.confidence,
            has_parser_flags=flagged,
            needs_attention=attention,
            version=found.version,
        ))
    return summaries


@lru_cache(maxsize=4096)
def _flag_facts(stored: str | None) -> tuple[bool, bool]:
    """Return whether a stored flag list (JSON text) has flags and whether any needs attention.

    A database holds few distinct lists, so each is decoded once, not once per listed project.
    """
    codes = json.loads(stored) if stored else []
    return bool(codes), needs_attention(codes)


def project_ids(session: Session, query: ListQuery) -> list[int]:
    """Return the ids of matching projects in list order (Core rows: 4x faster than ORM loading)."""
    statement = (
        sa_select(col(ProjectRow.id))
        .where(*listing.conditions(query))
        .order_by(*listing.order_by(query))
    )
    found = session.connection().execute(statement).scalars().all()
    return [project_id for project_id in found if project_id is not None]


def project_texts(session: Session, query: ListQuery) -> list[tuple[int, str, str, str]]:
    """Return (id, unit, name, target) of matching projects in list order, for fuzzy search."""
    row = ProjectRow
    columns = (col(row.id), col(row.unit), col(row.name), col(row.target))
    statement = (
        sa_select(*columns).where(*listing.conditions(query)).order_by(*listing.order_by(query))
    )
    return [(found[0], found[1], found[2], found[3]) for found in session.execute(statement)]


def project_row(session: Session, project_id: int) -> ProjectRow:
    """Return a project's row or raise NotFoundError naming the id."""
    row = session.get(ProjectRow, project_id)
    if row is None:
        raise NotFoundError(
            _("project {id} does not exist (any more); reload the list").format(id=project_id)
        )
    return row


def project_detail(session: Session, project_id: int) -> ProjectDetail:
    """Return a stored project as the parser's record with its review state and neighbours."""
    row = project_row(session, project_id)
    document = session.get(DocumentRow, row.document_id)
    assert document is not None
    indicators = session.exec(
        select(IndicatorRow)
        .where(IndicatorRow.project_id == project_id)
        .order_by(col(IndicatorRow.position))
    ).all()
    neighbours = (_neighbour(session, row, -1), _neighbour(session, row, 1))
    return project_detail_of(
        row.model_dump(),
        [indicator_view(item.model_dump()) for item in indicators],
        {"file_name": document.file_name, "department": document.department},
        neighbours,
    )


def _neighbour(session: Session, row: ProjectRow, direction: int) -> Neighbour | None:
    """Return the previous or next project of the row's unit as it is now, if there is one."""
    found = neighbour(session, row, direction)
    if found is None or found.unit != row.unit or found.id is None:
        return None
    return Neighbour(found.id, found.key, found.name, found.version, Status(found.status))


def edit_entry(row: EditLogRow) -> EditEntry:
    """Return the plain value of one edit-log row."""
    assert row.id is not None
    return EditEntry(
        id=row.id,
        time=row.time,
        reviewer=row.reviewer,
        action=row.action,
        project_keys=tuple(row.project_keys),
        summary=row.summary,
        undone=row.undone,
        details=dict(row.details),
    )


def _attribute(name: str) -> QueryableAttribute[Any]:
    """Return an edit-log column as the ORM attribute that loader options take."""
    attribute: QueryableAttribute[Any] = getattr(EditLogRow, name)
    return attribute


def history(session: Session, limit: int) -> list[EditEntry]:
    """Return the newest edit-log entries, newest first."""
    statement = (
        select(EditLogRow)
        .options(*(defer(_attribute(name)) for name in ("before", "after")))  # megabytes, unused
        .order_by(col(EditLogRow.id).desc())
        .limit(limit)
    )
    rows = session.exec(statement).all()
    return [edit_entry(row) for row in rows]


def known_names(session: Session, unit: str | None) -> list[str]:
    """Return distinct known names, sorted: imported ones and those of verified projects now.

    Given a unit: its names plus unit-less imported ones. Verified names are read from the
    projects, so undoing a verify or renaming a verified project changes them at once.
    """
    imported = sa_select(col(KnownNameRow.name))
    verified = sa_select(col(ProjectRow.name)).where(
        col(ProjectRow.status) == Status.VERIFIED.value, col(ProjectRow.name) != ""
    )
    if unit is not None:
        unit_column = col(KnownNameRow.unit)
        imported = imported.where(or_(unit_column == unit, unit_column == ""))
        verified = verified.where(col(ProjectRow.unit) == unit)
    names = set(session.execute(imported).scalars()) | set(session.execute(verified).scalars())
    return sorted(names)
