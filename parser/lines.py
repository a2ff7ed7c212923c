"""Split the document into visual lines and tell what each one looks like on its own."""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from parser.model import Span

# A project-name line is indented (four spaces in the wild); a wrapped cell line never is.
NAME_INDENT = re.compile(r"^(?: {3,}|\t+ *)(?=\S)")
# Page headers: any run of the three column titles, with or without spaces between them.
_HEADER_TOKEN = r"(?:绩效目标|绩效指标|项目名称[（(]资金使用单位[）)])"
PAGE_HEADER = re.compile(rf"^\s*{_HEADER_TOKEN}(?:\s*{_HEADER_TOKEN})*\s*$")
TITLE = re.compile(r"^\s*[^，。；：:]{0,24}绩效目标表(?:[（(][^）)]{0,20}[）)])?\s*$")
DEPARTMENT = re.compile(r"^\s*部门名称\s*[：:]\s*(?P<name>\S.*?)\s*$")
# The first indicator of a cell: `1、1-产出指标…`; the level code may wrap, so only `1、<digit>`.
FIRST_INDICATOR = re.compile(r"^\s*1\s*、\s*\d")
TRAILING = " \t"


class Kind(Enum):
    """What a line is, judged by itself; context decides the rest."""

    NOISE = "noise"
    DEPARTMENT = "department"
    NAME = "name"
    FIRST_INDICATOR = "first_indicator"
    TEXT = "text"


# The kinds as plain module names, for the line walks here and in `parser.segment`: reading an
# Enum member through its class costs ~15x more, and every line is compared with several.
NOISE_LINE, DEPARTMENT_LINE, NAME_LINE = Kind.NOISE, Kind.DEPARTMENT, Kind.NAME
FIRST_INDICATOR_LINE, TEXT_LINE = Kind.FIRST_INDICATOR, Kind.TEXT


class Line(NamedTuple):
    """One non-blank visual line: its content span (indent and trailing tabs removed) and kind."""

    number: int
    start: int
    end: int
    kind: Kind
    content: str

    @property
    def span(self) -> Span:
        """The content's span in the document."""
        return (self.start, self.end)


# Wide (W) and full-width (F) characters of East Asian scripts, which take two columns.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def display_width(text: str) -> int:
    """Return how many columns `text` takes when printed (CJK and full-width count two)."""
    return len(text) + _WIDE.subn("", text)[1]  # counts matches without a list of them


def _classify(content: str, indented: bool) -> Kind:
    """Tell a line's kind from its text alone, cheapest tests first."""
    if ("绩效" in content or "项目名称" in content) and (
        PAGE_HEADER.match(content) or TITLE.match(content)
    ):
        return NOISE_LINE
    if "部门名称" in content and DEPARTMENT.match(content):
        return DEPARTMENT_LINE
    if indented:
        return NAME_LINE
    if FIRST_INDICATOR.match(content):
        return FIRST_INDICATOR_LINE
    return TEXT_LINE


# Builds a Line without the generated `__new__` (a Python function) in between: same tuple.
_new_tuple = tuple.__new__


def split_lines(text: str) -> list[Line]:
    """Return the document's non-blank lines with spans and kinds, in reading order."""
    lines: list[Line] = []
    position = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line_start = position
        position += len(raw) + 1
        if not raw:
            continue  # every other line of an extracted table is blank
        stripped = raw.rstrip("\t\r")
        if not stripped or stripped.isspace():
            continue
        indent = NAME_INDENT.match(stripped) if stripped[0] in " \t" else None
        start = line_start + (indent.end() if indent else 0)
        end = line_start + len(stripped)
        content = text[start:end]
        kind = _classify(content, indent is not None)
        lines.append(_new_tuple(Line, (number, start, end, kind, content)))
    return lines
