"""What the review commands may use of the review screen: a protocol, so no command fakes a host."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.binding import BindingType
from textual.screen import Screen

from store.operations import Operation, Versions
from store.views import DocumentFinding, ListQuery, ProjectDetail
from tui.paging import ProjectRows
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.raw_text import RawTextPane
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository

Result = TypeVar("Result")


class ReviewView(Protocol):
    """The review screen as its commands see it: the list, the shown project, the store."""

    store: StoreAccess
    rows: ProjectRows
    cursor: int
    needs_review: set[int]
    held_by_others: frozenset[int]
    """Projects in documents other reviewers have open: `n` passes over them."""
    list_query: ListQuery
    raw_choice: bool | None
    document_names: dict[int, str]
    """File names of the documents the list is filtered to, for the header."""

    @property
    def fields(self) -> FieldsPane:
        """The fields pane (its selected indicator)."""

    @property
    def raw(self) -> RawTextPane:
        """The raw text pane."""

    @property
    def page_height(self) -> int:
        """How many list rows fit on screen."""

    def key_bindings(self) -> list[BindingType]:
        """The screen's key bindings, for the help."""

    def selected_detail(self) -> ProjectDetail | None:
        """The shown project, or None (with a notice) while none is shown."""

    def move_to(self, index: int) -> None:
        """Select the project at `index` of the list."""

    def jump_to_project(self, project_id: int | None) -> None:
        """Select a project, switching to the full list if the filter hides it."""

    def jump_to_key(self, key: str | None) -> None:
        """Select the project with this stable key (found in a worker), if it still exists."""

    def reload(self, select_id: int | None, fallback_index: int = 0) -> None:
        """Read the list again and select `select_id`."""

    def show_query(self, query: ListQuery, keep_place: bool = True) -> None:
        """List what `query` selects (filters, search, order), keeping the selected project where
        it is still listed (else, or without `keep_place`, the first)."""

    def search_list(self) -> None:
        """Open the line that narrows the list as the reviewer types."""

    def fetch(self, read: Callable[[Repository], Result], then: Callable[[Result], None]) -> None:
        """Run a store read in a worker and give its result to `then` (a failure is shown)."""

    def show_header(self) -> None:
        """Redraw the header."""

    def shown_findings(self) -> list[DocumentFinding]:
        """The findings of the shown project's document."""

    def perform(
        self, build: Callable[[], Operation], based_on: Versions, select_id: int | None,
        select_created: bool = False,
    ) -> None:
        """Build and apply an operation in a worker (a refusal is shown, never raised); then
        select `select_id`, or with `select_created` the project it made."""

    def step_history(self, undo: bool) -> None:
        """Undo or redo in a worker; then select the project it touched."""

    def ask(self, screen: Screen[Any], then: Callable[[Any], None]) -> None:
        """Open a dialog; `then` gets what it returns."""

    def say(self, message: str, title: str = "", severity: str = "information") -> None:
        """Show a notification (never parsed as markup)."""

    def quit_review(self) -> None:
        """Save the position and quit."""
