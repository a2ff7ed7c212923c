"""One poll of the team's state, run in a worker: claim writes, the change counter, the claims.

A poll that finds nothing changed costs two indexed reads (the counter's row and the live
claims). When the counter moved, it reads what changed: if no project was added or removed and
the screen lists all projects, just the new statuses and counts, for the screen to refresh in
place; else where the shown project is now, for a full reload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from store.claims import Claim
from store.errors import NotFoundError
from store.views import ListFilter, ListQuery
from tui.review.claims import ClaimStep, others_claims

if TYPE_CHECKING:
    from store.repository import Repository


MOST_REFRESHED = 500
"""More changed projects than this (a bulk verify) reload the view instead."""


class SeenChanges:
    """The change counter as far as the screen's data reflects it.

    Only read and set inside store calls, which run one at a time, so a poll and an own edit
    never race on it.
    """

    def __init__(self) -> None:
        """Start with no count seen."""
        self.value: int | None = None

    def note(self, counter: int) -> bool:
        """Take a counter read; return True when it moved since the last (not the first time)."""
        moved = self.value is not None and counter > self.value
        self.value = counter if self.value is None else max(self.value, counter)
        return moved

    def catch_up(self, repository: Repository) -> bool:
        """Read the counter now (after an own edit or before the first load) and take it."""
        return self.note(repository.change_count())


@dataclass(frozen=True)
class PollRequest:
    """What the screen asks of one poll."""

    step: ClaimStep
    document_id: int | None
    """The screen's scope: one document, or all."""
    in_place: bool
    """Whether the screen can refresh changed projects where they stand (it lists them all)."""
    selected: tuple[int, str] | None
    """The shown project's id and key, to follow it if it is merged away."""
    held_documents: frozenset[int]
    """Others' documents whose project ids the screen has already."""


@dataclass(frozen=True)
class InPlace:
    """Others changed projects without adding or removing any: what the screen refreshes."""

    statuses: dict[int, str]
    """The status of each changed project in the screen's scope, by id."""
    verified: int
    own_verified: int


@dataclass
class TeamPolled(Message):
    """What a poll found; `error` is set instead when the store failed."""

    step: ClaimStep
    holder: Claim | None = None
    claims: tuple[Claim, ...] = ()
    changed: bool = False
    in_place: InPlace | None = None
    """Set when the change can be shown in place; else a change means a full reload."""
    held_documents: frozenset[int] = frozenset()
    held_ids: frozenset[int] | None = None
    """Ids of the projects in others' documents; None when `held_documents` did not change."""
    selected_before: int | None = None
    select_id: int | None = None
    """Where the cursor goes after a change: the selected project, or the one it went into."""
    error: str = ""


def poll(seen: SeenChanges, request: PollRequest, repository: Repository) -> TeamPolled:
    """Write the claim step, then read the counter and the claims (and more if it changed)."""
    step, holder = request.step, None
    if step.take is not None:
        holder = repository.take_claim(step.take, step.leave)
    elif step.leave is not None:
        repository.release_claims(repository.reviewer, step.leave)
    state = repository.team_state()
    before = seen.value
    changed = seen.note(state.counter)
    in_place = _in_place(seen, request, repository, before) if changed else None
    held = frozenset(others_claims(state.claims, repository.reviewer))
    fresh_ids = (changed and in_place is None) or held != request.held_documents
    return TeamPolled(
        step, holder, state.claims, changed, in_place, held,
        held_ids=repository.project_ids_in(held) if fresh_ids else None,
        selected_before=request.selected[0] if request.selected else None,
        select_id=(_where_it_is(repository, request.selected)
                   if changed and in_place is None else None),
    )


def _in_place(
    seen: SeenChanges, request: PollRequest, repository: Repository, before: int | None
) -> InPlace | None:
    """Read what to refresh when the changes since `before` added or removed no project."""
    found = repository.changes_since(before) if request.in_place and before is not None else None
    if found is None or any(change.moves_projects for change in found):
        return None
    keys = sorted({key for change in found for key in change.project_keys})
    if len(keys) > MOST_REFRESHED:
        return None
    if found:
        seen.note(found[-1].seq)
    return InPlace(
        repository.statuses(keys, request.document_id),
        repository.count_projects(ListQuery(ListFilter.VERIFIED, request.document_id)),
        repository.verified_by_me(request.document_id),
    )


def _where_it_is(repository: Repository, selected: tuple[int, str] | None) -> int | None:
    """Return the selected project's id, or the one it went into if it is gone."""
    if selected is None:
        return None
    try:
        return repository.project_id_of(selected[1])
    except NotFoundError:
        return repository.successor(selected[1])
