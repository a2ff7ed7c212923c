"""A virtual project list grouped by unit: it draws only the visible rows, so 34,000 projects
open instantly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from store.i18n import _
from store.views import ProjectSummary, Status
from tui.paging import ProjectRows
from tui.widgets.list_layout import ListLine, list_lines, starts_group, top_for
from tui.widgets.styled_scroll_view import StyledScrollView
from tui.widgets.text_cells import CUT_MARK, fit_cells, printable

STATUS_MARKS = {Status.VERIFIED: "✓", Status.FLAGGED: "!", Status.UNREVIEWED: "⋅"}
"""One cell each in every terminal (`·` is East Asian ambiguous: two cells in some, which would
push an unreviewed row's name one cell right of the others)."""
CONFIDENCE_CELLS = 5
HOLDER_CELLS = 10
ROW_CACHE_LIMIT = 2000
EXACT_COUNT_LIMIT = 2000
"""Lists up to this long, once loaded, count their header lines for the scroll range."""
UNIT_MARK = "▾ "


@dataclass(frozen=True)
class ClaimMark:
    """How the list marks a document another reviewer has open: who, and since when."""

    holder: str
    """The reviewer's name, ending each row of the document."""
    label: str
    """"alice, since 10:02", ending each unit header of the document."""


def row_text(summary: ProjectSummary, width: int, holder: str = "") -> str:
    """One list row, column-aligned in cells: status mark, name, confidence.

    `*` marks flags that need attention; informational ones (`parser.flags`) leave no mark.
    The unit is the header above the row's group, so the name gets the rest of the width, but
    for `holder`: in a document another reviewer has open, their name ends the row.
    """
    mark = STATUS_MARKS.get(summary.status, "?") + ("*" if summary.needs_attention else " ")
    holder_cells = min(cell_len(holder), HOLDER_CELLS)
    name_cells = max(width - 2 - CONFIDENCE_CELLS - 1 - holder_cells, 4)
    confidence = f"{summary.confidence:>4.2f} "
    end = fit_cells(holder, holder_cells) if holder_cells else ""
    return mark + fit_cells(printable(summary.name), name_cells) + " " + confidence + end


def header_text(summary: ProjectSummary | None, width: int, claim: str = "") -> str:
    """A unit's header line: its whole name, cut only at the pane's width, and in a document
    another reviewer has open, `claim` ("alice, since 10:02") after it."""
    unit = printable(summary.unit) if summary is not None else CUT_MARK
    claim_cells = min(cell_len(claim), width // 2)
    if not claim_cells:
        return fit_cells(UNIT_MARK + unit, width)
    return fit_cells(UNIT_MARK + unit, width - claim_cells - 1) + " " + fit_cells(
        claim, claim_cells)


class ProjectList(StyledScrollView, can_focus=True, inherit_bindings=False):
    """Rows come from a `ProjectRows`; keys belong to the screen, which moves `cursor`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "project-list--cursor",
        "project-list--verified",
        "project-list--flagged",
        "project-list--unreviewed",
        "project-list--loading",
        "project-list--unit",
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
        self.empty_message = _("Loading…")
        self.claims: dict[int, ClaimMark] = {}
        """By document id: who else has it open, shown on its rows and unit headers."""
        self._row_strips: dict[tuple[int, bool], Strip] = {}
        self._header_strips: dict[int, Strip] = {}
        self._layout: tuple[tuple[int, int], list[ListLine], dict[int, int]] | None = None

    def forget_rendered_rows(self) -> None:
        """Drop the cached row strips, drawn with the old styles."""
        self._row_strips = {}
        self._header_strips = {}

    def show_rows(self, rows: ProjectRows, cursor: int, empty_message: str = "") -> None:
        """Display a new view of projects with the cursor on `cursor`."""
        self.rows = rows
        self.empty_message = empty_message
        self.forget_rendered_rows()
        self._layout = None
        self._size_to_rows()
        self.move_cursor(cursor)
        self.refresh()

    def _size_to_rows(self) -> None:
        """Scroll range: a list whose rows are all loaded counts its lines exactly (no scrollbar
        when they fit); a longer one lets headers take up to half a view."""
        region = self.scrollable_content_region
        count = len(self.rows)
        lines = count + region.height // 2
        if count <= EXACT_COUNT_LIMIT:
            summaries = [self.rows.row(index) for index in range(count)]
            if None not in summaries:
                lines = count + 1 + sum(map(starts_group, summaries, summaries[1:]))
        size = Size(region.width, lines)
        if size != self.virtual_size:
            self.virtual_size = size

    def lines(self) -> list[ListLine]:
        """What each screen line shows now, laid out once per top row and set of loaded rows."""
        return self._current_layout()[1]

    def line_of(self, index: int) -> int | None:
        """The screen line showing project `index`, or None when it is out of view."""
        return self._current_layout()[2].get(index)

    def _current_layout(self) -> tuple[tuple[int, int], list[ListLine], dict[int, int]]:
        """The layout for the current top and height (kept until either or the rows change)."""
        key = (round(self.scroll_y), self.scrollable_content_region.height)
        if self._layout is None or self._layout[0] != key:
            lines = list_lines(key[0], key[1], len(self.rows), self.rows.row)
            rows = {line.project: y for y, line in enumerate(lines) if not line.header}
            self._layout = (key, lines, rows)
        return self._layout

    def move_cursor(self, index: int) -> None:
        """Put the cursor on `index`; when it leaves the view, jump so it sits a third inside.

        Scrolling one row per key would redraw every visible row on every key; jumping keeps
        two thirds of a screen of the rows ahead in view and redraws the list once per jump.
        """
        previous, self.cursor = self.cursor, index
        height = max(self.scrollable_content_region.height, 1)
        if self.line_of(index) is not None or not self.rows.ids:
            for row in (previous, index):
                line = self.line_of(row)
                if line is not None:
                    self.refresh_line(round(self.scroll_y) + line)
            return
        below = index > round(self.scroll_y)
        wanted = height // 3 if below else height - 1 - height // 3
        self._scroll_to_top(top_for(index, wanted, self.rows.row))

    def keep_cursor_in_view(self) -> None:
        """Scroll so the cursor's row is on screen (after a resize), a third from the top."""
        if self.rows.ids and self.line_of(self.cursor) is None:
            height = max(self.scrollable_content_region.height, 1)
            self._scroll_to_top(top_for(self.cursor, height // 3, self.rows.row))

    def _scroll_to_top(self, top: int) -> None:
        """Make project `top` the first one in view (no further down than a full last screen)."""
        height = max(self.scrollable_content_region.height, 1)
        last_top = top_for(len(self.rows) - 1, height - 1, self.rows.row)
        self.scroll_to(y=min(top, last_top), animate=False, immediate=True)
        self.refresh()

    def show_claims(self, claims: dict[int, ClaimMark]) -> None:
        """Mark the rows of documents other reviewers have open; redraw only on a change."""
        if claims != self.claims:
            self.claims = claims
            self.forget_rendered_rows()
            self.refresh()

    def refresh_rows(self) -> None:
        """Redraw every visible row (after a page arrived: headers may have moved, rows changed)."""
        self._row_strips = {}
        self._layout = None
        self._size_to_rows()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw screen line `y`: a unit header, a row, or a placeholder while its page loads."""
        width = self.scrollable_content_region.width
        if not self.rows.ids:
            text = self.empty_message if y == 0 else ""
            return Strip([Segment(fit_cells(text, width), self._style("base"))], width)
        lines = self.lines()
        if y >= len(lines):
            return Strip.blank(width, self._style("base"))
        index, header = lines[y]
        summary = self.rows.row(index)
        if summary is None:
            self._request_visible_pages()
        if header:
            return self._header_strip(index, summary, width)
        if summary is None:
            style = self._style("project-list--loading")
            return Strip([Segment(fit_cells("  " + CUT_MARK, width), style)], width)
        return self._row_strip(index, summary, width)

    def _header_strip(self, index: int, summary: ProjectSummary | None, width: int) -> Strip:
        """The header naming the unit of project `index`."""
        strip = self._header_strips.get(index) if summary is not None else None
        if strip is None:
            mark = self.claims.get(summary.document_id) if summary is not None else None
            text = header_text(summary, width, mark.label if mark else "")
            segment = Segment(text, self._style("project-list--unit"))
            strip = Strip([segment], width)
            if summary is not None:
                self._header_strips[index] = strip
        return strip

    def _row_strip(self, index: int, summary: ProjectSummary, width: int) -> Strip:
        """The row of project `index`, highlighted when the cursor is on it."""
        key = (index, index == self.cursor)
        strip = self._row_strips.get(key)
        if strip is None:
            if len(self._row_strips) > ROW_CACHE_LIMIT:
                self._row_strips.clear()
                self._header_strips.clear()
            mark = self.claims.get(summary.document_id)
            text = row_text(summary, width, mark.holder if mark else "")
            segment = Segment(text, self._row_style(summary, index))
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
        """Rows are drawn again at the new width; the cursor's row stays in view."""
        self.forget_rendered_rows()
        self._layout = None
        self._size_to_rows()
        self.keep_cursor_in_view()

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which row was clicked (a header selects its unit's first row)."""
        lines = self.lines()
        if 0 <= event.y < len(lines):
            self.post_message(self.RowClicked(lines[event.y].project))
