"""Cell-width-aware text fitting, so Chinese (two-cell) characters line up in fixed columns."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

_CONTROL_CHARACTERS = {ord("\t"): " ", ord("\r"): " ", ord("\x0b"): " ", ord("\x0c"): " "}


def printable(text: str) -> str:
    """Replace tabs and other layout controls by one space each, so offsets still map one to one."""
    return text.translate(_CONTROL_CHARACTERS)


def fit_cells(text: str, width: int) -> str:
    """Return `text` cut or padded to exactly `width` cells, ending in `…` when it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)
