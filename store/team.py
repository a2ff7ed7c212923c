"""What a team shares besides the data: claims, the change counter, progress by reviewer.

None of it is an action: claims are written straight through `write()` (never logged, never
undone) and the rest is only read. The clock is an attribute so tests can move time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import Engine

from store import changes, claims, progress
from store.base import StoreBase
from store.changes import Change
from store.claims import Claim
from store.editlog import now
from store.progress import ProgressRow


@dataclass(frozen=True)
class TeamState:
    """What an open app polls: the change counter and the live claims."""

    counter: int
    claims: tuple[Claim, ...]


class TeamAccess(StoreBase):
    """The team's shared state, for one reviewer's connection."""

    def __init__(self, engine: Engine, reviewer: str) -> None:
        """Work as `reviewer`, on the store's UTC clock."""
        super().__init__(engine, reviewer)
        self.clock: Callable[[], datetime] = now

    def change_count(self) -> int:
        """Return the change counter: it grows with every committed action, undo, redo or import."""
        with self.read() as session:
            return changes.change_count(session.connection())

    def team_state(self) -> TeamState:
        """Return the change counter and the live claims, read together (the app's poll)."""
        with self.read() as session:
            connection = session.connection()
            counter = changes.change_count(connection)
            return TeamState(counter, tuple(claims.live_claims(connection, self.clock())))

    def changes_since(self, seen: int) -> list[Change] | None:
        """Return the changes numbered after `seen`, oldest first; None if some were dropped."""
        with self.read() as session:
            return changes.changes_since(session.connection(), seen)

    def statuses(self, keys: Sequence[str], document_id: int | None = None) -> dict[int, str]:
        """Return the status of each named project that exists (in one document), by id."""
        with self.read() as session:
            return changes.statuses(session.connection(), keys, document_id)

    def claims(self) -> list[Claim]:
        """Return every live claim, in document order."""
        with self.read() as session:
            return claims.live_claims(session.connection(), self.clock())

    def take_claim(self, document_id: int, leaving: int | None = None) -> Claim | None:
        """Claim (or renew) a document for this reviewer, first releasing `leaving`.

        Return whoever holds the document afterwards: this reviewer, or another who held it
        already.
        """
        with self.write() as session:
            connection = session.connection()
            if leaving is not None and leaving != document_id:
                claims.release_claims(connection, self.reviewer, leaving, self.clock())
            return claims.take_claim(connection, document_id, self.reviewer, self.clock())

    def release_claims(
        self, reviewer: str | None = None, document_id: int | None = None
    ) -> int:
        """Release the live claims of a reviewer, on a document, both, or all; return how many."""
        with self.write() as session:
            return claims.release_claims(
                session.connection(), reviewer, document_id, self.clock()
            )

    def project_ids_in(self, document_ids: Iterable[int]) -> frozenset[int]:
        """Return the ids of every project of the given documents."""
        with self.read() as session:
            return claims.project_ids_in(session.connection(), document_ids)

    def successor(self, key: str) -> int | None:
        """Return the id of the project a vanished project went into (by a merge), if known."""
        with self.read() as session:
            return changes.successor(session.connection(), key)

    def progress_by_reviewer(
        self, by_document: bool = False, zone: tzinfo | None = None
    ) -> list[ProgressRow]:
        """Return verified, flagged and corrections per reviewer and day (in `zone`, or local)."""
        with self.read() as session:
            return progress.progress_by_reviewer(session.connection(), by_document, zone)

    def verified_by_me(self, document_id: int | None = None) -> int:
        """Return how many projects (of one document, or all) stand verified by this reviewer."""
        with self.read() as session:
            return progress.verified_by_count(session.connection(), self.reviewer, document_id)
