"""What the terminal shows is what the app holds, after anything appears or disappears.

Every update the app sends goes into a `Terminal`; after each step it must equal a full repaint
of the app's current state. A region Textual forgets to repaint stays stale on a real terminal.
"""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

import tui.app
from store.repository import Repository
from tests.functional.tui.conftest import make_app, settle
from tests.functional.tui.terminal import attach_terminal, stale_lines
from tui.app import ReviewApp

SIZES = [(160, 45), (120, 36), (100, 30), (80, 24)]


def notice_app(path: str, opened: list[Repository]) -> ReviewApp:
    """The app as a bare `gzreview` opens it on a new database: with the sample notice."""
    app = make_app(path, opened)
    app.notice = "The database was empty, so the bundled sample 广州市无线电监测站 was imported."
    return app


async def test_an_expired_notice_leaves_the_terminal(
    sample_db: str, opened: list[Repository], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.app, "NOTICE_TIMEOUT_S", 2.0)
    app = notice_app(sample_db, opened)
    terminal = attach_terminal(app, 160, 45)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        assert "Sample imported" in terminal.text()
        await pilot.pause(2.5)
        await settle(pilot)
        assert "Sample imported" not in terminal.text()
        assert stale_lines(app, terminal) == []


async def test_hiding_the_raw_pane_repaints_at_once(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    terminal = attach_terminal(app, 160, 45)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert "─ Raw text ─" in terminal.text()
        await pilot.press("t")
        await settle(pilot)
        assert "─ Raw text ─" not in terminal.text()
        assert stale_lines(app, terminal) == []
        await pilot.press("t")
        await settle(pilot)
        assert "─ Raw text ─" in terminal.text()
        assert stale_lines(app, terminal) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_terminal_stays_true_through_a_session(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    """Moving, hiding panes, filtering, modal screens opening and closing, a toast expiring."""
    app = make_app(sample_db, opened)
    terminal = attach_terminal(app, *size)
    steps = [
        ["j"], ["j", "j", "j"], ["t"], ["end"], ["t"], ["home"], ["question_mark"], ["escape"],
        ["h"], ["escape"], ["F"], ["F"], ["F"], ["F"], ["tab"], ["down"], ["tab"], ["D"],
        ["escape"], ["slash"], ["escape"], ["r"], ["escape"], ["x"], ["escape"], ["u"],
    ]
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        for keys in steps:
            await pilot.press(*keys)
            await settle(pilot)
            assert stale_lines(app, terminal) == [], f"after {keys}"
        app.notify("短暂的通知", timeout=0.3)
        await settle(pilot)
        await pilot.pause(0.6)
        await settle(pilot)
        assert "短暂的通知" not in terminal.text()
        assert stale_lines(app, terminal) == []


async def test_a_toast_shows_names_with_brackets_as_printed(
    synthetic_db: str, opened: list[Repository]
) -> None:
    """Synthetic names hold `[b]…[/b]`; the verify toast quotes the name as it is."""
    app = make_app(synthetic_db, opened)
    terminal = attach_terminal(app, 160, 45)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        toast = terminal.region_lines(app.screen.query_one(Toast).region)
        assert any("项目0[b]甲[/b]" in line for line in toast), toast
