"""The XLSX export: explicit text and number cells only (never a formula), within Excel's limits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.export.rows import ExportProject
from store.export.tables import (
    INDICATOR_COLUMNS,
    PROJECT_COLUMNS,
    Column,
    guard_formula,
    indicator_cells,
    project_cells,
)
from store.i18n import _

SHEET_ROW_LIMIT = 1_048_576
"""Rows an XLSX sheet holds, its header included; a longer sheet makes a file Excel rejects."""
CELL_TEXT_LIMIT = 32_767
"""Characters an XLSX cell holds; openpyxl would cut longer text without a word."""
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0, and so XLSX, cannot hold at all."""
_TYPED_BY_OPENPYXL = ("=", "#")
"""First characters of text openpyxl would not write as a string (a formula, an error code)."""


def xlsx_text(text: str, free_text: bool) -> str:
    """Return text as an XLSX cell holds it: characters it cannot hold dropped, then guarded.

    Dropping comes first, so a control character can never hide a formula sign from the guard.
    """
    if _NOT_IN_XLSX.search(text) is not None:
        text = _NOT_IN_XLSX.sub("", text)
    return guard_formula(text) if free_text else text


class _Sheet:
    """A write-only sheet that counts its rows and writes text as explicit string cells."""

    def __init__(self, book: Any, title: str, columns: Sequence[Column]) -> None:
        from openpyxl.cell import WriteOnlyCell

        self.new_cell = WriteOnlyCell
        self.sheet = book.create_sheet(title)
        self.title = title
        self.columns = columns
        self.free_text = [column.free_text for column in columns]
        self.rows = 0
        self.sheet.freeze_panes = "A2"
        self.append([column.name for column in columns])

    def append(self, values: Sequence[Any]) -> None:
        """Add one row; refuse (one sentence) a row past the sheet limit or an overlong text."""
        if self.rows >= SHEET_ROW_LIMIT:
            raise StoreError(
                _(
                    "the {sheet} sheet would need more than {limit:,} rows, more than an XLSX "
                    "sheet holds; export as CSV (--format csv) or a data package "
                    "(--format datapackage) instead"
                ).format(sheet=self.title, limit=SHEET_ROW_LIMIT)
            )
        self.rows += 1
        self.sheet.append(
            [
                value if value.__class__ is not str else self._text_cell(value, free_text)
                for value, free_text in zip(values, self.free_text, strict=True)
            ]
        )

    def _text_cell(self, text: str, free_text: bool) -> Any:
        """Return text so that openpyxl writes it as a string cell, never as a formula."""
        text = xlsx_text(text, free_text)
        if len(text) > CELL_TEXT_LIMIT:
            raise StoreError(
                _(
                    "row {row} of the {sheet} sheet: a text has {length:,} characters, more "
                    "than the {limit:,} an XLSX cell holds; export as CSV or a data package "
                    "instead"
                ).format(
                    row=self.rows, sheet=self.title, length=len(text), limit=CELL_TEXT_LIMIT
                )
            )
        if text[:1] not in _TYPED_BY_OPENPYXL:
            return text  # openpyxl writes it as a string cell
        cell = self.new_cell(self.sheet, text)
        cell.data_type = "s"  # openpyxl would make `=…` a formula and `#N/A` an error
        return cell

    def finish(self) -> None:
        """Put the filter over the header and every written row."""
        from openpyxl.utils import get_column_letter

        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self.rows}"


def write_xlsx(items: Iterable[ExportProject], path: Path) -> None:
    """Write a projects sheet and an indicators sheet, header frozen and filters on, streaming."""
    from openpyxl import Workbook  # imported here: it adds ~0.1 s to every start of the app

    book = Workbook(write_only=True)
    projects = _Sheet(book, "projects", PROJECT_COLUMNS)
    indicators = _Sheet(book, "indicators", INDICATOR_COLUMNS)
    try:
        for item in items:
            projects.append(project_cells(item))
            for indicator in item.indicators:
                indicators.append(indicator_cells(item.project["key"], indicator))
    except BaseException:
        projects.sheet.close()  # finish openpyxl's temporary sheet files so nothing dangles
        indicators.sheet.close()
        raise
    projects.finish()
    indicators.finish()
    book.save(path)
