"""Text made safe and cell-width-aware for the terminal: controls shown, Chinese lined up."""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from store.text_safety import unsafe_characters

HIDDEN_MARK = "⍰"
"""What a character with no picture of its own (C1 control, bidi or zero-width mark) shows as."""

_PICTURES = {
    **{code: chr(0x2400 + code) for code in range(0x20)},  # ␀ … ␟, the control pictures
    0x7F: "␡",
    ord("\n"): "␤",
}
_IN_LINE = unsafe_characters(allowed="\t")
_IN_LINES = unsafe_characters(allowed="\t\n")


def _picture(match: re.Match[str]) -> str:
    """Return the one visible character that stands for an unsafe one."""
    return _PICTURES.get(ord(match.group()), HIDDEN_MARK)


def printable(text: str, *, multiline: bool = False) -> str:
    """Return text safe to print: each control or invisible character becomes one visible one.

    ESC shows as `␛`, other C0 controls and DEL as their control pictures, C1 controls, bidi
    overrides and zero-width characters as `⍰`, a tab as a space; newlines show as `␤` unless
    `multiline`. One character stays one character, so offsets into the text still hold.
    """
    text = text.replace("\t", " ")  # a tab is layout: one space keeps columns and offsets
    unsafe = _IN_LINES if multiline else _IN_LINE
    return text if unsafe.search(text) is None else unsafe.sub(_picture, text)


def data_text(text: str, style: str | Style = "") -> Text:
    """Return data (a name, a note, a file name) as a rich Text: never markup, shown `printable`."""
    return Text(printable(text), style=style, end="")


CUT_MARK = "⋯"
"""What ends a text cut to fit: one cell in every terminal. `…` is East Asian ambiguous, drawn
two cells wide where terminals draw those wide, which would push the columns after it."""


def fit_cells(text: str, width: int) -> str:
    """Return `text` made `printable`, cut or padded to exactly `width` cells (`⋯` when cut;
    a wide character is never split, the cut falls before it)."""
    if width <= 0:
        return ""
    text = printable(text)
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + CUT_MARK, width)
