"""Read indicator values such as `≥9万片` or `不少于150家` as (comparison, number, unit)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from parser.model import ParsedValue

# Comparison words and signs before the number; longer words come first (`不少于` before `少于`).
_PREFIX_OPS: tuple[tuple[str, str], ...] = (
    ("不少于", "≥"),
    ("不低于", "≥"),
    ("不小于", "≥"),
    ("不超过", "≤"),
    ("不高于", "≤"),
    ("不大于", "≤"),
    ("不多于", "≤"),
    ("至少", "≥"),
    ("超过", ">"),
    ("多于", ">"),
    ("大于", ">"),
    ("高于", ">"),
    ("少于", "<"),
    ("低于", "<"),
    ("小于", "<"),
    ("达到", "≥"),
    ("达", "≥"),
    ("超", ">"),
    ("＞=", "≥"),
    (">=", "≥"),
    ("＜=", "≤"),
    ("<=", "≤"),
    ("≥", "≥"),
    ("≤", "≤"),
    ("＞", ">"),
    (">", ">"),
    ("＜", "<"),
    ("<", "<"),
    ("＝", "="),
    ("=", "="),
)
# Words after the number and unit that make it a bound: `95%以上`, `90%及以上`, `3次以内`.
_SUFFIX_OPS: tuple[tuple[str, str], ...] = (
    ("及以上", "≥"),
    ("以上", "≥"),
    ("及以下", "≤"),
    ("以下", "≤"),
    ("以内", "≤"),
)
_NUMBER_UNIT = re.compile(r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>.*)")
# A unit is a short word without digits or clause punctuation; time words make it a date instead.
_UNIT = re.compile(r"[^\d\s，。；、,;：:]{0,5}")
_DIGIT = re.compile(r"\d")
_DATE_WORDS = re.compile(r"[月日底初末前后内]")


_PREFIX = re.compile("|".join(re.escape(word) for word, _ in _PREFIX_OPS))
_SUFFIX = re.compile("(?:" + "|".join(re.escape(word) for word, _ in _SUFFIX_OPS) + ")$")
_PREFIX_OP = dict(_PREFIX_OPS)
_SUFFIX_OP = dict(_SUFFIX_OPS)


def _split_ops(text: str) -> tuple[str, str, str]:
    """Return (prefix op, the rest, suffix op), ops being "" where there is none."""
    prefix = _PREFIX.match(text)
    prefix_op = _PREFIX_OP[prefix.group()] if prefix else ""
    rest = text[prefix.end() :] if prefix else text
    suffix = _SUFFIX.search(rest)
    suffix_op = _SUFFIX_OP[suffix.group()] if suffix else ""
    return prefix_op, rest[: suffix.start()] if suffix else rest, suffix_op


@lru_cache(maxsize=4096)
def parse_value(value: str) -> ParsedValue | None:
    """Return the value as comparison, number and unit, or None when it is not of that shape."""
    if _DIGIT.search(value) is None:
        return None  # qualitative: 提升, 有效改善, …
    text = value.strip().replace("　", "").replace(" ", "")
    prefix_op, rest, suffix_op = _split_ops(text)
    if prefix_op and suffix_op and prefix_op != suffix_op:
        return None
    match = _NUMBER_UNIT.fullmatch(rest)
    if match is None:
        return None
    unit = match.group("unit")
    if not _UNIT.fullmatch(unit) or _DATE_WORDS.search(unit):
        return None
    number = Decimal(match.group("number").replace(",", ""))
    return ParsedValue(prefix_op or suffix_op or "=", number, unit)
