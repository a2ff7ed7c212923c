"""Aligned text tables for the team commands, in terminal cells, data shown printable."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tui.cli.cells import cell_width, pad
from tui.widgets.text_cells import printable


def aligned(lines: Sequence[Sequence[str]], numbers_from: int) -> str:
    """Return lines of cells as columns: text left, columns from `numbers_from` on right."""
    cleaned = [[printable(cell) for cell in line] for line in lines]
    widths = [max(cell_width(line[column]) for line in cleaned)
              for column in range(len(cleaned[0]))]
    return "\n".join(
        "  ".join(
            pad(cell, width, right=column >= numbers_from)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in cleaned
    )


def local_minute(moment: datetime) -> str:
    """Return a time in this computer's time zone, to the minute (2024-05-06 10:02)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
