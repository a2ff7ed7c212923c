"""`D` lists a document's findings; Enter scrolls the raw pane to one; the header marks them."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.command import CommandPalette
from textual.screen import Screen

from store.repository import Repository
from tests.databases import Databases
from tests.functional.tui.conftest import SIZE, make_app, review_screen, settle
from tui.app import ReviewApp
from tui.review.commands import review_bindings
from tui.screens.document_issues import DocumentIssuesScreen
from tui.screens.help_screen import help_text
from tui.widgets.raw_text import RawTextPane
from tui.widgets.review_header import ReviewHeader

BLOCK = "    {0}项目\n\n通过开展{0}工作。\n\n"
INDICATOR = "1、1-产出指标；11-数量指标；{0}次数；实施周期指标值:12次；年度指标值:12次。\n\n"
FILLER = "".join(BLOCK.format(f"巡检{i}") + INDICATOR.format(f"巡检{i}") for i in range(30))
TEXT = (
    "部门名称：广州市测试局\n\n"
    + FILLER
    + "    孤立的名称\n\n"
    + BLOCK.format("档案")
    + "1、1-产出指标；11-数量指标；档案数；实施周期指标值:12"
)


def _database(tmp_path: Path, databases: Databases) -> tuple[str, list[tuple[str, int]]]:
    """Import a document with a stray name far down and a cut-off end; return db and findings."""
    source = tmp_path / "issues.txt"
    source.write_text(TEXT, encoding="utf-8")
    path = databases.new("issues")
    with Repository.open(path, "importer") as repository:
        report = repository.import_file(source)
    found = [(item.code, item.line) for item in report.findings]
    assert [code for code, _ in found] == ["unassigned_name", "truncated"]
    return path, found


def _top(app: ReviewApp) -> Screen[object]:
    """The screen on top (a function, so checks after a key press are not narrowed away)."""
    return app.screen


def _header(app_header: ReviewHeader) -> str:
    """The header's plain text."""
    rendered = app_header.render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


async def test_d_lists_the_findings_and_enter_scrolls_to_one(
    tmp_path: Path, databases: Databases, opened: list[Repository]
) -> None:
    path, found = _database(tmp_path, databases)
    app = make_app(path, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        assert "⚠ 2 document issues (D)" in _header(screen.query_one(ReviewHeader))
        raw = screen.query_one(RawTextPane)
        assert raw.scroll_y == 0
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DocumentIssuesScreen)
        assert [(item.code, item.line) for item in app.screen.findings] == found
        await pilot.press("enter")  # the stray name, far below the first project
        await settle(pilot)
        assert _top(app) is screen
        first, _ = raw.rows_of(screen.findings[0].span)
        assert raw.scroll_y <= first < raw.scroll_y + raw.scrollable_content_region.height
        assert raw.border_subtitle == f"line {found[0][1]}: unassigned_name"
        strip = raw.render_line(first - round(raw.scroll_y))
        finding_style = raw.get_component_rich_style("raw-text--finding")
        marked = "".join(
            seg.text for seg in strip if seg.style and seg.style.bgcolor == finding_style.bgcolor
        )
        assert "孤立的名称" in marked


async def test_a_document_without_findings_has_no_marker(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        assert "document issue" not in _header(screen.query_one(ReviewHeader))
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DocumentIssuesScreen) and app.screen.findings == []
        await pilot.press("escape")
        await settle(pilot)
        assert _top(app) is screen


def test_d_is_in_the_help() -> None:
    assert "Document issues" in help_text(review_bindings()).plain


async def test_the_palette_opens_the_document_issues(
    sample_db: str, opened: list[Repository]
) -> None:
    app = make_app(sample_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(_top(app), CommandPalette)
        await pilot.press(*"Document issues")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(_top(app), DocumentIssuesScreen)
