"""Which line of the project list shows which project, and where a unit's header goes.

The list is grouped by unit: a header line names the unit before its first project, and the
first line always names the unit of the project below it, so every row on screen sits under its
unit's name. Only the rows in view are laid out, from their loaded pages: a row whose page is not
loaded yet starts no group until it arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from store.views import ProjectSummary

RowSource = Callable[[int], ProjectSummary | None]


class ListLine(NamedTuple):
    """One screen line: the header of the unit of `project` (an index), or that project's row."""

    project: int
    header: bool


def starts_group(previous: ProjectSummary | None, summary: ProjectSummary | None) -> bool:
    """Whether `summary` belongs to another unit (or document) than the row above it."""
    if previous is None or summary is None:
        return False
    return (previous.document_id, previous.unit) != (summary.document_id, summary.unit)


def list_lines(top: int, height: int, count: int, row: RowSource) -> list[ListLine]:
    """The lines from project `top` down: its unit's header, then rows with headers between."""
    if count <= 0 or height <= 0:
        return []
    top = min(max(top, 0), count - 1)
    lines = [ListLine(top, True)]
    previous: ProjectSummary | None = None
    for index in range(top, count):
        summary = row(index)
        if index > top and starts_group(previous, summary):
            if len(lines) + 1 >= height:
                break
            lines.append(ListLine(index, True))
        if len(lines) >= height:
            break
        lines.append(ListLine(index, False))
        previous = summary
    return lines


def top_for(index: int, wanted_line: int, row: RowSource) -> int:
    """The top project that puts project `index` on screen line `wanted_line` (or as near above
    as the headers allow; line 0 is always a header)."""
    top, line = index, 1
    while top > 0:
        extra = 1 + starts_group(row(top - 1), row(top))
        if line + extra > max(wanted_line, 1):
            break
        line += extra
        top -= 1
    return top
