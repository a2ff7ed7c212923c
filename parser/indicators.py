"""Read an indicator cell (`1、1-产出指标；11-数量指标；…。2、…`) into Indicator records."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from parser._fast_records import new_indicator
from parser.heads import heads_after_stops
from parser.joined import Joined
from parser.model import FieldSpan, Flag, Indicator, Span
from parser.text import N_
from parser.values import parse_value

# The level names' groups come trimmed: white space around them matches outside the groups.
_START = re.compile(
    r"(?P<seq>\d+)\s*、\s*(?P<level1_code>\d+)\s*-\s*(?P<level1>[^；;。]*?)\s*[；;]"
    r"\s*(?P<level2_code>\d+)\s*-\s*(?P<level2>[^；;。]*?)\s*[；;]"
)
# A head with the white space before it; heads begin the cell or follow a `。`.
_HEAD = re.compile(r"\s*" + _START.pattern)
# `<name>；实施周期指标值:<v>；年度指标值:<v>。` after a head, up to the next head, each group
# trimmed: the name stops at the first period key (less one `；`), the period value at the first
# annual key after it, the annual value at the end (less one `。`).
_BODY = re.compile(
    r"\s*(?P<name>.*?)\s*[；;]?\s*实施周期指标值\s*[:：]"
    r"\s*(?P<period>.*?)\s*[；;]\s*年度指标值\s*[:：]"
    r"\s*(?P<annual>.*?)\s*。?\s*\Z",
    re.DOTALL,
)
_TERMINATOR = re.compile(r"。?\s*$")
LEVEL1_NAMES = {"1": "产出指标", "2": "效益指标", "3": "满意度指标"}
LEVEL2_NAMES = {
    "11": "数量指标",
    "12": "质量指标",
    "13": "时效指标",
    "14": "成本指标",
    "21": "经济效益",
    "22": "社会效益",
    "23": "生态效益",
    "24": "可持续影响",
    "31": "服务对象满意度",
}

# Every printed (level-1 code, name, level-2 code, name) that agrees, for a one-step check.
STANDARD_LEVELS = frozenset(
    (code[0], LEVEL1_NAMES[code[0]], code, name) for code, name in LEVEL2_NAMES.items()
)


@dataclass(slots=True)
class IndicatorCell:
    """The indicators of one cell, the text no indicator could claim, and its flags."""

    indicators: list[Indicator] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    unclaimed: list[Span] = field(default_factory=list)


def _starts(text: str) -> list[re.Match[str]]:
    """Return the indicator heads that begin the cell or follow a `。` (white space before the
    sequence number included, so each indicator starts where its `seq` group does)."""
    return list(heads_after_stops(_HEAD, text))


# The fields of an indicator in text order: the head's four, then the body's three.
_HEAD_FIELDS = ("level1_code", "level1", "level2_code", "level2")
_BODY_FIELDS = ("name", "period_value", "annual_value")
_FIELDS = _HEAD_FIELDS + _BODY_FIELDS
# Where those fields sit among the matches' groups (they are consecutive), so their spans are
# one slice of `Match.regs` and their texts one `Match.group` call.
_SEQ = _HEAD.groupindex["seq"]
_HEAD_GROUPS = tuple(_HEAD.groupindex[field] for field in _HEAD_FIELDS)
_HEAD_SPANS = slice(_HEAD_GROUPS[0], _HEAD_GROUPS[-1] + 1)
_BODY_GROUPS = tuple(_BODY.groupindex[group] for group in ("name", "period", "annual"))
_BODY_SPANS = slice(_BODY_GROUPS[0], _BODY_GROUPS[-1] + 1)


def _read_unparsed(
    cell: Joined, head: re.Match[str], end: int, result: IndicatorCell
) -> tuple[Sequence[str], tuple[FieldSpan, ...]]:
    """Return the values and field spans of an indicator without both value keys.

    Its name is all text up to a closing `。`; the values stay empty and the indicator is flagged.
    """
    terminator = _TERMINATOR.search(cell.text, head.end(), end)
    name_end = terminator.start() if terminator else end
    ranges = [(field, *head.span(group)) for field, group in zip(_HEAD_FIELDS, _HEAD_GROUPS,
                                                                  strict=True)]
    ranges.append(("name", head.end(), name_end))
    values, field_spans = cell.fields(ranges)
    template = N_("indicator {seq} has no 实施周期指标值/年度指标值")
    result.flags.append(Flag.of("unparsed_text", template, seq=head.group(_SEQ)))
    return (*values, "", ""), field_spans


def _append(
    cell: Joined,
    head: re.Match[str],
    end: int,
    result: IndicatorCell,
    values: Sequence[str],
    field_spans: tuple[FieldSpan, ...],
) -> None:
    """Read the values and add the indicator to `result`."""
    level1_code, level1, level2_code, level2, name, period, annual = values
    period_parsed = parse_value(period)
    result.indicators.append(
        new_indicator(
            int(head.group(_SEQ)),
            level1_code,
            level1,
            level2_code,
            level2,
            name,
            period,
            annual,
            cell.envelope(head.start(_SEQ), end),
            period_parsed,
            period_parsed if annual == period else parse_value(annual),
            field_spans,
        )
    )


def read_indicators(cell: Joined) -> IndicatorCell:
    """Split a joined indicator cell into indicators; flag text that is no indicator's.

    Problems of the indicators' content (codes, numbering) are `parser.flags.content_flags`.
    """
    result = IndicatorCell()
    heads = _starts(cell.text)
    first = heads[0].start(_SEQ) if heads else len(cell.text)
    if cell.text[:first].strip():
        result.unclaimed.extend(cell.trimmed(0, first)[1])
        template = N_("text before the first indicator was not understood")
        result.flags.append(Flag.of("unparsed_text", template))
    text = cell.text
    ends = [head.start(_SEQ) for head in heads[1:]] + [len(text)] if heads else []
    for head, end in zip(heads, ends, strict=True):  # each indicator runs to the next head
        body = _BODY.match(text, head.end(), end)
        if body is None:
            values, field_spans = _read_unparsed(cell, head, end, result)
        else:
            field_spans = cell.spans_of(_FIELDS, head.regs[_HEAD_SPANS] + body.regs[_BODY_SPANS])
            values = head.group(*_HEAD_GROUPS) + body.group(*_BODY_GROUPS)
        _append(cell, head, end, result, values, field_spans)
    return result
