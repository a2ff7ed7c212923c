"""Minimum-cost assignment over the few allowed pairs of each row, with the proof of optimality.

Each row lists the columns it may take (a band) with their costs. Rows are added one at a time,
each by the cheapest augmenting path found with Dijkstra's search on reduced costs (the
shortest-augmenting-path method, as `parser.assignment` runs it on a full matrix). The potentials
it keeps are returned: they prove the matching optimal among all pairs, not only the listed
ones, when no unlisted pair costs less than its row's and column's potentials together (column
potentials are never positive and free columns keep 0, so the linear programme's dual is then
feasible); the caller checks that with lower bounds on the unlisted costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from heapq import heapify, heappop, heappush

# Improvements smaller than this are rounding in sums of costs, not a shorter path.
_NOISE = 1e-9

Edges = Sequence[Sequence[tuple[int, float]]]
"""For each row, the (column, cost) pairs it may take."""


@dataclass(slots=True)
class Matching:
    """Every row's column, with row and column potentials (free columns keep potential 0)."""

    column_of: list[int]
    row_potential: list[float]
    column_potential: list[float]


def _search(
    edges: Edges, start: int, row_of: list[int], row_potential: list[float],
    column_potential: list[float],
) -> tuple[int, dict[int, float], dict[int, int]] | None:
    """Find the nearest free column from row `start`; return it, settled distances and paths."""
    settled: dict[int, float] = {}
    tentative: dict[int, float] = {}
    reached_from: dict[int, int] = {}  # column -> the row whose edge reached it last
    heap: list[tuple[float, bool, int]] = []  # (distance, taken, column): free ones pop first
    row, distance = start, 0.0
    while True:
        base = distance - row_potential[row]
        for column, cost in edges[row]:
            if column in settled:
                continue
            reach = base + cost - column_potential[column]
            if reach < tentative.get(column, float("inf")):
                tentative[column] = reach
                reached_from[column] = row
                heappush(heap, (reach, row_of[column] >= 0, column))
        while heap and heap[0][2] in settled:
            heappop(heap)
        if not heap:
            return None  # no free column reachable through the allowed pairs
        distance, _taken, column = heappop(heap)
        settled[column] = distance
        if row_of[column] < 0:
            return column, settled, reached_from
        row = row_of[column]


def sparse_assignment(edges: Edges, column_count: int) -> Matching | None:
    """Give every row a distinct column at least total cost, or None if the pairs cannot.

    Rows must be no more than columns. Reduced costs (cost − row − column potential) stay ≥ 0
    on every listed pair and are 0 on the matched ones.
    """
    row_count = len(edges)
    row_potential = [0.0] * row_count
    column_potential = [0.0] * column_count
    row_of = [-1] * column_count
    column_of = [-1] * row_count
    for start in range(row_count):
        found = _search(edges, start, row_of, row_potential, column_potential)
        if found is None:
            return None
        free, settled, reached_from = found
        total = settled[free]
        for column, distance in settled.items():
            if column != free:
                column_potential[column] -= total - distance
                row_potential[row_of[column]] += total - distance
        row_potential[start] += total
        column = free
        while True:  # flip the path: each row on it takes the column that reached from it
            row = reached_from[column]
            previous = column_of[row]
            row_of[column], column_of[row] = row, column
            if row == start:
                break
            column = previous
    return Matching(column_of, row_potential, column_potential)


def flattened(edges: Edges, matching: Matching) -> Matching:
    """Return the same matching with the potentials nearest to zero that still prove it.

    The search's potentials drift with the order rows were added in, which can make pairs far
    outside the band look cheaper than they are. Column potentials set to the shortest
    alternating-path distances from a zero start (over the listed pairs, searched on the
    search's reduced costs) stay 0 wherever each row holds its own cheapest column, and change
    only around real contests; row potentials follow from the matched pairs.
    """
    old_row, old_column = matching.row_potential, matching.column_potential
    row_of = [-1] * len(old_column)
    for row, column in enumerate(matching.column_of):
        row_of[column] = row
    reduced = [-value for value in old_column]  # distances on reduced costs, from a zero start
    heap = [(distance, column) for column, distance in enumerate(reduced)]
    heapify(heap)
    while heap:
        distance, column = heappop(heap)
        row = row_of[column]
        if distance > reduced[column] or row < 0:
            continue  # a stale entry, or a free column (no row to move along)
        base = distance - old_row[row]
        for other, cost in edges[row]:
            reach = base + cost - old_column[other]
            if reach < reduced[other] - _NOISE:  # rounding must not send it round a zero cycle
                reduced[other] = reach
                heappush(heap, (reach, other))
    column_potential = [distance + value for distance, value in zip(reduced, old_column,
                                                                    strict=True)]
    row_potential = [
        value + old_column[column] - column_potential[column]
        for value, column in zip(old_row, matching.column_of, strict=True)
    ]
    return Matching(matching.column_of, row_potential, column_potential)
