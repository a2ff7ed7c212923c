"""Raw lines wider than the pane wrap into even rows, never a full row and a stub."""

from __future__ import annotations

from rich.cells import cell_len

from tui.widgets.raw_text import wrap_rows

TARGET_LINE = "通过支持发展第8.5代有机发光二极管显示器件生"
INDICATOR_LINE = (
    "1、1-产出指标；11-数量指标；支持发展第8.5代有机发光二极管显示器件企业数；实施周期指"
)


def row_cells(text: str, width: int) -> list[int]:
    """The width in cells of each row `text` wraps into."""
    return [cell_len(text[start:end]) for _, start, end in wrap_rows(text, width)]


def test_a_line_slightly_wider_than_the_pane_becomes_two_halves() -> None:
    cells = row_cells(TARGET_LINE, cell_len(TARGET_LINE) - 3)
    assert len(cells) == 2
    assert min(cells) >= max(cells) - 2


def test_rows_are_as_few_as_full_rows_and_never_wider_than_the_pane() -> None:
    for text in (TARGET_LINE, INDICATOR_LINE):
        for width in range(8, cell_len(text) + 2):
            cells = row_cells(text, width)
            assert all(cell <= width for cell in cells)
            assert len(cells) == len(row_cells_full(text, width))
            assert min(cells) * 2 >= max(cells) or len(cells) == 1


def row_cells_full(text: str, width: int) -> list[int]:
    """Rows when each is filled as far as it goes (the fallback for uneven wide characters)."""
    rows, cells = [0], 0
    for character in text:
        size = cell_len(character)
        if cells + size > width:
            rows.append(0)
            cells = 0
        cells += size
        rows[-1] = cells
    return rows
