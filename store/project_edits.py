"""The row changes of merging, splitting and moving indicators, inside one write session.

A merge keeps the next project's printed name as an absorbed name of the survivor (so its text
stays claimed) and a later split named the same takes it back. A split's new project gets a key
from where its part of the source starts (`parser.records.project_key`). An indicator moved to
another project goes where its source order puts it, so indicators always follow source order.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from store.errors import RefusedError
from store.models import DocumentRow, ProjectRow
from store.reshape import (
    indicators_of,
    is_empty,
    new_key,
    new_project,
    position_after,
    refresh_block,
    renumber,
    split_spans,
    take_absorbed,
)


class _RoomChangedError(RefusedError):
    """Other projects than planned had to move to make room; the caller's view is stale."""


def merge_into(session: Session, row: ProjectRow, following: ProjectRow) -> None:
    """Join `following` into `row`: targets joined, indicators appended, its name absorbed."""
    indicators = indicators_of(session, row.id) + indicators_of(session, following.id)
    renumber(row.id, indicators)
    row.target = row.target + following.target
    row.target_spans = [*row.target_spans, *following.target_spans]
    row.absorbed_names = [
        *row.absorbed_names, [following.name, following.name_spans], *following.absorbed_names
    ]
    row.flags = list(dict.fromkeys([*row.flags, *following.flags]))
    row.flag_details = list(dict.fromkeys([*row.flag_details, *following.flag_details]))
    row.confidence = min(row.confidence, following.confidence)
    row.note = "\n".join(note for note in (row.note, following.note) if note)
    refresh_block(row, indicators)
    session.flush()  # the indicators point at `row` before `following` (and its cascade) goes
    session.delete(following)


def _make_room(session: Session, row: ProjectRow, planned: Sequence[str]) -> int:
    """Return a free position after `row`, refusing if other projects than planned must move."""
    position, moved = position_after(session, row)
    if not {project.key for project in moved} <= set(planned):
        raise _RoomChangedError(
            f"the projects after “{row.name}” changed since you loaded them; reload and try again"
        )
    return position


def split_indicators(
    session: Session, row: ProjectRow, indicator_id: int, name: str, planned: Sequence[str]
) -> str:
    """Move an indicator and those after it to a new project after `row`; return its key."""
    indicators = indicators_of(session, row.id)
    cut = next((i for i, item in enumerate(indicators) if item.id == indicator_id), None)
    if cut is None:
        raise RefusedError(f"that indicator is no longer one of “{row.name}”'s; reload it")
    kept, moved = indicators[:cut], indicators[cut:]
    if is_empty(row.target, kept):
        raise RefusedError(
            f"splitting “{row.name}” at its first indicator would leave it with neither target "
            "nor indicators; rename it instead"
        )
    start = min((item.span_start for item in moved if item.span_start is not None),
                default=row.block_end)
    created = _new_after(session, row, name, start, planned)
    renumber(created.id, moved)
    refresh_block(row, kept)
    refresh_block(created, moved)
    return created.key


def split_text(
    session: Session, row: ProjectRow, offset: int, name: str, planned: Sequence[str]
) -> str:
    """Move the target text from `offset` on to a new project after `row`; return its key."""
    document_text = _document_text(session, row)
    left, right = split_spans(document_text, row.target_spans, row.target, offset)
    start = right[0][0] if right else row.block_end
    created = _new_after(session, row, name, start, planned)
    row.target, created.target = row.target[:offset].strip(), row.target[offset:].strip()
    row.target_spans, created.target_spans = left, right
    refresh_block(row, indicators_of(session, row.id))
    refresh_block(created, [])
    if not right:
        created.block_start = created.block_end = start
    return created.key


def _new_after(
    session: Session, row: ProjectRow, name: str, start: int, planned: Sequence[str]
) -> ProjectRow:
    """Insert an empty project after `row`, named (with the spans of an absorbed name if any)."""
    created = new_project(row, new_key(session, row.document_id, start), name,
                          _make_room(session, row, planned))
    created.name_spans = take_absorbed(row, name) if name else []
    created.block_start = created.block_end = start
    session.add(created)
    session.flush()
    return created


def _document_text(session: Session, row: ProjectRow) -> str:
    """Return the text of the project's document."""
    document = session.get(DocumentRow, row.document_id)
    assert document is not None
    return document.text


def move_indicator(
    session: Session, source: ProjectRow, target: ProjectRow, indicator_id: int
) -> None:
    """Move one indicator from `source` to `target`, placed by its source order."""
    remaining = indicators_of(session, source.id)
    moving = next((item for item in remaining if item.id == indicator_id), None)
    if moving is None:
        raise RefusedError(f"that indicator is no longer one of “{source.name}”'s; reload it")
    remaining.remove(moving)
    if is_empty(source.target, remaining):
        raise RefusedError(
            f"moving the last indicator of “{source.name}” would leave it with neither target nor "
            "indicators; merge the two projects instead"
        )
    receiving = [*indicators_of(session, target.id), moving]
    renumber(source.id, remaining)
    renumber(target.id, receiving)
    refresh_block(source, remaining)
    refresh_block(target, receiving)
