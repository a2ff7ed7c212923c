"""The row changes of merging, splitting and moving indicators, on rows an action has locked.

A merge keeps the next project's printed name as an absorbed name of the survivor (so its text
stays claimed) and a later split named the same takes it back. A split's new project gets a key
from where its part of the source starts (`parser.records.project_key`). An indicator given to
another project goes where its source order puts it, so indicators always follow source order.
"""

from __future__ import annotations

from store.errors import RefusedError
from store.i18n import _
from store.models import ProjectRow
from store.operations.arguments import IndicatorRef
from store.operations.context import EditContext
from store.operations.flags import details_of, source_flags
from store.operations.rows import (
    is_empty,
    new_key,
    new_project,
    position_after,
    refresh_block,
    renumber,
    split_spans,
    take_absorbed,
)


def merge_into(edit: EditContext, row: ProjectRow, following: ProjectRow) -> None:
    """Join `following` into `row`: targets joined, indicators appended, its name absorbed."""
    indicators = edit.indicators(row) + edit.indicators(following)
    renumber(row.id, indicators)
    row.target = row.target + following.target
    row.target_spans = [*row.target_spans, *following.target_spans]
    row.absorbed_names = [
        *row.absorbed_names, [following.name, following.name_spans], *following.absorbed_names
    ]
    added = [(code, detail) for code, detail in source_flags(following) if code not in row.flags]
    row.flag_details = [*details_of(row), *(detail for _, detail in added)]
    row.flags = [*row.flags, *(code for code, _ in added)]
    row.note = "\n".join(note for note in (row.note, following.note) if note)
    refresh_block(row, indicators)
    edit.session.flush()  # the indicators point at `row` before `following` (and its cascade) goes
    edit.session.delete(following)


def split_indicators(edit: EditContext, row: ProjectRow, ref: IndicatorRef, name: str) -> str:
    """Move an indicator and those after it to a new project after `row`; return its key."""
    indicators = edit.indicators(row)
    cutting = edit.indicator(row, ref)
    cut = indicators.index(cutting)
    kept, moved = indicators[:cut], indicators[cut:]
    if is_empty(row.target, kept):
        raise RefusedError(
            _(
                "splitting “{name}” at its first indicator would leave it with neither target "
                "nor indicators; rename it instead"
            ).format(name=row.name)
        )
    start = min((item.span_start for item in moved if item.span_start is not None),
                default=row.block_end)
    created = _new_after(edit, row, name, start)
    renumber(created.id, moved)
    refresh_block(row, kept)
    refresh_block(created, moved)
    return created.key


def split_text(edit: EditContext, row: ProjectRow, offset: int, name: str) -> str:
    """Move the target text from `offset` on to a new project after `row`; return its key."""
    if not 0 < offset < len(row.target):
        raise RefusedError(
            _(
                "split the target of “{name}” inside it: the offset must be between 1 and "
                "{last}, not {offset}"
            ).format(name=row.name, last=len(row.target) - 1, offset=offset)
        )
    document_text = edit.document(row).text
    left, right = split_spans(document_text, row.target_spans, row.target, offset)
    start = right[0][0] if right else row.block_end
    created = _new_after(edit, row, name, start)
    row.target, created.target = row.target[:offset].strip(), row.target[offset:].strip()
    row.target_spans, created.target_spans = left, right
    refresh_block(row, edit.indicators(row))
    refresh_block(created, [])
    if not right:
        created.block_start = created.block_end = start
    return created.key


def _new_after(edit: EditContext, row: ProjectRow, name: str, start: int) -> ProjectRow:
    """Insert an empty project after `row`, named (with the spans of an absorbed name if any)."""
    key = new_key(edit.session, row.document_id, start)
    created = new_project(row, key, name, position_after(edit.session, row), start)
    created.name_spans = take_absorbed(row, name) if name else []
    return edit.create(created)


def move_indicator(
    edit: EditContext, source: ProjectRow, target: ProjectRow, ref: IndicatorRef
) -> None:
    """Move one indicator from `source` to `target`, placed by its source order."""
    moving = edit.indicator(source, ref)
    remaining = [item for item in edit.indicators(source) if item.id != moving.id]
    if is_empty(source.target, remaining):
        raise RefusedError(
            _(
                "moving the last indicator of “{name}” would leave it with neither target nor "
                "indicators; merge the two projects instead"
            ).format(name=source.name)
        )
    receiving = [*edit.indicators(target), moving]
    renumber(source.id, remaining)
    renumber(target.id, receiving)
    refresh_block(source, remaining)
    refresh_block(target, receiving)
