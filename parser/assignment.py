"""Minimum-cost one-to-one assignment (Hungarian method), small and dependency-free."""

from __future__ import annotations

from collections.abc import Sequence

_INFINITY = float("inf")


def _square(costs: Sequence[Sequence[float]], size: int) -> list[list[float]]:
    """Pad a rectangular matrix to `size`×`size` with zero-cost dummy rows and columns."""
    rows = [list(row) + [0.0] * (size - len(row)) for row in costs]
    rows.extend([0.0] * size for _ in range(size - len(rows)))
    return rows


def _row_minima(costs: Sequence[Sequence[float]]) -> list[int | None] | None:
    """Return each row's cheapest column when every row has one alone and no two share it.

    Then that matching is the only optimum: any other moves some row off its strict minimum
    and costs more. Most units of a document are settled this way without the full search.
    """
    chosen: list[int | None] = []
    for row in costs:
        lowest = min(row)
        column = row.index(lowest)
        if lowest in row[column + 1 :]:
            return None
        chosen.append(column)
    return chosen if len(set(chosen)) == len(chosen) else None


def min_cost_assignment(costs: Sequence[Sequence[float]]) -> list[int | None]:
    """Return, for each row, the column it gets (or None) in a minimum-total-cost matching.

    Rectangular matrices are padded, so min(rows, columns) pairs are always made. The
    shortest-augmenting-path form below costs O(n²) per row on well-separated problems and
    O(n³) at worst, which stays well under a second for a few hundred rows.
    """
    row_count = len(costs)
    column_count = max((len(row) for row in costs), default=0)
    size = max(row_count, column_count)
    if size == 0:
        return []
    if row_count == column_count:
        settled = _row_minima(costs)
        if settled is not None:
            return settled
    return _hungarian(costs, row_count, column_count, size)


def _hungarian(
    costs: Sequence[Sequence[float]], row_count: int, column_count: int, size: int
) -> list[int | None]:
    """Run the shortest-augmenting-path search on the matrix padded to `size`×`size`."""
    matrix = _square(costs, size)
    row_potential = [0.0] * (size + 1)
    column_potential = [0.0] * (size + 1)
    owner = [0] * (size + 1)  # owner[column] = 1-based row matched to it; 0 = free
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        owner[0] = row
        column = 0
        slack = [_INFINITY] * (size + 1)
        visited = [False] * (size + 1)
        while True:
            visited[column] = True
            current = owner[column]
            cost_row = matrix[current - 1]
            base = row_potential[current]
            delta, next_column = _INFINITY, 0
            for candidate in range(1, size + 1):
                if visited[candidate]:
                    continue
                reduced = cost_row[candidate - 1] - base - column_potential[candidate]
                if reduced < slack[candidate]:
                    slack[candidate] = reduced
                    way[candidate] = column
                if slack[candidate] < delta:
                    delta, next_column = slack[candidate], candidate
            for candidate in range(size + 1):
                if visited[candidate]:
                    row_potential[owner[candidate]] += delta
                    column_potential[candidate] -= delta
                else:
                    slack[candidate] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    result: list[int | None] = [None] * row_count
    for column in range(1, size + 1):
        row = owner[column] - 1
        if row < row_count and column - 1 < column_count:
            result[row] = column - 1
    return result
