"""The review app: one screen over an open repository; quitting or crashing loses nothing stored."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.app import App

from tui.commands import ReviewCommands
from tui.screens.review_screen import ReviewScreen
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository


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

    def on_mount(self) -> None:
        """Open the review screen."""
        self.push_screen(ReviewScreen(self.store, self.document_id, self.first_project_shown))
        if self.notice:
            self.notify(self.notice, title="Sample imported", timeout=10)

    def first_project_shown(self) -> None:
        """Note when the first project is on screen (for `app_ready_s`); exit if asked to."""
        if self.ready_at is None:
            self.ready_at = time.time()
            if self.exit_when_ready:
                self.exit()
