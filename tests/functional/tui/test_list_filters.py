"""The list's filters from the app's keys: facets (g), value forms (G), the search as you type
(\\), the order (o), clearing (c), and bulk verify (V) of what the filter shows, checked against
what the store lists and holds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from store.repository import Repository
from store.views import ListFilter, ListQuery, Order, Status
from tests.functional.tui.conftest import SIZE, UNITS, make_app, read, review_screen, settle
from tests.functional.tui.test_key_bar import bottom_line
from tui.app import ReviewApp
from tui.screens.bulk_verify_screen import BulkVerifyScreen
from tui.screens.facet_list import ACTIVE_MARK, count_line
from tui.screens.facet_screen import FacetScreen
from tui.screens.value_facet_screen import ValueFacetScreen, value_label
from tui.widgets.list_search import SETTLE_S, ListSearch
from tui.widgets.review_header import ReviewHeader


async def choose_facet(pilot: Pilot[None], app: ReviewApp, facet: str, value: str) -> None:
    """Open the facets (g), move to the value of `facet` and press Enter."""
    await pilot.press("g")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, FacetScreen)
    assert screen.shown_ms is not None
    index = next(i for i, row in enumerate(screen.rows) if (row.facet, row.value) == (facet, value))
    values = screen.query_one(OptionList)
    values.highlighted = values.get_option_index(str(index))
    await pilot.press("enter")
    await settle(pilot)


def status(app: ReviewApp) -> ListFilter:
    """The list's status filter now."""
    return review_screen(app).list_query.status


def header(app: ReviewApp) -> str:
    """The header line as drawn."""
    return str(review_screen(app).query_one(ReviewHeader).render())


