"""The terminal driver of the review app: Textual's, but quitting does not wait for its input
thread's polls.

Textual's input thread polls the terminal every 0.1 s and, once told to stop, polls once more
before it ends; its driver waits for it, so every quit took 0.1–0.2 s before anything else. When
the app is leaving for good (`ReviewApp.leaving`), the thread is told to stop and left to end on
its own; the process exits right after (`tui.cli.review_command`).
"""

from __future__ import annotations

import signal
from contextlib import suppress

from textual.drivers.linux_driver import LinuxDriver


class QuickExitDriver(LinuxDriver):
    """Stops reading keys without joining the input thread when the app quits."""

    def disable_input(self) -> None:
        """Stop reading keys; on the way out, without waiting for the input thread."""
        if not getattr(self._app, "leaving", False):
            super().disable_input()
            return
        with suppress(Exception):  # as Textual's: a terminal gone already is no error here
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
            self._disable_mouse_support()
            self.exit_event.set()
