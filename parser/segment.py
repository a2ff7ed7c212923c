"""Group classified lines into units, name lines and target+indicator blocks, in reading order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parser.heads import heads_after_stops
from parser.lines import (
    DEPARTMENT,
    DEPARTMENT_LINE,
    FIRST_INDICATOR_LINE,
    NAME_LINE,
    NOISE_LINE,
    TEXT_LINE,
    Kind,
    Line,
    display_width,
)
from parser.model import Span

# Endings of an organisation's name (资金使用单位): rules of the language, not names of the sample.
_UNIT_SUFFIX = re.compile(
    r"(?:中心|站|局|院|所|办|办公室|委|委员会|会|处|厅|室|队|馆|校|部|司|社|团|园|场|台|库|署|科|组)$"
)
_UNIT_FORBIDDEN = re.compile(r"[，。；：:、,.;!?！？\d\sA-Za-z%％]")
# Tolerance for name continuation lines: proportional fonts make some lines wider than measured.
_NAME_WIDTH_SLACK = 1.2
# A line counts as full when it is this many columns short of the widest name line at most.
_FULL_LINE_SLACK = 3
# A line wrapped at the name column is at most one column short of it (one wide character
# did not fit).
_WRAPPED_SLACK = 1
# A full target line is at most one wide character short of the widest one (wrapping leaves
# less than a character free), so a unit header must be narrower than that.
_FULL_TARGET_SLACK = 2
# An indicator head as far as a segment needs it (`12、1-`), where it starts a cell or follows `。`.
_HEAD = re.compile(r"\s*\d+\s*、\s*\d+\s*-")
_ANNUAL = re.compile(r"年度指标值\s*[:：]")
_LINE_HEAD = re.compile(r"(\d+)\s*、\s*\d")
# How far back a head (`。12、1-`) can begin before the line it completes on.
_HEAD_REACH = 16

_OPENERS = "（(“‘《【["
_CLOSERS = "）)”’》】]"


@dataclass(slots=True)
class Block:
    """A target cell and the indicator cell printed after it (line pieces, in order)."""

    target: list[Span] = field(default_factory=list)
    indicators: list[Span] = field(default_factory=list)
    indicator_text: str = ""
    head_count: int = 0
    last_head_end: int = 0
    ends_with_full_stop: bool = False

    def add_indicator_text(self, content: str) -> None:
        """Append a line to the indicator cell, counting indicator heads as they complete."""
        seen = len(self.indicator_text)
        self.indicator_text += content
        stripped = content.rstrip()
        if stripped:
            self.ends_with_full_stop = stripped[-1] == "。"
        start = max(self.last_head_end, seen - _HEAD_REACH)
        for head in heads_after_stops(_HEAD, self.indicator_text, start):
            if head.end() > seen:
                self.head_count += 1
                self.last_head_end = head.end()

    def indicators_complete(self) -> bool:
        """Tell whether the cell so far ends at the end of an indicator.

        That is: it ends with `。`, and after the last indicator head there is a `年度指标值:`, so
        a `。` inside an indicator name (`…企业。实施周期指标值`) does not end the cell.
        """
        if not self.ends_with_full_stop:
            return False
        return _ANNUAL.search(self.indicator_text, self.last_head_end) is not None


@dataclass(slots=True)
class NamePieces:
    """A project name's line pieces: the indented first line plus continuation lines."""

    pieces: list[Span] = field(default_factory=list)
    text: str = ""


@dataclass(slots=True)
class UnitHeader:
    """A unit (资金使用单位) header line."""

    name: str
    span: Span


Event = Block | NamePieces | UnitHeader


@dataclass
class Segmented:
    """The document cut into events, plus the lines that are noise or the department line."""

    department: str = ""
    department_spans: list[Span] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    noise: list[Span] = field(default_factory=list)
    inner_target_lines: list[str] = field(default_factory=list)
    """Target lines followed by more target text: each as wide as the target column allows."""

    def full_target_width(self) -> int:
        """Return the width of a full target line (0 when no target wraps)."""
        return widest(self.inner_target_lines)


