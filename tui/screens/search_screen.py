"""The `/` search: type, see the best matches as you type, Enter selects one project."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.errors import StoreError
from store.views import ListFilter, ProjectSummary
from tui.widgets.text_cells import fit_cells
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository

RESULT_LIMIT = 30


def result_label(summary: ProjectSummary, width: int = 70) -> str:
    """A result line: name and unit, aligned in cells, no markup."""
    return fit_cells(summary.name, width - 20) + "  " + fit_cells(summary.unit, 18)


class SearchScreen(ModalScreen[int | None]):
    """Returns the chosen project's id, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close the search", id="search-cancel"),
        Binding(
            "down",
            "results_down",
            "Next match",
            tooltip="Highlight the next match",
            id="search-down",
        ),
        Binding(
            "up",
            "results_up",
            "Previous match",
            tooltip="Highlight the previous match",
            id="search-up",
        ),
    ]

    def __init__(self, store: StoreAccess, document_id: int | None) -> None:
        """Search the projects of one document, or of all."""
        super().__init__()
        self.store = store
        self.document_id = document_id

    def compose(self) -> ComposeResult:
        """Query input above the list of matches."""
        with Vertical(id="search-dialog", classes="dialog"):
            yield Label("Search names and targets (fuzzy)")
            yield Input(placeholder="type part of a name or target", id="search-input")
            yield OptionList(id="search-results", markup=False)
            yield Label(
                "↑/↓ choose · Enter select · Escape cancel", classes="hint", id="search-hint"
            )

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        """Search again for the new text."""
        self.search(event.value.strip())

    @work(thread=True, exclusive=True, group="search")
    def search(self, query: str) -> None:
        """Worker: ask the store for the best matches."""
        if not query:
            self.app.call_from_thread(self._show_results, query, [])
            return
        try:
            matches = self.store.call(partial(_find, query=query, document_id=self.document_id))
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), title="Search", severity="error")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_results, query, matches)

    def _show_results(self, query: str, matches: list[ProjectSummary]) -> None:
        """Fill the result list."""
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(result_label(match), id=str(match.id)) for match in matches)
        if matches:
            results.highlighted = 0
        hint = f"{len(matches)} matches" if query else "↑/↓ choose · Enter select · Escape cancel"
        self.query_one("#search-hint", Label).update(hint)

    @on(Input.Submitted, "#search-input")
    def _submit(self) -> None:
        """Select the highlighted match."""
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None:
            self._choose(results.get_option_at_index(results.highlighted))

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """Select a clicked match."""
        self._choose(event.option)

    def _choose(self, option: Option) -> None:
        """Close with the option's project id."""
        self.dismiss(int(option.id) if option.id else None)

    def action_results_down(self) -> None:
        """Highlight the next match."""
        self.query_one("#search-results", OptionList).action_cursor_down()

    def action_results_up(self) -> None:
        """Highlight the previous match."""
        self.query_one("#search-results", OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


def _find(repository: Repository, query: str, document_id: int | None) -> list[ProjectSummary]:
    """The store's best matches for `query` over names and targets."""
    return repository.list_projects(ListFilter.ALL, document_id, 0, RESULT_LIMIT, search=query)
