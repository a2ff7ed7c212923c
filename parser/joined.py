"""Text of a table cell joined across line breaks, mapped back to document offsets for spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import itemgetter

from parser.model import FieldSpan, Span


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
        starts, pieces = self._starts, self.pieces
        index = bisect_right(starts, start) - 1
        if index + 1 == len(starts) or end <= starts[index + 1]:
            offset = pieces[index][0] - starts[index]
            return ((start + offset, end + offset),)
        result: list[Span] = []
        while index < len(pieces) and starts[index] < end:
            offset = starts[index]
            piece_start, piece_end = pieces[index]
            low = piece_start + (start - offset if start > offset else 0)
            high = min(piece_end, piece_start + end - offset)
            if high > low:
                result.append((low, high))
            index += 1
        return tuple(result)

    def fields(
        self, ranges: Sequence[tuple[str, int, int]]
    ) -> tuple[list[str], tuple[FieldSpan, ...]]:
        """Return each range's text trimmed, and the (name, start, end) pieces of them all.

        Ranges must come in text order.
        """
        text = self.text
        values: list[str] = []
        trimmed: list[Span] = []
        for _name, start, end in ranges:
            raw = text[start:end]
            value = raw.strip()
            values.append(value)
            if value is not raw and value:  # `strip` returns the very string if nothing is cut
                start += len(raw) - len(raw.lstrip())
            trimmed.append((start, start + len(value)))
        return values, self.spans_of([name for name, _start, _end in ranges], trimmed)

    def spans_of(
        self, names: Sequence[str], ranges: Sequence[Span]
    ) -> tuple[FieldSpan, ...]:
        """Return the (name, start, end) pieces of each trimmed range; empty ranges have none.

        Ranges must come in text order; one walk over the pieces serves them all. Most fields
        lie within one line, so that case costs one comparison and one shift.
        """
        starts, pieces = self._starts, self.pieces
        if not pieces or not ranges:
            return ()  # no text (so every range is empty) or no range
        into: list[FieldSpan] = []
        append = into.append
        last = len(pieces) - 1
        index = bisect_right(starts, ranges[0][0]) - 1
        shift = pieces[index][0] - starts[index]
        bound = starts[index + 1] if index < last else len(self.text)  # where the piece ends
        for name, (start, end) in zip(names, ranges, strict=True):
            if end <= start:
                continue
            if start >= bound:
                index = bisect_right(starts, start, index) - 1
                shift = pieces[index][0] - starts[index]
                bound = starts[index + 1] if index < last else len(self.text)
            if end <= bound:
                append((name, start + shift, end + shift))
            else:
                self._spread(name, start, end, index, into)
        return tuple(into)

    def _spread(
        self, name: str, start: int, end: int, index: int, into: list[FieldSpan]
    ) -> None:
        """Append the spans of a field that crosses line breaks, from piece `index` on."""
        starts, pieces = self._starts, self.pieces
        last = len(pieces) - 1
        while True:
            piece_start, piece_end = pieces[index]
            offset = starts[index]
            low = piece_start + (start - offset if start > offset else 0)
            high = min(piece_end, piece_start + end - offset)
            if high > low:
                into.append((name, low, high))
            if index == last or starts[index + 1] >= end:
                return
            index += 1

    def offset(self, index: int) -> int:
        """Return the document offset of joined character `index`."""
        piece = bisect_right(self._starts, index) - 1
        return self.pieces[piece][0] + index - self._starts[piece]

    def envelope(self, start: int, end: int) -> Span:
        """Return the smallest document span holding joined range [start, end)."""
        if end <= start:
            return (0, 0)
        return (self.offset(start), self.offset(end - 1) + 1)

    def trimmed(self, start: int, end: int) -> tuple[str, tuple[Span, ...]]:
        """Return joined[start:end] with surrounding white space removed, and its spans."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return text[start:end], self.spans(start, end)


def envelope(spans: Sequence[Span]) -> Span:
    """Return the smallest span containing all `spans` (or (0, 0) when there are none)."""
    if not spans:
        return (0, 0)
    return (min(spans)[0], max(map(itemgetter(1), spans)))  # the least span starts first