def widest(lines: Sequence[str]) -> int:
    """Return the largest display width among `lines` (0 for none), measuring few of them.

    A line is at most twice as wide as it is long, so once the lines left are that short,
    none of them can be wider than the widest found.
    """
    best = 0
    for line in sorted(lines, key=len, reverse=True):
        if 2 * len(line) <= best:
            break
        best = max(best, display_width(line))
    return best


def looks_like_unit(content: str) -> bool:
    """Tell whether a line reads as an organisation's name: short, unpunctuated, with its suffix."""
    text = content.strip()
    return (
        4 <= len(text) <= 40
        and not _UNIT_FORBIDDEN.search(text)
        and _UNIT_SUFFIX.search(text) is not None
    )


def _unbalanced(text: str) -> bool:
    """Tell whether a name so far leaves a bracket or quote open, so it must go on."""
    depth = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
    return depth > 0


class _Segmenter:
    """A small state machine over the lines; one method per state keeps each rule readable."""

    def __init__(self, lines: Sequence[Line], full_target_width: int = 0) -> None:
        """Start in the free state; the name column's width comes from the indented lines."""
        self.lines = lines
        self.full_target_width = full_target_width
        self.last_target_line = ""
        self.result = Segmented()
        self.name_width = widest([line.content for line in lines if line.kind is NAME_LINE])
        self.state = "free"
        self.name: NamePieces | None = None
        self.name_last_line = ""
        self.block: Block | None = None
        self.previous_noise = False

    def next_kind(self, index: int) -> Kind | None:
        """Return the kind of the next line after `index` that is not noise."""
        following = self.next_line(index)
        return None if following is None else following.kind

    def next_line(self, index: int) -> Line | None:
        """Return the next line after `index` that is not noise."""
        for position in range(index + 1, len(self.lines)):
            line = self.lines[position]
            if line.kind is not NOISE_LINE:
                return line
        return None

    def run(self) -> Segmented:
        """Walk every line once and return the events."""
        for index, line in enumerate(self.lines):
            if line.kind is NOISE_LINE:
                self.result.noise.append(line.span)
                self.previous_noise = True
                continue
            if line.kind is DEPARTMENT_LINE:
                self._department(line)
            elif self.state == "indicators" and self._continues_indicators(line):
                self._add_indicator_line(line)
            elif self.state == "name" and self._continues_name(index, line):
                assert self.name is not None
                self.name.pieces.append(line.span)
                self.name.text += line.content
                self.name_last_line = line.content
            elif self.state == "target" and line.kind is TEXT_LINE:
                assert self.block is not None
                self.block.target.append(line.span)
                self._note_target_width(line)
            else:
                self._free(index, line)
            self.previous_noise = False
        return self.result

    def _department(self, line: Line) -> None:
        """Take the department's name from the first `部门名称：` line; every such line is noise."""
        match = DEPARTMENT.match(line.content)
        if match and not self.result.department:
            self.result.department = match.group("name")
        self.result.department_spans.append(line.span)

    def _continues_indicators(self, line: Line) -> bool:
        """Tell whether a line still belongs to the open indicator cell."""
        assert self.block is not None
        if line.kind is NAME_LINE:
            return False
        if not self.block.indicators_complete():
            return True
        head = line.content.lstrip()
        if head.startswith(("。", "、")):
            return True
        number = _LINE_HEAD.match(head)
        return number is not None and int(number.group(1)) == self.block.head_count + 1

    def _add_indicator_line(self, line: Line) -> None:
        """Append a line to the open indicator cell."""
        assert self.block is not None
        self.block.indicators.append(line.span)
        self.block.add_indicator_text(line.content)

    def _continues_name(self, index: int, line: Line) -> bool:
        """Tell whether an unindented line continues the open project name."""
        assert self.name is not None
        if line.kind is not TEXT_LINE or self.previous_noise:
            return False
        if _unbalanced(self.name.text):
            return True
        if self.next_kind(index) is FIRST_INDICATOR_LINE:
            return False  # the line is the whole target: a block never lacks one
        if self._wrapped_name_piece(index, line):
            return True  # as wide as the name column after a full line: the name goes on
        if self._is_unit(index, line) and (
            self._shares_department_prefix(line) or not self._name_line_full()
        ):
            return False
        return display_width(line.content) <= self.name_width * _NAME_WIDTH_SLACK

    def _note_target_width(self, line: Line) -> None:
        """Remember how wide target lines get when more target text follows them."""
        self.result.inner_target_lines.append(self.last_target_line)
        self.last_target_line = line.content

    def _is_unit(self, index: int, line: Line) -> bool:
        """Tell whether a line is a unit header: it reads as one and is not followed by
        indicators (which would make it a one-line target).

        A line as wide as a full target line may be a target's first line instead. It is still
        a unit when structure says so: a project name follows it (a target is followed by more
        target or its indicators, never by a name), or it starts like the department's name, as
        a subordinate unit's does (a target never begins with the region's name).
        """
        if not looks_like_unit(line.content):
            return False
        following = self.next_kind(index)
        if following is FIRST_INDICATOR_LINE:
            return False
        width = display_width(line.content)
        if self.full_target_width and width >= self.full_target_width - _FULL_TARGET_SLACK:
            return following is NAME_LINE or self._shares_department_prefix(line)
        return True

    def _shares_department_prefix(self, line: Line) -> bool:
        """Tell whether a line starts like the department's name (units share its region)."""
        department = self.result.department
        text = line.content.strip()
        return len(department) >= 2 and text[:2] == department[:2]

    def _wrapped_name_piece(self, index: int, line: Line) -> bool:
        """Tell whether a line is a middle piece of a name wrapped in a narrow column, even where
        it reads like a unit (`湛江市展会`): it fills the column after a line that filled it, and
        the next line is as narrow (more name; a unit is followed by a name or a target)."""
        edge = self.name_width - _WRAPPED_SLACK
        if len(self.name_last_line) * 2 < edge or len(line.content) * 2 < edge:
            return False  # too short to fill the column, whatever its characters' widths
        if not (display_width(self.name_last_line) >= edge
                and edge <= display_width(line.content) <= self.name_width):
            return False
        following = self.next_line(index)
        return (
            following is not None
            and following.kind is TEXT_LINE
            and display_width(following.content) <= self.name_width
        )

    def _name_line_full(self) -> bool:
        """Tell whether the name's last line reaches the name column's edge, so it may go on."""
        return display_width(self.name_last_line) >= self.name_width - _FULL_LINE_SLACK

    def _free(self, index: int, line: Line) -> None:
        """Start whatever a line begins outside any open cell: name, indicators, unit or target."""
        if line.kind is NAME_LINE:
            self.name = NamePieces([line.span], line.content)
            self.name_last_line = line.content
            self.result.events.append(self.name)
            self.state = "name"
        elif line.kind is FIRST_INDICATOR_LINE:
            if self.state != "target":
                self._start_block()
            self._add_indicator_line(line)
            self.state = "indicators"
        elif self._is_unit(index, line):
            self.result.events.append(UnitHeader(line.content.strip(), line.span))
            self.state = "free"
        else:
            self._start_block()
            assert self.block is not None
            self.block.target.append(line.span)
            self.last_target_line = line.content
            self.state = "target"

    def _start_block(self) -> None:
        """Open a new block and add it to the events."""
        self.block = Block()
        self.result.events.append(self.block)


def segment(lines: Sequence[Line]) -> Segmented:
    """Cut the document's lines into units, names and blocks.

    A unit header is never as wide as a full target line, but that width is only known once
    targets are found; so when a first pass took a full-width line for a unit, cut again.
    """
    first = _Segmenter(lines).run()
    units = [event.name for event in first.events if isinstance(event, UnitHeader)]
    full_width = first.full_target_width() if units else 0
    limit = full_width - _FULL_TARGET_SLACK
    if full_width == 0 or all(display_width(name) < limit for name in units):
        return first
    return _Segmenter(lines, full_width).run()