async def test_facet_values_combine_into_the_list_and_c_clears_them(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        store = opened[0]
        await choose_facet(pilot, app, "unit", UNITS[1])
        by_unit = ListQuery(units=frozenset({UNITS[1]}))
        assert screen.rows.ids == store.project_ids(by_unit)
        assert UNITS[1] in header(app)
        await choose_facet(pilot, app, "flag", "name_uncertain")
        both = replace(by_unit, flags=frozenset({"name_uncertain"}))
        assert screen.rows.ids == store.project_ids(both) != store.project_ids(by_unit)
        await choose_facet(pilot, app, "status", ListFilter.NEEDS_REVIEW.value)
        assert status(app) is ListFilter.NEEDS_REVIEW
        await pilot.press("F")  # the status cycles; the facet filters stay
        await settle(pilot)
        assert status(app) is ListFilter.FLAGGED
        assert screen.list_query.units == by_unit.units
        assert screen.rows.ids == []
        await pilot.press("c")
        await settle(pilot)
        assert screen.list_query == ListQuery()
        assert screen.rows.ids == store.project_ids()
        assert UNITS[1] not in header(app)


async def test_choosing_an_active_facet_value_again_takes_it_away(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_facet(pilot, app, "confidence", repr((0.5, 0.8)))
        assert review_screen(app).list_query.confidence == (0.5, 0.8)
        await pilot.press("g")
        await settle(pilot)
        facets = app.screen
        assert isinstance(facets, FacetScreen)
        values = facets.query_one(OptionList)
        doubtful = next(i for i, row in enumerate(facets.rows) if row.value == repr((0.0, 0.5)))
        assert facets.rows[doubtful].count == 0  # nothing to filter to: not choosable
        assert values.get_option(str(doubtful)).disabled
        active = [row for row in facets.rows if row.active]
        assert [(row.facet, row.value) for row in active] == [("confidence", repr((0.5, 0.8)))]
        counted = {row.value: row.count for row in facets.rows if row.facet == "unit"}
        band = ListQuery(confidence=(0.5, 0.8))
        assert counted == {
            unit: opened[0].count_projects(replace(band, units=frozenset({unit})))
            for unit in UNITS
        }
        assert 0 < sum(counted.values()) < opened[0].count_projects()
        await pilot.press("escape")
        await settle(pilot)
        await choose_facet(pilot, app, "confidence", repr((0.5, 0.8)))
        assert review_screen(app).list_query == ListQuery()


async def test_value_forms_count_what_the_store_counts(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ValueFacetScreen)
        expected = opened[0].value_facets()
        assert [row for row in screen.rows] == [
            item for facet in ("unit of measure", "comparison", "form") for item in expected[facet]
        ]
        lines = [str(screen.query_one(OptionList).get_option_at_index(i).prompt)
                 for i in range(screen.query_one(OptionList).option_count)]
        shown = [(item.count, value_label(facet, item.value))
                 for facet in ("unit of measure", "comparison", "form") for item in expected[facet]]
        assert shown and all(
            any(line.split() == [f"{count:,}", *label.split()] for line in lines)
            for count, label in shown
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is review_screen(app)


async def test_typing_narrows_the_list_enter_keeps_and_escape_clears(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        everything = opened[0].project_ids()
        await pilot.press("backslash")
        assert screen.query_one(ListSearch).has_focus
        await pilot.press(*"任务1-2", "j")  # j is typed, not a move
        await pilot.pause(SETTLE_S + 0.1)
        await settle(pilot)
        typed = ListQuery(text="任务1-2j")
        assert screen.rows.ids == opened[0].project_ids(typed) == []
        await pilot.press("backspace")
        await pilot.pause(SETTLE_S + 0.1)
        await settle(pilot)
        wanted = opened[0].project_ids(ListQuery(text="任务1-2"))
        assert screen.rows.ids == wanted and 0 < len(wanted) < len(everything)
        await pilot.press("enter")
        await settle(pilot)
        assert not screen.query_one(ListSearch).display
        assert screen.list_query.text == "任务1-2" and screen.rows.ids == wanted
        await pilot.press("backslash", "escape")
        await settle(pilot)
        assert screen.list_query.text == "" and screen.rows.ids == everything


async def test_o_orders_the_list_least_sure_first_and_back(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(app)
        await pilot.press("o")
        await settle(pilot)
        by_confidence = opened[0].project_ids(ListQuery(order=Order.CONFIDENCE))
        assert screen.rows.ids == by_confidence != opened[0].project_ids()
        assert screen.selected_id() == by_confidence[0]  # the least sure, to start with
        await pilot.press("j", "j")
        await settle(pilot)
        kept = screen.selected_id()
        await pilot.press("o")
        await settle(pilot)
        assert screen.rows.ids == opened[0].project_ids() and screen.selected_id() == kept


async def test_bulk_verify_of_the_filtered_list_is_one_action_one_u_undoes_it(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_facet(pilot, app, "unit", UNITS[0])
        unit_query = ListQuery(units=frozenset({UNITS[0]}))
        await pilot.press("V")
        await settle(pilot)
        question = app.screen
        assert isinstance(question, BulkVerifyScreen)
        listed = opened[0].list_projects(unit_query, 0, 100)
        attention = sum(1 for row in listed if row.needs_attention)
        assert (question.plain, question.flagged) == (len(listed) - attention, attention)
        assert attention > 0
        await pilot.press("y")
        await settle(pilot)
        with read(synthetic_db) as store:
            rows = store.list_projects(unit_query, 0, 100)
            verified = [row for row in rows if row.status is Status.VERIFIED]
            assert len(verified) == len(listed) - attention
            assert not any(row.needs_attention for row in verified)
            others = store.list_projects(ListQuery(units=frozenset({UNITS[1]})), 0, 100)
            assert not any(row.status is Status.VERIFIED for row in others)
            assert [entry.action for entry in store.history()] == ["bulk_verify"]
        await pilot.press("u")
        await settle(pilot)
        with read(synthetic_db) as store:
            rows = store.list_projects(unit_query, 0, 100)
            assert not any(row.status is Status.VERIFIED for row in rows)


async def test_bulk_verify_includes_the_flagged_only_when_asked_and_escape_changes_nothing(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        with read(synthetic_db) as store:
            assert store.history() == []
        await pilot.press("V")
        await settle(pilot)
        await pilot.press("i", "enter")
        await settle(pilot)
        with read(synthetic_db) as store:
            assert store.count_projects(ListQuery(status=ListFilter.NEEDS_REVIEW)) == 0
            assert len(store.history()) == 1


def test_a_counted_value_is_drawn_as_plain_text_never_markup() -> None:
    line = count_line(1234, "[b]单位[/b]\x1b", active=True, count_cells=6)
    assert line.plain.startswith(" 1,234  [b]单位[/b]")
    assert "\x1b" not in line.plain and line.plain.endswith(ACTIVE_MARK)


async def test_while_typing_a_search_the_footer_names_no_key_that_would_be_typed(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "/ Search" in bottom_line(app)
        await pilot.press("backslash")
        await settle(pilot)
        line = bottom_line(app)
        assert "esc Clear" in line and "^r Redo" in line
        assert "/ Search" not in line and "v Verify" not in line


async def test_reopening_shows_the_filtered_ordered_list_it_left_but_no_old_search(
    synthetic_db: Path, opened: list[Repository]
) -> None:
    app = make_app(synthetic_db, opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await choose_facet(pilot, app, "unit", UNITS[1])
        await pilot.press("o", "j")
        await settle(pilot)
        await pilot.press("backslash", *"任务", "enter")
        await settle(pilot)
        left = review_screen(app).list_query
        assert left.text == "任务" and left.order is Order.CONFIDENCE
        chosen = review_screen(app).selected_id()
        await pilot.press("q")
    again = make_app(synthetic_db, opened)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review_screen(again)
        expected = replace(left, text="")
        assert screen.list_query == expected
        assert screen.rows.ids == opened[-1].project_ids(expected)
        assert screen.selected_id() == chosen
        assert UNITS[1] in header(again)
