"""The list's `*` marks flags that need attention; informational flags alone leave no mark."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from parser.flags import ATTENTION_FLAGS, INFORMATIONAL_FLAGS, needs_attention
from parser.model import Flag
from store.repository import Repository
from tests.databases import Databases
from tests.functional.tui.conftest import SIZE, UNITS, make_app, review_screen, settle
from tests.functional.tui.synthetic import import_synthetic, synthetic_document
from tui.widgets.project_list import ProjectList, row_text

PARSER = Path(__file__).resolve().parents[3] / "parser"


def test_every_flag_the_parser_raises_is_classified_once() -> None:
    raised = {
        code
        for source in PARSER.glob("*.py")
        for code in re.findall(r'Flag\(\s*"([a-z_]+)"', source.read_text(encoding="utf-8"))
    }
    raised.add("truncated")  # raised through parser.truncation.TRUNCATED
    assert raised <= ATTENTION_FLAGS | INFORMATIONAL_FLAGS
    assert not ATTENTION_FLAGS & INFORMATIONAL_FLAGS


def test_only_flags_needing_attention_count() -> None:
    assert not needs_attention([])
    assert not needs_attention(["name_displaced", "values_differ"])
    assert needs_attention(["values_differ", "name_ambiguous"])
    assert needs_attention(["a_flag_added_later"])


async def test_list_marks_attention_flags_and_n_still_stops_at_every_unreviewed(
    databases: Databases, opened: list[Repository]
) -> None:
    document = synthetic_document("a.txt", UNITS, 4)
    codes = [("name_displaced", "values_differ"), ("missing_indicators",), (), ("name_displaced",)]
    projects = tuple(
        replace(project, flags=tuple(Flag(code, code) for code in codes[index % 4]))
        for index, project in enumerate(document.projects)
    )
    database = databases.new("flags")
    import_synthetic(database, [replace(document, projects=projects)])
    app = make_app(database, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ProjectList)
        marks = [listing.rows.row(index) for index in range(4)]
        assert [summary.needs_attention for summary in marks if summary] == [
            False, True, False, False
        ]
        assert [row_text(summary, 60)[1] for summary in marks if summary] == [" ", "*", " ", " "]
        shown = [listing.render_line(listing.line_of(row) or 0).text for row in range(4)]
        assert shown[1][1] == "*" and shown[0][1] == " " and shown[3][1] == " "
        await pilot.press("n")
        await settle(pilot)
        assert review_screen(app).cursor == 1  # every unreviewed project still needs review
    with Repository.open(database, "tester") as repository:
        rows = repository.list_projects(offset=0, limit=4)
        assert [row.has_parser_flags for row in rows] == [True, True, False, True]
