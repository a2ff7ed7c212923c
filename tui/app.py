"""The review app: one screen over an open repository; quitting or crashing loses nothing stored."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType
from textual import events
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from store.i18n import _
from tui.commands import ReviewCommands
from tui.latency import KeyLatency
from tui.palette import THEMES_PLACEHOLDER, TranslatedPalette, system_commands
from tui.screens.review_screen import ReviewScreen
from tui.wide_characters import keep_wide_characters_whole
from tui.widgets.text_cells import printable
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository


NOTICE_TIMEOUT_S = 10
"""How long the start-up notice (the sample was imported) stays on screen."""

keep_wide_characters_whole()

GC_THRESHOLDS = (2_000, 10, 100)
"""Young collections stay small (a gen-1 pass scans ≤ ~20k objects, ≤ 15 ms) and full ones rare,
so no key press waits for a long collection."""


class ReviewApp(App[None]):
    """Holds the store access; the review screen owns the review state."""

    CSS_PATH = "gzreview.tcss"
    TITLE = "gzreview"
    COMMANDS = App.COMMANDS | {ReviewCommands}

    def __init__(
        self,
        repository: Repository,
        document_id: int | None = None,
        exit_when_ready: bool = False,
        notice: str = "",
    ) -> None:
        """Review the documents of `repository` (one document when `document_id` is given)."""
        super().__init__()
        self.store = StoreAccess(repository, repository.location)
        self.document_id = document_id
        self.exit_when_ready = exit_when_ready
        self.ready_at: float | None = None
        self.notice = notice
        self._gc_thresholds: tuple[int, int, int] | None = None
        self.key_latency = KeyLatency()
        self.leaving = False
        """Set once the app quits for good, so the terminal is let go of at once."""

    async def on_event(self, event: events.Event) -> None:
        """Stamp each key as it arrives, so latency counts from the key, not from the cursor."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.key_latency.key_arrived(event.time)
        await super().on_event(event)

    def on_mount(self) -> None:
        """Open the review screen."""
        self.push_screen(
            ReviewScreen(
                self.store, self.document_id, self.first_project_shown, self.key_latency
            )
        )
        if self.notice:
            self.notify(self.notice, title=_("Sample imported"), timeout=NOTICE_TIMEOUT_S)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal; on Linux and macOS one that quits at once."""
        driver = super().get_driver_class()
        if driver.__name__ == "LinuxDriver":
            from tui.quick_driver import QuickExitDriver

            return QuickExitDriver
        return driver

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        """Quit: from now on the driver stops reading keys without waiting (`QuickExitDriver`)."""
        self.leaving = True
        super().exit(result, return_code, message)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands for the palette, in the active language."""
        return system_commands(self, super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """Open the command palette, its own words in the active language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(TranslatedPalette(id="--command-palette"))

    def search_themes(self) -> None:
        """Open the theme list in the palette, its own words in the active language."""
        self.push_screen(TranslatedPalette(THEMES_PLACEHOLDER, providers=[ThemeProvider]))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification as plain text: names and notes in it are never read as markup.

        Every widget's `notify` comes here, so no caller can turn markup on by mistake; control
        characters are shown visibly (`printable`).
        """
        super().notify(
            printable(message, multiline=True),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def first_project_shown(self) -> None:
        """Note when the first project is on screen (for `app_ready_s`); exit if asked to.

        Loading is done then: freezing what exists and collecting cycles less often keeps full
        garbage collections out of the key presses.
        """
        if self.ready_at is None:
            self.ready_at = time.time()
            self._gc_thresholds = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
            gc.enable()
            if self.exit_when_ready:
                self.exit()

    def on_unmount(self) -> None:
        """Give the garbage collector back its settings (tests run many apps in one process)."""
        if self._gc_thresholds is not None:
            gc.unfreeze()
            gc.set_threshold(*self._gc_thresholds)
