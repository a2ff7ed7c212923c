"""The project list groups rows under their unit's full name, at every width, and the selected
row stays in view when the terminal shrinks."""

from __future__ import annotations

from typing import Any

import pytest

from store.repository import Repository
from tests.functional.tui.conftest import make_app, review_screen, settle
from tui.widgets.project_list import UNIT_MARK, ProjectList

SIZES = [(160, 45), (120, 36), (100, 30), (80, 24)]
BUREAU = "广州市工业和信息化局"
CENTRE = "广州市工业和信息化产业发展中心"
STATION = "广州市无线电监测站"


def list_text(app: Any) -> list[str]:
    """The project list's lines as drawn on the screen (inside its border)."""
    listing = app.screen.query_one(ProjectList)
    region = listing.content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def unit_above(lines: list[str], row: int) -> str:
    """The unit header nearest above line `row`."""
    return next(line for line in reversed(lines[:row]) if line.startswith(UNIT_MARK))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_each_unit_is_a_header_and_the_same_names_sit_under_different_units(
    size: tuple[int, int], sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        seen: dict[str, set[str]] = {}
        for _ in range(40):
            lines = list_text(app)
            for row, line in enumerate(lines):
                if "购置经费" in line:
                    seen.setdefault(line.strip(), set()).add(unit_above(lines, row))
            await pilot.press("pagedown")
            await settle(pilot)
        headers = {unit for units in seen.values() for unit in units}
        assert {header.strip() for header in headers} >= {
            f"{UNIT_MARK}{BUREAU}".strip(), f"{UNIT_MARK}{STATION}".strip()
        }
        shown = "\n".join(list_text(app))
        assert CENTRE[:9] in shown or size[1] < 36  # the centre's name is not cut to the bureau's


async def test_the_two_similar_units_read_differently(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        headers: set[str] = set()
        for index in range(0, len(screen.rows), 8):
            screen.move_to(index)
            await settle(pilot)
            headers |= {line.strip() for line in list_text(app) if line.startswith(UNIT_MARK)}
        assert f"{UNIT_MARK}{BUREAU}".strip() in headers
        assert any(header.startswith(f"{UNIT_MARK}{CENTRE[:10]}") for header in headers)


async def test_the_selected_row_stays_in_view_when_the_terminal_shrinks(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        for _ in range(30):
            await pilot.press("j")
        await settle(pilot)
        screen = review_screen(app)
        listing = app.screen.query_one(ProjectList)
        name = screen.detail.name if screen.detail else ""
        assert listing.line_of(screen.cursor) is not None
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        line = listing.line_of(screen.cursor)
        assert line is not None and line < listing.scrollable_content_region.height
        assert name[:6] in list_text(app)[line]


async def test_a_list_that_fits_has_nothing_to_scroll(
    sample_db: str, opened: list[Repository]
) -> None:
    """34 projects and 3 unit headers fit in 41 lines: no scrollbar, no blank scroll range."""
    app = make_app(sample_db, opened)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ProjectList)
        assert listing.virtual_size.height == 34 + 3
        assert listing.max_scroll_y == 0
        await pilot.press("end")
        await settle(pilot)
        assert listing.line_of(33) == 36
