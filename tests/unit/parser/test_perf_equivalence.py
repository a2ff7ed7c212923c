"""The parser's fast paths give exactly what the plain definitions they replace give."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.claims import subtract
from parser.decode import _looks_binary
from parser.fit import (
    GENERIC_GRAMS,
    GENERIC_WEIGHT,
    block_grams,
    content_matrix,
    grams,
    grams_among,
)
from parser.heads import heads_after_stops
from parser.joined import Joined
from parser.lines import display_width
from parser.name_choice import CERTAIN_FIT, CERTAIN_MARGIN, BlockText, PrintedName
from parser.names import _certain_offsets, _costs, _prepare, _Unit
from parser.position import context_of, learn_offsets
from parser.segment import widest

_CHARS = st.sampled_from(list("指标值 \t　产出；1、-。x"))


@st.composite
def _cells(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """Draw a document text and the non-empty line pieces of one cell in it."""
    lines = draw(st.lists(st.text(_CHARS, min_size=1, max_size=12), min_size=1, max_size=6))
    text = "\n".join(lines)
    pieces, position = [], 0
    for line in lines:
        pieces.append((position, position + len(line)))
        position += len(line) + 1
    return text, pieces


FieldSpans = list[tuple[str, int, int]]


def _reference_fields(
    joined: Joined, ranges: list[tuple[str, int, int]]
) -> tuple[list[str], FieldSpans]:
    """Trim and map each range on its own with `Joined.trimmed`, the straightforward way."""
    values: list[str] = []
    spans: FieldSpans = []
    for name, start, end in ranges:
        value, pieces = joined.trimmed(start, end)
        values.append(value)
        spans.extend((name, start, end) for start, end in pieces)
    return values, spans


@settings(max_examples=150, deadline=None)
@given(_cells(), st.data())
def test_fields_equal_trimming_each_range_alone(
    cell: tuple[str, list[tuple[int, int]]], data: st.DataObject
) -> None:
    """One walk over the pieces gives every field's text and spans as trimming it alone does."""
    text, pieces = cell
    joined = Joined(text, pieces)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(joined.text)), max_size=8)))
    ranges = [(f"f{i}", cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    values, spans = joined.fields(ranges)
    assert (values, list(spans)) == _reference_fields(joined, ranges)


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(list("经费购置车辆 ，。85代")), max_size=12))
def test_grams_are_the_character_bigrams(text: str) -> None:
    """Bigrams built with `map` are those of the cleaned text, position by position."""
    cleaned = "".join(char for char in text if char not in " ，。")
    expected = {cleaned[i : i + 2] for i in range(len(cleaned) - 1)}
    if len(cleaned) == 1:
        expected = {cleaned}
    assert grams(text) == frozenset(expected)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 8), min_size=1, max_size=8),
    st.integers(1, 8),
    st.lists(st.tuples(st.integers(-9, 9), st.sampled_from(["inner", "last"])), max_size=10),
)
def test_costs_use_the_offset_model(
    slots: list[int], block_count: int, observed: list[tuple[int, str]]
) -> None:
    """The per-unit cost table equals content cost plus `OffsetModel.cost` cell by cell."""
    names = [PrintedName(f"名称{i}", min(slot, block_count)) for i, slot in enumerate(slots)]
    blocks = [BlockText(f"目标{i}", (f"指标{i}",)) for i in range(block_count)]
    unit = _prepare(names, blocks)
    model = learn_offsets(observed)
    expected = [
        [
            8.0 * (1.0 - fit) + model.cost(name.slot - column, context_of(column, block_count))
            for column, fit in enumerate(unit.fit[row])
        ]
        for row, name in enumerate(names)
    ]
    assert _costs(unit, model) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("ab 中文，（)")), max_size=10), max_size=8))
def test_widest_measures_the_widest_line(lines: list[str]) -> None:
    """Skipping lines too short to win still finds the widest display width."""
    assert widest(lines) == max(map(display_width, lines), default=0)


