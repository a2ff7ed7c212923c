"""The help screen: columns that never run together, wrapped explanations under their column,
and the keys of the panes and dialogs too."""

from __future__ import annotations

from typing import Any

import pytest

from store.repository import Repository
from tests.functional.tui.conftest import make_app, settle
from tui.review.commands import review_bindings
from tui.screens.help_screen import HelpScreen, columns_text, help_sections

SIZES = [(160, 45), (120, 36), (100, 30), (80, 24)]


def screen_lines(app: Any) -> list[str]:
    """Every line drawn on the screen."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_words_and_explanations_never_touch_and_wrapped_lines_stay_in_their_column() -> None:
    sections = help_sections(review_bindings())
    for width in (40, 60, 94):
        titles = {title for title, _entries in sections}
        lines = [
            line for line in columns_text(sections, width).plain.splitlines() if line not in titles
        ]
        starts = {
            len(line) - len(line.lstrip())
            for line in lines
            if line.startswith(" ") and line.strip()
        }
        assert len(starts) == 1, (width, starts)  # every continuation starts in one column
        indent = starts.pop()
        for line in lines:
            assert len(line) <= width
            if line and not line.startswith(" ") and len(line) > indent:
                assert line[indent - 1] == " ", (width, line)  # a gap before the explanation


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_help_screen_shows_tab_ctrl_s_and_ctrl_p(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = columns_text(app.screen.sections, app.screen.query_one("#help-keys").size.width)
        every = ("tab", "ctrl+s", "ctrl+p", "↓/j", "ctrl+r", "D", "g", "G", "\\", "o", "V", "c")
        for keys in every:
            assert any(line.startswith(keys + " ") for line in text.plain.splitlines()), keys
        shown = screen_lines(app)
        assert any("Rename" in line for line in shown) or size[1] < 45
        assert not any("previousMove" in line for line in shown)
