"""The review list's filters, order and facets as SQL, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from sqlalchemy import ColumnElement, String, and_, cast, exists, func, or_, true
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from store.models import DocumentRow, IndicatorRow, ProjectRow
from store.views import FacetValue, ListFilter, ListQuery, Order, Status

SOURCE_ORDER = (col(ProjectRow.document_id), col(ProjectRow.position), col(ProjectRow.id))
CONFIDENCE_BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 0.95), (0.95, 1.01))
"""The confidence facet's bands, [low, high): doubtful, unsure, fairly sure, sure."""
FACETS = ("status", "flag", "unit", "document", "confidence", "reviewer")


def flags_as_text() -> ColumnElement[str]:
    """A project's flag list as its stored JSON text: a database holds few distinct lists, so
    they are matched, grouped and decoded as text rather than once per project."""
    return cast(col(ProjectRow.flags), String)


def conditions(query: ListQuery) -> list[ColumnElement[bool]]:
    """Return the WHERE conditions of a list query (all must hold)."""
    found = _status(query.status)
    if query.document_id is not None:
        found.append(col(ProjectRow.document_id) == query.document_id)
    if query.documents:
        found.append(col(ProjectRow.document_id).in_(sorted(query.documents)))
    if query.units:
        found.append(col(ProjectRow.unit).in_(sorted(query.units)))
    if query.flags:
        as_text = flags_as_text()
        found.append(or_(*(as_text.contains(f'"{code}"') for code in sorted(query.flags))))
    if query.confidence is not None:
        low, high = query.confidence
        found.append(and_(col(ProjectRow.confidence) >= low, col(ProjectRow.confidence) < high))
    if query.reviewer:
        found.append(col(ProjectRow.updated_by) == query.reviewer)
    if query.text:
        found.append(_text_matches(query.text))
    return found


def _status(list_filter: ListFilter) -> list[ColumnElement[bool]]:
    """Return the condition of a status filter ("needs review" = not verified)."""
    status = col(ProjectRow.status)
    if list_filter is ListFilter.NEEDS_REVIEW:
        return [status != Status.VERIFIED.value]
    if list_filter is ListFilter.FLAGGED:
        return [status == Status.FLAGGED.value]
    if list_filter is ListFilter.VERIFIED:
        return [status == Status.VERIFIED.value]
    return []


def _text_matches(text: str) -> ColumnElement[bool]:
    """Return whether a project's name, unit, target, indicators or raw text contain `text`."""
    indicator = exists().where(
        col(IndicatorRow.project_id) == col(ProjectRow.id),
        col(IndicatorRow.name).contains(text, autoescape=True),
    )
    raw = exists().where(
        col(DocumentRow.id) == col(ProjectRow.document_id),
        func.substr(
            col(DocumentRow.text),
            col(ProjectRow.block_start) + 1,
            col(ProjectRow.block_end) - col(ProjectRow.block_start),
        ).contains(text, autoescape=True),
    )
    return or_(
        col(ProjectRow.name).contains(text, autoescape=True),
        col(ProjectRow.unit).contains(text, autoescape=True),
        col(ProjectRow.target).contains(text, autoescape=True),
        indicator,
        raw,
    )


def order_by(query: ListQuery) -> tuple[Any, ...]:
    """Return the list's order: as printed, or least confident first (then as printed)."""
    if query.order is Order.CONFIDENCE:
        return (col(ProjectRow.confidence), *SOURCE_ORDER)
    return SOURCE_ORDER


def facets(session: Session, query: ListQuery) -> dict[str, list[FacetValue]]:
    """Return, for each facet, its values among the listed projects with their counts."""
    where = and_(True, *conditions(query))
    found = {
        "status": _grouped(session, col(ProjectRow.status), where),
        "unit": _grouped(session, col(ProjectRow.unit), where),
        "reviewer": _grouped(session, col(ProjectRow.updated_by), where),
        "document": _documents(session, where),
        "confidence": _bands(session, where),
        "flag": _flag_counts(session, where),
    }
    return {name: found[name] for name in FACETS}


def _grouped(session: Session, column: Any, where: Any) -> list[FacetValue]:
    """Return a column's values with their counts, most common first."""
    rows = session.execute(
        sa_select(column, func.count()).where(where).group_by(column).order_by(func.count().desc())
    )
    return [FacetValue(str(value or ""), int(count)) for value, count in rows]


def _documents(session: Session, where: Any) -> list[FacetValue]:
    """Return the documents (by id and file name) with their counts, in import order."""
    rows = session.execute(
        sa_select(col(DocumentRow.id), col(DocumentRow.file_name), func.count())
        .select_from(ProjectRow)
        .join(DocumentRow, col(DocumentRow.id) == col(ProjectRow.document_id))
        .where(where)
        .group_by(col(DocumentRow.id), col(DocumentRow.file_name))
        .order_by(col(DocumentRow.id))
    )
    return [FacetValue(f"{document_id}:{name}", int(count)) for document_id, name, count in rows]


def _bands(session: Session, where: Any) -> list[FacetValue]:
    """Return how many projects fall in each confidence band, least confident first."""
    confidence = col(ProjectRow.confidence)
    counts = session.execute(
        sa_select(*(
            func.count().filter(and_(confidence >= low, confidence < high))
            for low, high in CONFIDENCE_BANDS
        )).where(where)
    ).one()
    return [FacetValue(f"{low:.2f}–{min(high, 1.0):.2f}", int(count))
            for (low, high), count in zip(CONFIDENCE_BANDS, counts, strict=True)]


def _flag_counts(session: Session, where: Any) -> list[FacetValue]:
    """Return each parser flag with how many listed projects carry it, most common first.

    The database groups the projects by their flag list as text (a few dozen distinct lists),
    so only those lists are decoded here, not one per project.
    """
    as_text = flags_as_text()
    counts: Counter[str] = Counter()
    rows = session.execute(sa_select(as_text, func.count()).where(where).group_by(as_text))
    for codes, count in rows:
        counts.update(dict.fromkeys(set(json.loads(codes or "[]")), int(count)))
    return [FacetValue(code, count) for code, count in counts.most_common()]


VALUE_FACETS = ("unit of measure", "comparison", "form")


def value_facets(session: Session, query: ListQuery) -> dict[str, list[FacetValue]]:
    """Return how the listed projects' indicator values are written: units of measure (平米 vs
    平方米, % vs ％), comparisons (≥, 不少于 → ≥ …) and forms (a number or words), with counts
    over period and annual values together."""
    narrowing = conditions(query)
    projects = sa_select(col(ProjectRow.id)).where(*narrowing)
    scope = col(IndicatorRow.project_id).in_(projects) if narrowing else true()
    units: Counter[str] = Counter()
    comparisons: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for prefix in ("period", "annual"):
        unit = col(getattr(IndicatorRow, f"{prefix}_unit"))
        op = col(getattr(IndicatorRow, f"{prefix}_op"))
        for unit_value, op_value, count in session.execute(
            sa_select(unit, op, func.count()).where(scope).group_by(unit, op)
        ):
            number = op_value is not None
            forms["number" if number else "words"] += count
            if number:
                units[unit_value or ""] += count
                comparisons[op_value or "="] += count
    return {
        "unit of measure": [FacetValue(value, count) for value, count in units.most_common()],
        "comparison": [FacetValue(value, count) for value, count in comparisons.most_common()],
        "form": [FacetValue(value, count) for value, count in forms.most_common()],
    }
