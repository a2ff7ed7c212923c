"""The review screen's store actions: each runs in a worker as one transaction and one log row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen

from store.errors import NotFoundError
from store.views import ProjectDetail
from tui.messages import EditApplied, StoreFailed
from tui.paging import ProjectRows, next_needing_review
from tui.screens.note_screen import NoteScreen
from tui.workers import STORE_FAILURES, StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository


class ReviewActions(Screen[None]):
    """Verify, flag, unreview, undo and redo; the subclass holds the list and the shown project."""

    store: StoreAccess
    rows: ProjectRows
    cursor: int
    needs_review: set[int]
    detail: ProjectDetail | None

    def selected_id(self) -> int | None:
        """The id of the project under the cursor, if any."""
        return self.rows.ids[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def action_verify(self) -> None:
        """Verify the selected project and go to the next one that needs review."""
        detail = self.selected_detail()
        if detail is None:
            return
        after = next_needing_review(self.rows.ids, self.cursor, self.needs_review, skip=detail.id)
        if not self.needs_review and self.cursor + 1 < len(self.rows):
            after = self.cursor + 1  # progress not loaded yet (or all verified): the next row
        select_id = self.rows.ids[after] if after is not None else detail.id
        self.apply_edit(
            lambda repository: repository.verify(detail.id, detail.version),
            "",
            select_id,
        )

    def action_flag(self) -> None:
        """Ask for a note, then flag the selected project with it."""
        detail = self.selected_detail()
        if detail is None:
            return

        def flag_with(note: str | None) -> None:
            if note is not None:
                self.apply_edit(
                    lambda repository: repository.flag(detail.id, note, detail.version),
                    "",
                    detail.id,
                )

        self.app.push_screen(NoteScreen(detail.name, detail.note), flag_with)

    def action_mark_unreviewed(self) -> None:
        """Put the selected project back to unreviewed."""
        detail = self.selected_detail()
        if detail is not None:
            self.apply_edit(
                lambda repository: repository.mark_unreviewed(detail.id, detail.version),
                "",
                detail.id,
            )

    def action_undo(self) -> None:
        """Undo the newest action still applied, then show the project it touched."""
        self.apply_edit(partial(step_history, "undo"), "Undone", self.selected_id(), True)

    def action_redo(self) -> None:
        """Redo the most recently undone action, then show the project it touched."""
        self.apply_edit(partial(step_history, "redo"), "Redone", self.selected_id(), True)

    def selected_detail(self) -> ProjectDetail | None:
        """The loaded detail of the selected project, or None (with a notice) while it loads."""
        if self.detail is None or self.detail.id != self.selected_id():
            self.notify(
                "No project is shown yet; wait a moment or pick one.", title="Nothing selected"
            )
            return None
        return self.detail

    def apply_edit(
        self,
        work: Callable[[Repository], object],
        summary: str,
        select_id: int | None,
        select_created: bool = False,
    ) -> None:
        """Run one store action in a worker; `summary` prefixes the log line it returns, if any.

        With `select_created`, an action returning a project id (a split, an undo) selects it.
        """
        edit = partial(self._edit_work, work, summary, select_id, select_created)
        self.run_worker(edit, thread=True, group="edit")

    def _edit_work(
        self,
        work: Callable[[Repository], object],
        summary: str,
        select_id: int | None,
        select_created: bool,
    ) -> None:
        """Worker: one store action, posted back as EditApplied or StoreFailed."""
        try:
            result = self.store.call(work)
        except STORE_FAILURES as error:
            self.post_message(StoreFailed(error_title(error), str(error), reload=True))
            return
        created = result if isinstance(result, int) else getattr(result, "project_id", None)
        if select_created and isinstance(created, int):
            select_id = created
        logged = str(getattr(result, "summary", ""))
        message = ": ".join(part for part in (summary, logged) if part) or "Done"
        self.post_message(EditApplied(message, select_id))


@dataclass(frozen=True)
class Stepped:
    """What an undo or redo did, and a project it touched that still exists."""

    summary: str
    project_id: int | None


def step_history(step: str, repository: Repository) -> Stepped:
    """Undo or redo one action and find a project it touched (gone ones are skipped)."""
    entry = repository.undo() if step == "undo" else repository.redo()
    for key in entry.project_keys:
        try:
            return Stepped(entry.summary, repository.project_id_of(key))
        except NotFoundError:
            continue
    return Stepped(entry.summary, None)


def error_title(error: Exception) -> str:
    """A short title from an error's class: `StaleEditError` → `Stale edit`."""
    name = type(error).__name__.removesuffix("Error") or "Error"
    words = "".join(f" {char.lower()}" if char.isupper() else char for char in name).strip()
    return words[:1].upper() + words[1:]
