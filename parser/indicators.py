"""Read an indicator cell (`1、1-产出指标；11-数量指标；…。2、…`) into Indicator records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parser.joined import Joined, envelope
from parser.model import Flag, Indicator, Span
from parser.values import parse_value

_START = re.compile(
    r"(?P<seq>\d+)\s*、\s*(?P<level1_code>\d+)\s*-\s*(?P<level1>[^；;。]*?)\s*[；;]"
    r"\s*(?P<level2_code>\d+)\s*-\s*(?P<level2>[^；;。]*?)\s*[；;]"
)
_BODY = re.compile(
    r"(?P<name>.*?)[；;]?\s*实施周期指标值\s*[:：](?P<period_value>.*?)[；;]"
    r"\s*年度指标值\s*[:：](?P<annual_value>.*?)(?:。\s*)?$",
    re.S,
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
        before = text[: match.start()].rstrip()
        if not before or before.endswith("。"):
            heads.append(match)
    return heads


def _level_flags(head: re.Match[str]) -> list[Flag]:
    l1_code, l2_code = head.group("level1_code"), head.group("level2_code")
    l1_name, l2_name = head.group("level1").strip(), head.group("level2").strip()
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


def _field(
    cell: Joined, fields: dict[str, tuple[str, tuple[Span, ...]]], name: str, start: int, end: int
) -> None:
    fields[name] = cell.trimmed(start, end)


def _read_one(cell: Joined, head: re.Match[str], end: int, result: IndicatorCell) -> None:
    fields: dict[str, tuple[str, tuple[Span, ...]]] = {}
    for name in ("level1_code", "level1", "level2_code", "level2"):
        _field(cell, fields, name, head.start(name), head.end(name))
    body = _BODY.match(cell.text, head.end(), end)
    if body:
        for name in ("name", "period_value", "annual_value"):
            _field(cell, fields, name, body.start(name), body.end(name))
    else:
        terminator = _TERMINATOR.search(cell.text, head.end(), end)
        _field(cell, fields, "name", head.end(), terminator.start() if terminator else end)
        fields["period_value"] = fields["annual_value"] = ("", ())
        result.flags.append(
            Flag("unparsed_text", f"indicator {head.group('seq')} has no 实施周期指标值/年度指标值")
        )
    result.flags.extend(_level_flags(head))
    field_spans = tuple((name, span) for name, (_, spans) in fields.items() for span in spans)
    result.indicators.append(
        Indicator(
            seq=int(head.group("seq")),
            level1_code=fields["level1_code"][0],
            level1=fields["level1"][0],
            level2_code=fields["level2_code"][0],
            level2=fields["level2"][0],
            name=fields["name"][0],
            period_value=fields["period_value"][0],
            annual_value=fields["annual_value"][0],
            span=envelope(cell.spans(head.start(), end)),
            period_parsed=parse_value(fields["period_value"][0]),
            annual_parsed=parse_value(fields["annual_value"][0]),
            field_spans=field_spans,
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
