"""The issue-5 key paths: each correction pressed as a reviewer would, then checked in the store."""

from __future__ import annotations

from store.repository import Repository
from tests.functional.tui.conftest import SIZE, make_app, read, review_screen, settle
from tests.helpers.acting import verify
from tui.screens.confirm_screen import ConfirmScreen


def names(path: str) -> list[str]:
    """Every project's name, in list order."""
    with read(path) as store:
        return [store.project(project_id).name for project_id in store.project_ids()]


def indicator_counts(path: str) -> list[int]:
    """How many indicators each project has, in list order."""
    with read(path) as store:
        ids = store.project_ids()
        return [len(store.project(project_id).indicators) for project_id in ids]


def actions(path: str) -> list[str]:
    """The edit log's actions, newest first."""
    with read(path) as store:
        return [entry.action for entry in store.history()]


async def test_rename_with_free_text(synthetic_db: str, opened: list[Repository]) -> None:
    before = names(synthetic_db)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"新的名称", "enter")
        await settle(pilot)
    assert names(synthetic_db) == ["新的名称", *before[1:]]
    assert len(actions(synthetic_db)) == 1


async def test_rename_to_a_name_held_in_the_unit_swaps_the_two(
    synthetic_db: str, opened: list[Repository]
) -> None:
    before = names(synthetic_db)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*before[2])
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    after = names(synthetic_db)
    assert after[:3] == [before[2], before[1], before[0]] and after[3:] == before[3:]
    assert len(actions(synthetic_db)) == 1


async def test_x_then_down_swaps_with_the_next_and_escape_cancels(
    synthetic_db: str, opened: list[Repository]
) -> None:
    before = names(synthetic_db)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x", "escape")
        await settle(pilot)
        assert names(synthetic_db) == before
        await pilot.press("j", "x", "down")
        await settle(pilot)
    assert names(synthetic_db) == [before[0], before[2], before[1], *before[3:]]


async def test_merge_asks_first_then_undo(synthetic_db: str, opened: list[Repository]) -> None:
    counts = indicator_counts(synthetic_db)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # a stray m changes nothing
        await settle(pilot)
        assert indicator_counts(synthetic_db) == counts and actions(synthetic_db) == []
        await pilot.press("m", "y")
        await settle(pilot)
        assert indicator_counts(synthetic_db) == [4, *counts[2:]]
        await pilot.press("u")
        await settle(pilot)
    assert indicator_counts(synthetic_db) == counts


async def test_split_at_the_selected_indicator_names_and_selects_the_new_project(
    synthetic_db: str, opened: list[Repository]
) -> None:
    before = names(synthetic_db)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "s")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"拆出的项目", "enter")
        await settle(pilot)
        selected = review_screen(app).detail
    assert names(synthetic_db) == [before[0], "拆出的项目", *before[1:]]
    assert indicator_counts(synthetic_db)[:3] == [1, 1, 2]
    assert selected is not None and selected.name == "拆出的项目"


async def test_split_in_the_target_at_the_cursor(
    synthetic_db: str, opened: list[Repository]
) -> None:
    with read(synthetic_db) as store:
        target = store.project(store.project_ids()[0]).target
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", *["right"] * 4, "ctrl+s")
        await settle(pilot)
        await pilot.press(*"后半", "enter")
        await settle(pilot)
    with read(synthetic_db) as store:
        first, second = (store.project(i) for i in store.project_ids()[:2])
    assert (first.target, second.target, second.name) == (target[:4], target[4:], "后半")


async def test_indicator_moves_to_the_next_project(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket", "greater_than_sign")
        await settle(pilot)
    assert indicator_counts(synthetic_db)[:3] == [1, 3, 2]


async def test_edit_an_indicator_value_and_a_bad_level_code_is_refused(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", *["down"] * 9, "enter", "home", "ctrl+k", *"至少3个", "enter")
        await settle(pilot)
        await pilot.press("e", *["down"] * 4, "enter", "home", "ctrl+k", "2", "enter")
        await settle(pilot)
        titles = [notification.title for notification in app._notifications]
    with read(synthetic_db) as store:
        indicator = store.project(store.project_ids()[0]).indicators[0]
    assert (indicator.period_value, indicator.level1_code) == ("至少3个", "1")
    assert len(actions(synthetic_db)) == 1
    assert titles[-1] == "Refused"


async def test_history_lists_the_log_and_enter_jumps_to_the_project(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "v", "home")
        await settle(pilot)
        screen = review_screen(app)
        ids = opened[0].project_ids()
        assert screen.selected_id() == ids[0]
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.selected_id() == ids[-1]


async def test_a_correction_of_a_verified_neighbour_is_refused_with_a_notice(
    synthetic_db: str, opened: list[Repository]
) -> None:
    with read(synthetic_db, "bob") as store:
        second = store.project_ids()[1]
        verify(store, second)
    counts, before = indicator_counts(synthetic_db), names(synthetic_db)
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m", "y")
        await settle(pilot)
        await pilot.press("x", "down", "right_square_bracket", "greater_than_sign")
        await settle(pilot)
        notices = [(item.title, item.message) for item in app._notifications]
    refusals = [message for title, message in notices if title == "Verified — reopen it first"]
    assert len(refusals) == 3 and all("was verified by bob" in text for text in refusals)
    assert indicator_counts(synthetic_db) == counts and names(synthetic_db) == before
    assert actions(synthetic_db) == ["verify"]


async def test_reopening_unlocks_a_verified_project(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "k")
        await settle(pilot)
        await pilot.press("r", *"改名", "enter")
        await settle(pilot)
        assert names(synthetic_db)[0] != "改名"
        await pilot.press("U")
        await settle(pilot)
        await pilot.press("r", *"改名", "enter")
        await settle(pilot)
    assert names(synthetic_db)[0] == "改名"
    assert actions(synthetic_db) == ["rename", "unreview", "verify"]


async def test_renaming_onto_a_verified_holders_name_asks_to_keep_both(
    synthetic_db: str, opened: list[Repository]
) -> None:
    before = names(synthetic_db)
    with read(synthetic_db, "bob") as store:
        verify(store, store.project_ids()[2])
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r", *before[2])
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert names(synthetic_db) == before
        await pilot.press("r", *before[2])
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    assert names(synthetic_db) == [before[2], *before[1:]]


async def test_a_huge_sequence_number_in_the_editor_is_refused_with_a_sentence(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", *["down"] * 3, "enter", "home", "ctrl+k", *"9" * 20, "enter")
        await settle(pilot)
        notices = [(item.title, item.message) for item in app._notifications]
        assert app.is_running
    assert notices[-1][0] == "Refused" and "positive whole number up to" in notices[-1][1]
    assert actions(synthetic_db) == []


async def test_a_long_merge_question_wraps_inside_its_dialog(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.query_one("#confirm-question")
        dialog = app.screen.query_one("#confirm-dialog")
        assert question.size.height > 1  # wrapped, not cut at the dialog's edge
        assert question.region.right <= dialog.content_region.right
