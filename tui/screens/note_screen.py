"""A small modal asking why a project is flagged; it returns the note, or None when cancelled."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from store.i18n import N_, _
from tui.widgets.text_cells import printable


class NoteScreen(ModalScreen[str | None]):
    """Enter saves the note, Escape cancels; an empty note is refused with a hint."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", N_("Cancel"), tooltip=N_("Close without flagging"), id="note-cancel"
        ),
    ]

    def __init__(self, project_name: str, note: str) -> None:
        """Ask about `project_name`, starting from its current note."""
        super().__init__()
        self.project_name = project_name
        self.note = note

    def compose(self) -> ComposeResult:
        """Title, input and hint."""
        with Vertical(id="note-dialog", classes="dialog"):
            question = _("Flag “{name}” — what is wrong?")
            yield Label(question.format(name=printable(self.project_name)), markup=False)
            yield Input(
                printable(self.note),
                placeholder=_("e.g. name belongs to the next project"),
                id="note-input",
            )
            yield Label(_("Enter flags · Escape cancels"), id="note-hint", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Return the note when it says something."""
        note = event.value.strip()
        if not note:
            hint = _("Type a few words on why this needs a look.")
            self.query_one("#note-hint", Label).update(hint)
            return
        self.dismiss(note)

    def action_cancel(self) -> None:
        """Close without flagging."""
        self.dismiss(None)
