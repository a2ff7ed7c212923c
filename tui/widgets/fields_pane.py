"""The selected project's fields: name, flags, alternatives, unit, target, indicators."""

from __future__ import annotations

from typing import ClassVar

from rich import box
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.views import IndicatorView, ProjectDetail, Status

STATUS_LABELS = {
    Status.VERIFIED: ("✓ verified", "bold green"),
    Status.FLAGGED: ("! flagged", "bold yellow"),
    Status.UNREVIEWED: ("unreviewed", "dim"),
}


def name_text(detail: ProjectDetail) -> Text:
    """Name line: the name (no markup, brackets survive), its confidence and the review status."""
    text = Text(detail.name or "(no name)", style="bold")
    text.append(f"\nconfidence {detail.confidence:.2f} · ", style="dim")
    label, style = STATUS_LABELS.get(detail.status, (str(detail.status), ""))
    text.append(label, style=style)
    if detail.updated_by:
        text.append(f" by {detail.updated_by}", style="dim")
    return text


def about_text(detail: ProjectDetail) -> Text:
    """Unit, reviewer note, parser flags (with why) and the parser's alternative names."""
    text = Text()
    text.append("unit  ", style="dim")
    text.append(detail.unit)
    if detail.note:
        text.append("\nnote  ", style="dim")
        text.append(detail.note, style="bold yellow")
    for code, why in flags_with_reasons(detail):
        text.append("\nflag  ", style="dim")
        text.append(code, style="bold yellow")
        if why and why != code:
            text.append(f"  {why}")
    if detail.alternatives:
        text.append("\nalso  ", style="dim")
        text.append("   ".join(f"{name} ({score:.2f})" for name, score in detail.alternatives[:5]))
    return text


def flags_with_reasons(detail: ProjectDetail) -> list[tuple[str, str]]:
    """Pair each flag code with its sentence when the store gave one."""
    reasons = list(detail.flag_details) + [""] * len(detail.flags)
    return [(code, reasons[index]) for index, code in enumerate(detail.flags)]


def indicator_table(indicators: tuple[IndicatorView, ...], selected: int | None) -> Table:
    """The indicators as a table built from `Text` cells (no markup); the selected row reversed."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("level 1 / 2", no_wrap=True)
    table.add_column("name", ratio=2, overflow="fold")
    table.add_column("period", ratio=1, min_width=6, overflow="fold")
    table.add_column("annual", ratio=1, min_width=6, overflow="fold")
    for index, item in enumerate(indicators):
        levels = Text(f"{item.level1_code} {item.level1}\n{item.level2_code} {item.level2}")
        table.add_row(
            str(item.seq),
            levels,
            Text(item.name),
            Text(item.period_value),
            Text(item.annual_value),
            style="reverse" if index == selected else None,
        )
    return table


def fields_renderable(detail: ProjectDetail, selected: int | None) -> RenderableType:
    """Everything the pane shows for one project, top to bottom."""
    target = Text(detail.target or "(no target)")
    parts: list[RenderableType] = [
        name_text(detail),
        Text(),
        about_text(detail),
        Text(),
        target,
        Text(),
    ]
    if detail.indicators:
        parts.append(indicator_table(detail.indicators, selected))
    else:
        parts.append(Text("(no indicators)", style="dim"))
    return Group(*parts)


class FieldsPane(ScrollView, can_focus=True):
    """Line-API pane of pre-rendered strips, so a new project never triggers a layout pass."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down",
            "indicator(1)",
            "Next indicator",
            tooltip="Select the next indicator",
            id="indicator-next",
            show=False,
        ),
        Binding(
            "up",
            "indicator(-1)",
            "Previous indicator",
            tooltip="Select the previous indicator",
            id="indicator-previous",
            show=False,
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.detail: ProjectDetail | None = None
        self.selected_row = 0
        self._strips: list[Strip] = []
        self._base_style: Style | None = None

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
        """Render the project once into strips at the pane's width."""
        width = max(self.scrollable_content_region.width, 10)
        if self.detail is None:
            self._strips = []
        else:
            selected = self.selected_row if self.has_focus else None
            renderable = fields_renderable(self.detail, selected)
            options = self.app.console.options.update_width(width)
            lines = self.app.console.render_lines(
                renderable, options, style=self.rich_style, pad=False
            )
            self._strips = [Strip(line) for line in lines]
        self.virtual_size = Size(width, len(self._strips))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw one pre-rendered line."""
        index = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        if self._base_style is None:
            self._base_style = self.rich_style
        if index >= len(self._strips):
            return Strip.blank(width, self._base_style)
        return self._strips[index].crop_extend(0, width, self._base_style)

    def notify_style_update(self) -> None:
        """Forget the cached base style when the CSS or theme changes."""
        super().notify_style_update()
        self._base_style = None

    def on_resize(self, event: events.Resize) -> None:
        """Render again at the new width."""
        self._render_strips()

    def on_focus(self, event: events.Focus) -> None:
        """Show the indicator cursor while the pane has focus."""
        self._render_strips()

    def on_blur(self, event: events.Blur) -> None:
        """Hide the indicator cursor when focus leaves."""
        self._render_strips()
