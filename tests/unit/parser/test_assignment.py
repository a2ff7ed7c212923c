"""The Hungarian method against brute force, its row-minima shortcut, and a unit of 200 rows."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.assignment import _hungarian, _row_minima, min_cost_assignment


def brute_force(costs: list[list[float]]) -> float:
    rows, columns = len(costs), len(costs[0])
    if rows <= columns:
        return min(
            sum(costs[r][c] for r, c in enumerate(perm))
            for perm in itertools.permutations(range(columns), rows)
        )
    return min(
        sum(costs[r][c] for c, r in enumerate(perm))
        for perm in itertools.permutations(range(rows), columns)
    )


matrices = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 5).flatmap(
        lambda columns: st.lists(
            st.lists(st.floats(0, 100, allow_nan=False), min_size=columns, max_size=columns),
            min_size=rows,
            max_size=rows,
        )
    )
)


@settings(max_examples=150, deadline=None)
@given(matrices)
def test_matches_brute_force(costs: list[list[float]]) -> None:
    assignment = min_cost_assignment(costs)
    pairs = [(row, column) for row, column in enumerate(assignment) if column is not None]
    assert len(pairs) == min(len(costs), len(costs[0]))
    assert len({column for _, column in pairs}) == len(pairs)
    total = sum(costs[row][column] for row, column in pairs)
    assert abs(total - brute_force(costs)) < 1e-6


def test_empty() -> None:
    assert min_cost_assignment([]) == []


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 6).flatmap(
    lambda size: st.lists(st.lists(st.integers(0, 9), min_size=size, max_size=size),
                          min_size=size, max_size=size)))
def test_settled_rows_give_what_the_full_search_gives(costs: list[list[int]]) -> None:
    """When every row's strict minimum is its own column, the shortcut is the full answer."""
    settled = _row_minima(costs)
    if settled is not None:
        size = len(costs)
        assert settled == _hungarian(costs, size, size, size)


def test_a_unit_of_two_hundred_projects_is_matched() -> None:
    rng = random.Random(7)
    size = 200
    costs = [[abs(r - c) * 1.5 + rng.random() * 3 for c in range(size)] for r in range(size)]
    assignment = min_cost_assignment(costs)
    assert sorted(column for column in assignment if column is not None) == list(range(size))


def test_rows_with_shared_or_tied_minima_take_the_full_search() -> None:
    """The shortcut answers only when each row's strict minimum is a column of its own."""
    assert _row_minima([[0, 5], [5, 0]]) == [0, 1]
    assert _row_minima([[0, 5], [0, 9]]) is None  # both rows want column 0
    assert _row_minima([[1, 1], [5, 0]]) is None  # row 0 is tied
    assert min_cost_assignment([[0, 5], [0, 9]]) == [1, 0]
