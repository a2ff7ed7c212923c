"""`parse(text, source)`: the whole pipeline from document text to a Document of frozen records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from parser._fast_records import new_project
from parser.claims import subtract, unclaimed_spans
from parser.errors import ParseError
from parser.fit import short_grams
from parser.flags import confidence, content_flags
from parser.indicators import IndicatorCell, read_indicators
from parser.joined import Joined, envelope
from parser.lines import DEPARTMENT_LINE, NOISE_LINE, Line, display_width, split_lines
from parser.model import (
    Document,
    Flag,
    NameCandidate,
    NameLine,
    Project,
    Span,
    Unit,
)
from parser.names import BlockText, NameChoice, PrintedName, assign_document
from parser.segment import Block, NamePieces, Segmented, UnitHeader, segment
from parser.text import N_
from parser.truncation import truncation_flag
from parser.values import parse_value


@dataclass(slots=True)
class _ReadBlock:
    """A block with its cells read: target text and spans, indicators, flags."""

    target: str
    target_spans: tuple[Span, ...]
    cell: IndicatorCell
    pieces: tuple[Span, ...]


@dataclass(slots=True)
class _Group:
    """The names and blocks printed under one unit header, with each name's slot."""

    unit: str
    names: list[NameLine] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)
    blocks: list[_ReadBlock] = field(default_factory=list)


def _read_block(text: str, block: Block) -> _ReadBlock:
    """Join a block's target lines and read its indicator cell."""
    target = Joined(text, block.target)
    target_text, target_spans = target.trimmed(0, len(target.text))
    cell = read_indicators(Joined(text, block.indicators))
    return _ReadBlock(target_text, target_spans, cell, tuple(block.target + block.indicators))


def _name_line(text: str, pieces: NamePieces) -> NameLine:
    """Join a name's line pieces into the name as printed, with its spans."""
    joined = Joined(text, pieces.pieces)
    name, spans = joined.trimmed(0, len(joined.text))
    return NameLine(name, spans)


def _groups(text: str, segmented: Segmented) -> tuple[list[Unit], list[_Group]]:
    """Split the events at unit headers; names before any header belong to the department."""
    units: list[Unit] = []
    groups = [_Group(segmented.department)]
    for event in segmented.events:
        if isinstance(event, UnitHeader):
            units.append(Unit(event.name, event.span))
            groups.append(_Group(event.name))
        elif isinstance(event, NamePieces):
            groups[-1].names.append(_name_line(text, event))
            groups[-1].slots.append(len(groups[-1].blocks))
        else:
            groups[-1].blocks.append(_read_block(text, event))
    return units, [group for group in groups if group.names or group.blocks]


def _project(
    group: _Group,
    block: _ReadBlock,
    choice: NameChoice,
    order: int,
    unclaimed: Sequence[Span],
    truncated: Flag | None,
) -> Project:
    """Build the frozen Project of one block from its group, reading and name choice.

    Its flags are the source flags (the name choice, text not understood, a cut-off end)
    followed by those its content gives, as the store recomputes them after a correction.
    """
    name = group.names[choice.name] if choice.name is not None else NameLine("", ())
    indicators = tuple(block.cell.indicators)
    source = [*choice.flags, *block.cell.flags, *([truncated] if truncated else [])]
    flags = (*source, *content_flags(name.text, block.target, indicators))
    return new_project(
        group.unit,
        name.text,
        name.spans,
        block.target,
        block.target_spans,
        indicators,
        envelope(block.pieces),
        order,
        confidence(choice.confidence, [flag.code for flag in flags]),
        flags,
        tuple(
            NameCandidate(group.names[index].text, score, group.names[index].spans)
            for index, score in choice.alternatives
        ),
        subtract(block.pieces, unclaimed),
    )


def _assign(groups: Sequence[_Group]) -> list[tuple[list[NameChoice], list[int]]]:
    """Hand every unit's printed names and block texts to the name assignment."""
    units = [
        (
            [
                PrintedName(name.text, slot)
                for name, slot in zip(group.names, group.slots, strict=True)
            ],
            [BlockText(b.target, tuple([i.name for i in b.cell.indicators])) for b in group.blocks],
        )
        for group in groups
    ]
    return assign_document(units)


def clear_caches() -> None:
    """Forget memoised values and bigrams, so a benchmark of repeated text measures cold parsing."""
    parse_value.cache_clear()
    short_grams.cache_clear()


