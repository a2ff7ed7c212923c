"""Stream projects with their indicators out of the database, in chunks, as plain mappings."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, select

from parser.records import INDICATOR_FIELDS, build_record, json_number
from store.models import DOCUMENTS, INDICATORS, PROJECTS

CHUNK = 500
_PROJECT_FIELDS = (
    "id", "key", "unit", "name", "target", "status", "confidence", "flags", "note",
    "name_spans", "block_start", "block_end",
)
"""The project columns exports use (reading fewer JSON columns keeps big exports fast)."""
_INDICATOR_FIELDS = (
    "project_id", "position", *INDICATOR_FIELDS,
    *(f"{prefix}_{part}" for prefix in ("period", "annual") for part in ("op", "number", "unit")),
)
Row = Mapping[Any, Any]


@dataclass(frozen=True)
class ExportProject:
    """One project's columns (plus `document` and `department`) and its indicators in order."""

    project: Row
    indicators: Sequence[Row]

    def record(self) -> dict[str, Any]:
        """Return the JSON record contract of docs/DESIGN.md, as `gzreview parse` prints it."""
        project = self.project
        return build_record(
            key=project["key"],
            document=project["document"],
            department=project["department"],
            unit=project["unit"],
            name=project["name"],
            target=project["target"],
            status=project["status"],
            confidence=project["confidence"],
            flags=project["flags"],
            name_spans=[tuple(span) for span in project["name_spans"]],
            block=(project["block_start"], project["block_end"]),
            indicators=[indicator_record(item) for item in self.indicators],
        )


def indicator_record(row: Row) -> dict[str, Any]:
    """Return the contract's dict for a stored indicator, parsed values included."""
    record = {name: row[name] for name in INDICATOR_FIELDS}
    for prefix in ("period", "annual"):
        number = row[f"{prefix}_number"]
        record[f"{prefix}_parsed"] = None if number is None else {
            "op": row[f"{prefix}_op"],
            "number": json_number(Decimal(number)),
            "unit": row[f"{prefix}_unit"],
        }
    return record


def iter_projects(connection: Connection, include_all: bool) -> Iterator[ExportProject]:
    """Yield every project (or only verified ones) in document and source order, with indicators."""
    statement = (
        select(
            *(PROJECTS.c[name] for name in _PROJECT_FIELDS),
            DOCUMENTS.c.file_name.label("document"),
            DOCUMENTS.c.department,
        )
        .join(DOCUMENTS, DOCUMENTS.c.id == PROJECTS.c.document_id)
        .order_by(PROJECTS.c.document_id, PROJECTS.c.position, PROJECTS.c.id)
    )
    if not include_all:
        statement = statement.where(PROJECTS.c.status == "verified")
    result = connection.execute(statement.execution_options(yield_per=CHUNK)).mappings()
    for chunk in result.partitions(CHUNK):
        indicators = _indicators_of(connection, [row["id"] for row in chunk])
        for row in chunk:
            yield ExportProject(row, indicators.get(row["id"], []))


def _indicators_of(connection: Connection, project_ids: list[int]) -> dict[int, list[Row]]:
    """Return the indicators of some projects, grouped by project id and ordered by position."""
    rows = connection.execute(
        select(*(INDICATORS.c[name] for name in _INDICATOR_FIELDS))
        .where(INDICATORS.c.project_id.in_(project_ids))
        .order_by(INDICATORS.c.project_id, INDICATORS.c.position)
    ).mappings().all()
    return {key: list(group) for key, group in groupby(rows, key=lambda row: row["project_id"])}
