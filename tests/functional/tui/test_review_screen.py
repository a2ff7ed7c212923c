"""What the review screen shows: highlights in view, brackets intact, help, a large virtual list."""

from __future__ import annotations

from store.repository import Repository
from tests.databases import Databases
from tests.functional.tui.conftest import SIZE, UNITS, make_app, review_screen, settle
from tests.functional.tui.synthetic import import_synthetic, synthetic_document
from tui.screens.help_screen import HelpScreen
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.project_list import ProjectList
from tui.widgets.raw_text import RawTextPane


def visible_rows(pane: RawTextPane) -> range:
    """Screen rows of the raw pane currently in view."""
    top = round(pane.scroll_y)
    return range(top, top + pane.scrollable_content_region.height)


def shown(pane: RawTextPane) -> bool:
    """Whether the pane is displayed, read afresh (mypy would keep an earlier assert's answer)."""
    return pane.display


async def test_block_and_displaced_name_are_both_highlighted_in_view(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        await pilot.press("end", *["k"] * 5)
        await settle(pilot)
        detail = screen.detail
        assert detail is not None and detail.document_file == "b.txt"
        pane = app.screen.query_one(RawTextPane)
        block_first, block_last = pane.rows_of(detail.block)
        name_row = pane.rows_of(detail.name_spans[0])[0]
        assert name_row > block_last
        assert {block_first, block_last, name_row} <= set(visible_rows(pane))
        name_line = pane.render_line(name_row - round(pane.scroll_y)).text
        assert detail.name in name_line


async def test_names_with_brackets_are_drawn_as_printed(
    synthetic_db: str, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ProjectList)
        assert "[b]" in listing.render_line(listing.line_of(0) or 0).text
        fields = app.screen.query_one(FieldsPane)
        assert "项目0[b]甲[/b]" in fields.render_line(0).text


async def test_help_lists_every_key_and_closes(sample_db: str, opened: list[Repository]) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-keys").render())
        for description in ("Verify", "Flag", "Filter", "Search", "Undo", "Redo", "Quit", "ctrl+p"):
            assert description in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_t_hides_and_shows_the_raw_pane(sample_db: str, opened: list[Repository]) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(RawTextPane)
        assert pane.display
        await pilot.press("t")
        assert not shown(pane)
        await pilot.press("t")
        assert pane.display


async def test_a_narrow_terminal_starts_without_the_raw_pane(
    sample_db: str, opened: list[Repository]
) -> None:
    """Below 110 columns the list and fields get the width; `t` still shows the raw text, and
    that choice holds when the terminal is resized."""
    app = make_app(sample_db, opened)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(RawTextPane)
        fields = app.screen.query_one(FieldsPane)
        assert not pane.display
        assert fields.region.width > 40  # the fields pane took the raw pane's columns
        await pilot.press("t")
        await pilot.pause()
        assert shown(pane)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert pane.display  # the reviewer's choice holds


async def test_widening_the_terminal_brings_the_raw_pane_back(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(RawTextPane)
        assert not pane.display
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert pane.display


async def test_a_large_list_is_virtual_and_loads_rows_on_demand(
    databases: Databases, opened: list[Repository]
) -> None:
    path = databases.new("large")
    documents = [synthetic_document(f"d{number:03}.txt", UNITS, 40) for number in range(30)]
    import_synthetic(path, documents)
    app = make_app(path, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        ids = opened[0].project_ids()
        assert len(screen.rows) == len(ids) == 2400
        await pilot.press("end")
        await settle(pilot)
        assert screen.selected_id() == ids[-1]
        assert screen.rows.row(len(ids) - 1) is not None
        assert screen.rows.row(1000) is None
        assert "d029.txt" in str(app.screen.query_one("#header").render())
