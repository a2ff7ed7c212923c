"""The bottom line names the keys of the focused pane, as many as fit, never cut mid-entry."""

from __future__ import annotations

import pytest

from store.repository import Repository
from tests.functional.tui.conftest import make_app, settle
from tui.widgets.key_bar import KeyBar, KeyEntry, fit_entries

SIZES = [(160, 45), (120, 36), (100, 30), (80, 24)]


def bottom_line(app: object) -> str:
    """The text drawn on the screen's last row."""
    return app.screen._compositor.render_strips()[-1].text  # type: ignore[attr-defined, no-any-return]


def drawn_entries(bar: KeyBar) -> list[str]:
    """Each entry as it reads on the bar."""
    return [f"{entry.shown_keys} {entry.label}" for entry in bar.shown_entries()]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_entry_drawn_is_whole_and_help_and_quit_always_show(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        line = bottom_line(app)
        entries = drawn_entries(bar)
        assert "? Help" in entries and "q Quit" in entries
        for entry in entries:
            assert entry in line
        assert len(line.rstrip()) <= size[0]
        left_out = [entry for entry in bar.entries if entry not in bar.shown_entries()]
        room = size[0] - len(line.rstrip()) - 1  # each entry is followed by one space
        assert all(entry.cells + 1 > room for entry in left_out), "an entry that fits was left out"


async def test_a_wide_terminal_shows_the_correction_keys(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        line = bottom_line(app)
        for entry in ["t Raw text", "r Rename", "x Swap", "m Merge", "? Help", "q Quit"]:
            assert entry in line


async def test_with_the_fields_pane_focused_the_arrows_name_the_indicators(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "↓/j ↑/k Project" in bottom_line(app)
        await pilot.press("tab")
        await settle(pilot)
        line = bottom_line(app)
        assert "↓/j" not in line
        assert "j k Project" in line
        indicator = next(entry for entry in drawn_entries(app.screen.query_one(KeyBar))
                         if entry.endswith("Indicator"))
        assert "↓" in indicator and "↑" in indicator and indicator in line


def test_an_entry_too_long_is_skipped_and_later_short_ones_still_fit() -> None:
    entries = [
        KeyEntry(("a",), "a", "Alpha"),
        KeyEntry(("b",), "b", "A very long description indeed"),
        KeyEntry(("c",), "c", "Cut"),
        KeyEntry(("question_mark",), "?", "Help"),
    ]
    chosen = fit_entries(entries, 24, {"question_mark"})
    assert [entry.keys[0] for entry in chosen] == ["a", "c", "question_mark"]