def _truncation(
    text: str, groups: Sequence[_Group], unassigned: Sequence[NameLine]
) -> Flag | None:
    """Return the `truncated` flag of a document whose last block or name is unfinished."""
    last = next((group.blocks[-1] for group in reversed(groups) if group.blocks), None)
    block = envelope(last.pieces) if last is not None else None
    after = block[1] if block is not None else 0
    names = [name for group in groups for name in group.names if name.spans]
    trailing = [name for name in names if name.spans[0][0] >= after]
    left = [name for name in unassigned if name.spans and name.spans[0][0] >= after]
    width = _wrap_width(text, names)
    if last is None:
        return truncation_flag(text, None, "", (), trailing, left, width)
    indicators, unread = last.cell.indicators, bool(last.cell.unclaimed)
    return truncation_flag(text, block, last.target, indicators, trailing, left, width, unread)


def _wrap_width(text: str, names: Sequence[NameLine]) -> int:
    """Return the width at which name lines wrap: the median of lines that were continued."""
    wrapped = sorted(_line_width(text, span) for name in names for span in name.spans[:-1])
    if not wrapped:
        return max((_line_width(text, span) for name in names for span in name.spans), default=0)
    return wrapped[len(wrapped) // 2]


def _line_width(text: str, span: Span) -> int:
    """Return the printed width of the line a name piece stands on (without its indent)."""
    start = text.rfind("\n", 0, span[0]) + 1
    return display_width(text[start : span[1]].strip())


def _cut_block(groups: Sequence[_Group], truncated: Flag | None) -> _ReadBlock | None:
    """Return the last block when the document's unfinished part lies in it."""
    last = next((group.blocks[-1] for group in reversed(groups) if group.blocks), None)
    if last is None or truncated is None or truncated.span is None:
        return None
    return last if truncated.span[0] < envelope(last.pieces)[1] else None


def _document_flags(
    unassigned: Sequence[NameLine], unclaimed: Sequence[Span], truncated: Flag | None
) -> tuple[Flag, ...]:
    """Flag what the document as a whole leaves open: names without a block, text not understood."""
    flags = [truncated] if truncated is not None else []
    if unassigned:
        listed = "; ".join(name.text for name in unassigned)
        template = N_("names printed but given to no block: {names}")
        flags.append(Flag.of("unassigned_names", template, names=listed))
    if unclaimed:
        template = N_("{count} piece(s) of text were not understood")
        flags.append(Flag.of("unclaimed_text", template, count=len(unclaimed)))
    return tuple(flags)


_NO_TABLE = N_(
    "no performance-target table was found: the text from here on has no indicator list such "
    "as `{example}`; check that this is the right file"
)


def _table_start(lines: Sequence[Line], end: int) -> int:
    """Return where the table was looked for: the first line that is no header or title."""
    for line in lines:
        if line.kind is not NOISE_LINE and line.kind is not DEPARTMENT_LINE:
            return line.start
    return end


def parse(text: str, source: str = "") -> Document:
    """Parse a performance-target table's text into a Document; raise ParseError if it has none."""
    lines = split_lines(text)
    segmented = segment(lines)
    units, groups = _groups(text, segmented)
    if not any(block.cell.indicators for group in groups for block in group.blocks):
        example = "1、1-产出指标；11-数量指标；…"
        raise ParseError.at(text, _table_start(lines, len(text)), _NO_TABLE, {"example": example})
    department = segmented.department or (units[0].name if units else "")
    assigned = _assign(groups)
    unassigned = [group.names[index]
                  for group, (_, left_over) in zip(groups, assigned, strict=True)
                  for index in left_over]
    truncated = _truncation(text, groups, unassigned)
    cut = _cut_block(groups, truncated)
    unclaimed = [span for g in groups for b in g.blocks for span in b.cell.unclaimed]
    projects: list[Project] = []
    for group, (choices, _) in zip(groups, assigned, strict=True):
        group.unit = group.unit or department
        for block, choice in zip(group.blocks, choices, strict=True):
            flag = truncated if block is cut else None
            projects.append(_project(group, block, choice, len(projects), unclaimed, flag))
    noise = tuple(sorted(segmented.noise + segmented.department_spans))
    return Document(
        source=source,
        text=text,
        department=department,
        units=tuple(units),
        projects=tuple(projects),
        unassigned_names=tuple(unassigned),
        noise=noise,
        unclaimed=unclaimed_spans(unclaimed),
        flags=_document_flags(unassigned, unclaimed, truncated),
    )
