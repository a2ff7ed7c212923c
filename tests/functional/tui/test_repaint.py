"""Per-key repaints are partial; what is on screen must still be exactly what each pane draws."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from store.repository import Repository
from tests.databases import Databases
from tests.functional.tui.conftest import SIZE, make_app, review_screen, settle
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.project_list import ProjectList
from tui.widgets.raw_text import RawTextPane


def stale_rows(widget: Widget) -> list[int]:
    """Rows whose painted lines (as Textual keeps them) differ from a repaint from scratch."""
    painted = widget.render_lines(widget.size.region)
    widget._styles_cache.clear()
    fresh = widget.render_lines(widget.size.region)
    return [row for row, (old, new) in enumerate(zip(painted, fresh, strict=True)) if old != new]


@pytest.mark.parametrize("database", ["sample_db", "synthetic_db"])
async def test_moving_through_projects_leaves_no_stale_line(
    database: str, databases: Databases, request: pytest.FixtureRequest, opened: list[Repository]
) -> None:
    """The sample's displaced names scroll the raw pane; synthetic blocks are small, so most
    synthetic moves repaint only the highlight's rows."""
    app = make_app(request.getfixturevalue(database), opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        panes = [screen.query_one(kind) for kind in (ProjectList, RawTextPane, FieldsPane)]
        lengths = set()
        for key in ["down"] * 20 + ["up"] * 6 + ["end", "home"]:
            await pilot.press(key)
            await settle(pilot)
            lengths.add(len(screen.query_one(FieldsPane)._strips))
            assert {type(pane).__name__: stale_rows(pane) for pane in panes} == {
                type(pane).__name__: [] for pane in panes
            }, f"after {key} at {screen.cursor}"
        assert len(lengths) > 1  # projects of different lengths were shown one after another
