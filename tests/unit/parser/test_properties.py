"""Properties: re-wrapping cells changes no record, nothing but ParseError escapes, and every
non-blank character is claimed exactly once."""

from __future__ import annotations

import contextlib
import os
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from parser import Document, ParseError, decode, normalise_newlines, parse
from parser.claims import claims
from parser.records import project_record
from tests.unit.parser.render import Cells, Style, cells_of, render

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "000_a843d2df25de4824.txt"
# Modest by default so CI stays fast; GZREVIEW_STRESS=10 runs ten times as many examples.
SCALE = int(os.environ.get("GZREVIEW_STRESS", "1"))
FAST = settings(
    max_examples=20 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@cache
def sample_text() -> str:
    return decode(SAMPLE.read_bytes()).text


@cache
def sample_cells() -> Cells:
    return cells_of(sample_text())


def records(document: Document) -> list[dict[str, Any]]:
    """The records without what depends on character positions (spans and keys)."""
    result = []
    for project in document.projects:
        record = project_record(document, project)
        del record["spans"], record["key"]
        result.append(record)
    return result


@cache
def sample_records() -> list[dict[str, Any]]:
    return records(parse(sample_text(), source="x"))


@st.composite
def styles(draw: st.DrawFn) -> Style:
    """Column widths as real tables have them: the name column narrowest, indicators widest."""
    name_width = draw(st.integers(16, 30))
    target_width = draw(st.integers(max(34, name_width + 8), 56))
    return Style(
        name_width=name_width,
        target_width=target_width,
        indicator_width=draw(st.integers(target_width, 100)),
        blank_lines=draw(st.booleans()),
        full_width_colon=draw(st.booleans()),
        crlf=draw(st.booleans()),
        trailing_tabs=draw(st.booleans()),
    )


def assert_claimed_once(document: Document) -> None:
    counts = [0] * len(document.text)
    for _owner, (start, end) in claims(document):
        for position in range(start, end):
            counts[position] += 1
    for position, char in enumerate(document.text):
        expected = 0 if char.isspace() else 1
        if char.isspace():
            assert counts[position] <= 1, (position, char)
        else:
            assert counts[position] == expected, (position, char, counts[position])


@FAST
@given(styles(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_rewrapped_sample_gives_the_same_records(style: Style, encoding: str) -> None:
    data = render(sample_cells(), style).encode(encoding)
    document = parse(decode(data).text, source="x")
    assert records(document) == sample_records()
    assert_claimed_once(document)


def test_the_renderer_reproduces_the_sample_structure() -> None:
    # A guard for the property above: the cells it re-wraps are the sample's, all of them.
    cells = sample_cells()
    assert sum(1 for kind, _ in cells.items if kind == "block") == 34
    assert sum(1 for kind, _ in cells.items if kind == "name") == 34
    assert sum(1 for kind, _ in cells.items if kind == "unit") == 3


def test_the_sample_is_claimed_exactly_once() -> None:
    assert_claimed_once(parse(sample_text()))


TOKENS = [
    "\n",
    "\n\n",
    "    ",
    "\t",
    " ",
    "　",
    "1、",
    "2、",
    "1-产出指标；",
    "11-数量指标；",
    "；",
    "。",
    "实施周期指标值:",
    "年度指标值:",
    "实施周期指",
    "标值：",
    "绩效目标 绩效指标",
    "项目名称（资金使用单位）",
    "部门名称：",
    "广州市测试站",
    "购置经费",
    "通过开展",
    "≥9万片",
    "（",
    "）",
    "“",
    "1,300",
    "、",
    "-",
]
BASE = (
    "部门名称：广州市测试局\n\n    巡检项目\n\n通过开展巡检工作，提升服务水平。\n\n"
    "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:≥12次；年度指标值:≥12次。2、1-产出指标；"
    "12-质量指标；巡检合格率；实施周期指标值:100%；年度指标值:100%。\n\n    档案数字化项目\n\n"
    "绩效目标 绩效指标\n\n广州市测试档案馆\n\n通过开展档案数字化工作。\n\n"
    "1、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥90%；年度指标值:≥90%。\n"
)
edits = st.lists(
    st.tuples(
        st.integers(0, len(BASE)),
        st.integers(0, 8),
        st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)),
    ),
    max_size=8,
)


def mutate(base: str, changes: list[tuple[int, int, str]]) -> str:
    """Apply (position, characters to delete, text to insert) edits to a valid document."""
    text = base
    for position, deleted, inserted in changes:
        at = min(position, len(text))
        text = text[:at] + inserted + text[at + deleted :]
    return text


@settings(max_examples=300 * SCALE, deadline=None)
@given(edits)
def test_mutated_documents_raise_nothing_but_parse_error(
    changes: list[tuple[int, int, str]],
) -> None:
    try:
        document = parse(mutate(BASE, changes))
    except ParseError:
        return
    assert_claimed_once(document)


@settings(max_examples=200 * SCALE, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=60))
def test_arbitrary_text_raises_nothing_but_parse_error(pieces: list[str]) -> None:
    try:
        document = parse("".join(pieces))
    except ParseError:
        return
    assert_claimed_once(document)


@settings(max_examples=100 * SCALE, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_nothing_but_parse_error(data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse(decode(data).text)


@FAST
@given(st.lists(st.integers(0, 33), min_size=1, max_size=6, unique=True), styles())
def test_any_subset_of_sample_blocks_is_claimed_exactly_once(keep: list[int], style: Style) -> None:
    cells = sample_cells()
    blocks = [index for index, (kind, _) in enumerate(cells.items) if kind == "block"]
    dropped = {blocks[i] for i in range(len(blocks)) if i not in keep}
    items = tuple(item for index, item in enumerate(cells.items) if index not in dropped)
    document = parse(normalise_newlines(render(Cells(cells.department, items), style)))
    assume(document.projects)
    assert len(document.projects) == len(keep)
    assert_claimed_once(document)
