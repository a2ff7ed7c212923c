"""Database work the review screen runs in worker threads; each returns a message to post."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from store.errors import NotFoundError, StoreError
from store.i18n import _
from store.operations import Operation, Versions
from store.views import ListFilter, ListQuery, Performed, ProjectDetail
from tui.logged_text import history_summary
from tui.messages import DetailLoaded, EditApplied, PageLoaded, ProgressLoaded, ViewLoaded

if TYPE_CHECKING:
    from store.repository import Repository

Result = TypeVar("Result")

STATE_PROJECT_KEY = "last_project_key"
"""The selected project's stable key: an id may be given to another project after a reparse."""
STATE_PROJECT = "last_project_id"
"""The selected project's id, as versions before the key was kept saved it."""
STATE_VIEW = "list_view"
"""The list's filters and order (`tui.review.saved_view`)."""
STATE_FILTER = "list_filter"
"""The status filter alone, as versions before the whole view was kept saved it."""

STORE_FAILURES = (StoreError,)
"""What a database call may raise that the app shows as a notification instead of crashing
(a refused edit, or the database being locked, missing or damaged: the store says it as one
sentence)."""


class StoreAccess:
    """The repository behind a lock, so concurrent workers never share a connection at once."""

    def __init__(self, repository: Repository, database_label: str) -> None:
        """Wrap an open repository; `database_label` is what the header shows."""
        self.repository = repository
        self.database_label = database_label
        self._lock = threading.Lock()

    def call(self, work: Callable[[Repository], Result]) -> Result:
        """Run `work` with the repository, one caller at a time."""
        with self._lock:
            return work(self.repository)


@dataclass(frozen=True)
class ViewRequest:
    """What list to load and which project to put the cursor on."""

    generation: int
    list_query: ListQuery
    select_id: int | None
    fallback_index: int
    page_size: int = 200
    known_texts: frozenset[int] = frozenset()


ROWS_AROUND_CURSOR = 60
"""Rows loaded with the view on either side of the cursor, so the first paint is complete."""


def load_view(store: StoreAccess, request: ViewRequest) -> ViewLoaded:
    """Ids under the filter, the cursor, the rows around it and the selected project."""

    def work(repository: Repository) -> ViewLoaded:
        ids = repository.project_ids(request.list_query)
        cursor = _cursor_for(ids, request.select_id, request.fallback_index)
        size = request.page_size
        first, last = max(cursor - ROWS_AROUND_CURSOR, 0), cursor + ROWS_AROUND_CURSOR
        pages = {
            page: repository.list_projects(request.list_query, page * size, size)
            for page in range(first // size, min(last, max(len(ids) - 1, 0)) // size + 1)
        }
        detail = _detail(repository, ids[cursor], set(request.known_texts)) if ids else None
        return ViewLoaded(
            request.generation,
            request.list_query,
            ids,
            cursor,
            pages=pages,
            detail=detail,
        )

    return store.call(work)


def load_progress(store: StoreAccess, generation: int, document_id: int | None) -> ProgressLoaded:
    """The ids that need review, the verified/total counts and the documents' findings."""

    def work(repository: Repository) -> ProgressLoaded:
        scope = ListQuery(status=ListFilter.NEEDS_REVIEW, document_id=document_id)
        needs = set(repository.project_ids(scope))
        documents = [doc for doc in repository.documents() if document_id in (None, doc.id)]
        verified = sum(document.verified_count for document in documents)
        total = sum(document.project_count for document in documents)
        findings = tuple(repository.document_findings(document_id))
        own = repository.verified_by_me(document_id)
        return ProgressLoaded(generation, needs, verified, total, findings, own)

    return store.call(work)


def _cursor_for(ids: list[int], select_id: int | None, fallback_index: int) -> int:
    """Index of `select_id` in `ids`, else the fallback clamped into range."""
    if select_id is not None:
        try:
            return ids.index(select_id)
        except ValueError:
            pass
    return min(max(fallback_index, 0), max(len(ids) - 1, 0))


def load_page(
    store: StoreAccess,
    generation: int,
    list_query: ListQuery,
    page: int,
    page_size: int,
) -> PageLoaded:
    """One page of row summaries for the list view."""
    rows = store.call(
        lambda repository: repository.list_projects(list_query, page * page_size, page_size)
    )
    return PageLoaded(generation, page, rows)


def load_detail(store: StoreAccess, project_id: int, known_texts: set[int]) -> DetailLoaded:
    """A project's detail, plus its document text unless the screen already holds it."""
    return store.call(lambda repository: _detail(repository, project_id, known_texts))


def _detail(repository: Repository, project_id: int, known_texts: set[int]) -> DetailLoaded:
    """Read one project and, when needed, its document's text."""
    detail: ProjectDetail = repository.project(project_id)
    text = None
    if detail.document_id not in known_texts:
        text = repository.document_text(detail.document_id)
    return DetailLoaded(detail, text)


def save_ui_state(repository: Repository, values: dict[str, str]) -> None:
    """Remember where the reviewer was (not an edit: not logged, not undoable)."""
    repository.set_ui_states(values)


@dataclass(frozen=True)
class SavedPlace:
    """Where the reviewer left the list: its view (saved text), the status filter saved alone by
    older versions, and the project to select (None: the first)."""

    view: str | None
    old_status: str | None
    project_id: int | None


def read_saved_place(repository: Repository) -> SavedPlace:
    """Read where the reviewer left the list; a project merged away since is found in the one it
    went into, a project gone for good selects none."""
    saved = repository.ui_states()
    key = saved.get(STATE_PROJECT_KEY)
    if key:
        try:
            project_id: int | None = repository.project_id_of(key)
        except NotFoundError:
            project_id = repository.successor(key)
    else:
        old = saved.get(STATE_PROJECT, "")
        project_id = int(old) if old.isdigit() else None
    return SavedPlace(saved.get(STATE_VIEW), saved.get(STATE_FILTER), project_id)


def perform(
    store: StoreAccess,
    build: Callable[[], Operation],
    based_on: Versions,
    select_id: int | None,
    select_created: bool,
) -> EditApplied:
    """Build and apply one operation; say what it did and which project to select after it."""
    performed = store.call(lambda repository: repository.perform(build(), based_on))
    if select_created and performed.created_ids:
        select_id = performed.created_ids[0]
    return EditApplied(summary_of(performed), select_id)


def step_history(store: StoreAccess, undo: bool) -> EditApplied:
    """Undo or redo this reviewer's last action and select a project it touched."""
    performed = store.call(
        lambda repository: repository.undo() if undo else repository.redo()
    )
    selected = performed.touched_ids[0] if performed.touched_ids else None
    said = _("Undone: {summary}") if undo else _("Redone: {summary}")
    return EditApplied(said.format(summary=summary_of(performed)), selected)


def summary_of(performed: Performed) -> str:
    """Return what an action did, in the active language (from its logged template)."""
    return history_summary(performed.entry)
