"""Row-level building blocks of the corrections: neighbours, positions, keys and spans.

Projects keep their source order through `position` (sparse, so a split-off project fits between
two others) and indicators through `source_order`: an indicator given to another project goes
where its source order puts it. Nothing here logs or checks anything; `EditContext` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from parser import Span
from parser.records import project_key
from store.errors import RefusedError
from store.i18n import _
from store.models import POSITION_STEP, DocumentRow, IndicatorRow, ProjectRow


def indicators_of(session: Session, project_id: int | None) -> list[IndicatorRow]:
    """Return a project's indicators in their order within the project, as stored now."""
    return list(
        session.exec(
            select(IndicatorRow)
            .where(IndicatorRow.project_id == project_id)
            .order_by(col(IndicatorRow.position))
            .execution_options(populate_existing=True)
        ).all()
    )


def renumber(project_id: int | None, indicators: Sequence[IndicatorRow]) -> None:
    """Give indicators to a project in source order, numbered 0..n-1."""
    assert project_id is not None
    for position, indicator in enumerate(sorted(indicators, key=lambda row: row.source_order)):
        indicator.project_id, indicator.position = project_id, position


def neighbour(session: Session, row: ProjectRow, direction: int) -> ProjectRow | None:
    """Return the previous (-1) or next (1) project of the same document, in source order."""
    position = col(ProjectRow.position)
    statement = select(ProjectRow).where(
        ProjectRow.document_id == row.document_id, col(ProjectRow.id) != row.id
    )
    if direction > 0:
        statement = statement.where(
            (position > row.position) | ((position == row.position) & (col(ProjectRow.id) > row.id))
        ).order_by(position, col(ProjectRow.id))
    else:
        statement = statement.where(
            (position < row.position) | ((position == row.position) & (col(ProjectRow.id) < row.id))
        ).order_by(position.desc(), col(ProjectRow.id).desc())
    return session.exec(statement.limit(1)).first()


def unit_neighbour(session: Session, row: ProjectRow, direction: int) -> ProjectRow:
    """Return the previous/next project of the same unit, or refuse at the unit's ends."""
    found = neighbour(session, row, direction)
    if found is None or found.unit != row.unit:
        if direction < 0:
            sentence = _(
                "“{name}” is the first project of {unit}; there is no project before it "
                "to work with"
            )
        else:
            sentence = _(
                "“{name}” is the last project of {unit}; there is no project after it to work with"
            )
        raise RefusedError(sentence.format(name=row.name, unit=row.unit))
    return found


def position_after(session: Session, row: ProjectRow) -> int:
    """Return a free position right after `row`, spreading the later projects when none is free.

    Spreading only renumbers positions (their order stays), so it is not a change of those
    projects: they are not locked, versioned or logged.
    """
    following = neighbour(session, row, 1)
    if following is None:
        return row.position + POSITION_STEP
    if following.position - row.position >= 2:
        return (row.position + following.position) // 2
    session.execute(
        update(ProjectRow)
        .where(col(ProjectRow.document_id) == row.document_id, col(ProjectRow.id) != row.id)
        .where(col(ProjectRow.position) >= following.position)
        .values(position=col(ProjectRow.position) + POSITION_STEP)
        .execution_options(synchronize_session="fetch")
    )
    return row.position + POSITION_STEP // 2


def new_key(session: Session, document_id: int, start: int) -> str:
    """Return a key for a project split off at source offset `start`, unique in the database."""
    document = session.get(DocumentRow, document_id)
    assert document is not None
    key = project_key(document.content_hash, (start, start))
    candidate, suffix = key, 1
    while session.exec(select(ProjectRow.id).where(ProjectRow.key == candidate)).first():
        suffix += 1
        candidate = f"{key}~{suffix}"
    return candidate


def envelope(spans: Sequence[Sequence[int]], fallback: Span) -> Span:
    """Return the span from the first start to the last end, or `fallback` without spans."""
    pieces = [(int(pair[0]), int(pair[1])) for pair in spans]
    if not pieces:
        return fallback
    return min(start for start, _ in pieces), max(end for _, end in pieces)


def refresh_block(row: ProjectRow, indicators: Sequence[IndicatorRow]) -> None:
    """Recompute a project's block from its target and indicator spans (kept if it has none)."""
    spans: list[Sequence[int]] = [*row.target_spans]
    spans += [(item.span_start, item.span_end) for item in indicators
              if item.span_start is not None and item.span_end is not None]
    row.block_start, row.block_end = envelope(spans, (row.block_start, row.block_end))


def split_spans(
    text: str, spans: Sequence[Sequence[int]], target: str, offset: int
) -> tuple[list[list[int]], list[list[int]]]:
    """Split a target's spans where its text is split; all stay left if the text was edited."""
    pieces = [(int(pair[0]), int(pair[1])) for pair in spans]
    if "".join(text[start:end] for start, end in pieces) != target:
        return [list(piece) for piece in pieces], []
    left: list[list[int]] = []
    right: list[list[int]] = []
    seen = 0
    for start, end in pieces:
        cut = start + min(max(offset - seen, 0), end - start)
        if cut > start:
            left.append([start, cut])
        if end > cut:
            right.append([cut, end])
        seen += end - start
    return left, right


def take_absorbed(row: ProjectRow, name: str) -> list[Any]:
    """Remove and return the spans of an absorbed printed name equal to `name` (else [])."""
    for index, (absorbed, spans) in enumerate(row.absorbed_names):
        if absorbed == name:
            row.absorbed_names = [*row.absorbed_names[:index], *row.absorbed_names[index + 1 :]]
            return list(spans)
    return []


def new_project(row: ProjectRow, key: str, name: str, position: int, start: int) -> ProjectRow:
    """Return an empty project after `row` in its document and unit, to be filled by a split."""
    return ProjectRow(
        document_id=row.document_id,
        key=key,
        unit=row.unit,
        name=name,
        target="",
        position=position,
        status="unreviewed",
        confidence=row.confidence,
        flags=[],
        flag_details=[],
        alternatives=[],
        name_spans=[],
        target_spans=[],
        absorbed_names=[],
        block_start=start,
        block_end=start,
        note="",
    )


def is_empty(target: str, indicators: Sequence[IndicatorRow]) -> bool:
    """Tell whether a project would be left with neither target text nor indicators."""
    return not target.strip() and not indicators


def unit_projects(session: Session, row: ProjectRow) -> list[ProjectRow]:
    """Return the projects of `row`'s document and unit in source order."""
    return list(
        session.exec(
            select(ProjectRow)
            .where(ProjectRow.document_id == row.document_id, ProjectRow.unit == row.unit)
            .order_by(col(ProjectRow.position), col(ProjectRow.id))
        ).all()
    )


def indicator_ref(indicator: IndicatorRow) -> dict[str, int]:
    """Return how an operation names an indicator across databases: its place in the source."""
    if indicator.span_start is not None:
        return {"span_start": indicator.span_start}
    return {"source_order": indicator.source_order}


def swap_names(first: ProjectRow, second: ProjectRow) -> None:
    """Exchange two projects' names together with the spans they were printed at."""
    first.name, second.name = second.name, first.name
    first.name_spans, second.name_spans = second.name_spans, first.name_spans


def name_holder(session: Session, row: ProjectRow, name: str) -> ProjectRow | None:
    """Return the unit's project nearest `row` holding the name (not `row` itself), if any."""
    others = [
        other for other in unit_projects(session, row) if other.name == name and other.id != row.id
    ]
    if not others:
        return None
    return min(others, key=lambda other: abs(other.position - row.position))
