"""Pure helpers of the app: paging, review order, wrapping and scrolling of the raw text."""

from __future__ import annotations

from rich.cells import cell_len

from store.errors import RefusedError, StaleEditError, VerifiedLockedError
from tui.messages import failure_title
from tui.paging import BoundedCache, ProjectRows, next_needing_review
from tui.widgets.raw_text import scroll_target, wrap_rows
from tui.widgets.text_cells import fit_cells


def test_pages_are_requested_once_and_rows_come_from_them() -> None:
    rows = ProjectRows(list(range(100, 600)), page_size=100)
    assert rows.wanted_pages(150, 260) == [1, 2]
    assert rows.wanted_pages(150, 260) == []
    assert rows.row(150) is None
    assert rows.index_of(345) == 245 and rows.index_of(7) is None


def test_bounded_cache_forgets_the_least_recently_used() -> None:
    cache: BoundedCache[int, str] = BoundedCache(2)
    cache.put(1, "a")
    cache.put(2, "b")
    cache.get(1)
    cache.put(3, "c")
    assert cache.keys() == {1, 3}


def test_next_needing_review_wraps_and_skips() -> None:
    ids = [10, 11, 12, 13]
    assert next_needing_review(ids, 1, {10, 13}) == 3
    assert next_needing_review(ids, 3, {10, 13}) == 0
    assert next_needing_review(ids, 0, {10}, skip=10) is None


def test_wrapping_keeps_every_character_and_never_exceeds_the_width() -> None:
    indicator = "1、1-产出指标；11-数量指标；支持发展第8.5代有机发光二极管显示器件企业数"
    text = f"部门名称：测试\n\n{indicator}\n\n"
    rows = wrap_rows(text, 21)
    assert "".join(text[start:end] for _, start, end in rows) == text.replace("\n", "")
    assert all(cell_len(text[start:end]) <= 21 for _, start, end in rows)
    assert {line for line, _, _ in rows} == {0, 2}


def test_scroll_shows_block_and_far_name_when_they_fit() -> None:
    top = scroll_target(0, 20, (50, 55), [62])
    assert top <= 50 and top + 20 > 62
    assert scroll_target(0, 20, (50, 55), [200]) <= 50
    assert scroll_target(45, 20, (50, 55), [60]) == 45


def test_fit_cells_counts_chinese_as_two_cells() -> None:
    assert cell_len(fit_cells("购置经费", 5)) == 5
    assert fit_cells("购置经费", 5).startswith("购置⋯")
    assert fit_cells("ab", 4) == "ab  "


def test_refusals_are_titled_by_what_was_refused() -> None:
    assert failure_title(StaleEditError("项目", "bob")) == "Changed by someone else"
    assert failure_title(VerifiedLockedError("项目", "bob", None)) == "Verified — reopen it first"
    assert failure_title(RefusedError("x")) == "Refused"
