"""Print projects the way the PDF-to-text extraction does: wrapped, displaced, paged."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from docgen.content import TruthDocument, TruthProject

TITLE = "项目支出绩效目标表（含转移支付项目）"
HEADER_TARGETS = "绩效目标 绩效指标"
HEADER_NAMES = "项目名称（资金使用单位）"
PAGE_HEADER = HEADER_TARGETS + HEADER_NAMES
PATTERNS = ("before", "after", "pair_swap", "shift2")
_PATTERN_WEIGHTS = (25, 25, 30, 20)


@dataclass(frozen=True)
class Layout:
    """One document's printing choices: column widths, spacing, paging and name displacement."""

    target_width: int
    indicator_width: int
    name_width: int
    blank_lines: bool
    missing_blank_rate: float
    pattern: str
    jitter: float
    page_lines: int
    mid_block_break: float
    unit_new_page: float
    trailing_tab_rate: float

    @staticmethod
    def draw(rng: random.Random) -> Layout:
        """Draw a layout as one layout engine would apply it to every page of a document."""
        name_width = rng.randint(20, 28)  # the name column is the narrowest, as in the sample
        return Layout(
            target_width=rng.randint(max(34, name_width + 10), 48),
            indicator_width=rng.randint(68, 96),
            name_width=name_width,
            blank_lines=rng.random() < 0.85,
            missing_blank_rate=rng.choice((0.0, 0.005, 0.02)),
            pattern=rng.choices(PATTERNS, weights=_PATTERN_WEIGHTS)[0],
            jitter=rng.choice((0.0, 0.0, 0.03, 0.08)),
            page_lines=rng.randint(70, 110),
            mid_block_break=rng.choice((0.0, 0.1, 0.3)),
            unit_new_page=rng.choice((0.5, 0.9)),
            trailing_tab_rate=rng.choice((0.0, 0.05)),
        )


def cell_width(char: str) -> int:
    """Return how many columns a character takes in the PDF layout (CJK two, Latin one)."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` columns anywhere, never next to a space."""
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for char in text:
        size = cell_width(char)
        if current and used + size > width:
            lines.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += size
    lines.append("".join(current))
    return _keep_spaces_inside(lines)


def _keep_spaces_inside(lines: list[str]) -> list[str]:
    """Move characters down so no line starts or ends with white space (it would be trimmed)."""
    for index in range(len(lines) - 1):
        while len(lines[index]) > 1 and (
            lines[index][-1].isspace() or lines[index + 1][0].isspace()
        ):
            lines[index + 1] = lines[index][-1] + lines[index + 1]
            lines[index] = lines[index][:-1]
    return [line for line in lines if line]


def name_gaps(rng: random.Random, layout: Layout, count: int) -> list[int]:
    """Return, for each block's name, the gap it is printed in (gap g is just before block g)."""
    gaps = []
    for index in range(count):
        if layout.pattern == "before":
            gap = index
        elif layout.pattern == "after":
            gap = index + 1
        elif layout.pattern == "pair_swap":
            gap = index + 2 if index % 2 == 0 and index + 1 < count else index
        else:
            gap = index + 2
        if rng.random() < layout.jitter:
            gap += rng.choice((-1, 1))
        gaps.append(min(max(gap, 0), count))
    return gaps


def name_lines(name: str, width: int) -> list[str]:
    """Print a name: the first line indented by four spaces, continuation lines flush left."""
    pieces = wrap(name, width)
    return ["    " + pieces[0], *pieces[1:]]


def block_lines(rng: random.Random, layout: Layout, project: TruthProject) -> list[str]:
    """Print a target paragraph and then the project's indicators as one wrapped stream."""
    target = wrap(project.target, layout.target_width)
    if rng.random() < layout.trailing_tab_rate:
        target[-1] += "\t" * rng.randint(1, 4)
    indicators = wrap("".join(item.raw for item in project.indicators), layout.indicator_width)
    return target + indicators


def unit_items(
    rng: random.Random, layout: Layout, projects: tuple[TruthProject, ...]
) -> list[tuple[str, list[str]]]:
    """Return a unit's printed items in reading order: ("name"|"block", lines)."""
    gaps = name_gaps(rng, layout, len(projects))
    items: list[tuple[str, list[str]]] = []
    for gap in range(len(projects) + 1):
        for index, name_gap in enumerate(gaps):
            if name_gap == gap:
                items.append(("name", name_lines(projects[index].name, layout.name_width)))
        if gap < len(projects):
            items.append(("block", block_lines(rng, layout, projects[gap])))
    return items


def truth_layout(document: TruthDocument) -> list[TruthProject]:
    """Return the projects in printing order, as the parser should list them."""
    return [project for _unit, projects in document.units for project in projects]
