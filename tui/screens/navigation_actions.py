"""Moving through the list, filtering, searching, help and quitting: the screen's own keys."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from store.views import ListFilter
from tui.paging import next_needing_review
from tui.screens.bindings import REVIEW_BINDINGS
from tui.screens.correction_actions import CorrectionActions
from tui.screens.help_screen import HelpScreen
from tui.screens.search_screen import SearchScreen
from tui.widgets.project_list import ProjectList
from tui.widgets.raw_text import RawTextPane
from tui.workers import STATE_FILTER, STATE_PROJECT, STORE_FAILURES, save_ui_state

FILTER_ORDER = list(ListFilter)


class NavigationActions(CorrectionActions):
    """Key actions that change what is shown, not what is stored (except the saved position)."""

    list_filter: ListFilter
    document_id: int | None
    raw_choice: bool | None

    if TYPE_CHECKING:

        def move_to(self, index: int) -> None: ...

        def reload(self, select_id: int | None, fallback_index: int = 0) -> None: ...

        def _show_header(self) -> None: ...

    def action_next_project(self) -> None:
        """Select the next project."""
        self.move_to(self.cursor + 1)

    def action_previous_project(self) -> None:
        """Select the previous project."""
        self.move_to(self.cursor - 1)

    def action_page_down(self) -> None:
        """Move a screenful down."""
        self.move_to(self.cursor + self.query_one(ProjectList).size.height)

    def action_page_up(self) -> None:
        """Move a screenful up."""
        self.move_to(self.cursor - self.query_one(ProjectList).size.height)

    def action_first_project(self) -> None:
        """Select the first project."""
        self.move_to(0)

    def action_last_project(self) -> None:
        """Select the last project."""
        self.move_to(len(self.rows) - 1)

    def action_next_needing_review(self) -> None:
        """Jump to the next unreviewed or flagged project, wrapping around."""
        index = next_needing_review(self.rows.ids, self.cursor, self.needs_review)
        if index is None:
            self.notify("No project in this list needs review.", title="All reviewed")
        else:
            self.move_to(index)

    def action_cycle_filter(self) -> None:
        """Show the next list filter: all, needs review, flagged, verified."""
        self.list_filter = FILTER_ORDER[
            (FILTER_ORDER.index(self.list_filter) + 1) % len(FILTER_ORDER)
        ]
        self._show_header()
        self.reload(self.selected_id(), 0)

    def action_search(self) -> None:
        """Search names and targets; the chosen project is selected (in the full list if needed)."""
        self.app.push_screen(SearchScreen(self.store, self.document_id), self.jump_to_project)

    def jump_to_project(self, project_id: int | None) -> None:
        """Select a project, switching to the full list when the filter hides it."""
        if project_id is None:
            return
        index = self.rows.index_of(project_id)
        if index is not None:
            self.move_to(index)
            return
        self.list_filter = ListFilter.ALL
        self.reload(project_id, 0)

    def action_toggle_raw(self) -> None:
        """Show or hide the raw text pane; the choice then holds whatever the terminal's width."""
        raw = self.query_one(RawTextPane)
        raw.display = self.raw_choice = not raw.display

    def action_help(self) -> None:
        """Open the list of every key."""
        self.app.push_screen(HelpScreen(REVIEW_BINDINGS))

    def action_quit_review(self) -> None:
        """Save the position, then quit."""
        values = {STATE_FILTER: str(self.list_filter), STATE_PROJECT: str(self.selected_id() or "")}
        try:
            self.store.call(partial(save_ui_state, values=values))
        except STORE_FAILURES as error:
            self.notify(str(error), title="Position not saved", severity="warning")
        self.app.exit()
