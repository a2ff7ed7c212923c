"""A terminal that keeps what the app wrote to it, to compare with what the app means to show.

Textual repaints only the regions it believes changed; a region it forgets stays on the
reviewer's terminal as it was. Tests feed every update the app sends into this grid (cursor moves
and text; colours are ignored) and compare it with a full render of the app's current state.
"""

from __future__ import annotations

import io
import re
from typing import Any

from rich.cells import get_character_cell_size
from rich.console import Console
from textual._compositor import CompositorUpdate, LayoutUpdate
from textual.app import App
from textual.geometry import Region

_SEQUENCE = re.compile(r"\x1b\[([0-9;?<>=]*)([A-Za-z])|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
_RIGHT_HALF = ""
"""Marks the cell covered by the right half of a wide character."""


class Terminal:
    """A grid of cells written like a terminal does: a wide character takes two cells, and
    writing over either half of one blanks the other half."""

    def __init__(self, width: int, height: int) -> None:
        """An empty screen of `width` × `height` cells."""
        self.width, self.height = width, height
        self.cells = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def feed(self, data: str) -> None:
        """Apply text and cursor moves (`ESC[row;colH`); other sequences change no cell."""
        position = 0
        for match in _SEQUENCE.finditer(data):
            self._write(data[position : match.start()])
            position = match.end()
            if match.group(2) == "H":
                row, _, column = (match.group(1) or "1;1").partition(";")
                self.y, self.x = int(row or 1) - 1, int(column or 1) - 1
        self._write(data[position:])

    def lines(self) -> list[str]:
        """The screen's text, one string a row (a wide character counted once)."""
        return ["".join(row) for row in self.cells]

    def text(self) -> str:
        """The whole screen as one string."""
        return "\n".join(self.lines())

    def region_lines(self, region: Region) -> list[str]:
        """The text of the cells inside `region`, one string a row."""
        rows = self.cells[region.y : region.bottom]
        return ["".join(row[region.x : region.right]) for row in rows]

    def _write(self, text: str) -> None:
        """Put characters at the cursor, moving it on."""
        for character in text:
            if character == "\n":
                self.x, self.y = 0, self.y + 1
                continue
            size = get_character_cell_size(character)
            if size == 0 or self.y >= self.height or self.x + size > self.width:
                continue
            self._clear_cell(self.x)
            if size == 2:
                self._clear_cell(self.x + 1)
                self.cells[self.y][self.x + 1] = _RIGHT_HALF
            self.cells[self.y][self.x] = character
            self.x += size

    def _clear_cell(self, x: int) -> None:
        """Blank the cell at `x`, and the other half of a wide character it belongs to."""
        row = self.cells[self.y]
        if row[x] == _RIGHT_HALF:
            row[x - 1] = " "
        elif x + 1 < self.width and row[x + 1] == _RIGHT_HALF:
            row[x + 1] = " "
        row[x] = " "


def _console(width: int, height: int) -> Console:
    """A console like the app's driver uses, writing nowhere."""
    return Console(
        file=io.StringIO(),
        width=width,
        height=height,
        force_terminal=True,
        color_system="truecolor",
    )


def attach_terminal(app: App[Any], width: int, height: int) -> Terminal:
    """Record every screen update `app` sends from now on into a new `Terminal`."""
    terminal = Terminal(width, height)
    console = _console(width, height)
    display = app._display

    def recording_display(screen: Any, renderable: Any) -> None:
        if isinstance(renderable, CompositorUpdate) and not app._batch_count:
            terminal.feed(renderable.render_segments(console))
        display(screen, renderable)

    app._display = recording_display  # type: ignore[method-assign]
    return terminal


def fresh_render(app: App[Any]) -> Terminal:
    """What the terminal would show if the app repainted the whole screen now."""
    width, height = app.size
    strips = app.screen._compositor.render_strips()
    terminal = Terminal(width, height)
    update = LayoutUpdate([[strip] for strip in strips], Region(0, 0, width, height))
    terminal.feed(update.render_segments(_console(width, height)))
    return terminal


def stale_lines(app: App[Any], terminal: Terminal) -> list[tuple[int, str, str]]:
    """(row, on the terminal, what the app shows now) for each row that differs."""
    fresh = fresh_render(app).lines()
    return [
        (row, drawn, wanted)
        for row, (drawn, wanted) in enumerate(zip(terminal.lines(), fresh, strict=True))
        if drawn != wanted
    ]
