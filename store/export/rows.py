"""Stream projects with their indicators out of the database, in chunks, as the parser's entries.

Every export format starts from `parser.records.Entry`, the same input `gzreview parse` builds
its records from, so the two cannot drift apart. Only the columns an export shows are read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, func, select

from parser import Flag, Indicator, Project
from parser.records import INDICATOR_FIELDS, VALUE_PARTS, VALUES, Entry, Review, part_columns
from store.models import DOCUMENTS, INDICATORS, PROJECTS
from store.records import parsed_value

CHUNK = 1000
"""Projects read per query (their indicators in one more query)."""
_PROJECT_COLUMNS = (
    "id", "key", "unit", "name", "target", "status", "confidence", "flags", "note",
    "name_spans", "block_start", "block_end", "position", "verified_by", "verified_at",
)
"""The project columns an export shows (reading fewer JSON columns keeps big exports fast)."""
_INDICATOR_COLUMNS = (
    "project_id", *INDICATOR_FIELDS, *(name for value in VALUES for name in part_columns(value)),
)
_PARSED_FROM = 1 + len(INDICATOR_FIELDS)
_PARTS = len(VALUE_PARTS)
_PARSED_STARTS = tuple(range(_PARSED_FROM, len(_INDICATOR_COLUMNS), _PARTS))
_NUMBER = VALUE_PARTS.index("number")
_NO_SPAN = (0, 0)
_new_indicator: Callable[..., Indicator] = Indicator
"""`Indicator` taking its fields in order: printed ones, span, then the parsed values."""


def count_projects(connection: Connection, include_all: bool) -> int:
    """Return how many projects an export will write (for its progress bar)."""
    statement = select(func.count()).select_from(PROJECTS)
    if not include_all:
        statement = statement.where(PROJECTS.c.status == "verified")
    return int(connection.execute(statement).scalar_one())


def iter_projects(connection: Connection, include_all: bool) -> Iterator[Entry]:
    """Yield every project (or only verified ones) in document and source order, with indicators."""
    statement = (
        select(
            *(PROJECTS.c[name] for name in _PROJECT_COLUMNS),
            DOCUMENTS.c.file_name,
            DOCUMENTS.c.department,
        )
        .join(DOCUMENTS, DOCUMENTS.c.id == PROJECTS.c.document_id)
        .order_by(PROJECTS.c.document_id, PROJECTS.c.position, PROJECTS.c.id)
    )
    if not include_all:
        statement = statement.where(PROJECTS.c.status == "verified")
    result = connection.execute(statement.execution_options(yield_per=CHUNK))
    for chunk in result.partitions(CHUNK):
        indicators = _indicators_of(connection, [row[0] for row in chunk])
        for row in chunk:
            yield _entry(row, indicators.get(row[0], ()))


def _entry(row: Sequence[Any], indicators: Sequence[Indicator]) -> Entry:
    """Return one project row (columns as `_PROJECT_COLUMNS`, then document) as an entry."""
    (_, key, unit, name, target, status, confidence, flags, note, name_spans, block_start,
     block_end, position, verified_by, verified_at, document, department) = row
    project = Project(
        unit=unit,
        name=name,
        name_spans=tuple((int(pair[0]), int(pair[1])) for pair in name_spans),
        target=target,
        target_spans=(),  # an export shows where the name and the block are, not the target
        indicators=tuple(indicators),
        block=(block_start, block_end),
        order=position,
        confidence=confidence,
        flags=tuple(Flag(code) for code in flags),  # the record lists the codes alone
    )
    review = Review(status, verified_by, verified_at, note or None)
    return Entry(key, document, department, project, review)


def _indicators_of(
    connection: Connection, project_ids: list[int]
) -> dict[int, tuple[Indicator, ...]]:
    """Return the indicators of some projects, grouped by project id and ordered by position."""
    rows = connection.execute(
        select(*(INDICATORS.c[name] for name in _INDICATOR_COLUMNS))
        .where(INDICATORS.c.project_id.in_(project_ids))
        .order_by(INDICATORS.c.project_id, INDICATORS.c.position)
    ).all()
    return {
        project_id: tuple(_indicator(row) for row in group)
        for project_id, group in groupby(rows, key=itemgetter(0))
    }


def _indicator(row: Sequence[Any]) -> Indicator:
    """Return one indicator row (columns as `_INDICATOR_COLUMNS`) as the parser's record."""
    parsed = [
        None if row[start + _NUMBER] is None else parsed_value(*row[start : start + _PARTS])
        for start in _PARSED_STARTS
    ]
    return _new_indicator(*row[1:_PARSED_FROM], _NO_SPAN, *parsed)
