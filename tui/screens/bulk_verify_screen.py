"""The `V` question: verify every project the list shows, saying how many, and how many flagged
ones are left out unless included (`i`)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from store.i18n import N_, _, ngettext


def question_text(plain: int, flagged: int, include_flagged: bool) -> str:
    """What a bulk verify would do, in one or two sentences."""
    if include_flagged:
        count = plain + flagged
        asked = ngettext("Verify the {count} project the list shows, flagged ones included?",
                         "Verify the {count} projects the list shows, flagged ones included?",
                         count).format(count=count)
        return asked + "\n" + _("Press i to leave the flagged ones out.")
    asked = ngettext("Verify the {count} unreviewed project the list shows?",
                     "Verify the {count} unreviewed projects the list shows?",
                     plain).format(count=plain)
    if not flagged:
        return asked
    left_out = ngettext(
        "{count} flagged project (by a reviewer, or a parser flag needing attention) is left "
        "out; press i to include it.",
        "{count} flagged projects (by a reviewer, or a parser flag needing attention) are left "
        "out; press i to include them.",
        flagged,
    ).format(count=flagged)
    return asked + "\n" + left_out


class BulkVerifyScreen(ModalScreen[bool | None]):
    """Returns whether to include the flagged projects when confirmed, None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", N_("Yes"), tooltip=N_("Verify them"),
                id="bulk-yes"),
        Binding("i", "include", N_("Include flagged"),
                tooltip=N_("Include or leave out the flagged projects"), id="bulk-include"),
        Binding("n,escape", "answer(False)", N_("No"), tooltip=N_("Cancel"), id="bulk-no"),
    ]

    def __init__(self, plain: int, flagged: int) -> None:
        """Ask about `plain` unreviewed projects and `flagged` ones left out at first."""
        super().__init__()
        self.plain = plain
        self.flagged = flagged
        self.include_flagged = False

    def compose(self) -> ComposeResult:
        """Title, question, keys."""
        with Vertical(id="bulk-dialog", classes="dialog"):
            yield Label(_("Verify the list"), markup=False, classes="dialog-title")
            yield Static(self._question(), markup=False, id="bulk-question")
            yield Static(_("y / Enter: verify  i: include or leave out flagged  n / Escape: no"),
                         markup=False, classes="hint")

    def _question(self) -> str:
        """The question for the current choice."""
        return question_text(self.plain, self.flagged, self.include_flagged)

    def action_include(self) -> None:
        """Include the flagged projects, or leave them out again."""
        if self.flagged:
            self.include_flagged = not self.include_flagged
            self.query_one("#bulk-question", Static).update(self._question())

    def action_answer(self, confirmed: bool) -> None:
        """Close with the choice, or None when cancelled."""
        if confirmed and not (self.plain or self.include_flagged):
            return  # nothing would be verified: press i, or cancel
        self.dismiss(self.include_flagged if confirmed else None)
