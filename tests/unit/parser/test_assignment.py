"""The Hungarian method against brute force, and its speed on a unit far larger than the sample."""

from __future__ import annotations

import itertools
import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from parser.assignment import min_cost_assignment


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


def test_a_unit_of_two_hundred_projects_is_fast() -> None:
    rng = random.Random(7)
    size = 200
    costs = [[abs(r - c) * 1.5 + rng.random() * 3 for c in range(size)] for r in range(size)]
    started = time.perf_counter()
    assignment = min_cost_assignment(costs)
    elapsed = time.perf_counter() - started
    assert sorted(column for column in assignment if column is not None) == list(range(size))
    assert elapsed < 3.0, f"{elapsed:.2f}s"
