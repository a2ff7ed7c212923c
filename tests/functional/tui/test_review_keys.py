"""Press the app's real keys, then check what the store holds."""

from __future__ import annotations

import json

from store.repository import Repository
from store.views import ListFilter, ListQuery, Status
from tests.functional.tui.conftest import (
    SIZE,
    make_app,
    quit_after,
    read,
    review_screen,
    settle,
)
from tests.helpers.acting import flag, merge_with_next, verify
from tui.screens.note_screen import NoteScreen
from tui.screens.review_screen import ReviewScreen


async def test_navigation_moves_through_the_list_in_store_order(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        await pilot.press("j", "down", "j", "k", "up")
        await settle(pilot)
        ids = opened[0].project_ids()
        assert screen.selected_id() == ids[1]
        assert screen.detail is not None and screen.detail.id == ids[1]
        await pilot.press("end")
        await settle(pilot)
        assert screen.selected_id() == ids[-1]


async def test_verify_stores_the_status_and_jumps_to_the_next_needing_review(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = opened[0].project_ids()
        await pilot.press("v")
        await settle(pilot)
        with read(sample_db) as store:
            assert store.project(ids[0]).status is Status.VERIFIED
            assert [entry.action for entry in store.history()] == ["verify"]
            assert store.project(ids[1]).status is Status.UNREVIEWED
        assert review_screen(app).selected_id() == ids[1]


async def test_flag_with_a_note_stores_status_and_note(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "f")
        await pilot.press(*"name [b]wrong")
        await pilot.press("enter")
        await settle(pilot)
        project_id = review_screen(app).selected_id()
        assert project_id is not None
        with read(sample_db) as store:
            project = store.project(project_id)
            assert project.status is Status.FLAGGED
            assert project.note == "name [b]wrong"
            assert store.project_ids().index(project_id) == 1


async def test_cancelled_or_empty_flag_changes_nothing(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)  # an empty note is refused
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
    with read(sample_db) as store:
        assert store.history() == []


async def test_filter_cycles_through_the_four_views(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "j", "f", *"check", "enter")
        await settle(pilot)
        screen = review_screen(app)
        seen = []
        for _ in range(4):
            await pilot.press("F")
            await settle(pilot)
            seen.append((screen.list_query.status, screen.rows.ids))
        await pilot.press("F", "q")
    with read(sample_db) as store:
        for list_filter, ids in seen:
            assert ids == store.project_ids(ListQuery(status=list_filter))
        saved = json.loads(store.get_ui_state("list_view") or "{}")
        assert saved["status"] == ListFilter.NEEDS_REVIEW.value
    assert [list_filter for list_filter, _ in seen] == [
        ListFilter.NEEDS_REVIEW,
        ListFilter.FLAGGED,
        ListFilter.VERIFIED,
        ListFilter.ALL,
    ]
    assert len(seen[1][1]) == 1 and len(seen[2][1]) == 1


async def test_undo_and_redo_go_through_the_store(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review_screen(app).selected_id()
        assert first is not None
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        with read(sample_db) as store:
            assert store.project(first).status is Status.UNREVIEWED
            assert [entry.undone for entry in store.history()] == [True]
        await pilot.press("ctrl+r")
        await settle(pilot)
        with read(sample_db) as store:
            assert store.project(first).status is Status.VERIFIED
            assert [entry.undone for entry in store.history()] == [False]


async def test_nothing_to_undo_is_a_notification_not_a_crash(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        titles = [notification.title for notification in app._notifications]
        assert any("undo" in title.lower() for title in titles), titles
        await pilot.press("v")
        await settle(pilot)
    with read(sample_db) as store:
        assert [entry.action for entry in store.history()] == ["verify"]


async def test_n_skips_verified_projects(sample_db: str, opened: list[Repository]) -> None:
    with read(sample_db) as store:
        ids = store.project_ids()
        for project_id in ids[1:3]:
            verify(store, project_id, store.project(project_id).version)
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert review_screen(app).selected_id() == ids[3]


async def test_reopening_restores_filter_and_project(
    sample_db: str, opened: list[Repository]
) -> None:
    chosen = await quit_after(make_app(sample_db, opened), "F", "j", "j", "j")
    again = make_app(sample_db, opened)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(again)
        assert screen.list_query.status is ListFilter.NEEDS_REVIEW
        assert screen.selected_id() == chosen
        assert screen.detail is not None and screen.detail.id == chosen


async def test_reopening_finds_a_project_merged_away_in_the_one_it_went_into(
    sample_db: str, opened: list[Repository]
) -> None:
    left = await quit_after(make_app(sample_db, opened), "j", "j", "j")
    assert left is not None
    with read(sample_db) as store:
        assert store.get_ui_state("last_project_key") == store.project(left).key
    with Repository.open(sample_db, "bob") as bob:
        ids = bob.project_ids()
        kept = ids[ids.index(left) - 1]
        merge_with_next(bob, kept)  # the project left selected goes into the one before it
        assert left not in bob.project_ids()
    again = make_app(sample_db, opened)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert review_screen(again).selected_id() == kept


async def test_reopening_after_older_versions_saved_the_project_id(
    sample_db: str, opened: list[Repository]
) -> None:
    with Repository.open(sample_db, "tester") as store:
        chosen = store.project_ids()[4]
        store.set_ui_state("last_project_id", str(chosen))
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert review_screen(app).selected_id() == chosen


async def test_search_selects_the_best_match(sample_db: str, opened: list[Repository]) -> None:
    with read(sample_db) as store:
        ids = store.project_ids()
        wanted = store.project(ids[5])
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *wanted.name)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert review_screen(app).selected_id() == wanted.id


async def test_palette_runs_review_actions(sample_db: str, opened: list[Repository]) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review_screen(app).selected_id()
        assert first is not None
        await pilot.press("ctrl+p", *"Verify")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
    with read(sample_db) as store:
        assert store.project(first).status is Status.VERIFIED


async def test_undo_shows_the_project_it_changed(sample_db: str, opened: list[Repository]) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = opened[0].project_ids()
        await pilot.press("end", "v")
        await settle(pilot)
        await pilot.press("home")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert review_screen(app).selected_id() == ids[-1]
    with read(sample_db) as store:
        assert store.project(ids[-1]).status is Status.UNREVIEWED


async def test_shift_u_puts_a_verified_project_back_to_unreviewed(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = review_screen(app).selected_id()
        await pilot.press("v", "k")
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
    with read(sample_db) as store:
        assert first is not None and store.project(first).status is Status.UNREVIEWED
        assert [entry.action for entry in store.history()][:2] == ["unreview", "verify"]


async def test_a_project_changed_elsewhere_is_refused_then_reloaded(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        first = screen.selected_id()
        assert first is not None
        with read(sample_db, "bob") as other:
            flag(other, first, "bob's note", other.project(first).version)
        await pilot.press("v")
        await settle(pilot)
        assert "Changed by someone else" in [item.title for item in app._notifications]
        assert screen.detail is not None and screen.detail.note == "bob's note"
        await pilot.press("v")
        await settle(pilot)
    with read(sample_db) as store:
        assert store.project(first).status is Status.VERIFIED
        assert [entry.reviewer for entry in store.history()] == ["tester", "bob"]
