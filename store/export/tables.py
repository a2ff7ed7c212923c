"""The tabular shape of an export: typed columns, the free-text ones guarded for spreadsheets.

Every column is a field of the record contract (`parser.records.record`), flattened: the project
columns say how each is read from an entry; the indicator columns are the parser's indicator
fields, each value followed by its parsed parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from parser import Indicator
from parser.records import (
    INDICATOR_FIELDS,
    PARSED_OF,
    VALUE_PARTS,
    Entry,
    iso_time,
    part_columns,
)
from store.text_safety import UNSAFE_CHARACTERS

FORMULA_SIGNS = "=+-@＝＋－＠﹦﹢﹣﹫"
"""Characters that start a spreadsheet formula, in ASCII, full-width and small forms."""
_FORMULA = re.compile(
    rf"[\t\r]|(?:\s|{UNSAFE_CHARACTERS.pattern})*[{re.escape(FORMULA_SIGNS)}]"
)
"""A tab or CR first, or a formula sign after nothing but spaces and invisible characters."""


@dataclass(frozen=True)
class Column:
    """One exported column: its name, Table Schema type and meaning, and whether it is free text.

    Free text is what a document or a reviewer wrote (names, notes, values as printed): the
    spreadsheet formats guard it against formulas. Codes, keys and numbers are written as they are.
    A project column also says how its cell is read from an entry.
    """

    name: str
    type: str
    description: str
    free_text: bool = False
    cell: Callable[[Entry], Any] | None = None


PROJECT_COLUMNS = (
    Column("key", "string", "Stable project key: document hash and source block start",
           cell=lambda entry: entry.key),
    Column("document", "string", "File name of the source document", free_text=True,
           cell=lambda entry: entry.document),
    Column("department", "string", "Department (部门名称) of the document", free_text=True,
           cell=lambda entry: entry.department),
    Column("unit", "string", "Unit (资金使用单位) the project belongs to", free_text=True,
           cell=lambda entry: entry.project.unit),
    Column("name", "string", "Project name (项目名称)", free_text=True,
           cell=lambda entry: entry.project.name),
    Column("target", "string", "Performance target paragraph (绩效目标)", free_text=True,
           cell=lambda entry: entry.project.target),
    Column("status", "string", "Review status: unreviewed, verified or flagged",
           cell=lambda entry: entry.review.status),
    Column("confidence", "number", "Parser confidence in the name assignment, 0 to 1",
           cell=lambda entry: round(float(entry.project.confidence), 4)),
    Column("flags", "string", "Parser flag codes, separated by '; '",
           cell=lambda entry: "; ".join(entry.project.flag_codes)),
    Column("note", "string", "Reviewer note", free_text=True,
           cell=lambda entry: entry.review.note),
    Column("verified_by", "string", "Reviewer who verified the project", free_text=True,
           cell=lambda entry: entry.review.verified_by),
    Column("verified_at", "datetime", "When it was verified (ISO 8601 with UTC offset)",
           cell=lambda entry: iso_time(entry.review.verified_at)),
    Column("block_start", "integer", "Start offset of the project's block in the document text",
           cell=lambda entry: entry.project.block[0]),
    Column("block_end", "integer", "End offset (exclusive) of the project's block",
           cell=lambda entry: entry.project.block[1]),
)

_INDICATOR_DESCRIPTIONS = {
    "seq": ("integer", "Sequence number as printed"),
    "level1_code": ("string", "Level-1 code (一级指标)"),
    "level1": ("string", "Level-1 name"),
    "level2_code": ("string", "Level-2 code (二级指标)"),
    "level2": ("string", "Level-2 name"),
    "name": ("string", "Indicator name (三级指标)"),
    "period_value": ("string", "Value for the implementation period, as printed"),
    "annual_value": ("string", "Value for the budget year, as printed"),
}
"""The Table Schema type and meaning of each of the parser's indicator fields."""
_PART_DESCRIPTIONS = {
    "op": ("string", "Comparison of the {value} (=, ≥, ＞ …), if numeric"),
    "number": ("number", "Number of the {value}, if numeric"),
    "unit": ("string", "Unit of the {value}, if numeric"),
}
"""The type and meaning of each part of a value read as a number (`parser.records.VALUE_PARTS`)."""
INDICATOR_NAME = "indicator_name"
"""The column of an indicator's own `name`, so that it never reads as the project's name."""
_CODES = frozenset({"level1_code", "level2_code"})


