"""The XLSX export: explicit text and number cells only (never a formula), within Excel's limits.

Each sheet's rows are written as SpreadsheetML into an anonymous temporary file while the
projects stream in (text as inline strings, numbers as numbers); the workbook is zipped from
them at the end, with the header frozen and a filter over every row. A general XLSX library
spends 5–10 µs on each of the ~3 million cells of a big export; this costs a tenth of that
(docs/performance.md).
"""

from __future__ import annotations

import queue
import re
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from parser.records import Entry
from store.errors import StoreError
from store.export.headings import Headings
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
"""Characters an XLSX cell holds; a spreadsheet would cut longer text without a word."""
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0, and so XLSX, cannot hold at all."""
_NOT_IN_XLSX_BUT_SEPARATOR = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FLUSH_ROWS = 512
"""Rows kept as text before they are written to the sheet's temporary file."""
_SEPARATOR = "\x00"
"""Joins a row's texts while they are checked and escaped: no cell can hold it."""
_TEXT_TYPES = frozenset({"string", "datetime"})
"""Column types written as text cells (a time as ISO 8601 text); the others are numbers."""


def _escaped(text: str) -> str:
    """Return text as XML element content (a carriage return kept as a character reference)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def column_letters(index: int) -> str:
    """Return the letters of the 0-based column `index` (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class _Sheet:
    """One sheet's rows as SpreadsheetML in a temporary file, counted and checked as they come.

    A row's texts are checked, escaped and split again all at once, joined by a character no
    cell can hold, so that a cell costs little more than its own bit of XML.
    """

    def __init__(
        self, output: IO[bytes] | _Part, title: str, columns: Sequence[Column], header: list[str]
    ):
        self.title = title
        self.columns = columns
        self.letters = [column_letters(index) for index in range(len(columns))]
        self.text_columns = [column.type in _TEXT_TYPES for column in columns]
        texts = [column for column in columns if column.type in _TEXT_TYPES]
        self.free_texts = tuple(index for index, column in enumerate(texts) if column.free_text)
        self.output = output
        self.pending: list[str] = []
        self.rows = 0
        self._append(header, ' s="1"', [_escaped(text) for text in header], [True] * len(header))

    def append(self, values: Sequence[Any]) -> None:
        """Add one row; refuse (one sentence) a row past the sheet limit or an overlong text."""
        texts = [
            "" if value is None else value
            for value, is_text in zip(values, self.text_columns, strict=True) if is_text
        ]
        self._append(values, "", self._cell_texts(texts), self.text_columns)

    def _append(
        self, values: Sequence[Any], style: str, texts: Sequence[str], is_texts: Sequence[bool]
    ) -> None:
        """Add one row whose text cells are `texts` (escaped), its number cells from `values`."""
        if self.rows >= SHEET_ROW_LIMIT:
            raise StoreError(
                _(
                    "the {sheet} sheet would need more than {limit:,} rows, more than an XLSX "
                    "sheet holds; export as CSV (--format csv) or a data package "
                    "(--format datapackage) instead"
                ).format(sheet=self.title, limit=SHEET_ROW_LIMIT)
            )
        self.rows += 1
        number = str(self.rows)
        parts = [f'<row r="{number}">']
        next_text = iter(texts).__next__
        for value, is_text, letter in zip(values, is_texts, self.letters, strict=True):
            if is_text:
                text = next_text()
                if text:
                    parts.append(
                        f'<c r="{letter}{number}"{style} t="inlineStr">'
                        f'<is><t xml:space="preserve">{text}</t></is></c>'
                    )
            elif value is not None:
                parts.append(f'<c r="{letter}{number}"{style}><v>{value}</v></c>')
        parts.append("</row>")
        self.pending.append("".join(parts))
        if len(self.pending) >= _FLUSH_ROWS:
            self.flush()

    def _cell_texts(self, texts: list[str]) -> list[str]:
        """Return a row's texts as its cells hold them: stripped, guarded, checked and escaped."""
        joined = _SEPARATOR.join(texts)
        if (
            _NOT_IN_XLSX_BUT_SEPARATOR.search(joined) is not None
            or joined.count(_SEPARATOR) >= len(texts)  # a text holds one too
        ):
            # dropped first, so a control character can never hide a formula sign from the guard
            texts = [_NOT_IN_XLSX.sub("", text) for text in texts]
        for index in self.free_texts:
            text = texts[index]
            if not text[:1].isalnum():
                texts[index] = guard_formula(text)
        joined = _SEPARATOR.join(texts)
        if len(joined) > CELL_TEXT_LIMIT:
            self._check_lengths(texts)
        return _escaped(joined).split(_SEPARATOR)

    def _check_lengths(self, texts: Sequence[str]) -> None:
        """Refuse text longer than a cell holds."""
        for text in texts:
            if len(text) > CELL_TEXT_LIMIT:
                raise StoreError(
                    _(
                        "row {row} of the {sheet} sheet: a text has {length:,} characters, more "
                        "than the {limit:,} an XLSX cell holds; export as CSV or a data package "
                        "instead"
                    ).format(
                        row=self.rows + 1, sheet=self.title, length=len(text),
                        limit=CELL_TEXT_LIMIT,
                    )
                )

    def flush(self) -> None:
        """Write the pending rows to the output."""
        self.output.write("".join(self.pending).encode("utf-8"))
        self.pending.clear()

    def reference(self) -> str:
        """Return the range of the header and every written row, such as `A1:P9`."""
        return f"A1:{self.letters[-1]}{self.rows}"

    def copy_into(self, book: zipfile.ZipFile, part: str, rows: IO[bytes]) -> None:
        """Write the sheet into the workbook from the file its rows went to."""
        self.flush()
        rows.seek(0)
        with book.open(part, "w") as target:
            target.write(_sheet_start(self.reference()).encode("utf-8"))
            shutil.copyfileobj(rows, target, 1 << 20)
            target.write(_sheet_end(self.reference()).encode("utf-8"))

    def finish(self) -> None:
        """End the sheet streamed into the workbook: its rows, then the filter over them."""
        self.flush()
        self.output.write(_sheet_end(self.reference()).encode("utf-8"))


class _Part:
    """A workbook part written by a thread of its own, so compressing overlaps making rows.

    zlib lets other threads run while it compresses; a write error is raised in the caller.
    """

    def __init__(self, book: zipfile.ZipFile, name: str) -> None:
        self.target = book.open(name, "w")
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=16)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name=f"write {name}", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        """Write each chunk as it comes, until told to stop; keep the first error."""
        while (data := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.target.write(data)
                except BaseException as error:  # raised again in the caller's thread
                    self.error = error

    def write(self, data: bytes) -> None:
        """Hand a chunk to the thread (waiting while it is behind)."""
        if self.error is not None:
            raise self.error
        self.queue.put(data)

    def close(self) -> None:
        """Let the thread write what is left, then end the part (raising its error, if any)."""
        self.queue.put(None)
        self.thread.join()
        self.target.close()
        if self.error is not None:
            raise self.error


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _sheet_start(reference: str | None) -> str:
    """Return a worksheet's XML before its rows: its range (if known yet), the frozen header."""
    dimension = "" if reference is None else f'<dimension ref="{reference}"/>'
    return (
        f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">{dimension}'
        '<sheetViews><sheetView tabSelected="0" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/><sheetData>'
    )


def _sheet_end(reference: str) -> str:
    """Return a worksheet's XML after its rows: the filter over the header and every row."""
    return f'</sheetData><autoFilter ref="{reference}"/></worksheet>'


def _absolute(reference: str) -> str:
    """Return `A1:P9` as `$A$1:$P$9`."""
    return ":".join(
        re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", corner) for corner in reference.split(":")
    )


def _quoted_sheet(title: str) -> str:
    """Return a sheet name as a formula names it: in single quotes, inner quotes doubled."""
    return "'" + title.replace("'", "''") + "'"


def _workbook(sheets: Sequence[_Sheet]) -> str:
    """Return xl/workbook.xml: the sheets in order and the hidden names their filters need."""
    listed = "".join(
        f'<sheet name="{_attribute(sheet.title)}" sheetId="{number}" r:id="rId{number}"/>'
        for number, sheet in enumerate(sheets, start=1)
    )
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
        f"{_escaped(_quoted_sheet(sheet.title))}!{_absolute(sheet.reference())}</definedName>"
        for index, sheet in enumerate(sheets)
    )
    return (
        f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{listed}</sheets>'
        f"<definedNames>{names}</definedNames></workbook>"
    )


