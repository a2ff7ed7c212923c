"""The line under the panes where typing narrows the project list: Enter keeps, Escape clears.

Typing is debounced: the list is asked for once the reviewer pauses, not at every character,
and the screen loads it in a worker, so a slow text search never holds up typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from store.i18n import N_, _

SETTLE_S = 0.25
"""The pause in typing after which the list is narrowed to what was typed."""


class ListSearch(Input):
    """Posts `Settled` when typing pauses, `Done` on Enter (keep) or Escape (clear)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", N_("Clear"),
                tooltip=N_("Clear the search and show the list again"), id="list-search-clear"),
    ]

    @dataclass
    class Settled(Message):
        """Typing paused: narrow the list to `text` (all when empty)."""

        text: str

    @dataclass
    class Done(Message):
        """The reviewer left the search: `keep` with Enter, cleared with Escape."""

        text: str
        keep: bool

    def __init__(self, *, id: str | None = None) -> None:
        """An empty, hidden search line."""
        super().__init__(placeholder=_("narrow the list: names, targets, indicators, raw text"),
                         id=id, select_on_focus=False)
        self._timer: Timer | None = None
        self._sent = ""

    def open(self, text: str) -> None:
        """Show the line holding the current search, and type into it."""
        self.value = text
        self._sent = text
        self.display = True
        self.cursor_position = len(text)
        self.focus()

    def _on_input_changed(self, event: Input.Changed) -> None:
        """Ask for the narrowed list once typing pauses."""
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SETTLE_S, self._settle)

    def _settle(self) -> None:
        """Typing paused: post the text if it changed."""
        self._timer = None
        text = self.value.strip()
        if text != self._sent:
            self._sent = text
            self.post_message(self.Settled(text))

    def _on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: narrow to what is typed now and keep it."""
        event.stop()
        self._close(self.value.strip(), keep=True)

    def action_clear_search(self) -> None:
        """Escape: clear the search."""
        self._close("", keep=False)

    def _close(self, text: str, keep: bool) -> None:
        """Hide the line and say what the list keeps."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._sent = text
        self.display = False
        self.post_message(self.Done(text, keep))
