"""The review commands: verify, flag with a note, reopen, undo and redo."""

from __future__ import annotations

from functools import partial

from store.operations import FlagWithNote, Reopen, Verify
from tui.paging import next_needing_review
from tui.review.view import ReviewView
from tui.screens.note_screen import NoteScreen


def verify(view: ReviewView) -> None:
    """Verify the shown project, then go on to the next project that needs review."""
    detail = view.selected_detail()
    if detail is None:
        return
    after = next_needing_review(view.rows.ids, view.cursor, view.needs_review, skip=detail.id,
                                held=view.held_by_others)
    if not view.needs_review and view.cursor + 1 < len(view.rows):
        after = view.cursor + 1  # progress not loaded yet (or all verified): the next row
    select_id = view.rows.ids[after] if after is not None else detail.id
    view.perform(partial(Verify, detail.key), detail.versions, select_id)


def flag(view: ReviewView) -> None:
    """Ask for a note, then flag the shown project with it."""
    detail = view.selected_detail()
    if detail is None:
        return

    def flag_with(note: str | None) -> None:
        if note is not None:
            view.perform(partial(FlagWithNote, detail.key, note), detail.versions, detail.id)

    view.ask(NoteScreen(detail.name, detail.note), flag_with)


def reopen(view: ReviewView) -> None:
    """Put the shown project back to unreviewed (a verified one becomes correctable)."""
    detail = view.selected_detail()
    if detail is not None:
        view.perform(partial(Reopen, detail.key), detail.versions, detail.id)


def step_history(view: ReviewView, undo: bool) -> None:
    """Undo or redo this reviewer's last action."""
    view.step_history(undo)
