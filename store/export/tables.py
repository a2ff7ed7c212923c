"""The tabular shape of an export: project and indicator columns with types; safe cell values."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from store.export.rows import ExportProject, Row

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)


@dataclass(frozen=True)
class Column:
    """One exported column: its name, Table Schema type and meaning."""

    name: str
    type: str
    description: str


PROJECT_COLUMNS = (
    Column("key", "string", "Stable project key: document hash and source block start"),
    Column("document", "string", "File name of the source document"),
    Column("department", "string", "Department (部门名称) of the document"),
    Column("unit", "string", "Unit (资金使用单位) the project belongs to"),
    Column("name", "string", "Project name (项目名称)"),
    Column("target", "string", "Performance target paragraph (绩效目标)"),
    Column("status", "string", "Review status: unreviewed, verified or flagged"),
    Column("confidence", "number", "Parser confidence in the name assignment, 0 to 1"),
    Column("flags", "string", "Parser flag codes, separated by '; '"),
    Column("note", "string", "Reviewer note"),
    Column("block_start", "integer", "Start offset of the project's block in the document text"),
    Column("block_end", "integer", "End offset (exclusive) of the project's block"),
)

INDICATOR_COLUMNS = (
    Column("project_key", "string", "Key of the project this indicator belongs to"),
    Column("position", "integer", "1-based place of the indicator within its project"),
    Column("seq", "integer", "Sequence number as printed"),
    Column("level1_code", "string", "Level-1 code (一级指标)"),
    Column("level1", "string", "Level-1 name"),
    Column("level2_code", "string", "Level-2 code (二级指标)"),
    Column("level2", "string", "Level-2 name"),
    Column("indicator_name", "string", "Indicator name (三级指标)"),
    Column("period_value", "string", "Value for the implementation period, as printed"),
    Column("period_op", "string", "Comparison of the period value (=, ≥, ＞ …), if numeric"),
    Column("period_number", "number", "Number of the period value, if numeric"),
    Column("period_unit", "string", "Unit of the period value, if numeric"),
    Column("annual_value", "string", "Value for the budget year, as printed"),
    Column("annual_op", "string", "Comparison of the annual value, if numeric"),
    Column("annual_number", "number", "Number of the annual value, if numeric"),
    Column("annual_unit", "string", "Unit of the annual value, if numeric"),
)

FLAT_COLUMNS = PROJECT_COLUMNS + INDICATOR_COLUMNS[1:]
"""One row per indicator with its project's columns repeated (CSV export)."""


def neutralise(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with `'`; leave other values alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


def flat_rows(item: ExportProject) -> list[list[Any]]:
    """Return one safe row per indicator (or one for a project without any), project cells first."""
    project = safe(project_cells(item))
    indicators: list[Row | None] = list(item.indicators) or [None]
    return [project + safe(indicator_cells("", ind)[1:]) for ind in indicators]


def safe(cells: list[Any]) -> list[Any]:
    """Return cells with every formula-like text neutralised (inlined: it runs per cell)."""
    return [
        "'" + cell if cell.__class__ is str and cell[:1] in _FORMULA_FIRST else cell
        for cell in cells
    ]


def _number(text: str | None) -> Decimal | None:
    """Return a stored decimal text as a Decimal, so numbers keep their exact digits."""
    return None if text is None else Decimal(text)
