"""The `/` search: type, see the best matches as you type, Enter selects one project."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.i18n import N_, _, ngettext
from store.labels import Label as Word
from store.views import ListQuery
from tui.project_search import ProjectSearch, SearchHit
from tui.screens.query_list import QueryListScreen, query_list_bindings
from tui.widgets.text_cells import fit_cells
from tui.workers import STORE_FAILURES, StoreAccess

RESULT_LIMIT = 30
HINT = N_("↑/↓ choose · Enter select · Escape cancel")
MATCHED_IN = {
    "name": Word(N_("project name"), english="name"),
    "target": Word(N_("performance target"), english="target"),
}
"""Where a search matched, as the result line says it."""


def result_label(hit: SearchHit, width: int = 76) -> str:
    """A result line: score, name, where it matched and the unit, aligned in cells, no markup."""
    where_cells = max(cell_len(label.text()) for label in MATCHED_IN.values())
    label = MATCHED_IN.get(hit.matched_in)
    where = fit_cells(label.text() if label else hit.matched_in, where_cells)
    name = fit_cells(hit.name, width - 24 - where_cells)
    return f"{hit.score:>3.0f}  {name}  {where}  {fit_cells(hit.unit, 16)}"


class SearchScreen(QueryListScreen[int | None]):
    """Returns the chosen project's id, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = query_list_bindings(
        "search",
        N_("Close the search"),
        (N_("Highlight the next match"), N_("Highlight the previous match")),
    )

    def __init__(self, store: StoreAccess, document_id: int | None) -> None:
        """Search the projects of one document, or of all."""
        super().__init__()
        self.store = store
        self.document_id = document_id
        self.index: ProjectSearch | None = None
        self.pending_query = ""

    def compose(self) -> ComposeResult:
        """Query input above the list of matches."""
        with Vertical(id="search-dialog", classes="dialog"):
            yield Label(_("Search names and targets (fuzzy)"))
            yield Input(placeholder=_("type part of a name or target"), id="search-input")
            yield OptionList(id="search-results", markup=False)
            yield Label(_("Loading names and targets…"), classes="hint", id="search-hint")

    def on_mount(self) -> None:
        """Load the searchable texts in a worker."""
        self.load_index()

    @work(thread=True, group="search-index")
    def load_index(self) -> None:
        """Worker: read (id, unit, name, target) of every project in scope once per search."""
        try:
            scope = ListQuery(document_id=self.document_id)
            texts = self.store.call(lambda repository: repository.project_texts(scope))
        except STORE_FAILURES as error:
            title = _("Search")
            self.app.call_from_thread(self.notify, str(error), title=title, severity="error")
            return
        self.app.call_from_thread(self._index_ready, ProjectSearch(texts))

    def _index_ready(self, index: ProjectSearch) -> None:
        """Search for whatever was typed while loading."""
        self.index = index
        self.query_one("#search-hint", Label).update(_(HINT))
        if self.pending_query:
            self.search(self.pending_query)

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        """Search again for the new text."""
        self.pending_query = event.value.strip()
        if self.index is not None:
            self.search(self.pending_query)

    @work(thread=True, exclusive=True, group="search")
    def search(self, query: str) -> None:
        """Worker: rank the projects for `query` (rapidfuzz)."""
        if self.index is None:
            return
        hits = self.index.rank(query, RESULT_LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_results, query, hits)

    def _show_results(self, query: str, hits: list[SearchHit]) -> None:
        """Fill the result list, best match highlighted."""
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(result_label(hit), id=str(hit.project_id)) for hit in hits)
        if hits:
            results.highlighted = 0
        hint = _(HINT)
        if query:
            count = len(hits)
            matches = ngettext("{count} match · {keys}", "{count} matches · {keys}", count)
            hint = matches.format(count=count, keys=hint)
        self.query_one("#search-hint", Label).update(hint)

    def choose(self, option: Option) -> None:
        """Close with the option's project id."""
        self.dismiss(int(option.id) if option.id else None)
