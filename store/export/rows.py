"""Stream projects with their indicators out of the database, in chunks, as the parser's entries.

Every export format starts from `parser.records.Entry`, the same input `gzreview parse` builds
its records from, so the two cannot drift apart. Only the columns an export shows are read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, func, select

from parser import Indicator, ParsedValue
from parser.records import (
    INDICATOR_FIELDS,
    VALUE_PARTS,
    VALUES,
    Entry,
    Review,
    part_columns,
    stored_indicator,
    stored_project,
    stored_value,
)
from store.models import DOCUMENTS, INDICATORS, PROJECTS

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
_OP, _NUMBER, _UNIT = (VALUE_PARTS.index(part) for part in ("op", "number", "unit"))


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
    project = stored_project(
        unit,
        name,
        tuple([(int(pair[0]), int(pair[1])) for pair in name_spans]),
        target,
        tuple(indicators),
        (block_start, block_end),
        position,
        confidence,
        flags,  # the record lists the codes alone
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
    parsed: list[ParsedValue | None] = []
    for start in _PARSED_STARTS:
        number = row[start + _NUMBER]
        parsed.append(None if number is None else stored_value(row[start + _OP], number,
                                                               row[start + _UNIT]))
    return stored_indicator(row[1:_PARSED_FROM], parsed)
