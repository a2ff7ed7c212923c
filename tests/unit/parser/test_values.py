"""Indicator values read as (comparison, number, unit) where they have that shape, else None."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parser.model import ParsedValue
from parser.values import parse_value

CASES = [
    ("≥9万片", ("≥", "9", "万片")),
    ("不少于150家", ("≥", "150", "家")),
    ("超2倍", (">", "2", "倍")),
    ("＞=21000家", ("≥", "21000", "家")),
    ("1,300亿元", ("=", "1300", "亿元")),
    ("不少于1,300亿元", ("≥", "1300", "亿元")),
    ("95%以上", ("≥", "95", "%")),
    ("90%及以上", ("≥", "90", "%")),
    ("8个以上", ("≥", "8", "个")),
    ("少于3次", ("<", "3", "次")),
    ("不低于2次", ("≥", "2", "次")),
    ("达100%", ("≥", "100", "%")),
    ("＞90%", (">", "90", "%")),
    ("≥1881.47平方米", ("≥", "1881.47", "平方米")),
    ("1881.47平方米", ("=", "1881.47", "平方米")),
    ("2500", ("=", "2500", "")),
    ("390亿", ("=", "390", "亿")),
    ("60分钟 ", ("=", "60", "分钟")),
    ("3次以内", ("≤", "3", "次")),
    ("不超过5个", ("≤", "5", "个")),
    ("提升", None),
    ("有效改善", None),
    ("年度计划数", None),
    ("项目建成月产能≥9万片", None),
    ("每家20万元", None),
    ("2024年12月前", None),
    ("2024年底", None),
    ("上、下半年各播放4周，≥20次/日", None),
    ("7*24小时内业务系统99%运行正常", None),
    ("不少于50%以下", None),
    ("", None),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_value_shapes(value: str, expected: tuple[str, str, str] | None) -> None:
    parsed = parse_value(value)
    if expected is None:
        assert parsed is None
    else:
        op, number, unit = expected
        assert parsed == ParsedValue(op, Decimal(number), unit)
