"""The banded name assignment of large units gives the full matrix's answers on small units."""

from __future__ import annotations

import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.banded import BandedUnit
from parser.fit import content_matrix
from parser.fit_index import FitIndex
from parser.name_choice import MARGIN_CAP, BlockText, NameChoice, PrintedName
from parser.names import _assign_unit, _certain_offsets, _costs, _prepare
from parser.position import INNER, LAST, OffsetModel, learn_offsets
from parser.sparse_assignment import flattened, sparse_assignment

_CHARS = list("购置车辆经费运维工作信息化监测站点")
_WORDS = st.text(st.sampled_from(_CHARS), min_size=1, max_size=5)


@st.composite
def _units(draw: st.DrawFn, most: int = 12) -> tuple[list[PrintedName], list[BlockText]]:
    """Draw a unit: blocks of target and indicator words, names (some repeated) at any slots."""
    blocks = draw(st.lists(
        st.builds(BlockText, st.text(st.sampled_from(_CHARS), max_size=10),
                  st.lists(_WORDS, max_size=2).map(tuple)),
        min_size=1, max_size=most))
    pool = draw(st.lists(_WORDS, min_size=1, max_size=4))
    texts = draw(st.lists(st.one_of(st.sampled_from(pool), _WORDS), min_size=1, max_size=most))
    slots = sorted(draw(st.lists(st.integers(0, len(blocks)), min_size=len(texts),
                                 max_size=len(texts))))
    return [PrintedName(text, slot) for text, slot in zip(texts, slots, strict=True)], blocks


_OBSERVED = st.lists(st.tuples(st.integers(-3, 4), st.sampled_from([INNER, LAST])), max_size=20)


def _described(choice: NameChoice) -> tuple[object, ...]:
    """Return everything a choice tells, flags by code and message."""
    flags = [(flag.code, flag.message) for flag in choice.flags]
    return (choice.name, choice.confidence, flags, choice.alternatives)


@settings(max_examples=300, deadline=None)
@given(_units(), _OBSERVED)
def test_banded_unit_gives_the_full_matrix_answers(
    unit: tuple[list[PrintedName], list[BlockText]], observed: list[tuple[int, str]]
) -> None:
    """Same certain matches; an equally cheap matching; the same choices when it is the same.

    Two matchings can only differ where they cost exactly the same (a tie the text cannot
    decide), which the full search and the banded one may break differently.
    """
    names, blocks = unit
    full, banded = _prepare(names, blocks), BandedUnit(names, blocks)
    certain = _certain_offsets(full)
    assert banded.certain_offsets() == certain
    model = learn_offsets(observed + certain)
    (full_choices, full_unused), (band_choices, band_unused) = (
        _assign_unit(full, model), banded.assign(model))
    costs = _costs(full, model)

    def total(choices: list[NameChoice]) -> float:
        return math.fsum(costs[c.name][j] for j, c in enumerate(choices) if c.name is not None)

    assert math.isclose(total(full_choices), total(band_choices), abs_tol=1e-9)
    if [c.name for c in full_choices] == [c.name for c in band_choices]:
        assert list(map(_described, full_choices)) == list(map(_described, band_choices))
        assert full_unused == band_unused


def test_names_printed_far_from_their_blocks_widen_the_band() -> None:
    """Names printed all together after 30 blocks are still matched as the full matrix does."""
    blocks = [BlockText(f"{word}采购", ()) for word in itertools.islice(
        itertools.cycle(["车辆", "监测", "运维", "信息", "站点"]), 30)]
    names = [PrintedName(f"{block.target[:2]}经费", 30) for block in blocks]
    model = learn_offsets([])
    full = [c.name for c in _assign_unit(_prepare(names, blocks), model)[0]]
    assert [c.name for c in BandedUnit(names, blocks).assign(model)[0]] == full