def _reference_certain_offsets(unit: _Unit) -> list[tuple[int, str]]:
    """Return content-certain offsets the plain way: every rival looked at directly."""
    offsets = []
    for row, name in enumerate(unit.names):
        scores = unit.fit[row]
        if not scores:
            continue
        best = max(range(len(scores)), key=scores.__getitem__)
        runner_up = max((s for k, s in enumerate(scores) if k != best), default=0.0)
        column = [unit.fit[other][best] for other in range(len(unit.names)) if other != row]
        rival = max(column, default=0.0)
        if scores[best] >= CERTAIN_FIT and scores[best] - max(runner_up, rival) >= CERTAIN_MARGIN:
            offsets.append((name.slot - best, context_of(best, len(unit.blocks))))
    return offsets


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(st.sampled_from(list("购置车辆经费运维")), min_size=1, max_size=4), max_size=6
    ),
    st.lists(st.text(st.sampled_from(list("购置车辆经费运维")), max_size=6), max_size=6),
)
def test_certain_offsets_equal_looking_at_every_rival(names: list[str], targets: list[str]) -> None:
    """Column leaders computed once give the same certain matches, ties included."""
    printed = [PrintedName(text, min(row, len(targets))) for row, text in enumerate(names)]
    unit = _prepare(printed, [BlockText(target, ()) for target in targets])
    assert _certain_offsets(unit) == _reference_certain_offsets(unit)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_binary_check_counts_control_bytes_as_the_plain_loop(data: bytes) -> None:
    """Counting control bytes with `translate` decides as counting them one by one."""
    controls = sum(1 for byte in data if byte < 32 and byte not in (9, 10, 13))
    expected = b"\x00" in data or controls > max(4, len(data) // 200)
    assert _looks_binary(data) == expected


_HEAD_CHARS = st.sampled_from(list("12、-。；产 x"))


@settings(max_examples=200, deadline=None)
@given(st.text(_HEAD_CHARS, max_size=30), st.integers(0, 30))
def test_heads_after_stops_find_what_scanning_every_character_finds(text: str, start: int) -> None:
    """Trying the head only at the start and after each `。` finds the heads finditer finds."""
    head = re.compile(r"\s*\d+\s*、\s*\d+\s*-")
    start = min(start, len(text))
    scanning = re.compile(r"(?:^|。)(" + head.pattern + ")")
    expected = [match.span(1) for match in scanning.finditer(text, start)]
    assert [match.span() for match in heads_after_stops(head, text, start)] == expected


_GRAM_CHARS = st.sampled_from(list("购置车辆经费运维 ，。\x00"))


@settings(max_examples=150, deadline=None)
@given(
    st.text(_GRAM_CHARS, max_size=12),
    st.lists(st.text(_GRAM_CHARS, max_size=5), max_size=4),
    st.lists(st.text(_GRAM_CHARS, min_size=1, max_size=4), max_size=4),
)
def test_grams_among_are_the_wanted_block_grams(
    target: str, indicator_names: list[str], names: list[str]
) -> None:
    """Looking a block's bigrams up in the wanted set keeps exactly the wanted block bigrams."""
    wanted = frozenset().union(*map(grams, names))
    assert grams_among(target, indicator_names, wanted) == wanted & block_grams(
        target, indicator_names
    )


def _reference_content_matrix(
    names: list[str], blocks: list[tuple[str, list[str]]]
) -> list[list[float]]:
    """Weigh every name bigram by its rarity among the blocks, one bigram at a time."""
    sets = [block_grams(target, indicator_names) for target, indicator_names in blocks]
    rows = []
    for name in names:
        own = grams(name)
        weight = {
            gram: round(1e6 * math.log(1.0 + len(sets) / max(sum(gram in s for s in sets), 1))
                        * (GENERIC_WEIGHT if gram in GENERIC_GRAMS else 1.0))
            for gram in own
        }
        total = sum(weight.values())
        rows.append([sum(weight[gram] for gram in own & s) / total if total else 0.0
                     for s in sets])
    return rows


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(st.sampled_from(list("购置车辆经费工作运维")), max_size=5), max_size=5),
    st.lists(st.tuples(st.text(st.sampled_from(list("购置车辆经费工作运维，")), max_size=8),
                       st.lists(st.text(st.sampled_from(list("车辆工作")), max_size=3),
                                max_size=2)),
             max_size=5),
)
def test_content_matrix_equals_weighing_each_bigram_alone(
    names: list[str], blocks: list[tuple[str, list[str]]]
) -> None:
    """Weights looked up by block count equal the rarity formula applied gram by gram."""
    assert content_matrix(names, blocks) == _reference_content_matrix(names, blocks)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=6))
def test_subtracting_no_holes_keeps_the_non_empty_pieces(pieces: list[tuple[int, int]]) -> None:
    """Without holes, `subtract` gives what its general walk gives: every non-empty piece."""
    assert subtract(pieces, []) == subtract(pieces, [(10**6, 10**6 + 1)])
