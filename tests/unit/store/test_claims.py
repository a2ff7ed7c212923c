"""Claims: taken, renewed, kept from others, void after the idle limit, released; never logged."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from store.claims import IDLE_LIMIT
from store.repository import Repository
from store.views import ListQuery
from tests.unit.store.conftest import import_document, make_document

START = datetime(2024, 5, 6, 2, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.time = START

    def __call__(self) -> datetime:
        return self.time

    def advance(self, **delta: float) -> None:
        self.time += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def team(loaded: Repository, clock: Clock) -> Iterator[tuple[Repository, Repository]]:
    """Alice (the loaded repository) and Bob on the same database, on one moved clock."""
    bob = Repository.open(loaded.location, "bob")
    loaded.clock = bob.clock = clock
    yield loaded, bob
    bob.close()


def test_taking_a_free_document_claims_it(team: tuple[Repository, Repository]) -> None:
    alice, _bob = team
    claim = alice.take_claim(1)
    assert claim is not None
    assert (claim.document_id, claim.document, claim.reviewer) == (1, "doc.txt", "alice")
    assert claim.since == claim.last_active == START
    assert alice.claims() == [claim]


def test_renewing_keeps_since_and_moves_last_active(
    team: tuple[Repository, Repository], clock: Clock
) -> None:
    alice, _bob = team
    alice.take_claim(1)
    clock.advance(minutes=10)
    claim = alice.take_claim(1)
    assert claim is not None and claim.since == START and claim.last_active == clock.time


def test_a_document_someone_holds_stays_theirs(
    team: tuple[Repository, Repository], clock: Clock
) -> None:
    alice, bob = team
    alice.take_claim(1)
    clock.advance(minutes=14)
    claim = bob.take_claim(1)
    assert claim is not None and claim.reviewer == "alice"
    assert [c.reviewer for c in bob.claims()] == ["alice"]


def test_a_claim_idle_past_the_limit_is_void_and_can_be_taken(
    team: tuple[Repository, Repository], clock: Clock
) -> None:
    alice, bob = team
    alice.take_claim(1)
    clock.advance(seconds=IDLE_LIMIT.total_seconds() - 1)
    assert [c.reviewer for c in bob.claims()] == ["alice"]
    clock.advance(seconds=2)
    assert bob.claims() == []
    claim = bob.take_claim(1)
    assert claim is not None and claim.reviewer == "bob" and claim.since == clock.time


def test_coming_back_after_the_limit_starts_a_new_claim(
    team: tuple[Repository, Repository], clock: Clock
) -> None:
    alice, _bob = team
    alice.take_claim(1)
    clock.advance(minutes=20)
    claim = alice.take_claim(1)
    assert claim is not None and claim.since == clock.time


def test_moving_to_another_document_releases_the_one_left(
    team: tuple[Repository, Repository],
) -> None:
    alice, _bob = team
    import_document(alice, make_document("second.txt"))
    alice.take_claim(1)
    alice.take_claim(2, leaving=1)
    assert [(c.document_id, c.reviewer) for c in alice.claims()] == [(2, "alice")]


def test_leaving_never_releases_someone_elses_claim(
    team: tuple[Repository, Repository],
) -> None:
    alice, bob = team
    import_document(alice, make_document("second.txt"))
    alice.take_claim(1)
    bob.take_claim(2, leaving=1)
    assert [(c.document_id, c.reviewer) for c in bob.claims()] == [(1, "alice"), (2, "bob")]


def test_release_by_reviewer_document_or_all(team: tuple[Repository, Repository]) -> None:
    alice, bob = team
    import_document(alice, make_document("second.txt"))
    import_document(alice, make_document("third.txt"))
    alice.take_claim(1)
    bob.take_claim(2)
    bob.take_claim(3)
    assert alice.release_claims(document_id=2) == 1
    assert [c.document_id for c in alice.claims()] == [1, 3]
    assert alice.release_claims(reviewer="alice") == 1
    assert [c.reviewer for c in alice.claims()] == ["bob"]
    assert alice.release_claims() == 1
    assert alice.claims() == []


def test_release_counts_only_live_claims(
    team: tuple[Repository, Repository], clock: Clock
) -> None:
    alice, _bob = team
    alice.take_claim(1)
    clock.advance(minutes=16)
    assert alice.release_claims() == 0


def test_claims_are_not_edits(team: tuple[Repository, Repository]) -> None:
    alice, bob = team
    before = alice.change_count()
    alice.take_claim(1)
    bob.release_claims()
    assert alice.history() == []
    assert alice.change_count() == before


def test_project_ids_in_documents(team: tuple[Repository, Repository]) -> None:
    alice, _bob = team
    second = import_document(alice, make_document("second.txt", projects=2))
    ids = alice.project_ids(ListQuery(document_id=second))
    assert alice.project_ids_in([second]) == frozenset(ids)
    assert alice.project_ids_in([]) == frozenset()