def _indicator_columns() -> tuple[Column, ...]:
    """Return the indicator columns: its project's key, its place, then the parser's fields."""
    columns = [
        Column("project_key", "string", "Key of the project this indicator belongs to"),
        Column("position", "integer", "1-based place of the indicator within its project"),
    ]
    for field in INDICATOR_FIELDS:
        kind, description = _INDICATOR_DESCRIPTIONS[field]
        name = INDICATOR_NAME if field == "name" else field
        columns.append(Column(name, kind, description, free_text=kind == "string"
                              and field not in _CODES))
        if field in PARSED_OF:
            value = field.replace("_", " ")
            for part, column in zip(VALUE_PARTS, part_columns(field[: -len("_value")]),
                                    strict=True):
                kind, template = _PART_DESCRIPTIONS[part]
                columns.append(Column(column, kind, template.format(value=value),
                                      free_text=part == "unit"))
    return tuple(columns)


INDICATOR_COLUMNS = _indicator_columns()

FLAT_COLUMNS = PROJECT_COLUMNS + INDICATOR_COLUMNS[1:]
"""One row per indicator with its project's columns repeated (CSV export)."""


def guard_formula(text: str) -> str:
    """Return text a spreadsheet would run as a formula behind a `'`, which shows it as text.

    A formula sign counts also in its full-width form (＝) and after leading spaces or invisible
    characters, which spreadsheets skip; a leading tab or CR is guarded too.
    """
    if text[:1].isalnum() or _FORMULA.match(text) is None:  # most text starts with a letter
        return text
    return "'" + text


def free_text_positions(columns: Sequence[Column]) -> tuple[int, ...]:
    """Return the indexes of the free-text columns, the ones a spreadsheet export guards."""
    return tuple(index for index, column in enumerate(columns) if column.free_text)


def guarded(cells: list[Any], positions: tuple[int, ...]) -> list[Any]:
    """Return `cells` with the text at `positions` guarded against formulas (in place)."""
    for index in positions:
        cell = cells[index]
        if cell.__class__ is str and not cell[:1].isalnum():  # most text starts with a letter
            cells[index] = guard_formula(cell)
    return cells


_PROJECT_CELLS = tuple(column.cell for column in PROJECT_COLUMNS if column.cell is not None)


def project_cells(entry: Entry) -> list[Any]:
    """Return the project's cells in PROJECT_COLUMNS order."""
    return [cell(entry) for cell in _PROJECT_CELLS]


def _segments() -> tuple[tuple[int, int, str | None], ...]:
    """Return the printed fields as runs [start, end), each followed by its parsed field or None."""
    segments: list[tuple[int, int, str | None]] = []
    start = 0
    for end, field in enumerate(INDICATOR_FIELDS, start=1):
        if field in PARSED_OF or end == len(INDICATOR_FIELDS):
            segments.append((start, end, PARSED_OF.get(field)))
            start = end
    return tuple(segments)


_SEGMENTS = _segments()
_printed = attrgetter(*INDICATOR_FIELDS)
_NO_PARTS = (None,) * len(VALUE_PARTS)
_parts = attrgetter(*VALUE_PARTS)


def indicator_cells(project_key: str, position: int, indicator: Indicator | None) -> list[Any]:
    """Return an indicator's cells in INDICATOR_COLUMNS order (empty cells for no indicator)."""
    if indicator is None:
        return [project_key] + [None] * (len(INDICATOR_COLUMNS) - 1)
    printed = _printed(indicator)
    cells: list[Any] = [project_key, position]
    for start, end, parsed_field in _SEGMENTS:
        cells += printed[start:end]
        if parsed_field is not None:
            parsed = getattr(indicator, parsed_field)
            cells += _NO_PARTS if parsed is None else _parts(parsed)
    return cells


PROJECT_FREE_TEXT = free_text_positions(PROJECT_COLUMNS)
INDICATOR_FREE_TEXT = free_text_positions(INDICATOR_COLUMNS)
_FLAT_INDICATOR_FREE_TEXT = free_text_positions(INDICATOR_COLUMNS[1:])


def flat_rows(entry: Entry) -> list[list[Any]]:
    """Return one guarded row per indicator (or one for a project without any), project first."""
    project = guarded(project_cells(entry), PROJECT_FREE_TEXT)
    indicators = entry.project.indicators
    if not indicators:
        return [project + indicator_cells("", 0, None)[1:]]
    return [
        project + guarded(indicator_cells("", position, indicator)[1:], _FLAT_INDICATOR_FREE_TEXT)
        for position, indicator in enumerate(indicators, start=1)
    ]
