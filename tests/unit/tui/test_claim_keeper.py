"""When an app window claims, renews, leaves or keeps off a document, poll by poll."""

from __future__ import annotations

from datetime import UTC, date, datetime

from store.claims import Claim
from tui.review.claims import RENEW_EVERY_S, ClaimKeeper, ClaimStep, claim_label

SINCE = datetime(2024, 5, 6, 2, 2, tzinfo=UTC)


def claim(document: int, reviewer: str) -> Claim:
    return Claim(document, f"{document}.txt", reviewer, SINCE, SINCE)


def settled(keeper: ClaimKeeper, document: int, now: float) -> dict[int, Claim]:
    """Show `document` for two polls, write the claim, and return the claims as read after."""
    keeper.step(document, {}, None, now)
    step = keeper.step(document, {}, None, now + 1)
    assert step == ClaimStep(take=document)
    keeper.written(step, claim(document, keeper.reviewer), now + 1)
    return {document: claim(document, keeper.reviewer)}


def test_a_document_is_claimed_once_shown_for_two_polls() -> None:
    keeper = ClaimKeeper("alice")
    assert keeper.step(1, {}, None, 0) == ClaimStep()
    assert keeper.step(1, {}, None, 1) == ClaimStep(take=1)


def test_paging_through_documents_claims_none() -> None:
    keeper = ClaimKeeper("alice")
    steps = [keeper.step(document, {}, None, float(document)) for document in (1, 2, 3, 4)]
    assert steps == [ClaimStep()] * 4


def test_renewed_once_a_minute_and_only_after_a_key() -> None:
    keeper = ClaimKeeper("alice")
    claims = settled(keeper, 1, 0)
    assert keeper.step(1, claims, 5.0, 30) == ClaimStep()  # a key, but not due yet
    assert keeper.step(1, claims, None, RENEW_EVERY_S + 2) == ClaimStep()  # due, but idle
    assert keeper.step(1, claims, 0.5, RENEW_EVERY_S + 2) == ClaimStep()  # key before the write
    assert keeper.step(1, claims, 30.0, RENEW_EVERY_S + 2) == ClaimStep(take=1)


def test_moving_to_another_document_takes_it_and_leaves_the_old() -> None:
    keeper = ClaimKeeper("alice")
    settled(keeper, 1, 0)
    keeper.step(2, {}, None, 10)
    step = keeper.step(2, {}, None, 11)
    assert step == ClaimStep(take=2, leave=1)
    keeper.written(step, claim(2, "alice"), 11)
    assert keeper.held == 2


def test_a_document_another_holds_is_not_contended() -> None:
    keeper = ClaimKeeper("alice")
    settled(keeper, 1, 0)
    bobs = {2: claim(2, "bob")}
    keeper.step(2, bobs, None, 10)
    step = keeper.step(2, bobs, 10.5, 11)
    assert step == ClaimStep(leave=1)
    keeper.written(step, None, 11)
    assert [keeper.step(2, bobs, 11.5 + tick, 12 + tick) for tick in range(100)] == (
        [ClaimStep()] * 100
    )


def test_a_document_freed_by_its_holder_is_taken() -> None:
    keeper = ClaimKeeper("alice")
    bobs = {2: claim(2, "bob")}
    keeper.step(2, bobs, None, 0)
    keeper.step(2, bobs, None, 1)
    assert keeper.step(2, {}, None, 2) == ClaimStep(take=2)


def test_losing_the_race_for_a_document_holds_nothing() -> None:
    keeper = ClaimKeeper("alice")
    keeper.step(1, {}, None, 0)
    step = keeper.step(1, {}, None, 1)
    keeper.written(step, claim(1, "bob"), 1)
    assert keeper.held is None


def test_a_claim_released_elsewhere_is_taken_back_on_the_next_key() -> None:
    """E.g. the same reviewer's other window quit, or `gzreview claims release`."""
    keeper = ClaimKeeper("alice")
    settled(keeper, 1, 0)
    assert keeper.step(1, {}, None, 5) == ClaimStep()
    assert keeper.step(1, {}, 6.0, 7) == ClaimStep(take=1)


def test_leaving_hands_over_the_held_document_once() -> None:
    keeper = ClaimKeeper("alice")
    settled(keeper, 1, 0)
    assert keeper.leaving() == 1
    assert keeper.leaving() is None


def test_label_gives_the_time_today_and_the_date_otherwise() -> None:
    local = SINCE.astimezone()
    today = claim_label(claim(1, "bob"), local.date())
    assert today == f"bob, since {local:%H:%M}"
    earlier = claim_label(claim(1, "bob"), date(2030, 1, 1))
    assert earlier == f"bob, since {local:%m-%d %H:%M}"
