"""Chinese text in a toast stays whole where the toast crosses a pane's edge."""

from __future__ import annotations

import pytest
from textual.strip import Strip

from store.repository import Repository
from tests.functional.tui.conftest import make_app, settle
from tests.functional.tui.terminal import attach_terminal, stale_lines
from tui.wide_characters import TEXTUAL_RENDER_CHOPS

UNIT = "广州市无线电监测站工业和信息化产业发展中心"


@pytest.mark.parametrize("size", [(160, 45), (120, 36)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_toast_over_pane_borders_keeps_every_character(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    """One message starts on an even cell and one on an odd one, so a character straddles every
    pane edge under the toast in one of them."""
    app = make_app(sample_db, opened)
    terminal = attach_terminal(app, *size)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        app.notify(UNIT, title="even", timeout=30)
        app.notify("x" + UNIT, title="odd", timeout=30)
        await settle(pilot)
        await pilot.press("j")  # a partial repaint under the toasts
        await settle(pilot)
        shown = terminal.text()
        assert UNIT in shown
        assert "x" + UNIT in shown
        assert stale_lines(app, terminal) == []


async def test_without_overlays_the_screen_is_painted_as_textual_paints_it(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("j", "tab")
        await settle(pilot)
        compositor = app.screen._compositor
        region = compositor.size.region
        ours = compositor._render_chops(region, lambda y: True)
        textual = TEXTUAL_RENDER_CHOPS(compositor, region, lambda y: True)
        assert [Strip.join(line.values()) for line in ours] == [
            Strip.join(line.values()) for line in textual
        ]
