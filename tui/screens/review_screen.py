"""The review screen: project list, raw text and fields side by side; it owns the review state."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from time import perf_counter
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer

from store.views import ListFilter, ProjectDetail
from tui.latency import KeyLatency
from tui.messages import (
    DetailLoaded,
    EditApplied,
    PageLoaded,
    ProgressLoaded,
    StoreFailed,
    ViewLoaded,
)
from tui.paging import BoundedCache, ProjectRows
from tui.screens.bindings import REVIEW_BINDINGS
from tui.screens.document_issues import DocumentIssueActions
from tui.screens.navigation_actions import NavigationActions
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.project_list import ProjectList
from tui.widgets.raw_text import RawTextPane
from tui.widgets.review_header import ReviewHeader
from tui.workers import (
    STATE_FILTER,
    STATE_PROJECT,
    STORE_FAILURES,
    StoreAccess,
    ViewRequest,
    load_detail,
    load_page,
    load_progress,
    load_view,
    read_ui_state,
    save_ui_state,
)

if TYPE_CHECKING:
    pass

PREFETCH_AHEAD = 10
LoadedT = TypeVar("LoadedT", bound=Message | None)
NARROW_COLUMNS = 110
"""Below this terminal width the raw text pane starts hidden (`t` shows it): three panes in fewer
columns leave each too narrow to read."""
SAVE_INTERVAL_S = 0.5
SAVE_WHEN_IDLE_S = 1.0
"""The position is written once the cursor has rested this long, not while keys are held."""


class ReviewScreen(DocumentIssueActions, NavigationActions):
    """Moves the cursor and shows the project in the same frame; database work goes to workers."""

    BINDINGS: ClassVar[list[BindingType]] = REVIEW_BINDINGS

    def __init__(
        self,
        store: StoreAccess,
        document_id: int | None = None,
        on_first_project: Callable[[], None] | None = None,
        key_latency: KeyLatency | None = None,
    ) -> None:
        """Review the projects of one document, or of every document when `document_id` is None."""
        super().__init__()
        self.store = store
        self.on_first_project = on_first_project
        self.document_id = document_id
        self.list_filter = ListFilter.ALL
        self.rows = ProjectRows([])
        self.needs_review: set[int] = set()
        self.progress = (0, 0)
        self._progress_generation = 0
        self.cursor = 0
        self.detail: ProjectDetail | None = None
        self.details: BoundedCache[int, ProjectDetail] = BoundedCache(256)
        self.texts: BoundedCache[int, str] = BoundedCache(8)
        self.generation = 0
        self.key_latency = key_latency or KeyLatency()
        self.key_latencies_ms = self.key_latency.samples_ms
        self._selection_saved = True
        self._moved_at = 0.0

    def compose(self) -> ComposeResult:
        """Header, the three panes, and the footer with the active keys."""
        yield ReviewHeader(id="header", markup=False)
        with Horizontal(id="panes"):
            yield ProjectList(id="projects")
            yield RawTextPane(id="raw")
            yield FieldsPane(id="fields")
        yield Footer()

    def on_mount(self) -> None:
        """Restore the last filter and project and show them in the first paint."""
        self.query_one(ProjectList).focus()
        self.query_one(ProjectList).border_title = "Projects"
        self.query_one(RawTextPane).border_title = "Raw text"
        self.query_one(FieldsPane).border_title = "Fields"
        self._load_first_view()
        self.set_interval(SAVE_INTERVAL_S, self._save_selection)

    def on_resize(self, event: events.Resize) -> None:
        """Hide the raw pane in a narrow terminal, unless the reviewer chose with `t`."""
        if self.raw_choice is None:
            self.query_one(RawTextPane).display = event.size.width >= NARROW_COLUMNS

    def _load_first_view(self) -> None:
        """Read the saved filter and project and show the view they name, then load progress.

        This is the one load done here rather than in a worker: it is a few indexed reads
        (~0.08 s for 33,000 projects), and a worker would first paint an empty "Loading…" screen
        and then compete with that paint, which made the first project appear ~0.15 s later.
        The progress (counts and findings) follows after the first paint.
        """
        view = self._load(self._restored_view)
        if view is None:
            return
        self.on_view_loaded(view)
        self.call_after_refresh(self._load_progress_after_paint, view.generation)

    def _load_progress_after_paint(self, generation: int) -> None:
        """Load the progress in a worker once the first view is on screen."""
        work = partial(self._post, load_progress, generation, self.document_id)
        self.run_worker(work, thread=True, group="view")

    def _restored_view(self, store: StoreAccess) -> ViewLoaded:
        """The view of the saved filter, with the cursor on the saved project."""
        saved_filter, saved_project = store.call(read_ui_state)
        if saved_filter in {member.value for member in ListFilter}:
            self.list_filter = ListFilter(saved_filter)
        select_id = int(saved_project) if saved_project and saved_project.isdigit() else None
        return load_view(store, self._view_request(select_id, 0))

    def _view_request(self, select_id: int | None, fallback_index: int) -> ViewRequest:
        """A request for the current filter's view, under a new generation."""
        self.generation += 1
        return ViewRequest(
            self.generation,
            self.list_filter,
            self.document_id,
            select_id,
            fallback_index,
            self.rows.page_size,
            frozenset(self.texts.keys()),
        )

    def reload(self, select_id: int | None, fallback_index: int = 0) -> None:
        """Reload the list view (after an edit or a filter change), keeping `select_id` selected."""
        request = self._view_request(select_id, fallback_index)
        self.run_worker(
            partial(self._load_view, request), thread=True, group="view", exclusive=True
        )

    def _load_view(self, request: ViewRequest) -> None:
        """Worker: the view first (for the paint), then the progress."""
        self._post(load_view, request)
        self._post(load_progress, request.generation, request.document_id)

    def _post(self, loader: Callable[..., Message | None], *arguments: object) -> None:
        """Run a loader from `tui.workers` in this worker thread and post what it returns."""
        message = self._load(loader, *arguments)
        if message is not None:
            self.post_message(message)

    def _load(self, loader: Callable[..., LoadedT], *arguments: object) -> LoadedT | None:
        """Run a loader on the store; on a store failure post it (shown as a notice), give None."""
        try:
            return loader(self.store, *arguments)
        except STORE_FAILURES as error:
            self.post_message(StoreFailed("Database", str(error)))
            return None

    # ------------------------------------------------------------------ messages from workers

    def on_view_loaded(self, message: ViewLoaded) -> None:
        """Show a freshly loaded view and select the project the request asked for."""
        if message.generation != self.generation:
            return
        self.list_filter = message.list_filter
        self.rows = ProjectRows(message.ids)
        for page, rows in message.pages.items():
            self.rows.store_page(page, rows)
        if message.detail is not None:
            self._cache_detail(message.detail)
        empty = f"No project matches the filter “{self.list_filter}”; press F for another filter."
        self.query_one(ProjectList).show_rows(self.rows, message.cursor, empty)
        self.move_to(message.cursor)

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Take the newest progress and show it in the header."""
        if message.generation >= self._progress_generation:
            self._progress_generation = message.generation
            self.needs_review = message.needs_review
            self.progress = (message.verified, message.total)
            self.findings = message.findings
            self.mark_findings()
            self._show_header()

    def on_page_loaded(self, message: PageLoaded) -> None:
        """Keep a page of row summaries and redraw the visible rows."""
        if message.generation == self.generation:
            self.rows.store_page(message.page, message.rows)
            self.query_one(ProjectList).refresh_rows()

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        """Cache a loaded project and show it if it is still the selected one."""
        self._cache_detail(message)
        if self.selected_id() == message.detail.id:
            self._show_detail(message.detail)

    def _cache_detail(self, message: DetailLoaded) -> None:
        """Keep a loaded project (and its document's text) for same-frame display."""
        if message.text is not None:
            self.texts.put(message.detail.document_id, message.text)
        self.details.put(message.detail.id, message.detail)

    def on_store_failed(self, message: StoreFailed) -> None:
        """Show a refused or failed store action; nothing crashes."""
        self.notify(message.message, title=message.title, severity="error", timeout=8)
        if message.reload:
            self.details.clear()
            self.reload(self.selected_id(), self.cursor)

    def on_edit_applied(self, message: EditApplied) -> None:
        """Confirm an action and reload, since any project may have changed."""
        self.notify(message.summary, timeout=3)
        self.details.clear()
        self.reload(message.select_id, self.cursor)

    @on(ProjectList.PagesWanted)
    def _load_pages(self, message: ProjectList.PagesWanted) -> None:
        """Load the pages the list is about to draw."""
        for page in message.pages:
            arguments = (
                self.generation,
                self.list_filter,
                self.document_id,
                page,
                self.rows.page_size,
            )
            self.run_worker(partial(self._post, load_page, *arguments), thread=True, group="pages")

    @on(ProjectList.RowClicked)
    def _row_clicked(self, message: ProjectList.RowClicked) -> None:
        """Select the clicked row."""
        self.move_to(message.index)

    # ------------------------------------------------------------------ selection

    def move_to(self, index: int) -> None:
        """Move the cursor and, when the project is cached, update every pane in the same frame."""
        started = perf_counter()
        if not self.rows.ids:
            self.cursor = 0
            self._show_detail(None)
            return
        self.cursor = min(max(index, 0), len(self.rows) - 1)
        self.query_one(ProjectList).move_cursor(self.cursor)
        project_id = self.rows.ids[self.cursor]
        detail = self.details.get(project_id)
        if detail is not None and detail.document_id in self.texts:
            self._show_detail(detail)
        else:
            self._fetch_detail(project_id, exclusive=True)
        # After the paint: a worker loading details competes for the GIL with the repaint.
        self.call_after_refresh(self._prefetch_around)
        self._selection_saved = False
        self._moved_at = started
        key_at = self.key_latency.take_key_time()
        if key_at is not None:
            self.call_after_refresh(self.key_latency.record_since, key_at)

    def _fetch_detail(self, project_id: int, exclusive: bool) -> None:
        """Load one project's detail in a worker."""
        work = partial(self._post, load_detail, project_id, self.texts.keys())
        self.run_worker(work, thread=True, group="detail", exclusive=exclusive)

    def _prefetch_around(self) -> None:
        """Load the cursor's neighbours' details ahead of the next key press, a batch at a time."""
        index = self.cursor
        if not self.rows.ids:
            return
        if all(self._cached_at(position) for position in range(index - 1, index + 3)):
            return
        wanted = [
            self.rows.ids[position]
            for position in range(index - 2, index + PREFETCH_AHEAD + 1)
            if not self._cached_at(position)
        ]
        work = partial(self._prefetch_work, wanted, self.texts.keys())
        self.run_worker(work, thread=True, group="prefetch", exclusive=True)

    def _cached_at(self, position: int) -> bool:
        """Whether the project at `position` is cached (outside the list counts as cached)."""
        return not 0 <= position < len(self.rows) or self.rows.ids[position] in self.details

    def _prefetch_work(self, project_ids: list[int], known_texts: set[int]) -> None:
        """Worker: load several details one after another."""
        for project_id in project_ids:
            self._post(load_detail, project_id, known_texts)

    def _show_detail(self, detail: ProjectDetail | None) -> None:
        """Fill the raw pane, the fields pane and the header from one project."""
        self.detail = detail
        raw = self.query_one(RawTextPane)
        if detail is not None:
            text = self.texts.get(detail.document_id)
            if text is not None:
                raw.show_document(text)
                raw.highlight(detail.block, detail.name_spans)
                self.mark_findings()
            if self.on_first_project is not None:
                self.call_after_refresh(self.on_first_project)
                self.on_first_project = None
        self.query_one(FieldsPane).show(detail)
        self._show_header()

    def _show_header(self) -> None:
        """Redraw the header line."""
        document = self.detail.document_file if self.detail else ""
        self.query_one(ReviewHeader).show(
            document,
            *self.progress,
            str(self.list_filter),
            self.store.database_label,
            len(self.shown_findings()),
        )

    def _save_selection(self) -> None:
        """Remember filter and project (in a worker) so reopening comes back here."""
        if self._selection_saved or perf_counter() - self._moved_at < SAVE_WHEN_IDLE_S:
            return
        self._selection_saved = True
        values = {STATE_FILTER: str(self.list_filter), STATE_PROJECT: str(self.selected_id() or "")}
        self.run_worker(
            partial(self._save_values, values), thread=True, group="state", exclusive=True
        )

    def _save_values(self, values: dict[str, str]) -> None:
        """Worker: write ui state."""
        self._post(lambda store: store.call(partial(save_ui_state, values=values)))
