"""A one-key question before a structural change: y or Enter goes ahead, n or Escape does not."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from store.i18n import N_, _
from tui.widgets.text_cells import printable


class ConfirmScreen(ModalScreen[bool]):
    """Returns True when confirmed, False when cancelled; the question is plain text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", N_("Yes"), tooltip=N_("Go ahead"), id="confirm-yes"),
        Binding("n,escape", "answer(False)", N_("No"), tooltip=N_("Cancel"), id="confirm-no"),
    ]

    def __init__(self, title: str, question: str) -> None:
        """Ask `question` under `title`."""
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        """Title, question, keys."""
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Label(printable(self.title_text), markup=False, classes="dialog-title")
            # Static, not Label: a Label is as wide as its text and would be cut, not wrapped.
            yield Static(printable(self.question), markup=False, id="confirm-question")
            yield Label(_("y / Enter: yes · n / Escape: no"), markup=False, classes="hint")

    def action_answer(self, confirmed: bool) -> None:
        """Close with the answer."""
        self.dismiss(confirmed)
