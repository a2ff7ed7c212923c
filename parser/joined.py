"""Text of a table cell joined across line breaks, mapped back to document offsets for spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from parser.model import Span


class Joined:
    """A cell's line pieces glued together, so fields read as printed yet keep their real spans."""

    __slots__ = ("_starts", "pieces", "text")

    def __init__(self, source: str, pieces: Sequence[Span]) -> None:
        """Join the given (start, end) pieces of `source` in order."""
        self.pieces: tuple[Span, ...] = tuple(pieces)
        starts: list[int] = []
        parts: list[str] = []
        total = 0
        for start, end in self.pieces:
            starts.append(total)
            parts.append(source[start:end])
            total += end - start
        self._starts = starts
        self.text = "".join(parts)

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """Return the document spans covering joined range [start, end), one per touched line."""
        if end <= start:
            return ()
        result: list[Span] = []
        index = max(0, bisect_right(self._starts, start) - 1)
        while index < len(self.pieces) and self._starts[index] < end:
            piece_start, piece_end = self.pieces[index]
            offset = self._starts[index]
            low = max(start, offset) - offset + piece_start
            high = min(end, offset + piece_end - piece_start) - offset + piece_start
            if high > low:
                result.append((low, high))
            index += 1
        return tuple(result)

    def trimmed(self, start: int, end: int) -> tuple[str, tuple[Span, ...]]:
        """Return joined[start:end] with surrounding white space removed, and its spans."""
        raw = self.text[start:end]
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        return raw.strip(), self.spans(start + left, start + right)


def envelope(spans: Sequence[Span]) -> Span:
    """Return the smallest span containing all `spans` (or (0, 0) when there are none)."""
    if not spans:
        return (0, 0)
    return (min(span[0] for span in spans), max(span[1] for span in spans))
