"""The parser's fast paths give exactly what the plain definitions they replace give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.fit import grams
from parser.joined import Joined
from parser.names import BlockText, PrintedName, _costs, _prepare
from parser.position import context_of, learn_offsets

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


FieldSpans = list[tuple[str, tuple[int, int]]]


def _reference_fields(
    joined: Joined, ranges: list[tuple[str, int, int]]
) -> tuple[list[str], FieldSpans]:
    """Trim and map each range on its own with `Joined.trimmed`, the straightforward way."""
    values: list[str] = []
    spans: FieldSpans = []
    for name, start, end in ranges:
        value, pieces = joined.trimmed(start, end)
        values.append(value)
        spans.extend((name, span) for span in pieces)
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
    spans: FieldSpans = []
    values = joined.fields(ranges, spans)
    assert (values, spans) == _reference_fields(joined, ranges)


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
