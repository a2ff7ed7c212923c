"""The review screen's side of team work: it polls, shows claims and loads others' changes.

Every second a worker writes this window's claim step and reads the change counter and the
claims (`tui.review.team_poll`). When the counter moved because projects changed where they
stand, those projects are refreshed in place (their rows, details, needs-review marks and the
counts); when projects were added or removed (or the list is filtered), the view is reloaded,
keeping the reviewer's place: the selected project, the project it was merged into, or the
nearest.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING

from textual._time import get_time

from store.claims import Claim
from store.i18n import _
from store.views import ListFilter, ListQuery, Order, ProjectDetail, Status
from tui.messages import ViewLoaded
from tui.review.claims import ClaimKeeper, claim_label, others_claims
from tui.review.team_poll import InPlace, PollRequest, TeamPolled
from tui.widgets.project_list import ClaimMark, ProjectList
from tui.widgets.text_cells import printable
from tui.workers import STORE_FAILURES

if TYPE_CHECKING:
    from tui.screens.review_screen import ReviewScreen

POLL_INTERVAL_S = 1.0
"""Others' changes show within this plus the time to reload the view (the target is 2 s)."""


def _lists_everything_in_order(query: ListQuery) -> bool:
    """Whether a list holds every project (of its document) as printed, so a change of status,
    name or field moves no row in or out of it and a refresh in place is enough."""
    return (query.status is ListFilter.ALL and query.order is Order.SOURCE
            and not query.is_narrowed())


class TeamWatch:
    """Claims this window's document, marks others' and follows their changes."""

    def __init__(self, screen: ReviewScreen) -> None:
        """Work for `screen`, as its store's reviewer."""
        self.screen = screen
        self.reviewer = screen.store.repository.reviewer
        self.keeper = ClaimKeeper(self.reviewer)
        self.claims: dict[int, Claim] = {}
        self.held_documents: frozenset[int] = frozenset()
        self._warned: set[tuple[int, str]] = set()
        self._polling = False
        self._failing = False
        self._team_reload: tuple[int, int | None] | None = None

    def start(self) -> None:
        """Read the counter before the first view loads (so no change slips in), then poll."""
        with suppress(*STORE_FAILURES):  # the first view's load reports what is wrong
            self.screen.store.call(self.screen.background.seen.catch_up)
        self.screen.set_interval(POLL_INTERVAL_S, self.tick)

    def tick(self) -> None:
        """Start a poll, unless the previous one is still running."""
        if self._polling:
            return
        detail = self.screen.detail
        shown = detail.document_id if detail is not None else None
        last_key = self.screen.key_latency.last_key_at
        step = self.keeper.step(shown, self.claims, last_key, get_time())
        self._polling = True
        selected = (detail.id, detail.key) if detail is not None else None
        in_place = _lists_everything_in_order(self.screen.list_query)
        self.screen.background.poll_team(PollRequest(
            step, self.screen.document_id, in_place, selected, self.held_documents,
        ))

    def on_polled(self, message: TeamPolled) -> None:
        """Show what a poll found; reload the view when someone changed something."""
        self._polling = False
        if message.error:
            if not self._failing:
                self.screen.say(message.error, _("Others' work cannot be shown"), "warning")
            self._failing = True
            return
        self._failing = False
        self.keeper.written(message.step, message.holder, get_time())
        self._show_claims(message)
        if message.in_place is not None:
            self._refresh_in_place(message.in_place)
        elif message.changed:
            self._reload(message)

    def _show_claims(self, message: TeamPolled) -> None:
        """Mark the projects of documents others hold, and let `n` skip them."""
        self.claims = {claim.document_id: claim for claim in message.claims}
        today = date.today()
        marks = {
            document: ClaimMark(printable(claim.reviewer), claim_label(claim, today))
            for document, claim in others_claims(message.claims, self.reviewer).items()
        }
        self.screen.query_one(ProjectList).show_claims(marks)
        if message.held_ids is not None:
            self.held_documents = message.held_documents
            self.screen.held_by_others = message.held_ids

    def _refresh_in_place(self, changed: InPlace) -> None:
        """Show others' changes to projects that stayed where they were, without a reload."""
        screen, rows = self.screen, self.screen.rows
        for project_id, status in changed.statuses.items():
            if status == Status.VERIFIED:
                screen.needs_review.discard(project_id)
            else:
                screen.needs_review.add(project_id)
        indexes = {found for project_id in changed.statuses
                   if (found := rows.index_of(project_id)) is not None}
        for page in sorted({index // rows.page_size for index in indexes
                            if rows.row(index) is not None}):
            screen.background.page(screen.generation, screen.list_query, page, rows.page_size)
        # A shown project lists its neighbours' versions, so theirs are stale too.
        around = {rows.ids[index] for changed_index in indexes
                  for index in (changed_index - 1, changed_index, changed_index + 1)
                  if 0 <= index < len(rows)}
        screen.details.discard(around)
        screen.progress = (changed.verified, screen.progress[1])
        screen.own_verified = changed.own_verified
        screen.show_header()
        selected = screen.selected_id()
        if selected is not None and selected in around:
            screen.background.detail(selected, screen.texts.keys())

    def _reload(self, message: TeamPolled) -> None:
        """Reload the view on the selected project (or where it went, or the nearest)."""
        screen = self.screen
        current = screen.selected_id()
        select = message.select_id if current == message.selected_before else current
        screen.details.clear()
        screen.reload(select, screen.cursor)
        self._team_reload = (screen.generation, select)

    def keep_place(self, message: ViewLoaded) -> None:
        """In a view reloaded for others' changes, keep the project the reviewer moved to since."""
        if self._team_reload is None or message.generation != self._team_reload[0]:
            return
        current = self.screen.selected_id()
        if current is not None and current != self._team_reload[1] and current in message.ids:
            message.cursor = message.ids.index(current)

    def before_action(self, detail: ProjectDetail | None) -> None:
        """Say once per document and holder that the reviewer acts in someone else's document."""
        claim = self.claims.get(detail.document_id) if detail is not None else None
        if claim is None or claim.reviewer == self.reviewer:
            return
        if (claim.document_id, claim.reviewer) in self._warned:
            return
        self._warned.add((claim.document_id, claim.reviewer))
        self.screen.say(
            _("{reviewer} has {document} open in the app (since {time}); your action goes "
              "through, but you may both be reviewing the same projects.").format(
                reviewer=printable(claim.reviewer), document=printable(claim.document),
                time=claim.since.astimezone().strftime("%H:%M")),
            _("Claimed by {reviewer}").format(reviewer=printable(claim.reviewer)), "warning",
        )

    def release(self) -> None:
        """Release this window's claim now (on quitting); if that fails, it expires by itself."""
        held = self.keeper.leaving()
        if held is None:
            return
        with suppress(*STORE_FAILURES):
            self.screen.store.call(
                lambda repository: repository.release_claims(repository.reviewer, held)
            )
