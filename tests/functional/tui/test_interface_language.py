"""The whole app speaks the chosen language: every screen, dialog and refusal, data aside.

One walk opens the main screen, a refusal, the help, the command palette and every dialog, and
keeps what each showed. Under Chinese no English word of the interface may remain (key names, the
program's name and the data's own words aside); under English, on a document written in ASCII,
no Chinese character may show at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen

from store.i18n import set_language
from store.repository import Repository
from tests.databases import Databases
from tests.functional.tui.conftest import make_app, settle
from tests.functional.tui.plain_document import import_plain
from tests.functional.tui.screen_words import (
    chinese_characters,
    data_words,
    english_words,
    screen_lines,
)
from tests.helpers.acting import edit_indicator, flag, verify
from tui.app import ReviewApp
from tui.screens.confirm_screen import ConfirmScreen
from tui.screens.document_issues import DocumentIssuesScreen
from tui.screens.field_editor import FieldEditorScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.history_screen import HistoryScreen
from tui.screens.name_picker import NamePickerScreen
from tui.screens.note_screen import NoteScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.search_screen import SearchScreen
from tui.screens.split_screen import SplitScreen
from tui.screens.swap_screen import SwapScreen
from tui.widgets.key_bar import KeyBar

Step = tuple[str, Sequence[str], type[Screen[Any]], Sequence[str]]
"""A state's name, the keys that open it, the screen it shows and the keys that leave it."""

WALK: tuple[Step, ...] = (
    ("main screen", (), ReviewScreen, ()),
    ("refusal", ("u",), ReviewScreen, ()),
    ("help", ("question_mark",), HelpScreen, ("escape",)),
    ("command palette", ("ctrl+p",), CommandPalette, ("escape",)),
    ("flag dialog", ("f",), NoteScreen, ()),
    ("flag dialog, empty note", ("enter",), NoteScreen, ("escape",)),
    ("swap dialog", ("x",), SwapScreen, ("escape",)),
    ("split dialog", ("s",), SplitScreen, ("escape",)),
    ("field editor", ("e",), FieldEditorScreen, ()),
    ("field editor, editing", ("down",) * 4 + ("enter",), FieldEditorScreen, ("escape",)),
    ("rename picker", ("r",), NamePickerScreen, ("escape",)),
    ("search", ("slash", "1"), SearchScreen, ("escape",)),
    ("merge question", ("m",), ConfirmScreen, ("n",)),
    ("history", ("h",), HistoryScreen, ("escape",)),
    ("verified filter", ("F", "F", "F"), ReviewScreen, ("F",)),
    ("document issues", ("end", "D"), DocumentIssuesScreen, ("escape",)),
    ("after verifying", ("v",), ReviewScreen, ()),
    ("command palette, no match", ("ctrl+p", *"zzzq"), CommandPalette, ("escape",)),
)


async def walk(app: ReviewApp, pilot: Pilot[None]) -> dict[str, list[str]]:
    """Open every state of WALK in turn; return what the screen showed in each."""
    shown: dict[str, list[str]] = {}
    await settle(pilot)
    for name, opening, screen, leaving in WALK:
        await pilot.press(*opening)
        await settle(pilot)
        await pilot.pause(0.6 if screen is CommandPalette else 0)  # "no match" comes late
        assert isinstance(app.screen, screen), name
        shown[name] = screen_lines(app)
        await pilot.press(*leaving)
        await settle(pilot)
    return shown


CUT_OFF = (
    "部门名称：广州市测试局\n\n    档案整理项目\n\n通过开展档案整理工作。\n\n"
    "1、1-产出指标；11-数量指标；整理档案数；实施周期指标值:12卷；年度指标值:12卷。\n\n"
    "    孤立的名称\n\n    巡检项目\n\n通过开展巡检工作。\n\n"
    "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:12"
)
"""A second document, with a stray name and a cut-off end for the document issues."""


def with_findings(path: str, folder: Path) -> str:
    """Add a document with findings (a stray name, a cut-off end) after the others."""
    source = folder / "档案.txt"
    source.write_text(CUT_OFF, encoding="utf-8")
    with Repository.open(path, "importer") as repository:
        assert repository.import_file(source).findings
    return path


def reviewed(path: str) -> str:
    """Give the database's first projects a verification, a flag with a note and an edited
    indicator (by another reviewer, so the app's reviewer has nothing to undo), so the history,
    the filters and the fields pane have something to show."""
    with Repository.open(path, "setup") as repository:
        first, second, third = repository.project_ids()[:3]
        verify(repository, second)
        flag(repository, third, repository.project(third).unit)
        indicator = repository.project(first).indicators[0]
        edit_indicator(repository, first, indicator.id, "period_value", indicator.annual_value)
    return path


@pytest.mark.parametrize("size", [(160, 45), (120, 36)], ids=["160x45", "120x36"])
async def test_chinese_shows_no_english_word_of_the_interface(
    size: tuple[int, int], sample_db: str, tmp_path: Path, opened: list[Repository]
) -> None:
    set_language("zh")
    app = make_app(reviewed(with_findings(sample_db, tmp_path)), opened)
    app.store.database_label = "review.db"
    allowed = data_words(opened[0], "review.db", "tester", "setup", "zzzq")
    async with app.run_test(size=size, notifications=True) as pilot:
        shown = await walk(app, pilot)
    leftovers = {name: english_words(lines, allowed) for name, lines in shown.items()}
    assert {name: words for name, words in leftovers.items() if words} == {}


async def test_english_shows_no_chinese(databases: Databases, opened: list[Repository]) -> None:
    app = make_app(reviewed(import_plain(databases.new("plain"))), opened)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        shown = await walk(app, pilot)
    leftovers = {name: chinese_characters(lines) for name, lines in shown.items()}
    assert {name: chars for name, chars in leftovers.items() if chars} == {}


async def test_the_key_bar_follows_the_language_of_each_run(
    sample_db: str, opened: list[Repository]
) -> None:
    for language, verify_word in (("zh", "核实"), ("en", "Verify"), ("zh", "核实")):
        set_language(language)
        app = make_app(sample_db, opened)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            labels = [entry.label for entry in app.screen.query_one(KeyBar).entries]
        assert verify_word in labels, (language, labels)
