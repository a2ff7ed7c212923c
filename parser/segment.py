"""Group classified lines into units, name lines and target+indicator blocks, in reading order."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parser.lines import DEPARTMENT, Kind, Line, display_width
from parser.model import Span

# Endings of an organisation's name (资金使用单位): rules of the language, not names of the sample.
_UNIT_SUFFIX = re.compile(
    r"(?:中心|站|局|院|所|办|办公室|委|委员会|会|处|厅|室|队|馆|校|部|司|社|团|园|场|台|库|署|科|组)$"
)
_UNIT_FORBIDDEN = re.compile(r"[，。；：:、,.;!?！？\d\sA-Za-z%％]")
# Tolerance for name continuation lines: proportional fonts make some lines wider than measured.
_NAME_WIDTH_SLACK = 1.2
_OPENERS = "（(“‘《【["
_CLOSERS = "）)”’》】]"


@dataclass
class Block:
    """A target cell and the indicator cell printed after it (line pieces, in order)."""

    target: list[Span] = field(default_factory=list)
    indicators: list[Span] = field(default_factory=list)
    indicator_text: str = ""


@dataclass
class NamePieces:
    """A project name's line pieces: the indented first line plus continuation lines."""

    pieces: list[Span] = field(default_factory=list)
    text: str = ""


@dataclass
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


def indicator_cell_complete(text: str) -> bool:
    """Tell whether an indicator cell's text so far ends at the end of an indicator."""
    stripped = text.rstrip()
    if not stripped.endswith("。"):
        return False
    last = stripped.rfind("年度指标值")
    return last < 0 or re.search(r"[:：]", stripped[last:]) is not None


class _Segmenter:
    """A small state machine over the lines; one method per state keeps each rule readable."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines
        self.result = Segmented()
        self.name_width = max(
            (display_width(line.content) for line in lines if line.kind is Kind.NAME), default=0
        )
        self.state = "free"
        self.name: NamePieces | None = None
        self.block: Block | None = None
        self.previous_noise = False

    def next_kind(self, index: int) -> Kind | None:
        """Return the kind of the next line after `index` that is not noise."""
        for line in self.lines[index + 1 :]:
            if line.kind is not Kind.NOISE:
                return line.kind
        return None

    def run(self) -> Segmented:
        """Walk every line once and return the events."""
        for index, line in enumerate(self.lines):
            if line.kind is Kind.NOISE:
                self.result.noise.append(line.span)
                self.previous_noise = True
                continue
            if line.kind is Kind.DEPARTMENT:
                self._department(line)
            elif self.state == "indicators" and self._continues_indicators(line):
                self._add_indicator_line(line)
            elif self.state == "name" and self._continues_name(index, line):
                assert self.name is not None
                self.name.pieces.append(line.span)
                self.name.text += line.content
            elif self.state == "target" and line.kind is Kind.TEXT:
                assert self.block is not None
                self.block.target.append(line.span)
            else:
                self._free(index, line)
            self.previous_noise = False
        return self.result

    def _department(self, line: Line) -> None:
        match = DEPARTMENT.match(line.content)
        if match and not self.result.department:
            self.result.department = match.group("name")
        self.result.department_spans.append(line.span)

    def _continues_indicators(self, line: Line) -> bool:
        assert self.block is not None
        if line.kind is Kind.NAME:
            return False
        text = self.block.indicator_text
        if not indicator_cell_complete(text):
            return True
        head = line.content.lstrip()
        if head.startswith(("。", "、")):
            return True
        expected = len(re.findall(r"(?:^|。)\s*\d+\s*、\s*\d", text)) + 1
        return re.match(rf"{expected}\s*、\s*\d", head) is not None

    def _add_indicator_line(self, line: Line) -> None:
        assert self.block is not None
        self.block.indicators.append(line.span)
        self.block.indicator_text += line.content

    def _continues_name(self, index: int, line: Line) -> bool:
        assert self.name is not None
        if line.kind is not Kind.TEXT or self.previous_noise:
            return False
        if _unbalanced(self.name.text):
            return True
        if looks_like_unit(line.content) and self.next_kind(index) is not Kind.FIRST_INDICATOR:
            return False
        if display_width(line.content) > self.name_width * _NAME_WIDTH_SLACK:
            return False
        return self.next_kind(index) is not Kind.FIRST_INDICATOR

    def _free(self, index: int, line: Line) -> None:
        if line.kind is Kind.NAME:
            self.name = NamePieces([line.span], line.content)
            self.result.events.append(self.name)
            self.state = "name"
        elif line.kind is Kind.FIRST_INDICATOR:
            if self.state != "target":
                self._start_block()
            self._add_indicator_line(line)
            self.state = "indicators"
        elif looks_like_unit(line.content) and self.next_kind(index) is not Kind.FIRST_INDICATOR:
            self.result.events.append(UnitHeader(line.content.strip(), line.span))
            self.state = "free"
        else:
            self._start_block()
            assert self.block is not None
            self.block.target.append(line.span)
            self.state = "target"

    def _start_block(self) -> None:
        self.block = Block()
        self.result.events.append(self.block)


def segment(lines: Sequence[Line]) -> Segmented:
    """Cut the document's lines into units, names and blocks."""
    return _Segmenter(lines).run()
