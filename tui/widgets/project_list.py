"""A virtual project list: it draws only the visible rows, so 34,000 projects open instantly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from store.views import ProjectSummary, Status
from tui.paging import ProjectRows
from tui.widgets.styled_scroll_view import StyledScrollView
from tui.widgets.text_cells import fit_cells, printable

STATUS_MARKS = {Status.VERIFIED: "✓", Status.FLAGGED: "!", Status.UNREVIEWED: "·"}
UNIT_CELLS = 14
CONFIDENCE_CELLS = 5
ROW_CACHE_LIMIT = 2000


def row_text(summary: ProjectSummary, width: int) -> str:
    """One list row, column-aligned in cells: status mark, name, confidence, unit.

    `*` marks flags that need attention; informational ones (`parser.flags`) leave no mark.
    """
    mark = STATUS_MARKS.get(summary.status, "?") + ("*" if summary.needs_attention else " ")
    unit_cells = UNIT_CELLS if width >= 40 else 0
    name_cells = max(width - 2 - CONFIDENCE_CELLS - unit_cells - 1, 4)
    confidence = f"{summary.confidence:>4.2f} "
    unit = fit_cells(printable(summary.unit), unit_cells) if unit_cells else ""
    return mark + fit_cells(printable(summary.name), name_cells) + " " + confidence + unit


class ProjectList(StyledScrollView, can_focus=True, inherit_bindings=False):
    """Rows come from a `ProjectRows`; keys belong to the screen, which moves `cursor`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "project-list--cursor",
        "project-list--verified",
        "project-list--flagged",
        "project-list--unreviewed",
        "project-list--loading",
    }

    @dataclass
    class PagesWanted(Message):
        """Rows on screen whose page is not loaded yet; the screen loads them in a worker."""

        pages: list[int]

    @dataclass
    class RowClicked(Message):
        """The reviewer clicked a row."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty; `show_rows` fills it."""
        super().__init__(id=id)
        self.rows = ProjectRows([])
        self.cursor = 0
        self.empty_message = "Loading…"
        self._row_strips: dict[tuple[int, bool], Strip] = {}

    def forget_rendered_rows(self) -> None:
        """Drop the cached row strips, drawn with the old styles."""
        self._row_strips = {}

    def show_rows(self, rows: ProjectRows, cursor: int, empty_message: str = "") -> None:
        """Display a new view of projects with the cursor on `cursor`."""
        self.rows = rows
        self.empty_message = empty_message
        self._row_strips = {}
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.move_cursor(cursor)
        self.refresh()

    def move_cursor(self, index: int) -> None:
        """Put the cursor on `index`; when it leaves the view, jump so it sits a third inside.

        Scrolling one row per key would redraw every visible row on every key; jumping keeps
        two thirds of a screen of the rows ahead in view and redraws the list once per jump.
        """
        previous, self.cursor = self.cursor, index
        top = self.scroll_offset.y
        height = max(self.scrollable_content_region.height, 1)
        if index < top:
            self.scroll_to(y=max(index - (height - 1 - height // 3), 0), animate=False,
                           immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height // 3, animate=False, immediate=True)
        if self.scroll_offset.y == top:
            self.refresh_line(previous)
            self.refresh_line(index)

    def refresh_rows(self) -> None:
        """Redraw every visible row (after a page arrived)."""
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw the row at screen line `y` (or a placeholder while its page loads)."""
        index = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        if not self.rows.ids:
            text = self.empty_message if y == 0 else ""
            return Strip([Segment(fit_cells(text, width), self._style("base"))], width)
        if index >= len(self.rows):
            return Strip.blank(width, self._style("base"))
        summary = self.rows.row(index)
        if summary is None:
            self._request_visible_pages()
            style = self._style("project-list--loading")
            return Strip([Segment(fit_cells("  …", width), style)], width)
        key = (index, index == self.cursor)
        strip = self._row_strips.get(key)
        if strip is None:
            if len(self._row_strips) > ROW_CACHE_LIMIT:
                self._row_strips.clear()
            segment = Segment(row_text(summary, width), self._row_style(summary, index))
            strip = self._row_strips[key] = Strip([segment], width)
        return strip

    def _row_style(self, summary: ProjectSummary, index: int) -> Style:
        """The row's colour for its status, with the cursor highlight on top."""
        style = self._style(f"project-list--{summary.status}")
        if index == self.cursor:
            style += self._style("project-list--cursor")
        return style

    def _request_visible_pages(self) -> None:
        """Ask the screen for the pages of the visible rows that are not loaded."""
        first = round(self.scroll_y)
        pages = self.rows.wanted_pages(first, first + self.size.height)
        if pages:
            self.post_message(self.PagesWanted(pages))

    def on_resize(self, event: events.Resize) -> None:
        """Keep the virtual width in step with the widget; rows are drawn again at the new width."""
        self._row_strips = {}
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which row was clicked."""
        index = event.y + round(self.scroll_y)
        if 0 <= index < len(self.rows):
            self.post_message(self.RowClicked(index))
