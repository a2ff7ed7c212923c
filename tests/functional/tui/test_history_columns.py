"""The edit log shows every column on screen, and an undone entry says so in words."""

from __future__ import annotations

from typing import Any

import pytest

from store.repository import Repository
from tests.functional.tui.conftest import make_app, settle
from tui.screens.history_screen import HistoryScreen

SIZES = [(160, 45), (120, 36), (100, 30), (80, 24)]


def screen_lines(app: Any) -> list[str]:
    """Every line drawn on the screen."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_an_undone_entry_reads_undone_within_the_dialog(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        dialog = app.screen.query_one("#history-dialog").region
        table = app.screen.query_one("#history-table")
        lines = screen_lines(app)
        header = lines[table.region.y]
        for title in ("time", "state", "reviewer", "operation", "before → after"):
            assert title in header[dialog.x : dialog.right], title
        rows = [line[dialog.x : dialog.right] for line in lines[table.region.y + 1 :]]
        assert sum("undone" in row for row in rows) == 1
        assert sum("applied" in row for row in rows) == 1
    with Repository.open(sample_db, "tester") as repository:
        assert [entry.undone for entry in repository.history(5)] == [True, False]
