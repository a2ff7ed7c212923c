"""The review list's filters combine, search reaches indicators and raw text, facets count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.repository import Repository
from store.views import ListFilter, ListQuery, Order
from tests.helpers.acting import flag, verify

UNIT = "广州市无线电监测站"


@pytest.fixture
def repo(sample_url: str) -> Iterator[Repository]:
    """A fresh import of the sample."""
    with Repository.open(sample_url, "alice") as repository:
        yield repository


def _names(repo: Repository, query: ListQuery) -> list[str]:
    return [row.name for row in repo.list_projects(query, limit=100)]


def test_filters_combine_and_match_any_of_their_values(repo: Repository) -> None:
    in_unit = repo.project_ids(ListQuery(units=frozenset({UNIT})))
    assert len(in_unit) == 14
    verify(repo, in_unit[0])
    flag(repo, in_unit[1], "再看看")
    verified_here = ListQuery(status=ListFilter.VERIFIED, units=frozenset({UNIT}))
    assert repo.project_ids(verified_here) == [in_unit[0]]
    two_units = frozenset({UNIT, "广州市工业和信息化局"})
    assert repo.count_projects(ListQuery(units=two_units)) == 14 + 12
    ambiguous = repo.project_ids(ListQuery(flags=frozenset({"name_ambiguous"})))
    assert len(ambiguous) == 2 and set(ambiguous) <= set(in_unit)
    assert repo.project_ids(ListQuery(reviewer="alice")) == in_unit[:2]
    low = repo.project_ids(ListQuery(confidence=(0.0, 0.9)))
    assert set(low) == set(ambiguous)


def test_text_search_reaches_targets_indicator_names_and_raw_text(repo: Repository) -> None:
    assert _names(repo, ListQuery(text="购置车辆")) == ["购置经费"]  # in the target
    by_indicator = _names(repo, ListQuery(text="落户以来累计完成投资"))
    assert by_indicator and all("显示器件" in name for name in by_indicator)
    detail = repo.project(repo.project_ids()[0])
    printed_name = repo.document_text(detail.document_id)[slice(*detail.name_spans[0])]
    assert detail.id in repo.project_ids(ListQuery(text=printed_name[:6]))
    assert repo.count_projects(ListQuery(text="%_%")) == 0  # literal, not a wildcard


def test_order_by_confidence_puts_the_least_sure_first(repo: Repository) -> None:
    ordered = repo.list_projects(ListQuery(order=Order.CONFIDENCE), limit=100)
    confidences = [row.confidence for row in ordered]
    assert confidences == sorted(confidences) and confidences[0] < 0.9


def test_facets_count_the_listed_projects(repo: Repository) -> None:
    facets = repo.facets()
    assert {item.value: item.count for item in facets["status"]} == {"unreviewed": 34}
    assert sum(item.count for item in facets["unit"]) == 34
    assert {item.value for item in facets["flag"]} >= {"name_ambiguous", "name_displaced"}
    assert sum(item.count for item in facets["confidence"]) == 34
    narrowed = repo.facets(ListQuery(units=frozenset({UNIT})))
    assert [item.value for item in narrowed["unit"]] == [UNIT]


def test_value_facets_show_how_values_are_written(repo: Repository) -> None:
    facets = repo.value_facets()
    units = {item.value: item.count for item in facets["unit of measure"]}
    assert units["%"] > 0 and "个" in units
    forms = {item.value: item.count for item in facets["form"]}
    assert forms["number"] + forms["words"] == 2 * 168  # period and annual of every indicator
    assert {item.value for item in facets["comparison"]} <= {"≥", ">", "=", "≤", "<"}
    narrowed = repo.value_facets(ListQuery(units=frozenset({UNIT})))
    assert sum(item.count for item in narrowed["form"]) < 2 * 168
