"""Messages that workers post to the review screen: results of database work, never widgets."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from store.errors import (
    DatabaseUnavailableError,
    DuplicateNameError,
    InvariantError,
    NeighboursChangedError,
    NotFoundError,
    NothingToUndoError,
    StaleEditError,
    StoreError,
    VerifiedLockedError,
)
from store.i18n import N_, _
from store.views import DocumentFinding, ListQuery, ProjectDetail, ProjectSummary

FAILURE_TITLES: dict[type[StoreError], str] = {
    StaleEditError: N_("Changed by someone else"),
    NeighboursChangedError: N_("Changed by someone else"),
    VerifiedLockedError: N_("Verified — reopen it first"),
    DuplicateNameError: N_("Name held by a verified project"),
    NotFoundError: N_("Not found"),
    NothingToUndoError: N_("Nothing to undo"),
    InvariantError: N_("Refused to protect the data"),
    DatabaseUnavailableError: N_("Database problem"),
}
"""The title of a refusal's notification, by what was refused."""


def failure_title(error: StoreError) -> str:
    """Return the notification title for a refused or failed action."""
    for kind in type(error).__mro__:
        if kind in FAILURE_TITLES:
            return _(FAILURE_TITLES[kind])
    return _("Refused")


@dataclass
class ViewLoaded(Message):
    """A (re)loaded list view: the ids under the filter, the cursor, its rows and its project."""

    generation: int
    list_query: ListQuery
    ids: list[int]
    cursor: int
    pages: dict[int, list[ProjectSummary]] = field(default_factory=dict)
    detail: DetailLoaded | None = None


@dataclass
class ProgressLoaded(Message):
    """Review progress, loaded after the view so it does not hold up the first paint."""

    generation: int
    needs_review: set[int]
    verified: int
    total: int
    findings: tuple[DocumentFinding, ...] = ()
    own_verified: int = 0
    """How many of the verified projects this reviewer verified."""


@dataclass
class PageLoaded(Message):
    """Row summaries for one page of the list view `generation`."""

    generation: int
    page: int
    rows: list[ProjectSummary]


@dataclass
class DetailLoaded(Message):
    """One project's detail, with its document's text when the screen did not have it yet."""

    detail: ProjectDetail
    text: str | None


@dataclass
class EditApplied(Message):
    """A store action succeeded; the screen reloads its view and selects `select_id`."""

    summary: str
    select_id: int | None


@dataclass
class StoreFailed(Message):
    """A store action was refused or failed; shown as a titled notification.

    `reload` is set for refused edits: the shown project may be stale (changed elsewhere), so the
    view is read again and the next attempt works on current versions.
    """

    title: str
    message: str
    reload: bool = False


@dataclass
class JumpFound(Message):
    """The project a history entry named was found; the screen selects it."""

    project_id: int
