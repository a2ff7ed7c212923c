"""The selected project's fields: name, flags, alternatives, unit, target, indicators."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from store.i18n import N_
from store.views import IndicatorView, ProjectDetail
from tui.widgets.fields_layout import fields_lines
from tui.widgets.styled_scroll_view import StyledScrollView

INDICATOR_GROUP = Binding.Group(N_("Indicator"))
"""One footer entry for ↓/↑ here and `[`/`]` on the screen: they do the same."""


class FieldsPane(StyledScrollView, can_focus=True):
    """Line-API pane of pre-rendered strips, so a new project never triggers a layout pass."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "indicator(1)",
            N_("Next indicator"),
            tooltip=N_("Select the next indicator"),
            id="indicator-next",
            group=INDICATOR_GROUP,
        ),
        Binding(
            "up",
            "indicator(-1)",
            N_("Previous indicator"),
            tooltip=N_("Select the previous indicator"),
            id="indicator-previous",
            group=INDICATOR_GROUP,
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.detail: ProjectDetail | None = None
        self.selected_row = 0
        self._strips: list[Strip] = []

    def show(self, detail: ProjectDetail | None) -> None:
        """Show a project (or nothing); the indicator selection resets on a different project."""
        if detail is None or self.detail is None or detail.id != self.detail.id:
            self.selected_row = 0
            self.scroll_to(y=0, animate=False, immediate=True)
        self.detail = detail
        self._render_strips()

    def selected_indicator(self) -> IndicatorView | None:
        """The indicator under the pane's cursor, if the project has any."""
        if self.detail is None or not self.detail.indicators:
            return None
        return self.detail.indicators[min(self.selected_row, len(self.detail.indicators) - 1)]

    def select_indicator(self, row: int) -> None:
        """Move the indicator cursor to `row` (clamped)."""
        count = len(self.detail.indicators) if self.detail else 0
        self.selected_row = min(max(row, 0), max(count - 1, 0))
        self._render_strips()

    def action_indicator(self, delta: int) -> None:
        """Move the indicator cursor by `delta`."""
        self.select_indicator(self.selected_row + delta)

    def _render_strips(self) -> None:
        """Render the project once into strips at the pane's width; repaint only changed lines."""
        region = self.scrollable_content_region
        width = max(region.width, 10)
        previous = self._strips
        if self.detail is None:
            self._strips = []
        else:
            base = self._style("base")
            self._strips = [
                Strip([Segment(text, base + style) for text, style in line])
                for line in fields_lines(self.detail, width, self.selected_row, self.has_focus)
            ]
        # Never shorter than the view: a project that fits leaves the scrollbar as it was.
        self._set_virtual_size(Size(width, max(len(self._strips), region.height)))
        self._refresh_changed(previous)

    def _refresh_changed(self, previous: list[Strip]) -> None:
        """Repaint the lines that differ from what was drawn (labels and blank lines stay)."""
        top = round(self.scroll_y)
        visible = range(top, top + self.scrollable_content_region.height)
        changed = [row for row in visible if _differs(previous, self._strips, row)]
        for first, last in _runs(changed):
            self.refresh_lines(first, last - first + 1)

    def _set_virtual_size(self, size: Size) -> None:
        """Resize the scrollable area without a layout pass of the whole screen.

        Assigning `virtual_size` re-lays out every widget (~15 ms a key here); the pane's own
        size does not change and its scrollbar is always shown (`overflow-y: scroll`), so this
        does what Textual's own no-layout path does: set the value and update the scrollbar.
        """
        if size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)

    def render_line(self, y: int) -> Strip:
        """Draw one pre-rendered line."""
        index = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        if index >= len(self._strips):
            return Strip.blank(width, self._style("base"))
        return self._strips[index].crop_extend(0, width, self._style("base"))

    def on_resize(self, event: events.Resize) -> None:
        """Render again at the new width."""
        self._render_strips()

    def on_focus(self, event: events.Focus) -> None:
        """Show the indicator cursor in full while the pane has focus."""
        self._render_strips()

    def on_blur(self, event: events.Blur) -> None:
        """Tone the indicator cursor down when focus leaves."""
        self._render_strips()


def _differs(previous: list[Strip], current: list[Strip], row: int) -> bool:
    """Whether a line's drawing changed (a line absent from both is blank in both)."""
    if row >= len(previous) or row >= len(current):
        return row < max(len(previous), len(current))
    return previous[row] != current[row]


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Group ascending row numbers into (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