def test_one_name_printed_two_thousand_times_is_matched_near_each_block() -> None:
    """A unit where every name is `购置经费` (a tie everywhere) keeps every name by its block."""
    blocks = [BlockText("更新购置车辆" if index % 3 else "开展培训", ()) for index in range(2000)]
    names = [PrintedName("购置经费", index + 1) for index in range(2000)]
    choices, unused = BandedUnit(names, blocks).assign(learn_offsets([]))
    assert unused == []
    assert all(c.name is not None and abs(c.name - column) <= 2
               for column, c in enumerate(choices))


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6),
       st.lists(st.tuples(st.text(st.sampled_from(_CHARS), max_size=10),
                          st.lists(_WORDS, max_size=2)), min_size=1, max_size=6),
       st.floats(0.01, 1.0))
def test_fit_index_finds_the_matrix_cells_over_a_threshold(
    names: list[str], blocks: list[tuple[str, list[str]]], threshold: float
) -> None:
    """Cells on demand equal the matrix's; threshold searches miss none and add none."""
    matrix = content_matrix(names, blocks)
    index = FitIndex(names, blocks)
    for row, name in enumerate(names):
        text = index.text_of_row[row]
        assert [index.fit(text, column) for column in range(len(blocks))] == matrix[row]
        expected = {column: fit for column, fit in enumerate(matrix[row]) if fit >= threshold}
        assert index.row_at_least(text, threshold) == expected
        assert names.index(name) == index.rows_of_text[text][0]
    for column in range(len(blocks)):
        expected = {index.text_of_row[row]: matrix[row][column] for row in range(len(names))
                    if matrix[row][column] >= threshold}
        assert index.column_at_least(column, threshold) == expected


_COSTS = st.integers(1, 5).flatmap(lambda rows: st.integers(rows, 6).flatmap(
    lambda columns: st.lists(st.lists(st.integers(0, 20), min_size=columns, max_size=columns),
                             min_size=rows, max_size=rows)))


@settings(max_examples=200, deadline=None)
@given(_COSTS)
def test_sparse_assignment_on_all_pairs_is_optimal_with_a_proof(costs: list[list[int]]) -> None:
    """Given every pair, it finds a cheapest matching; its flattened potentials prove it."""
    edges = [[(column, float(cost)) for column, cost in enumerate(row)] for row in costs]
    matching = sparse_assignment(edges, len(costs[0]))
    assert matching is not None
    cheapest = min(sum(row[column] for row, column in zip(costs, columns, strict=False))
                   for columns in itertools.permutations(range(len(costs[0])), len(costs)))
    assert sum(row[c] for row, c in zip(costs, matching.column_of, strict=True)) == cheapest
    proof = flattened(edges, matching)
    for row, pairs in enumerate(edges):
        for column, cost in pairs:
            reduced = cost - proof.row_potential[row] - proof.column_potential[column]
            assert reduced >= -1e-9
            if matching.column_of[row] == column:
                assert abs(reduced) < 1e-9
    free = set(range(len(costs[0]))) - set(matching.column_of)
    assert all(proof.column_potential[column] == 0 for column in free)
    assert all(value <= 1e-9 for value in proof.column_potential)


def test_sparse_assignment_says_when_the_pairs_cannot_match_every_row() -> None:
    assert sparse_assignment([[(0, 1.0)], [(0, 2.0)]], 2) is None


def test_margins_past_the_cap_round_to_certainty_for_every_penalty() -> None:
    """Confidence is reported to four decimals after a 0.8 penalty per structural flag; for
    any margin past MARGIN_CAP it is what an infinite margin gives, so the cap changes nothing."""
    at_cap = 1.0 / (1.0 + math.exp(-MARGIN_CAP))
    for flags in range(200):
        penalty = 0.8**flags
        assert round(at_cap * penalty, 4) == round(penalty, 4)


def test_position_tail_is_the_linear_bound_the_proofs_use() -> None:
    """`OffsetModel.tail` gives the cost of every offset past the learned range."""
    model: OffsetModel = learn_offsets([(1, INNER), (2, INNER), (0, LAST)])
    for context in (INNER, LAST):
        after, before = model.tail(context)
        for offset in range(7, 60):
            assert math.isclose(model.cost(offset, context), after + 0.5 * offset)
            assert math.isclose(model.cost(-offset, context), before + 0.5 * offset)
