"""Read an indicator cell (`1、1-产出指标；11-数量指标；…。2、…`) into Indicator records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parser.joined import Joined
from parser.model import Flag, Indicator, Span
from parser.values import parse_value

_START = re.compile(
    r"(?P<seq>\d+)\s*、\s*(?P<level1_code>\d+)\s*-(?P<level1>[^；;。]*)[；;]"
    r"\s*(?P<level2_code>\d+)\s*-(?P<level2>[^；;。]*)[；;]"
)
_PERIOD_KEY = re.compile(r"实施周期指标值\s*[:：]")
_ANNUAL_KEY = re.compile(r"[；;]\s*年度指标值\s*[:：]")
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
_STANDARD_LEVELS = frozenset(
    (code[0], LEVEL1_NAMES[code[0]], code, name) for code, name in LEVEL2_NAMES.items()
)


@dataclass
class IndicatorCell:
    """The indicators of one cell, the problems seen, and any text no indicator could claim."""

    indicators: list[Indicator] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    unclaimed: list[Span] = field(default_factory=list)


def _starts(text: str) -> list[re.Match[str]]:
    """Return the indicator heads that begin the cell or follow a `。`."""
    heads = []
    for match in _START.finditer(text):
        position = match.start() - 1
        while position >= 0 and text[position].isspace():
            position -= 1
        if position < 0 or text[position] == "。":
            heads.append(match)
    return heads


def _level_flags(head: re.Match[str]) -> list[Flag]:
    """Flag an indicator whose level codes disagree with each other or their names."""
    levels = head.group("level1_code", "level1", "level2_code", "level2")
    if levels in _STANDARD_LEVELS:
        return []
    l1_code, l2_code = levels[0], levels[2]
    l1_name, l2_name = levels[1].strip(), levels[3].strip()
    wrong = (
        not l2_code.startswith(l1_code)
        or LEVEL1_NAMES.get(l1_code, l1_name) != l1_name
        or LEVEL2_NAMES.get(l2_code, l2_name) != l2_name
    )
    if not wrong:
        return []
    codes = f"{l1_code}-{l1_name} / {l2_code}-{l2_name}"
    message = f"indicator {head.group('seq')}: level codes {codes} disagree"
    return [Flag("level_code_mismatch", message)]


# The head's fields and their group numbers in `_START`, in text order.
_HEAD_GROUPS = (("level1_code", 2), ("level1", 3), ("level2_code", 4), ("level2", 5))


def _split_body(text: str, start: int, end: int) -> list[tuple[str, int, int]] | None:
    """Find the name, period and annual value of `<name>；实施周期指标值:<v>；年度指标值:<v>。`."""
    period = _PERIOD_KEY.search(text, start, end)
    annual = _ANNUAL_KEY.search(text, period.end(), end) if period else None
    if period is None or annual is None:
        return None
    name_end = period.start()
    while name_end > start and text[name_end - 1].isspace():
        name_end -= 1
    if name_end > start and text[name_end - 1] in "；;":
        name_end -= 1
    annual_end = end
    while annual_end > annual.end() and text[annual_end - 1].isspace():
        annual_end -= 1
    if annual_end > annual.end() and text[annual_end - 1] == "。":
        annual_end -= 1
    return [
        ("name", start, name_end),
        ("period_value", period.end(), annual.start()),
        ("annual_value", annual.end(), annual_end),
    ]


def _read_one(cell: Joined, head: re.Match[str], end: int, result: IndicatorCell) -> None:
    """Read one indicator between its head and the next head into `result`."""
    field_spans: list[tuple[str, Span]] = []
    regs = head.regs
    ranges = [(name, *regs[group]) for name, group in _HEAD_GROUPS]
    body = _split_body(cell.text, head.end(), end)
    if body:
        ranges.extend(body)
    else:
        terminator = _TERMINATOR.search(cell.text, head.end(), end)
        ranges.append(("name", head.end(), terminator.start() if terminator else end))
        result.flags.append(
            Flag("unparsed_text", f"indicator {head.group('seq')} has no 实施周期指标值/年度指标值")
        )
    values = cell.fields(ranges, field_spans)
    period, annual = (values[5], values[6]) if body else ("", "")
    if (values[0], values[1], values[2], values[3]) not in _STANDARD_LEVELS:
        result.flags.extend(_level_flags(head))
    result.indicators.append(
        Indicator(
            int(head.group(1)),
            values[0],
            values[1],
            values[2],
            values[3],
            values[4],
            period,
            annual,
            cell.envelope(head.start(), end),
            parse_value(period),
            parse_value(annual),
            tuple(field_spans),
        )
    )


def read_indicators(cell: Joined) -> IndicatorCell:
    """Split a joined indicator cell into indicators; flag gaps, bad codes and leftover text."""
    result = IndicatorCell()
    heads = _starts(cell.text)
    first = heads[0].start() if heads else len(cell.text)
    if cell.text[:first].strip():
        result.unclaimed.extend(cell.trimmed(0, first)[1])
        result.flags.append(
            Flag("unparsed_text", "text before the first indicator was not understood")
        )
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(cell.text)
        _read_one(cell, head, end, result)
    for expected, indicator in enumerate(result.indicators, start=1):
        if indicator.seq != expected:
            message = f"indicator numbered {indicator.seq} where {expected} was expected"
            result.flags.append(Flag("indicator_sequence_gap", message))
            break
    return result
