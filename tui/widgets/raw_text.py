"""The document's raw text with lasting highlights: the project's block, its names, and findings.

Findings are the document's own problems (text nobody understood, names given to no block, a
cut-off end); their style wins over the block's, so unread text inside a block still shows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.strip import Strip

from store.i18n import ngettext
from tui.paging import BoundedCache
from tui.widgets.styled_scroll_view import StyledScrollView
from tui.widgets.text_cells import printable

Span = tuple[int, int]
Layout = tuple[list[tuple[int, int, int]], list[int]]
"""A document's screen rows (line, start, end) at one width, and each row's start offset."""

LAYOUTS_KEPT = 4
"""Wrapped documents kept, so crossing back over a document boundary does not wrap again."""


def wrap_rows(text: str, width: int) -> list[tuple[int, int, int]]:
    """Screen rows (line number, start, end) of the non-blank lines, wrapped at `width` cells."""
    rows: list[tuple[int, int, int]] = []
    start = 0
    for number, line in enumerate(text.split("\n")):
        end = start + len(line)
        if line.strip():
            rows.extend(
                (number, row_start, row_end) for row_start, row_end in _wrap(line, start, width)
            )
        start = end + 1
    return rows


def _wrap(line: str, offset: int, width: int) -> list[Span]:
    """Cut one line into pieces of at most `width` cells (a wide character is never split),
    evenly: a line a little wider than the pane becomes two halves, not a line and a stub."""
    total = cell_len(line)
    if total <= width:
        return [(offset, offset + len(line))]
    full = _cut(line, offset, width)
    even = _cut_evenly(line, offset, width, len(full))
    return even if len(even) == len(full) else full


def _cut_evenly(line: str, offset: int, width: int, rows: int) -> list[Span]:
    """Cut one line into about `rows` pieces of nearly equal width, none wider than `width`."""
    total = cell_len(line)
    pieces: list[Span] = []
    piece_start = piece_cells = cells = 0
    for index, character in enumerate(line):
        size = get_character_cell_size(character)
        boundary = -(-(len(pieces) + 1) * total // rows)
        limit = min(piece_cells + width, boundary)
        if cells + size > limit and index > piece_start:
            pieces.append((offset + piece_start, offset + index))
            piece_start, piece_cells = index, cells
        cells += size
    pieces.append((offset + piece_start, offset + len(line)))
    return pieces


def _cut(line: str, offset: int, width: int) -> list[Span]:
    """Cut one line into pieces of at most `width` cells, each as full as it can be."""
    pieces, piece_start, cells = [], 0, 0
    for index, character in enumerate(line):
        size = get_character_cell_size(character)
        if cells + size > width and index > piece_start:
            pieces.append((offset + piece_start, offset + index))
            piece_start, cells = index, 0
        cells += size
    pieces.append((offset + piece_start, offset + len(line)))
    return pieces


def scroll_target(current: int, height: int, block: tuple[int, int], names: list[int]) -> int:
    """Top row that shows the block and every name row when they fit, else the block's top."""
    wanted_first = min([block[0], *names])
    wanted_last = max([block[1], *names])
    if wanted_last - wanted_first + 1 > height:
        wanted_first, wanted_last = block[0], min(block[1], block[0] + height - 1)
    if current <= wanted_first and wanted_last < current + height:
        return current
    margin = max((height - (wanted_last - wanted_first + 1)) // 3, 0)
    return max(wanted_first - margin, 0)


class RawTextPane(StyledScrollView, can_focus=False):
    """Line-API rendering so highlights survive clicks and wide characters take two cells."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "raw-text--block",
        "raw-text--name",
        "raw-text--finding",
        "raw-text--gutter",
    }

    def __init__(self, *, id: str | None = None) -> None:
        """Start with no document."""
        super().__init__(id=id)
        self._source = ""
        self._text = ""
        self._rows: list[tuple[int, int, int]] = []
        self._row_starts: list[int] = []
        self._wrap_width = 0
        self._block: Span = (0, 0)
        self._names: tuple[Span, ...] = ()
        self._findings: tuple[Span, ...] = ()
        self._gutter = 0
        self._cache: dict[int, Strip] = {}
        self._layouts: BoundedCache[tuple[str, int], Layout] = BoundedCache(LAYOUTS_KEPT)

    def forget_rendered_rows(self) -> None:
        """Drop the cached row strips, drawn with the old styles."""
        self._cache = {}

    def show_document(self, text: str) -> None:
        """Replace the text shown (a different document); highlights are cleared."""
        if text is self._source:
            return
        self._source = text
        self._text = printable(text, multiline=True)
        self._gutter = len(str(text.count("\n") + 1)) + 1
        self._block, self._names, self._findings = (0, 0), (), ()
        self._layout_rows()

    def _layout_rows(self) -> None:
        """Wrap the text to the pane's width (a recent wrap is reused); size the scroll area."""
        self._wrap_width = max(self.scrollable_content_region.width - self._gutter, 8)
        key = (self._source, self._wrap_width)
        layout = self._layouts.get(key)
        if layout is None:
            rows = wrap_rows(self._text, self._wrap_width)
            layout = (rows, [row[1] for row in rows])
            self._layouts.put(key, layout)
        self._rows, self._row_starts = layout
        self.virtual_size = Size(self._wrap_width + self._gutter, len(self._rows))
        self._cache.clear()
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Wrap again at the new width, keeping the highlighted block in view."""
        if (
            self._text
            and max(self.scrollable_content_region.width - self._gutter, 8) != self._wrap_width
        ):
            self._layout_rows()
            self.highlight(self._block, self._names)

    def rows_of(self, span: Span) -> tuple[int, int]:
        """First and last screen row touched by a character span."""
        first = max(bisect_right(self._row_starts, span[0]) - 1, 0)
        last = max(bisect_right(self._row_starts, max(span[1] - 1, span[0])) - 1, first)
        return first, last

    def highlight(self, block: Span, names: Sequence[Span]) -> None:
        """Highlight a block and name spans and scroll so both are in view when they fit."""
        changed = self._forget_rows_of([self._block, *self._names, block, *names])
        self._block, self._names = block, tuple(names)
        if not self._rows:
            self.refresh()
            return
        name_rows = [row for span in names for row in self.rows_of(span)]
        height = max(self.scrollable_content_region.height, 1)
        before = round(self.scroll_y)
        top = scroll_target(before, height, self.rows_of(block), name_rows)
        self.scroll_to(y=top, animate=False, immediate=True)
        note = self._far_names_note(top, height, name_rows)
        if note != self.border_subtitle:
            self.border_subtitle = note
        if round(self.scroll_y) == before:  # a scroll repaints everything; else only the changes
            self._refresh_rows(changed)

    def mark_findings(self, spans: Sequence[Span]) -> None:
        """Show the document's findings (unread text, stray names, a cut-off end) in their style."""
        spans = tuple(span for span in spans if span[1] > span[0])
        if spans == self._findings:
            return
        changed = self._forget_rows_of([*self._findings, *spans])
        self._findings = spans
        self._refresh_rows(changed)

    def show_span(self, span: Span, label: str) -> None:
        """Scroll a span (a finding) into view, a third from the top, and name it below the pane."""
        if not self._rows:
            return
        first, _last = self.rows_of(span)
        height = max(self.scrollable_content_region.height, 1)
        self.scroll_to(y=max(first - height // 3, 0), animate=False, immediate=True)
        self.border_subtitle = label
        self.refresh()

    def _forget_rows_of(self, spans: Sequence[Span]) -> set[int]:
        """Drop the cached rows an old or new highlight touches (the others stay valid)."""
        rows: set[int] = set()
        if not self._rows:
            return rows
        for span in spans:
            first, last = self.rows_of(span)
            rows.update(range(first, last + 1))
        for row in rows:
            self._cache.pop(row, None)
        return rows

    def _refresh_rows(self, rows: set[int]) -> None:
        """Repaint the visible rows among `rows`, one region per run of consecutive rows."""
        top = round(self.scroll_y)
        visible = sorted(row for row in rows if top <= row < top + self.size.height)
        start = previous = None
        for row in [*visible, None]:
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None and previous is not None:
                self.refresh_lines(start, previous - start + 1)
            start = previous = row

    def _far_names_note(self, top: int, height: int, name_rows: list[int]) -> str:
        """Say on which source lines the name is when it could not be brought into view."""
        outside = sorted(
            {self._rows[row][0] + 1 for row in name_rows if not top <= row < top + height}
        )
        if not outside:
            return ""
        lines = ", ".join(map(str, outside))
        return ngettext("name on line {lines}", "name on lines {lines}", len(outside)).format(
            lines=lines
        )

    def render_line(self, y: int) -> Strip:
        """Draw one screen row: the gutter (line number on a line's first row), then styled text."""
        index = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        if index >= len(self._rows):
            return Strip.blank(width, self._style("base"))
        strip = self._cache.get(index)
        if strip is None:
            strip = self._build_row(index)
            self._cache[index] = strip
        return strip.crop_extend(0, width, self._style("base"))

    def _build_row(self, index: int) -> Strip:
        """Segments for one row, cut where a highlight starts or ends."""
        number, start, end = self._rows[index]
        first_row = index == 0 or self._rows[index - 1][0] != number
        label = str(number + 1) if first_row else ""
        segments = [Segment(f"{label:>{self._gutter - 1}} ", self._style("raw-text--gutter"))]
        spans = [(span, "raw-text--finding") for span in self._findings]
        spans.extend((span, "raw-text--name") for span in self._names)
        spans.append((self._block, "raw-text--block"))
        edges = {edge for (span_start, span_end), _ in spans for edge in (span_start, span_end)}
        cuts = sorted({start, end, *(edge for edge in edges if start < edge < end)})
        for left, right in pairwise(cuts):
            name = next((name for (low, high), name in spans if low <= left < high), "base")
            segments.append(Segment(self._text[left:right], self._style(name)))
        return Strip(segments)
