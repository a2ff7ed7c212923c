"""The tabular shape of an export: typed columns, the free-text ones guarded for spreadsheets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from store.export.rows import ExportProject, Row
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
    """

    name: str
    type: str
    description: str
    free_text: bool = False


PROJECT_COLUMNS = (
    Column("key", "string", "Stable project key: document hash and source block start"),
    Column("document", "string", "File name of the source document", free_text=True),
    Column("department", "string", "Department (部门名称) of the document", free_text=True),
    Column("unit", "string", "Unit (资金使用单位) the project belongs to", free_text=True),
    Column("name", "string", "Project name (项目名称)", free_text=True),
    Column("target", "string", "Performance target paragraph (绩效目标)", free_text=True),
    Column("status", "string", "Review status: unreviewed, verified or flagged"),
    Column("confidence", "number", "Parser confidence in the name assignment, 0 to 1"),
    Column("flags", "string", "Parser flag codes, separated by '; '"),
    Column("note", "string", "Reviewer note", free_text=True),
    Column("block_start", "integer", "Start offset of the project's block in the document text"),
    Column("block_end", "integer", "End offset (exclusive) of the project's block"),
)

INDICATOR_COLUMNS = (
    Column("project_key", "string", "Key of the project this indicator belongs to"),
    Column("position", "integer", "1-based place of the indicator within its project"),
    Column("seq", "integer", "Sequence number as printed"),
    Column("level1_code", "string", "Level-1 code (一级指标)"),
    Column("level1", "string", "Level-1 name", free_text=True),
    Column("level2_code", "string", "Level-2 code (二级指标)"),
    Column("level2", "string", "Level-2 name", free_text=True),
    Column("indicator_name", "string", "Indicator name (三级指标)", free_text=True),
    Column(
        "period_value", "string", "Value for the implementation period, as printed", free_text=True
    ),
    Column("period_op", "string", "Comparison of the period value (=, ≥, ＞ …), if numeric"),
    Column("period_number", "number", "Number of the period value, if numeric"),
    Column("period_unit", "string", "Unit of the period value, if numeric", free_text=True),
    Column("annual_value", "string", "Value for the budget year, as printed", free_text=True),
    Column("annual_op", "string", "Comparison of the annual value, if numeric"),
    Column("annual_number", "number", "Number of the annual value, if numeric"),
    Column("annual_unit", "string", "Unit of the annual value, if numeric", free_text=True),
)

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
        if cell.__class__ is str:
            cells[index] = guard_formula(cell)
    return cells


def project_cells(item: ExportProject) -> list[Any]:
    """Return the project's cells in PROJECT_COLUMNS order."""
    row = item.project
    return [
        row["key"], row["document"], row["department"], row["unit"], row["name"], row["target"],
        row["status"], round(float(row["confidence"]), 4), "; ".join(row["flags"]), row["note"],
        row["block_start"], row["block_end"],
    ]


def indicator_cells(project_key: str, indicator: Row | None) -> list[Any]:
    """Return an indicator's cells in INDICATOR_COLUMNS order (empty cells for no indicator)."""
    if indicator is None:
        return [project_key] + [None] * (len(INDICATOR_COLUMNS) - 1)
    return [
        project_key, indicator["position"] + 1, indicator["seq"],
        indicator["level1_code"], indicator["level1"], indicator["level2_code"],
        indicator["level2"], indicator["name"],
        indicator["period_value"], indicator["period_op"],
        _number(indicator["period_number"]), indicator["period_unit"],
        indicator["annual_value"], indicator["annual_op"],
        _number(indicator["annual_number"]), indicator["annual_unit"],
    ]


PROJECT_FREE_TEXT = free_text_positions(PROJECT_COLUMNS)
INDICATOR_FREE_TEXT = free_text_positions(INDICATOR_COLUMNS)
_FLAT_INDICATOR_FREE_TEXT = free_text_positions(INDICATOR_COLUMNS[1:])


def flat_rows(item: ExportProject) -> list[list[Any]]:
    """Return one guarded row per indicator (or one for a project without any), project first."""
    project = guarded(project_cells(item), PROJECT_FREE_TEXT)
    indicators: list[Row | None] = list(item.indicators) or [None]
    return [
        project + guarded(indicator_cells("", ind)[1:], _FLAT_INDICATOR_FREE_TEXT)
        for ind in indicators
    ]


def _number(text: str | None) -> Decimal | None:
    """Return a stored decimal text as a Decimal, so numbers keep their exact digits."""
    return None if text is None else Decimal(text)
