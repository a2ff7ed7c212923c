"""Where the reviewer is (the list's filters and order, and the selected project), saved so
reopening the app comes back there: once the cursor rests, and on quitting."""

from __future__ import annotations

from functools import partial
from time import perf_counter
from typing import TYPE_CHECKING

from store.i18n import _
from tui import workers
from tui.review.saved_view import saved_text
from tui.workers import STATE_PROJECT_KEY, STATE_VIEW, STORE_FAILURES

if TYPE_CHECKING:
    from tui.screens.review_screen import ReviewScreen

SAVE_INTERVAL_S = 0.5
SAVE_WHEN_IDLE_S = 1.0
"""The position is written once the cursor has rested this long, not while keys are held."""


class Position:
    """Saves one review screen's position, never while keys are held."""

    def __init__(self, screen: ReviewScreen) -> None:
        """Save for `screen`."""
        self.screen = screen
        self._saved = True
        self._moved_at = 0.0

    def start(self) -> None:
        """Look twice a second whether the cursor has rested since it moved."""
        self.screen.set_interval(SAVE_INTERVAL_S, self._save_when_idle)

    def moved(self, at: float) -> None:
        """Note that the cursor moved at `at` (a `perf_counter` time)."""
        self._saved = False
        self._moved_at = at

    def values(self) -> dict[str, str]:
        """The list view and selected project (by its key) to come back to."""
        return {STATE_VIEW: saved_text(self.screen.list_query), STATE_PROJECT_KEY: self._key()}

    def _key(self) -> str:
        """The selected project's key, from its row or else from the shown project ("": none)."""
        screen = self.screen
        selected = screen.selected_id()
        row = screen.rows.row(screen.cursor) if selected is not None else None
        if row is not None:
            return row.key
        detail = screen.detail
        return detail.key if detail is not None and detail.id == selected else ""

    def _save_when_idle(self) -> None:
        """Remember filter and project (in a worker) so reopening comes back here."""
        if self._saved or perf_counter() - self._moved_at < SAVE_WHEN_IDLE_S:
            return
        self._saved = True
        self.screen.background.save_position(self.values())

    def save_now(self) -> None:
        """Save the position here and now (on quitting); a failure is said, never raised."""
        try:
            self.screen.store.call(partial(workers.save_ui_state, values=self.values()))
        except STORE_FAILURES as error:
            self.screen.say(str(error), _("Position not saved"), "warning")
