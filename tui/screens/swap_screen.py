"""After `x`: the next key says which neighbour to swap names with (↑ previous, ↓ next)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from store.i18n import N_, _
from tui.widgets.text_cells import printable


class SwapScreen(ModalScreen[int | None]):
    """Returns -1 (previous), 1 (next) or None (cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "up,k",
            "choose(-1)",
            N_("Previous"),
            tooltip=N_("Swap with the previous project"),
            id="swap-previous",
        ),
        Binding(
            "down,j",
            "choose(1)",
            N_("Next"),
            tooltip=N_("Swap with the next project"),
            id="swap-next",
        ),
        Binding("escape,x", "choose(0)", N_("Cancel"), tooltip=N_("Do not swap"), id="swap-cancel"),
    ]

    def __init__(self, project_name: str) -> None:
        """Ask about `project_name`."""
        super().__init__()
        self.project_name = project_name

    def compose(self) -> ComposeResult:
        """One line of question, one of keys."""
        with Vertical(id="swap-dialog", classes="dialog"):
            question = _("Swap the name “{name}” with a neighbour")
            yield Label(question.format(name=printable(self.project_name)), markup=False)
            keys = _("↑/k previous project · ↓/j next project · Escape cancel")
            yield Label(keys, classes="hint")

    def action_choose(self, direction: int) -> None:
        """Close with the direction (0 means cancel)."""
        self.dismiss(direction or None)
