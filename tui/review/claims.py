"""Which document this app window claims, renews or leaves, and how others' claims are shown.

The window claims the document of the project it shows once it has shown that document for two
polls in a row (so paging through documents claims none of them), renews the claim at most once
a minute and only after a key press (so an unattended app lets it expire), and never contends
for a document another reviewer holds. Two windows of one reviewer share one claim per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from store.claims import Claim
from store.i18n import _
from tui.widgets.text_cells import printable

RENEW_EVERY_S = 60.0
"""A claim is written again at most this often while its reviewer keeps working."""


@dataclass(frozen=True)
class ClaimStep:
    """What to write at this poll: a document to claim (or renew), one to leave."""

    take: int | None = None
    leave: int | None = None


class ClaimKeeper:
    """Decides at each poll what this window claims; times are on one monotonic clock."""

    def __init__(self, reviewer: str) -> None:
        """Keep claims for `reviewer`, holding nothing yet."""
        self.reviewer = reviewer
        self.held: int | None = None
        self.written_at: float | None = None
        self._last_shown: int | None = None

    def step(
        self, shown: int | None, claims: Mapping[int, Claim], last_key_at: float | None,
        now: float,
    ) -> ClaimStep:
        """Return what to write, given the shown document and the claims read last."""
        resting, self._last_shown = shown == self._last_shown, shown
        active = last_key_at is not None and (
            self.written_at is None or last_key_at > self.written_at
        )
        if shown is None or not resting or (shown == self.held and not active):
            return ClaimStep()
        holder = claims.get(shown)
        leave = self.held if self.held != shown else None
        if holder is not None and holder.reviewer != self.reviewer:
            return ClaimStep(leave=leave)
        due = self.written_at is None or now - self.written_at >= RENEW_EVERY_S
        if shown != self.held or holder is None or due:
            return ClaimStep(take=shown, leave=leave)
        return ClaimStep()

    def written(self, step: ClaimStep, holder: Claim | None, now: float) -> None:
        """Note what a step's write left: the document held now, if it is this reviewer's."""
        if step.take is not None:
            mine = holder is not None and holder.reviewer == self.reviewer
            self.held = step.take if mine else None
            self.written_at = now
        elif step.leave is not None:
            self.held = None

    def leaving(self) -> int | None:
        """Return the document to release on quitting, forgetting it."""
        held, self.held = self.held, None
        return held


def claim_label(claim: Claim, today: date) -> str:
    """Return how the list marks a project of a claimed document: "alice, since 10:02"."""
    local = claim.since.astimezone()
    time = local.strftime("%H:%M") if local.date() == today else local.strftime("%m-%d %H:%M")
    return _("{reviewer}, since {time}").format(reviewer=printable(claim.reviewer), time=time)


def others_claims(claims: Iterable[Claim], reviewer: str) -> dict[int, Claim]:
    """Return the live claims of other reviewers by document."""
    return {claim.document_id: claim for claim in claims if claim.reviewer != reviewer}
