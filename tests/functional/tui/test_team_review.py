"""Two reviewers on one database: the open app shows the other's work and claims, untouched."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from store.repository import Repository
from store.views import ListFilter, ListQuery, Status
from tests.functional.tui.conftest import SIZE, make_app, read, review_screen, settle
from tests.helpers.acting import merge_with_next, rename, verify
from tests.unit.store.conftest import import_document, make_document
from tui.review import team
from tui.review.claims import ClaimStep
from tui.review.team_poll import TeamPolled
from tui.widgets.project_list import ProjectList
from tui.widgets.review_header import ReviewHeader

FAST_POLL_S = 0.2


@pytest.fixture
def fast_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """Poll five times a second, so the tests wait less (one test keeps the real interval)."""
    monkeypatch.setattr(team, "POLL_INTERVAL_S", FAST_POLL_S)


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float) -> float:
    """Let the app run, pressing nothing, until `condition` holds; return how long it took."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, "not shown in time"
        await pilot.pause(0.05)
    return time.monotonic() - started


async def test_another_reviewers_verify_shows_within_two_seconds_without_a_key(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        third, generation = screen.rows.ids[2], screen.generation
        with read(synthetic_db, "bob") as bob:
            verify(bob, third)

        def shown_verified() -> bool:
            row = screen.rows.row(2)
            return row is not None and row.status is Status.VERIFIED

        await wait_until(pilot, shown_verified, team.POLL_INTERVAL_S + 1.0)
        assert third not in screen.needs_review
        assert "1/68 verified" in str(app.screen.query_one(ReviewHeader).render())
        assert screen.selected_id() == screen.rows.ids[0]
        assert screen.generation == generation  # refreshed in place: no reload of the view


@pytest.mark.usefixtures("fast_poll")
async def test_a_rename_of_the_shown_project_is_shown_in_place(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        await pilot.press("j")
        await settle(pilot)
        shown = screen.selected_id()
        assert shown is not None
        with read(synthetic_db, "bob") as bob:
            rename(bob, shown, "别人改的名称")
        await wait_until(
            pilot, lambda: screen.detail is not None and screen.detail.name == "别人改的名称", 3
        )
        assert screen.selected_id() == shown and screen.cursor == 1


@pytest.mark.usefixtures("fast_poll")
async def test_a_shown_project_merged_away_leads_to_the_one_it_went_into(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        await pilot.press("j", "j")
        await settle(pilot)
        first, second, third = screen.rows.ids[:3]
        with read(synthetic_db, "bob") as bob:
            merge_with_next(bob, second)
        await wait_until(pilot, lambda: third not in screen.rows.ids, 3)
        await settle(pilot)
        assert screen.selected_id() == second and screen.rows.ids[:2] == [first, second]


@pytest.mark.usefixtures("fast_poll")
async def test_a_new_import_joins_the_list(synthetic_db: str, opened: list[Repository]) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        with read(synthetic_db, "bob") as bob:
            import_document(bob, make_document("new.txt", projects=3))
        await wait_until(pilot, lambda: len(screen.rows) == 71, 3)
        assert screen.cursor == 0


@pytest.mark.usefixtures("fast_poll")
async def test_the_shown_document_is_claimed_and_released_however_the_app_quits(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    with read(synthetic_db, "bob") as bob:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await wait_until(pilot, lambda: [c.reviewer for c in bob.claims()] == ["alice"], 3)
            assert bob.claims()[0].document == "a.txt"
            await pilot.press("ctrl+q")
        assert bob.claims() == []


@pytest.mark.usefixtures("fast_poll")
async def test_others_documents_are_marked_skipped_by_n_and_acting_there_says_whose(
    synthetic_db: str, opened: list[Repository]
) -> None:
    with read(synthetic_db, "bob") as bob:
        bob.take_claim(2)
        since = bob.claims()[0].since.astimezone().strftime("%H:%M")
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        listing = app.screen.query_one(ProjectList)
        await wait_until(pilot, lambda: len(screen.held_by_others) == 34, 3)
        await pilot.press("end")
        await settle(pilot)
        line = listing.line_of(listing.cursor)
        assert line is not None
        assert listing.render_line(line).text.rstrip().endswith(" bob")
        headers = {
            y: getattr(screen.rows.row(shown.project), "document_id", None)
            for y, shown in enumerate(listing.lines()) if shown.header
        }
        label = f"bob, since {since}"
        assert 2 in headers.values()
        for y, document in headers.items():
            assert listing.render_line(y).text.rstrip().endswith(label) == (document == 2)
        await pilot.press("home", *["j"] * 33)
        await settle(pilot)
        assert screen.detail is not None and screen.detail.document_file == "a.txt"
        await pilot.press("n")
        await settle(pilot)
        assert screen.cursor == 0  # past b.txt, wrapped around to a.txt
        await pilot.press("end", "v")
        await settle(pilot)
        await pilot.press("k", "v")
        await settle(pilot)
        titles = [n.title for n in app._notifications if n.title.startswith("Claimed by")]
        assert titles == ["Claimed by bob"]
        with read(synthetic_db) as store:
            assert store.count_projects(ListQuery(ListFilter.VERIFIED)) == 2


async def test_moving_while_others_changes_load_keeps_where_the_reviewer_went(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        ids = screen.rows.ids
        first, sixth = ids[0], ids[5]
        screen.team.on_polled(TeamPolled(ClaimStep(), changed=True, selected_before=first,
                                         select_id=first))
        reload = screen.generation
        screen.move_to(5)  # the reviewer moves on before the reloaded view arrives
        await wait_until(pilot, lambda: screen.rows.ids is not ids, 3)
        assert screen.generation == reload
        assert screen.selected_id() == sixth and screen.cursor == 5


@pytest.mark.usefixtures("fast_poll")
async def test_a_change_next_to_the_shown_project_refreshes_what_it_knows_of_it(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        following = screen.rows.ids[1]
        with read(synthetic_db, "bob") as bob:
            rename(bob, following, "邻居的新名称")

        def neighbour_renamed() -> bool:
            shown = screen.detail
            return (shown is not None and shown.following is not None
                    and shown.following.name == "邻居的新名称")

        await wait_until(pilot, neighbour_renamed, 3)
        row = screen.rows.row(1)
        assert row is not None and row.name == "邻居的新名称"


@pytest.mark.usefixtures("fast_poll")
async def test_a_filtered_list_is_reloaded_when_a_project_leaves_it(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened, reviewer="alice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")  # needs review
        await settle(pilot)
        screen = review_screen(app)
        assert screen.list_query.status is ListFilter.NEEDS_REVIEW and len(screen.rows) == 68
        await pilot.press("j")
        await settle(pilot)
        first, second = screen.rows.ids[:2]
        with read(synthetic_db, "bob") as bob:
            verify(bob, first)
        await wait_until(pilot, lambda: len(screen.rows) == 67, 3)
        assert screen.selected_id() == second
