"""Keeps Chinese characters whole where an overlay (a toast, a dialog) crosses a pane's edge.

Textual's compositor cuts every screen line at every widget edge and paints the pieces one by
one; a two-cell character across such a cut is replaced by two spaces, so a toast over a pane
border showed “广  市” for “广州市” (Textual issue 6357, open for 8.2.8). Here a widget's line is
cut only where another widget really takes over: consecutive pieces the same widget wins are
painted as one, and a partial repaint never ends inside a character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from rich.cells import get_character_cell_size
from rich.console import Console
from rich.control import Control
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

Chops = list[dict[int, Strip | None]]

TEXTUAL_RENDER_CHOPS = Compositor._render_chops
"""Textual's own step, kept so tests can check both paint the same where nothing overlaps."""

_COVERED = Strip([], 0)
"""A piece painted as part of the run before it: claimed, so no widget below paints it."""


def free_runs(
    line: Mapping[int, Strip | None], cuts: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of consecutive pieces between `cuts` that no widget claimed yet."""
    start: int | None = None
    for left in cuts[:-1]:
        if line.get(left) is None:
            start = left if start is None else start
            continue
        if start is not None:
            yield start, left
            start = None
    if start is not None and len(cuts) > 1:
        yield start, cuts[-1]


def render_chops(
    compositor: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip | None]]:
    """Fill each line's pieces front to back; a widget's run of free pieces is one strip."""
    cuts = compositor.cuts
    chops: Chops = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in compositor._get_renders(crop):
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            widget_cuts = [cut for cut in cuts[y] if first_cut <= cut <= last_cut]
            for start, end in list(free_runs(line, widget_cuts)):
                line[start] = strip.crop(start - render_x, end - render_x)
                for cut in widget_cuts:
                    if start < cut < end:
                        line[cut] = _COVERED
    return chops


def _whole_characters(strip: Strip, start: int, end: int) -> tuple[int, int]:
    """Widen the cell range `start..end` of `strip` so it does not end inside a wide character."""
    position = 0
    for segment in strip:
        for character in segment.text:
            size = get_character_cell_size(character)
            if position < start < position + size:
                start = position
            if position < end < position + size:
                return start, position + size
            position += size
            if position >= end:
                return start, end
    return start, end


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges joined, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def render_segments(update: ChopsUpdate, console: Console) -> str:
    """Terminal output for the dirty spans: the pieces between cuts they touch, as Textual paints
    them, except that a piece never starts or ends inside a wide character."""
    sequences: list[str] = []
    lines: dict[int, list[tuple[int, int]]] = {}
    for y, x1, x2 in update.spans:
        lines.setdefault(y, []).append((x1, x2))
    for y, spans in lines.items():
        line = update.chops[y]
        cuts = [*line, update.chop_ends[y][-1]]
        wanted = [
            (cuts[bisect_right(cuts, x1) - 1], cuts[bisect_left(cuts, x2)]) for x1, x2 in spans
        ]
        for x, strip in line.items():
            if not strip:
                continue
            end = x + strip.cell_length
            touched = [(max(x, left), min(end, right)) for left, right in wanted]
            for left, right in _merged([(a, b) for a, b in touched if a < b]):
                start, stop = _whole_characters(strip, left - x, right - x)
                sequences.append(Control.move_to(x + start, y).segment.text)
                sequences.append(strip.crop(start, stop).render(console))
    return "".join(sequences)


def keep_wide_characters_whole() -> None:
    """Replace the two compositor steps that split wide characters (idempotent)."""
    compositor: Any = Compositor
    update: Any = ChopsUpdate
    compositor._render_chops = render_chops
    update.render_segments = render_segments
