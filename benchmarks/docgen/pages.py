"""Assemble printed items into pages: title lines, page headers (also mid-table), unit headers."""

from __future__ import annotations

import random

from docgen.content import TruthDocument
from docgen.layout import (
    HEADER_NAMES,
    HEADER_TARGETS,
    PAGE_HEADER,
    TITLE,
    Layout,
    unit_items,
)


class PageWriter:
    """Collects visual lines, adding blank lines after them and page headers at page breaks."""

    def __init__(self, rng: random.Random, layout: Layout) -> None:
        """Start an empty first page."""
        self.rng = rng
        self.layout = layout
        self.lines: list[str] = [""]
        self.on_page = 0

    def emit(self, line: str) -> None:
        """Print one visual line, followed by a blank line unless this document has none."""
        self.lines.append(line)
        self.on_page += 1
        if self.layout.blank_lines and self.rng.random() >= self.layout.missing_blank_rate:
            self.lines.append("")

    def new_page(self) -> None:
        """Start a page: the extraction prints the table header at its top."""
        self.on_page = 0
        self.emit(PAGE_HEADER)

    def page_full(self) -> bool:
        """Tell whether the current page has no room for another line."""
        return self.on_page >= self.layout.page_lines

    def item(self, kind: str, lines: list[str]) -> None:
        """Print an item; a page may break before it or, for blocks, between its lines."""
        if self.page_full():
            self.new_page()
        for index, line in enumerate(lines):
            breakable = kind == "block" and index > 0
            if breakable and self.page_full() and self.rng.random() < self.layout.mid_block_break:
                self.new_page()
            self.emit(line)


def render(rng: random.Random, layout: Layout, document: TruthDocument) -> str:
    """Return the whole document text as the extraction would print it (LF line ends)."""
    writer = PageWriter(rng, layout)
    first_unit = document.units[0][0]
    opening = [f"部门名称：{document.department}", first_unit, TITLE]
    if rng.random() < 0.5:
        opening = [opening[0], TITLE, first_unit]
    for line in opening:
        writer.emit(line)
    split_header = rng.random() < 0.7
    if not split_header:
        writer.emit(PAGE_HEADER)
    for unit_index, (unit, projects) in enumerate(document.units):
        if unit_index:
            if rng.random() < layout.unit_new_page:
                writer.new_page()
            writer.emit(unit)
        items = unit_items(rng, layout, projects)
        header_slots: list[int] = []
        if unit_index == 0 and split_header and len(items) >= 3:
            header_slots = sorted(rng.sample(range(1, min(len(items), 9)), 2))
        for index, (kind, lines) in enumerate(items):
            if index in header_slots:  # the first page's header comes apart, between rows
                writer.emit(HEADER_TARGETS if index == header_slots[0] else HEADER_NAMES)
            writer.item(kind, lines)
    writer.lines.extend(["", ""])
    return "\n".join(writer.lines)
