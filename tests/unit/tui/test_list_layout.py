"""The project list's lines: unit headers where the unit changes, rows placed where asked."""

from __future__ import annotations

from store.views import ProjectSummary, Status
from tui.widgets.list_layout import ListLine, list_lines, top_for


def summaries(units: str, document_of: dict[int, int] | None = None) -> list[ProjectSummary]:
    """One project per letter of `units`; the letter is its unit."""
    return [
        ProjectSummary(
            index, f"k{index}", (document_of or {}).get(index, 1), unit, f"项目{index}",
            Status.UNREVIEWED, 1.0, False, False,
        )
        for index, unit in enumerate(units)
    ]


def layout(units: str, top: int, height: int, loaded: bool = True) -> list[str]:
    """Lines as `H<unit>` for a header and `<index>` for a row."""
    rows = summaries(units)
    lines = list_lines(top, height, len(rows), lambda i: rows[i] if loaded else None)
    return [f"H{rows[line.project].unit}" if line.header else str(line.project) for line in lines]


def test_the_first_line_names_the_unit_and_each_new_unit_gets_a_header() -> None:
    assert layout("AABBBC", 0, 10) == ["HA", "0", "1", "HB", "2", "3", "4", "HC", "5"]
    assert layout("AABBBC", 3, 10) == ["HB", "3", "4", "HC", "5"]


def test_a_header_is_never_the_last_line_without_its_row() -> None:
    assert layout("AABBBC", 0, 4) == ["HA", "0", "1"]
    assert layout("AABBBC", 0, 5) == ["HA", "0", "1", "HB", "2"]


def test_a_new_document_starts_a_group_even_with_the_same_unit() -> None:
    rows = summaries("AAA", {2: 2})
    lines = list_lines(0, 10, 3, rows.__getitem__)
    assert lines == [
        ListLine(0, True), ListLine(0, False), ListLine(1, False), ListLine(2, True),
        ListLine(2, False),
    ]


def test_rows_not_loaded_start_no_group() -> None:
    assert layout("AABB", 0, 10, loaded=False) == ["HA", "0", "1", "2", "3"]


def test_top_for_puts_the_row_on_the_wanted_line_counting_headers() -> None:
    rows = summaries("AABBBC")
    for index in range(6):
        for wanted in range(1, 8):
            top = top_for(index, wanted, rows.__getitem__)
            lines = list_lines(top, 20, 6, rows.__getitem__)
            line = lines.index(ListLine(index, False))
            assert line <= wanted
            assert top == 0 or line + 2 > wanted  # one more project above would pass the line
