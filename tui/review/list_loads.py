"""The review list's loads: the first view, reloads after a filter or an edit, pages and progress.

The screen keeps the list state (query, rows, generation); this object asks workers for views
and takes what they post back, so the screen's module stays the layout and the key dispatch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.i18n import _
from store.labels import filter_label
from store.views import ListFilter, ListQuery
from tui import workers
from tui.messages import PageLoaded, ProgressLoaded, ViewLoaded
from tui.paging import ProjectRows
from tui.review.filters import filters_text
from tui.review.saved_view import restored
from tui.widgets.project_list import ProjectList
from tui.workers import StoreAccess, ViewRequest

if TYPE_CHECKING:
    from tui.screens.review_screen import ReviewScreen

PREPARE_NAMES_AFTER_S = 1.0
"""The known names are indexed this long after the first paint, so the first rename picker opens
at once, without competing with the start."""


class ListLoads:
    """Loads the list views of one review screen and shows them when they arrive."""

    def __init__(self, screen: ReviewScreen) -> None:
        """Load for `screen`."""
        self.screen = screen
        self._progress_generation = 0

    def first_view(self) -> None:
        """Show the saved filter and project in the first paint, then load the progress.

        This one load is done here rather than in a worker: it is a few indexed reads, and a
        worker would first paint an empty screen and then compete with that paint.
        """
        screen = self.screen
        view = screen.background.now(self._restored_view)
        if view is None:
            return
        self.on_view_loaded(view)
        screen.call_after_refresh(screen.background.progress, view.generation, screen.document_id)
        if view.detail is not None:
            unit = view.detail.detail.unit
            screen.set_timer(PREPARE_NAMES_AFTER_S, lambda: screen.background.prepare_names(unit))

    def _restored_view(self, store: StoreAccess) -> ViewLoaded:
        """The saved view (filters and order), with the cursor on the saved project."""
        screen = self.screen
        place = store.call(workers.read_saved_place)
        screen.list_query = restored(screen.list_query, place.view, place.old_status)
        return workers.load_view(store, self.request(place.project_id, 0))

    def request(self, select_id: int | None, fallback_index: int) -> ViewRequest:
        """A request for the current filter's view, under a new generation."""
        screen = self.screen
        screen.generation += 1
        return ViewRequest(
            screen.generation, screen.list_query, select_id, fallback_index,
            screen.rows.page_size, frozenset(screen.texts.keys()),
        )

    def reload(self, select_id: int | None, fallback_index: int = 0) -> None:
        """Reload the list view (after an edit or a filter change), keeping `select_id` selected."""
        self.screen.background.view(self.request(select_id, fallback_index))

    def show_query(self, query: ListQuery, select_id: int | None) -> None:
        """List what `query` selects (a filter, a search or an order changed), keeping the
        selected project where it is still listed; the header and list title say it at once."""
        self.screen.list_query = query
        self.screen.show_header()
        self.reload(select_id, 0)

    def on_view_loaded(self, message: ViewLoaded) -> None:
        """Show a freshly loaded view and select the project the request asked for."""
        screen = self.screen
        if message.generation != screen.generation:
            return
        screen.team.keep_place(message)
        screen.list_query = message.list_query
        screen.rows = ProjectRows(message.ids)
        for page, rows in message.pages.items():
            screen.rows.store_page(page, rows)
        if message.detail is not None:
            screen.showing.cache_detail(message.detail)
        empty = _("No project matches the filter: {filter}. Press c to clear the filters.")
        narrowing = filters_text(screen.list_query, screen.document_names)
        listed = "  ".join(filter(None, (filter_label(screen.list_query.status), narrowing)))
        screen.query_one(ProjectList).show_rows(screen.rows, message.cursor,
                                                empty.format(filter=listed))
        self.show_title()
        screen.move_to(message.cursor)

    def show_title(self) -> None:
        """Title the list with how many projects it holds when something narrows it."""
        screen = self.screen
        query = screen.list_query
        narrowed = query.is_narrowed() or query.status is not ListFilter.ALL
        title = _("Projects")
        if narrowed:
            title = _("Projects: {count} listed").format(count=len(screen.rows))
        screen.query_one(ProjectList).border_title = title

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Take the newest progress and show it in the header."""
        screen = self.screen
        if message.generation >= self._progress_generation:
            self._progress_generation = message.generation
            screen.needs_review = message.needs_review
            screen.progress = (message.verified, message.total)
            screen.own_verified = message.own_verified
            screen.findings = message.findings
            screen.showing.mark_findings()
            screen.show_header()

    def on_page_loaded(self, message: PageLoaded) -> None:
        """Keep a page of row summaries and redraw the visible rows."""
        screen = self.screen
        if message.generation == screen.generation:
            screen.rows.store_page(message.page, message.rows)
            screen.query_one(ProjectList).refresh_rows()

    def load_pages(self, pages: list[int]) -> None:
        """Load the pages the list is about to draw."""
        screen = self.screen
        for page in pages:
            screen.background.page(screen.generation, screen.list_query, page,
                                   screen.rows.page_size)
