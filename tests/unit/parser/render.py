"""A small layout engine for tests: print cells the way the PDF-to-text extraction does."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from parser.lines import split_lines
from parser.segment import Block, NamePieces, UnitHeader, segment

PAGE_HEADER = "绩效目标 绩效指标项目名称（资金使用单位）"
TITLE = "项目支出绩效目标表（含转移支付项目）"


@dataclass(frozen=True)
class Cells:
    """A document as cells in printing order: ("unit"|"name"|"block"|"noise", texts)."""

    department: str
    items: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Style:
    """How one layout engine prints: column widths in terminal columns and spacing quirks."""

    name_width: int = 26
    target_width: int = 40
    indicator_width: int = 86
    blank_lines: bool = True
    full_width_colon: bool = False
    crlf: bool = False
    trailing_tabs: bool = False


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def wrap(text: str, width: int) -> list[str]:
    """Break `text` into lines of at most `width` columns, anywhere, as a cell does."""
    lines: list[str] = []
    current, used = "", 0
    for char in text:
        if current and used + _width(char) > width:
            lines.append(current)
            current, used = "", 0
        current += char
        used += _width(char)
    return [*lines, current] if current else lines


def render(cells: Cells, style: Style) -> str:
    """Return the document text for `cells` printed in `style`."""
    lines = [f"部门名称：{cells.department}"]
    for kind, texts in cells.items:
        if kind in ("unit", "noise"):
            lines.append(texts[0])
        elif kind == "name":
            pieces = wrap(texts[0], style.name_width)
            lines.extend(["    " + pieces[0], *pieces[1:]])
        else:
            target, indicators = texts
            if style.full_width_colon:
                indicators = indicators.replace("指标值:", "指标值：")
            target_lines = wrap(target, style.target_width)
            if style.trailing_tabs:
                target_lines[-1] += "\t\t"
            lines.extend(target_lines + wrap(indicators, style.indicator_width))
    separator = "\n\n" if style.blank_lines else "\n"
    text = "\n" + separator.join(lines) + "\n"
    return text.replace("\n", "\r\n") if style.crlf else text


def cells_of(text: str) -> Cells:
    """Read a document back into cells with the parser's segmenter (for re-wrapping tests)."""
    segmented = segment(split_lines(text))
    placed: list[tuple[int, tuple[str, tuple[str, ...]]]] = [
        (start, ("noise", (text[start:end],))) for start, end in segmented.noise
    ]
    for event in segmented.events:
        if isinstance(event, UnitHeader):
            placed.append((event.span[0], ("unit", (event.name,))))
        elif isinstance(event, NamePieces):
            placed.append((event.pieces[0][0], ("name", (_joined(text, event.pieces),))))
        elif isinstance(event, Block):
            texts = (_joined(text, event.target), _joined(text, event.indicators))
            placed.append(((event.target or event.indicators)[0][0], ("block", texts)))
    items = tuple(item for _, item in sorted(placed, key=lambda pair: pair[0]))
    return Cells(segmented.department, items)


def _joined(text: str, pieces: Sequence[tuple[int, int]]) -> str:
    return "".join(text[start:end] for start, end in pieces)


def with_headers(cells: Cells, every: int) -> Cells:
    """Insert a page header before every `every`-th item, as page breaks do."""
    items: list[tuple[str, tuple[str, ...]]] = []
    for index, item in enumerate(cells.items):
        if every and index and index % every == 0:
            items.append(("noise", (PAGE_HEADER,)))
        items.append(item)
    return Cells(cells.department, tuple(items))