def _attribute(text: str) -> str:
    """Return text as an XML attribute value in double quotes."""
    return _escaped(text).replace('"', "&quot;")


def _workbook_relationships(count: int) -> str:
    """Return xl/_rels/workbook.xml.rels: each sheet, then the styles."""
    sheet_type = f"{_RELATIONSHIPS}/worksheet"
    sheets = "".join(
        f'<Relationship Id="rId{number}" Type="{sheet_type}" '
        f'Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, count + 1)
    )
    return (
        f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">{sheets}'
        f'<Relationship Id="rId{count + 1}" Type="{_RELATIONSHIPS}/styles" '
        'Target="styles.xml"/></Relationships>'
    )


def _content_types(count: int) -> str:
    """Return [Content_Types].xml for a workbook of `count` sheets and its styles."""
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        f'ContentType="{office}.worksheet+xml"/>'
        for number in range(1, count + 1)
    )
    return (
        f"{_DECLARATION}<Types "
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
        f"{sheets}</Types>"
    )


_PACKAGE_RELS = (
    f'{_DECLARATION}<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_STYLES = (
    f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
"""Two cell styles: plain, and bold for the header row."""


def write_xlsx(entries: Iterable[Entry], path: Path, headings: Headings) -> None:
    """Write a projects sheet and an indicators sheet, header frozen and filters on, streaming.

    The indicators sheet, by far the bigger one, goes straight into the workbook (without the
    optional range at its top, unknown until the end); the projects sheet goes to a temporary
    file first, since a workbook is written one part after another.
    """
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book,
        tempfile.TemporaryFile(dir=path.parent) as project_rows,
    ):
        book.writestr("[Content_Types].xml", _content_types(2))
        book.writestr("_rels/.rels", _PACKAGE_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        projects = _Sheet(project_rows, headings.sheet("projects"), PROJECT_COLUMNS,
                          headings.header(PROJECT_COLUMNS))
        part = _Part(book, "xl/worksheets/sheet2.xml")
        try:
            part.write(_sheet_start(None).encode("utf-8"))
            indicators = _Sheet(part, headings.sheet("indicators"), INDICATOR_COLUMNS,
                                headings.header(INDICATOR_COLUMNS))
            _write_rows(entries, projects, indicators, headings)
            indicators.finish()
        finally:
            part.close()
        projects.copy_into(book, "xl/worksheets/sheet1.xml", project_rows)
        book.writestr("xl/workbook.xml", _workbook((projects, indicators)))
        book.writestr("xl/_rels/workbook.xml.rels", _workbook_relationships(2))


def _write_rows(
    entries: Iterable[Entry], projects: _Sheet, indicators: _Sheet, headings: Headings
) -> None:
    """Add each project's row to the projects sheet and its indicators' to the other."""
    status = headings.status
    for entry in entries:
        cells = project_cells(entry)
        cells[_STATUS] = status(cells[_STATUS])
        projects.append(cells)
        key = entry.key
        for position, indicator in enumerate(entry.project.indicators, start=1):
            indicators.append(indicator_cells(key, position, indicator))


_STATUS = [column.name for column in PROJECT_COLUMNS].index("status")
