"""The `s` dialog: split before an indicator, or split the target text at the cursor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, TextArea
from textual.widgets.option_list import Option

from store.i18n import N_, _
from store.views import ProjectDetail
from tui.widgets.text_cells import fit_cells, printable


@dataclass(frozen=True)
class SplitPoint:
    """Where to split: before indicator `indicator_id`, or at `offset` in the target text."""

    indicator_id: int | None = None
    offset: int | None = None


class SplitScreen(ModalScreen[SplitPoint | None]):
    """Enter on an indicator splits before it; ctrl+s in the target splits at the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            tooltip=N_("Close without splitting"),
            id="split-cancel",
        ),
        Binding(
            "ctrl+s",
            "split_target",
            N_("Split target here"),
            tooltip=N_("Split the target at the cursor"),
            id="split-target",
        ),
    ]

    def __init__(self, detail: ProjectDetail, selected_indicator: int = 0) -> None:
        """Offer the split points of `detail`, starting at the selected indicator."""
        super().__init__()
        self.detail = detail
        self.selected_indicator = selected_indicator

    def compose(self) -> ComposeResult:
        """Indicators to split before, then the target text with a cursor."""
        with Vertical(id="split-dialog", classes="dialog"):
            title = _("Split “{name}”").format(name=printable(self.detail.name))
            yield Label(title, markup=False)
            yield Label(
                _(
                    "Enter: split before the highlighted indicator (it and the rest move to a "
                    "new project)"
                ),
                classes="hint",
            )
            options = [
                Option(f"{item.seq:>3}  {fit_cells(item.name, 60)}", id=str(item.id))
                for item in self.detail.indicators[1:]
            ]
            yield OptionList(*options, id="split-indicators", markup=False)
            yield Label(_("Or place the cursor in the target and press ctrl+s:"), classes="hint")
            target = printable(self.detail.target, multiline=True)  # offsets stay the same
            yield TextArea(target, id="split-target", read_only=True, soft_wrap=True)

    def on_mount(self) -> None:
        """Start on the selected indicator when it can start a new project, else in the target."""
        indicators = self.query_one("#split-indicators", OptionList)
        if indicators.option_count:
            indicators.highlighted = max(
                min(self.selected_indicator - 1, indicators.option_count - 1), 0
            )
            indicators.focus()
        else:
            self.query_one("#split-target", TextArea).focus()

    @on(OptionList.OptionSelected, "#split-indicators")
    def _indicator_chosen(self, event: OptionList.OptionSelected) -> None:
        """Split before the chosen indicator."""
        self.dismiss(SplitPoint(indicator_id=int(event.option.id or 0)))

    def action_split_target(self) -> None:
        """Split the target at the text cursor (the part after it starts the new project)."""
        area = self.query_one("#split-target", TextArea)
        row, column = area.cursor_location
        lines = self.detail.target.split("\n")
        offset = sum(len(line) + 1 for line in lines[:row]) + column
        self.dismiss(SplitPoint(offset=offset))

    def action_cancel(self) -> None:
        """Close without splitting."""
        self.dismiss(None)
