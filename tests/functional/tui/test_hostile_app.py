"""Hostile names, notes and file names in the app: shown visibly, never as markup, never a crash.

Every check reads what the app draws (the screen's rendered strips): no control or invisible
character may be in it, and no data string may become a link or an action.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input

from store.repository import Repository
from store.views import Status
from tests.databases import Databases, Templates
from tests.functional.tui.conftest import SIZE, make_app, read, review_screen, settle
from tests.helpers.hostile import (
    CLICK_ACTION,
    ESCAPES,
    gallery,
    hostile_database_named,
    hostile_strings,
    unsafe_in_lines,
)
from tui.app import ReviewApp

HOSTILE_FILE_NAME = f"{ESCAPES}[b]报表.txt"


@pytest.fixture
def new_hostile(databases: Databases, templates: Templates) -> Callable[[], str]:
    """Make databases of the hostile document, under a hostile file name, with hostile notes
    and names (copies of one template per back end)."""

    def build(database: str) -> None:
        hostile_database_named(templates.folder, HOSTILE_FILE_NAME, database)

    return lambda: templates.copy(databases, "hostile_app", build)


@pytest.fixture
def hostile_db(new_hostile: Callable[[], str]) -> str:
    return new_hostile()


def drawn(app: ReviewApp) -> str:
    """Return the text of everything the app draws now, one line per screen row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def actions_drawn(app: ReviewApp) -> list[object]:
    """Return the click actions and links attached to anything drawn now."""
    found = []
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            meta = segment.style.meta if segment.style else {}
            found += [value for key, value in meta.items() if key in ("@click", "link")]
    return found


def assert_shown_safely(app: ReviewApp) -> str:
    """Nothing drawn holds a control or invisible character; return the drawn text."""
    text = drawn(app)
    assert unsafe_in_lines(text) == []
    assert not any("quit" in str(action) for action in actions_drawn(app))
    return text


async def test_every_project_is_drawn_without_control_characters(
    hostile_db: str, opened: list[Repository]
) -> None:
    app = make_app(hostile_db, opened, reviewer="mallory\x1b]0;PWNED\x07")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        seen = ""
        for _ in range(len(opened[0].project_ids())):
            seen += assert_shown_safely(app)
            await pilot.press("j")
            await settle(pilot)
        assert "␛]0;PWNED␇␛[2J" in seen  # a name with escapes, shown visibly
        assert "[@click=app.quit]Q[/]" in seen  # a name with markup, shown as typed
        assert "⍰告报" in seen  # the bidi override in an indicator name
        assert app.is_running


async def test_flagging_with_a_markup_note_notifies_it_as_typed(
    hostile_db: str, opened: list[Repository]
) -> None:
    app = make_app(hostile_db, opened)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("U", "f", "ctrl+u", *"see [/]", "enter")
        await settle(pilot)
        assert app.is_running
        assert "see [/]" in assert_shown_safely(app)
        project_id = review_screen(app).selected_id()
        assert project_id is not None
        with read(hostile_db) as store:
            assert store.project(project_id).note == "see [/]"


@pytest.mark.parametrize("name", ["a[/]b", CLICK_ACTION])
async def test_verifying_a_project_named_with_markup_notifies_it_as_typed(
    hostile_db: str, opened: list[Repository], name: str
) -> None:
    app = make_app(hostile_db, opened)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        store = opened[0]
        target = next(i for i in store.project_ids() if store.project(i).name == name)
        while review_screen(app).selected_id() != target:
            await pilot.press("j")
            await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert app.is_running
        assert store.project(target).status is Status.VERIFIED
        assert f"verify “{name}”" in assert_shown_safely(app)


@pytest.mark.parametrize(
    "keys",
    [("f",), ("x",), ("s",), ("e", "enter"), ("r",), ("h",), ("D",), ("slash", *"PWNED"),
     ("question_mark",), ("k", "m")],
    ids=["note", "swap", "split", "edit", "rename", "history", "issues", "search", "help",
         "merge"],
)
async def test_every_dialog_shows_hostile_text_visibly(
    hostile_db: str, opened: list[Repository], keys: tuple[str, ...]
) -> None:
    app = make_app(hostile_db, opened)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        for _ in range(4):  # the project whose name holds escape sequences
            await pilot.press("j")
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.pause(0.1)  # a dialog's worker result is shown after the worker ends
        assert len(app.screen_stack) == 3, keys
        text = assert_shown_safely(app)
        if keys[0] in ("f", "x", "s", "e", "r", "slash", "k"):
            assert "␛]0;PWNED␇" in text
        if keys[0] == "e":  # the name being edited, in the input
            assert app.screen.query_one("#edit-value", Input).value.endswith("␛]0;PWNED␇␛[2J")
        if keys[0] == "h":
            assert "mallory␛[2J" in text and "“工业工作经费␛]0;PWNED␇␛[2J”" in text
        if keys[0] == "D":
            assert "␛]0;PWNED␇␛[2J[b]报表.txt" in text


async def notify_and_flag(path: str, notices: list[str], notes: list[str]) -> None:
    """Show each notice as a notification, then flag a project with each note in the dialog."""
    repository = Repository.open(path, "tester")
    app = ReviewApp(repository)
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            for text in notices:
                app.notify(text, title=text)
                review_screen(app).notify(text, title=text, markup=True)
            await pilot.pause()
            assert_shown_safely(app)
            for note in notes:
                await pilot.press("f")
                await pilot.pause()
                app.screen.query_one("#note-input", Input).value = note
                await pilot.press("enter")
                await settle(pilot)
                assert app.is_running
                assert_shown_safely(app)
                if len(app.screen_stack) > 2:  # a blank note keeps the dialog open
                    await pilot.press("escape")
                    await pilot.pause()
    finally:
        repository.close()


ANY_TEXT = st.text(st.characters(codec="utf-8"))


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(ANY_TEXT, min_size=8, max_size=8), st.lists(ANY_TEXT, min_size=1, max_size=1))
def test_random_text_in_notifications_and_notes_never_breaks_the_app(
    new_hostile: Callable[[], str],
    notices: list[str],
    notes: list[str],
) -> None:
    path = new_hostile()
    hostile = hostile_strings("markup", "escapes", "invisible")
    asyncio.run(notify_and_flag(path, [*notices, *hostile], [*notes, "see [/]"]))


def test_the_gallery_has_every_kind_the_app_is_tested_with() -> None:
    assert {"escapes", "invisible", "markup", "formulas"} <= set(gallery())
