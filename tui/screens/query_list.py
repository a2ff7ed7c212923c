"""A modal with a query input above a list of options, shared by the search and the name picker."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from store.i18n import N_

ResultT = TypeVar("ResultT")


def query_list_bindings(
    prefix: str, cancel_tooltip: str, move_tooltips: tuple[str, str]
) -> list[BindingType]:
    """Escape cancels, ↑/↓ move the highlight through the list while the input keeps focus; the
    tooltips are `N_` templates (next, then previous), translated where shown."""
    down, up = move_tooltips
    return [
        Binding("escape", "cancel", N_("Cancel"), tooltip=cancel_tooltip, id=f"{prefix}-cancel"),
        Binding("down", "move(1)", N_("Next"), tooltip=down, id=f"{prefix}-down"),
        Binding("up", "move(-1)", N_("Previous"), tooltip=up, id=f"{prefix}-up"),
    ]


class QueryListScreen(ModalScreen[ResultT]):
    """Enter or a click chooses the highlighted option; subclasses say what an option returns."""

    BINDINGS: ClassVar[list[BindingType]] = []

    def choose(self, option: Option) -> None:
        """Close with what `option` stands for (subclasses decide)."""
        raise NotImplementedError

    def results(self) -> OptionList:
        """The screen's one list of options."""
        return self.query_one(OptionList)

    @on(Input.Submitted)
    def _submit(self) -> None:
        """Choose the highlighted option."""
        results = self.results()
        if results.highlighted is not None:
            self.choose(results.get_option_at_index(results.highlighted))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """Choose a clicked option."""
        self.choose(event.option)

    def action_move(self, step: int) -> None:
        """Highlight the next or previous option."""
        if step > 0:
            self.results().action_cursor_down()
        else:
            self.results().action_cursor_up()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
