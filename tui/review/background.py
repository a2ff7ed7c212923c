"""The review screen's database work, run in worker threads that only post messages back.

Each method starts one worker (in a named group, so a newer load replaces an older one); a store
failure is posted as `StoreFailed`, shown as a notification, never raised into the app.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from textual.message import Message
from textual.screen import Screen

from store.operations import Operation, Versions
from store.views import ListQuery
from tui import workers
from tui.messages import EditApplied, JumpFound, StoreFailed, failure_title
from tui.review.team_poll import PollRequest, SeenChanges, TeamPolled, poll
from tui.workers import STORE_FAILURES, StoreAccess, ViewRequest

if TYPE_CHECKING:
    from store.repository import Repository

LoadedT = TypeVar("LoadedT", bound=Message | None)
Result = TypeVar("Result")


class Background:
    """Runs the screen's loads and actions in workers and posts their results to it."""

    def __init__(self, screen: Screen[None], store: StoreAccess) -> None:
        """Work for `screen` on `store`."""
        self.screen = screen
        self.store = store
        self.seen = SeenChanges()

    def now(self, loader: Callable[..., LoadedT], *arguments: object) -> LoadedT | None:
        """Run a loader here (not in a worker); a store failure is posted and gives None."""
        try:
            return loader(self.store, *arguments)
        except STORE_FAILURES as error:
            self.screen.post_message(StoreFailed(failure_title(error), str(error)))
            return None

    def _post(self, loader: Callable[..., Message | None], *arguments: object) -> None:
        """In a worker: run a loader and post what it returns."""
        message = self.now(loader, *arguments)
        if message is not None:
            self.screen.post_message(message)

    def _start(self, work: Callable[[], None], group: str, exclusive: bool = False) -> None:
        """Start a worker thread in `group`."""
        self.screen.run_worker(work, thread=True, group=group, exclusive=exclusive)

    def view(self, request: ViewRequest) -> None:
        """Load a list view, then the progress (a newer view request replaces this one)."""

        def work() -> None:
            self._post(workers.load_view, request)
            self._post(workers.load_progress, request.generation, request.list_query.document_id)

        self._start(work, "view", exclusive=True)

    def progress(self, generation: int, document_id: int | None) -> None:
        """Load the counts, needs-review ids and findings for the header."""
        self._start(partial(self._post, workers.load_progress, generation, document_id), "view")

    def page(self, generation: int, list_query: ListQuery, page: int, page_size: int) -> None:
        """Load one page of list rows."""
        arguments = (generation, list_query, page, page_size)
        self._start(partial(self._post, workers.load_page, *arguments), "pages")

    def detail(self, project_id: int, known_texts: set[int]) -> None:
        """Load the selected project (a newer selection replaces this load)."""
        work = partial(self._post, workers.load_detail, project_id, known_texts)
        self._start(work, "detail", exclusive=True)

    def prefetch(self, project_ids: list[int], known_texts: set[int]) -> None:
        """Load several projects ahead of the cursor, one after another."""

        def work() -> None:
            for project_id in project_ids:
                self._post(workers.load_detail, project_id, known_texts)

        self._start(work, "prefetch", exclusive=True)

    def perform(
        self, build: Callable[[], Operation], based_on: Versions, select_id: int | None,
        select_created: bool,
    ) -> None:
        """Build and apply one operation; a refusal reloads the view (it may be stale)."""
        work = partial(workers.perform, self.store, build, based_on, select_id, select_created)
        self._start(partial(self._edit, work), "edit")

    def step_history(self, undo: bool) -> None:
        """Undo or redo this reviewer's last action."""
        self._start(partial(self._edit, partial(workers.step_history, self.store, undo)), "edit")

    def _edit(self, work: Callable[[], EditApplied]) -> None:
        """In a worker: one store action, posted back as EditApplied or StoreFailed.

        The change counter is read after it, so the reload that follows an own action does not
        count as someone else's change at the next poll.
        """
        try:
            applied = work()
        except STORE_FAILURES as error:
            self.screen.post_message(StoreFailed(failure_title(error), str(error), reload=True))
            return
        with suppress(*STORE_FAILURES):  # then the next poll reloads once more, that is all
            self.store.call(self.seen.catch_up)
        self.screen.post_message(applied)

    def poll_team(self, request: PollRequest) -> None:
        """Write this window's claim step and read what others changed (`tui.review.team`)."""

        def work() -> None:
            try:
                message = self.store.call(partial(poll, self.seen, request))
            except STORE_FAILURES as error:
                message = TeamPolled(request.step, error=str(error))
            self.screen.post_message(message)

        self._start(work, "team")

    def fetch(self, read: Callable[[Repository], Result], then: Callable[[Result], None]) -> None:
        """Run one read in a worker and hand its result to `then` on the app's thread; a store
        failure is shown instead."""

        def work() -> None:
            try:
                result = self.store.call(read)
            except STORE_FAILURES as error:
                self.screen.post_message(StoreFailed(failure_title(error), str(error)))
                return
            self.screen.app.call_from_thread(then, result)

        self._start(work, "fetch", exclusive=True)

    def prepare_names(self, unit: str) -> None:
        """Read the known names and index them (outside the store's lock), so the first rename
        picker opens without building that index; done once the first project is on screen."""

        def work() -> None:
            from store.candidates import index_known  # the fuzzy matcher, after the first paint

            with suppress(*STORE_FAILURES):  # the picker reads them again and says what is wrong
                index_known(self.store.call(lambda repository: repository.picker_names(unit)))

        self._start(work, "names", exclusive=True)

    def find_key(self, key: str) -> None:
        """Find the project with a stable key; post its id to be selected."""

        def find(store: StoreAccess) -> JumpFound:
            return JumpFound(store.call(lambda repository: repository.project_id_of(key)))

        self._start(partial(self._post, find), "jump")

    def save_position(self, values: dict[str, str]) -> None:
        """Remember where the reviewer is (not an edit: never logged)."""

        def save(store: StoreAccess) -> None:
            store.call(partial(workers.save_ui_state, values=values))

        self._start(partial(self._post, save), "state", exclusive=True)
