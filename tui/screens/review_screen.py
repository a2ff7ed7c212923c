"""The review screen: project list, raw text and fields side by side; it owns the review state.

Keys run the commands of `tui.review.commands`; the screen gives them the list, the shown project
and workers for the store, and shows what the workers post back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from time import perf_counter
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from store.i18n import _
from store.labels import filter_label
from store.operations import Operation, Versions
from store.views import DocumentFinding, ListFilter, ListQuery, ProjectDetail
from tui import workers
from tui.latency import KeyLatency
from tui.messages import (
    DetailLoaded,
    EditApplied,
    JumpFound,
    PageLoaded,
    ProgressLoaded,
    StoreFailed,
    ViewLoaded,
)
from tui.paging import BoundedCache, ProjectRows
from tui.review.background import Background
from tui.review.commands import BY_ID, review_bindings
from tui.review.selection import Prefetcher
from tui.review.team import TeamWatch
from tui.review.team_poll import TeamPolled
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.key_bar import KeyBar
from tui.widgets.project_list import ProjectList
from tui.widgets.raw_text import RawTextPane
from tui.widgets.review_header import ReviewHeader
from tui.workers import STATE_FILTER, STATE_PROJECT, STORE_FAILURES, StoreAccess, ViewRequest

NARROW_COLUMNS = 110
"""Below this terminal width the raw text pane starts hidden (`t` shows it): three panes in fewer
columns leave each too narrow to read."""
SAVE_INTERVAL_S = 0.5
SAVE_WHEN_IDLE_S = 1.0
"""The position is written once the cursor has rested this long, not while keys are held."""


class ReviewScreen(Screen[None]):
    """Moves the cursor and shows the project in the same frame; database work goes to workers."""

    BINDINGS: ClassVar[list[BindingType]] = review_bindings()

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
        self.background = Background(self, store)
        self.on_first_project = on_first_project
        self.document_id = document_id
        self.list_query = ListQuery(document_id=document_id)
        self.rows = ProjectRows([])
        self.needs_review: set[int] = set()
        self.held_by_others: frozenset[int] = frozenset()
        self.progress = (0, 0)
        self.own_verified = 0
        self.findings: tuple[DocumentFinding, ...] = ()
        self._progress_generation = 0
        self.cursor = 0
        self.detail: ProjectDetail | None = None
        self.details: BoundedCache[int, ProjectDetail] = BoundedCache(256)
        self.texts: BoundedCache[int, str] = BoundedCache(8)
        self.generation = 0
        self.raw_choice: bool | None = None
        """Whether the reviewer showed (True) or hid the raw pane; None: it follows the width."""
        self.key_latency = key_latency or KeyLatency()
        self.key_latencies_ms = self.key_latency.samples_ms
        self._selection_saved = True
        self._moved_at = 0.0
        self.team = TeamWatch(self)

    def compose(self) -> ComposeResult:
        """Header, the three panes, and the footer with the active keys."""
        yield ReviewHeader(id="header", markup=False)
        with Horizontal(id="panes"):
            yield ProjectList(id="projects")
            yield RawTextPane(id="raw")
            yield FieldsPane(id="fields")
        yield KeyBar()

    def on_mount(self) -> None:
        """Restore the last filter and project and show them in the first paint."""
        self.query_one(ProjectList).focus()
        self.query_one(ProjectList).border_title = _("Projects")
        self.raw.border_title = _("Raw text")
        self.fields.border_title = _("Fields")
        self.team.start()
        self._load_first_view()
        self.set_interval(SAVE_INTERVAL_S, self._save_selection)

    def on_unmount(self) -> None:
        """Release this window's claim, however the app is quit."""
        self.team.release()

    def on_resize(self, event: events.Resize) -> None:
        """Hide the raw pane in a narrow terminal, unless the reviewer chose with `t`."""
        if self.raw_choice is None:
            self.raw.display = event.size.width >= NARROW_COLUMNS

    @property
    def fields(self) -> FieldsPane:
        """The fields pane."""
        return self.query_one(FieldsPane)

    @property
    def raw(self) -> RawTextPane:
        """The raw text pane."""
        return self.query_one(RawTextPane)

    @property
    def page_height(self) -> int:
        """How many list rows fit on screen."""
        return self.query_one(ProjectList).size.height

    def key_bindings(self) -> list[BindingType]:
        """The screen's key bindings, for the help."""
        return review_bindings()

    def action_run(self, command_id: str) -> None:
        """Run the command a key is bound to."""
        BY_ID[command_id].run(self)

    # ------------------------------------------------------------------ loading

    def _load_first_view(self) -> None:
        """Show the saved filter and project in the first paint, then load the progress.

        This one load is done here rather than in a worker: it is a few indexed reads, and a
        worker would first paint an empty screen and then compete with that paint.
        """
        view = self.background.now(self._restored_view)
        if view is None:
            return
        self.on_view_loaded(view)
        self.call_after_refresh(self.background.progress, view.generation, self.document_id)

    def _restored_view(self, store: StoreAccess) -> ViewLoaded:
        """The view of the saved filter, with the cursor on the saved project."""
        saved_filter, saved_project = store.call(workers.read_ui_state)
        if saved_filter in {member.value for member in ListFilter}:
            self.list_query = replace(self.list_query, status=ListFilter(saved_filter))
        select_id = int(saved_project) if saved_project and saved_project.isdigit() else None
        return workers.load_view(store, self._view_request(select_id, 0))

    def _view_request(self, select_id: int | None, fallback_index: int) -> ViewRequest:
        """A request for the current filter's view, under a new generation."""
        self.generation += 1
        return ViewRequest(
            self.generation, self.list_query, select_id, fallback_index, self.rows.page_size,
            frozenset(self.texts.keys()),
        )

    def reload(self, select_id: int | None, fallback_index: int = 0) -> None:
        """Reload the list view (after an edit or a filter change), keeping `select_id` selected."""
        self.background.view(self._view_request(select_id, fallback_index))

    # ------------------------------------------------------------------ messages from workers

    def on_view_loaded(self, message: ViewLoaded) -> None:
        """Show a freshly loaded view and select the project the request asked for."""
        if message.generation != self.generation:
            return
        self.team.keep_place(message)
        self.list_query = message.list_query
        self.rows = ProjectRows(message.ids)
        for page, rows in message.pages.items():
            self.rows.store_page(page, rows)
        if message.detail is not None:
            self._cache_detail(message.detail)
        empty = _("No project matches the filter “{filter}”; press F for another filter.")
        self.query_one(ProjectList).show_rows(
            self.rows, message.cursor, empty.format(filter=filter_label(self.list_query.status))
        )
        self.move_to(message.cursor)

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Take the newest progress and show it in the header."""
        if message.generation >= self._progress_generation:
            self._progress_generation = message.generation
            self.needs_review = message.needs_review
            self.progress = (message.verified, message.total)
            self.own_verified = message.own_verified
            self.findings = message.findings
            self._mark_findings()
            self.show_header()

    def on_team_polled(self, message: TeamPolled) -> None:
        """Show what the team poll found (claims, others' changes)."""
        self.team.on_polled(message)

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
        self.say(message.message, message.title, "error")
        if message.reload:
            self.details.clear()
            self.reload(self.selected_id(), self.cursor)

    def on_edit_applied(self, message: EditApplied) -> None:
        """Confirm an action and reload, since any project may have changed."""
        self.say(message.summary)
        self.details.clear()
        self.reload(message.select_id, self.cursor)

    @on(ProjectList.PagesWanted)
    def _load_pages(self, message: ProjectList.PagesWanted) -> None:
        """Load the pages the list is about to draw."""
        for page in message.pages:
            self.background.page(self.generation, self.list_query, page, self.rows.page_size)

    @on(ProjectList.RowClicked)
    def _row_clicked(self, message: ProjectList.RowClicked) -> None:
        """Select the clicked row."""
        self.move_to(message.index)

    # ------------------------------------------------------------------ selection

    def selected_id(self) -> int | None:
        """The id of the project under the cursor, if any."""
        return self.rows.ids[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def selected_detail(self) -> ProjectDetail | None:
        """The shown project, or None (with a notice) while none is shown yet."""
        if self.detail is None or self.detail.id != self.selected_id():
            self.say(_("No project is shown yet; wait a moment or pick one."),
                     _("Nothing selected"))
            return None
        return self.detail

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
            self.background.detail(project_id, self.texts.keys())
        # After the paint: a worker loading details competes for the GIL with the repaint.
        self.call_after_refresh(self._prefetch_around)
        self._selection_saved = False
        self._moved_at = started
        key_at = self.key_latency.take_key_time()
        if key_at is not None:
            self.call_after_refresh(self.key_latency.record_since, key_at)

    def _prefetch_around(self) -> None:
        """Load the cursor's neighbours' details ahead of the next key press, a batch at a time."""
        wanted = Prefetcher(self.rows.ids, self.details).wanted(self.cursor)
        if wanted:
            self.background.prefetch(wanted, self.texts.keys())

    def _show_detail(self, detail: ProjectDetail | None) -> None:
        """Fill the raw pane, the fields pane and the header from one project."""
        self.detail = detail
        if detail is not None:
            text = self.texts.get(detail.document_id)
            if text is not None:
                self.raw.show_document(text)
                self.raw.highlight(detail.block, detail.name_spans)
                self._mark_findings()
            if self.on_first_project is not None:
                self.call_after_refresh(self.on_first_project)
                self.on_first_project = None
        self.fields.show(detail)
        self.show_header()

    def show_header(self) -> None:
        """Redraw the header line."""
        document = self.detail.document_file if self.detail else ""
        self.query_one(ReviewHeader).show(
            document, *self.progress, str(self.list_query.status), self.store.database_label,
            len(self.shown_findings()), self.own_verified,
        )

    def shown_findings(self) -> list[DocumentFinding]:
        """Return the findings of the shown project's document."""
        if self.detail is None:
            return []
        return [item for item in self.findings if item.document_id == self.detail.document_id]

    def _mark_findings(self) -> None:
        """Show the shown document's findings in the raw pane's finding style."""
        self.raw.mark_findings([item.span for item in self.shown_findings()])

    def jump_to_project(self, project_id: int | None) -> None:
        """Select a project, switching to the full list when the filter hides it."""
        if project_id is None:
            return
        index = self.rows.index_of(project_id)
        if index is not None:
            self.move_to(index)
            return
        self.list_query = ListQuery(document_id=self.document_id)
        self.reload(project_id, 0)

    def jump_to_key(self, key: str | None) -> None:
        """Find a project by its stable key (in a worker) and select it."""
        if key is not None:
            self.background.find_key(key)

    def on_jump_found(self, message: JumpFound) -> None:
        """Select the project a history entry named."""
        self.jump_to_project(message.project_id)

    def perform(
        self, build: Callable[[], Operation], based_on: Versions, select_id: int | None,
        select_created: bool = False,
    ) -> None:
        """Build and apply one operation in a worker, then select `select_id` (or what it made)."""
        self.team.before_action(self.detail)
        self.background.perform(build, based_on, select_id, select_created)

    def step_history(self, undo: bool) -> None:
        """Undo or redo in a worker, then select the project it touched."""
        self.background.step_history(undo)

    def ask(self, screen: Screen[Any], then: Callable[[Any], None]) -> None:
        """Open a dialog; `then` gets what it returns."""
        self.app.push_screen(screen, then)

    def say(self, message: str, title: str = "", severity: str = "information") -> None:
        """Show a notification; its text is never read as markup."""
        timeout = 8 if severity == "error" else 3
        self.app.notify(message, title=title, severity=severity,  # type: ignore[arg-type]
                        timeout=timeout, markup=False)

    def quit_review(self) -> None:
        """Save the position, then quit."""
        try:
            self.store.call(partial(workers.save_ui_state, values=self._position()))
        except STORE_FAILURES as error:
            self.say(str(error), _("Position not saved"), "warning")
        self.app.exit()

    def _position(self) -> dict[str, str]:
        """The filter and selected project to come back to."""
        position = {STATE_FILTER: str(self.list_query.status)}
        return {**position, STATE_PROJECT: str(self.selected_id() or "")}

    def _save_selection(self) -> None:
        """Remember filter and project (in a worker) so reopening comes back here."""
        if self._selection_saved or perf_counter() - self._moved_at < SAVE_WHEN_IDLE_S:
            return
        self._selection_saved = True
        self.background.save_position(self._position())
