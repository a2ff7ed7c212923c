"""The rename picker: one line per candidate at every width, holders named by what the list
shows (their target), never by an id the list does not show."""

from __future__ import annotations

import re
from typing import Any

import pytest
from rich.cells import cell_len
from textual.widgets import OptionList

from store.repository import Repository
from store.views import NameChoice
from tests.functional.tui.conftest import make_app, review_screen, settle
from tui.screens.name_picker import NamePickerScreen, choice_label, holder_text

SIZES = [(160, 45), (120, 36), (100, 30), (80, 24)]


def screen_lines(app: Any) -> list[str]:
    """Every line drawn on the screen."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_each_candidate_is_one_line_and_no_id_is_shown(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for _ in range(6):
            await pilot.press("j")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, NamePickerScreen)
        results = app.screen.query_one("#picker-results", OptionList)
        assert results.option_count > 1
        assert results.virtual_size.height == results.option_count  # no option wraps
        shown = "\n".join(screen_lines(app))
        assert not re.search(r"#\d+", shown)
        assert "swaps with:" in shown or (size[0] < 120 and "⇄ " in shown)
        await pilot.press("escape")
        await settle(pilot)
        assert review_screen(app).detail is not None


def test_a_label_fills_exactly_its_width() -> None:
    name = "广州市无线电监测站2024-2025年度信息化运维项目"
    choice = NameChoice(name, 0.87, "unit", 33, "#33 通过开展信息化运维")
    for width in (40, 60, 84, 120):
        assert cell_len(choice_label(choice, width)) == width
    assert holder_text(choice) == "swaps with: 通过开展信息化运维"
    assert holder_text(NameChoice("甲", 0.5, "known")) == "free"
    assert holder_text(NameChoice("甲", 0.5, "unit", 7, "this project")) == "this project"
    verified = NameChoice(name, 0.87, "unit", 33, "#33 通过开展信息化运维", holder_verified=True)
    assert holder_text(verified) == "verified, keeps it: 通过开展信息化运维"
    assert holder_text(verified, short=True) == "✓ 通过开展信息化运维"
