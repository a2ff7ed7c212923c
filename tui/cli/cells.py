"""Terminal cells for the command line: Chinese characters take two, so text is measured in cells.

Python's `len` and `textwrap` count characters, which makes a Chinese line twice as wide as they
think; these helpers measure, pad and wrap by the cells a terminal draws, counted by Rich as the
app's widgets count them. East Asian ambiguous characters (“ ” — …) count as one cell, as most
terminals draw them.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.cells import cell_len, get_character_cell_size

_NO_BREAK_BEFORE = frozenset("，。、；：！？）」』》】”’…,.;:!?)]")
"""Closing punctuation stays on the line of the character before it."""

_NO_BREAK_AFTER = frozenset("（「『《【“‘([")
"""Opening punctuation stays on the line of the character after it."""


def char_cells(char: str) -> int:
    """Return how many cells one character takes (as the app's widgets count them)."""
    return get_character_cell_size(char)


def cell_width(text: str) -> int:
    """Return how many terminal cells `text` takes."""
    return cell_len(text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad `text` with spaces to `width` cells, on the left when `right` aligns it right."""
    space = " " * max(width - cell_width(text), 0)
    return space + text if right else text + space


def _breakable(before: str, after: str) -> bool:
    """Tell whether a line may break between two characters with no space between them."""
    wide = char_cells(before) == 2 or char_cells(after) == 2
    return wide and after not in _NO_BREAK_BEFORE and before not in _NO_BREAK_AFTER


def _words(chunk: str) -> Iterator[str]:
    """Yield the unbreakable pieces of a text without spaces (CJK breaks between characters)."""
    start = 0
    for index in range(1, len(chunk)):
        if _breakable(chunk[index - 1], chunk[index]):
            yield chunk[start:index]
            start = index
    yield chunk[start:]


def _split_long(word: str, width: int) -> Iterator[str]:
    """Yield pieces of a word wider than a line, each at most `width` cells."""
    piece, used = "", 0
    for char in word:
        cells = char_cells(char)
        if piece and used + cells > width:
            yield piece
            piece, used = "", 0
        piece, used = piece + char, used + cells
    if piece:
        yield piece


def wrap(text: str, width: int) -> list[str]:
    """Return `text` as lines of at most `width` cells, breaking at spaces or between CJK."""
    lines: list[str] = []
    line, used = "", 0
    for chunk in text.split():
        for index, word in enumerate(_words(chunk)):
            gap = 1 if index == 0 and line else 0
            for piece in _split_long(word, width) if cell_width(word) > width else [word]:
                cells = cell_width(piece)
                if line and used + gap + cells > width:
                    lines.append(line)
                    line, used, gap = "", 0, 0
                line, used, gap = line + " " * gap + piece, used + gap + cells, 0
    if line:
        lines.append(line)
    return lines
