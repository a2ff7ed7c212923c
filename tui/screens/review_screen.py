"""The review screen: project list, raw text and fields side by side; it owns the review state.

Keys run the commands of `tui.review.commands`; the screen gives them the list, the shown project
and workers for the store, and hands what the workers post back to its parts, each with one job:
`ListLoads` (the list views), `Showing` (the cursor's project in every pane), `Position` (where to
come back to), `TeamWatch` (others' work) and `Background` (the workers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen

from store.i18n import _
from store.operations import Operation, Versions
from store.views import DocumentFinding, ListQuery, ProjectDetail
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
from tui.review.list_loads import ListLoads
from tui.review.position import Position
from tui.review.showing import Showing
from tui.review.team import TeamWatch
from tui.review.team_poll import TeamPolled
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.key_bar import KeyBar
from tui.widgets.list_search import ListSearch
from tui.widgets.project_list import ProjectList
from tui.widgets.raw_text import RawTextPane
from tui.widgets.review_header import ReviewHeader
from tui.workers import StoreAccess

if TYPE_CHECKING:
    from store.repository import Repository

Result = TypeVar("Result")

NARROW_COLUMNS = 110
"""Below this terminal width the raw text pane starts hidden (`t` shows it): three panes in fewer
columns leave each too narrow to read."""


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
        self.document_names: dict[int, str] = {}
        """File names of the documents the list is filtered to, for the header."""
        self.cursor = 0
        self.detail: ProjectDetail | None = None
        self.details: BoundedCache[int, ProjectDetail] = BoundedCache(256)
        self.texts: BoundedCache[int, str] = BoundedCache(8)
        self.generation = 0
        self.raw_choice: bool | None = None
        """Whether the reviewer showed (True) or hid the raw pane; None: it follows the width."""
        self.key_latency = key_latency or KeyLatency()
        self.key_latencies_ms = self.key_latency.samples_ms
        self.team = TeamWatch(self)
        self.loads = ListLoads(self)
        self.showing = Showing(self)
        self.position = Position(self)

    def compose(self) -> ComposeResult:
        """Header, the three panes, and the footer with the active keys."""
        yield ReviewHeader(id="header", markup=False)
        with Horizontal(id="panes"):
            yield ProjectList(id="projects")
            yield RawTextPane(id="raw")
            yield FieldsPane(id="fields")
        yield ListSearch(id="list-search")
        yield KeyBar()

    def on_mount(self) -> None:
        """Restore the last filter and project and show them in the first paint."""
        self.query_one(ProjectList).focus()
        self.loads.show_title()
        self.raw.border_title = _("Raw text")
        self.fields.border_title = _("Fields")
        self.team.start()
        self.loads.first_view()
        self.position.start()

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

    # ------------------------------------------------------------------ the list

    def reload(self, select_id: int | None, fallback_index: int = 0) -> None:
        """Reload the list view (after an edit or a filter change), keeping `select_id` selected."""
        self.loads.reload(select_id, fallback_index)

    def show_query(self, query: ListQuery, keep_place: bool = True) -> None:
        """List what `query` selects, keeping the selected project where it is still listed
        (else, or without `keep_place`, the first)."""
        self.loads.show_query(query, self.selected_id() if keep_place else None)

    def search_list(self) -> None:
        """Open the line that narrows the list as the reviewer types."""
        self.query_one(ListSearch).open(self.list_query.text)

    @on(ListSearch.Settled)
    def _search_settled(self, message: ListSearch.Settled) -> None:
        """Narrow the list to what was typed."""
        self.show_query(replace(self.list_query, text=message.text))

    @on(ListSearch.Done)
    def _search_done(self, message: ListSearch.Done) -> None:
        """Keep (Enter) or clear (Escape) the search; the keys go back to the list."""
        self.query_one(ProjectList).focus()
        if message.text != self.list_query.text:
            self.show_query(replace(self.list_query, text=message.text))

    # ------------------------------------------------------------------ messages from workers

    def on_view_loaded(self, message: ViewLoaded) -> None:
        """Show a freshly loaded view."""
        self.loads.on_view_loaded(message)

    def on_progress_loaded(self, message: ProgressLoaded) -> None:
        """Show the newest progress in the header."""
        self.loads.on_progress_loaded(message)

    def on_team_polled(self, message: TeamPolled) -> None:
        """Show what the team poll found (claims, others' changes)."""
        self.team.on_polled(message)

    def on_page_loaded(self, message: PageLoaded) -> None:
        """Keep a page of row summaries and redraw the visible rows."""
        self.loads.on_page_loaded(message)

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        """Cache a loaded project and show it if it is still the selected one."""
        self.showing.on_detail_loaded(message)

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
        self.loads.load_pages(message.pages)

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
        """Move the cursor; a cached project is shown in the same frame."""
        self.showing.move_to(index)

    def show_header(self) -> None:
        """Redraw the header line."""
        self.showing.show_header()

    def shown_findings(self) -> list[DocumentFinding]:
        """Return the findings of the shown project's document."""
        return self.showing.shown_findings()

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

    def fetch(self, read: Callable[[Repository], Result], then: Callable[[Result], None]) -> None:
        """Run a store read in a worker and give its result to `then` (a failure is shown)."""
        self.background.fetch(read, then)

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
        self.position.save_now()
        self.app.exit()
