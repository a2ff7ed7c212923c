"""Lower bounds on the costs of pairs outside a band, so a banded matching is proved the full one.

Far from its slot a name's position cost grows linearly (`OffsetModel.tail`), and its content
cost is at least `content_floor`. Sorted by slot, the least bound over all names (or blocks)
beyond a band is then a prefix or suffix minimum, so each proof costs a constant per row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from parser.fit_index import FitIndex
from parser.position import INNER, LAST, PRIOR_DECAY, OffsetModel
from parser.sparse_assignment import Matching

# A pair outside the band may cost as little as its potentials (a tie) up to this rounding.
_TIE = 1e-7
_NONE = math.inf


class BandedCosts(Protocol):
    """What the bounds need of a banded unit: slots, costs and where names lie."""

    slots: list[int]
    count: int
    index: FitIndex

    def cost(self, row: int, column: int) -> float:
        """Return the cost of giving name `row` to block `column`."""

    def content_floor(self, row: int) -> float:
        """Return the least content cost name `row` can have with any block."""

    def place(self, row: int, column: int) -> float:
        """Return the position part of the cost of giving name `row` to block `column`."""

    def rows_near(self, column: int, band: int) -> tuple[int, int]:
        """Return the range of names whose slot lies within `band` of block `column`."""


class Tails:
    """The linear tails of the position cost, for a unit's inner blocks and its last block."""

    def __init__(self, model: OffsetModel) -> None:
        """Read the tails' intercepts from the learned model."""
        self.inner = model.tail(INNER)
        self.last = model.tail(LAST)

    def of(self, column: int, count: int) -> tuple[float, float]:
        """Return the (after, before) intercepts for a block's context."""
        return self.last if column == count - 1 else self.inner


def _running_min(values: Sequence[float]) -> list[float]:
    """Return m with m[k] = min(values[:k]) (infinity for none)."""
    result, least = [_NONE], _NONE
    for value in values:
        least = min(least, value)
        result.append(least)
    return result


def _suffix_min(values: Sequence[float]) -> list[float]:
    """Return m with m[k] = min(values[k:]) (infinity for none)."""
    return _running_min(values[::-1])[::-1]


def certified(
    unit: BandedCosts, matching: Matching, band: int, by_name: bool, tails: Tails
) -> bool:
    """Tell whether no pair outside the band costs less than its two potentials together.

    Then no matching using such a pair costs less (a tie is allowed: another matching as good).
    """
    if by_name:
        return _ByName(unit, matching, tails).holds(band)
    return _certified_by_block(unit, matching, band, tails)


class _ByName:
    """The proof when names are the rows and blocks the columns.

    A row's floor bound over all blocks beyond the band is a prefix (or suffix) minimum. Where it
    fails (a loose floor), the blocks beyond are costed one by one, outward, until the bound on
    those left clears the row's potential.
    """

    def __init__(self, unit: BandedCosts, matching: Matching, tails: Tails) -> None:
        """Tabulate, per block, the least position-and-potential term of all blocks before it
        and of all blocks after it (the last block has its own tail and is checked alone)."""
        self.unit, self.matching = unit, matching
        self.last = unit.count - 1
        potential = matching.column_potential
        inner = [0.0] * self.last + [_NONE]
        self.before = _running_min([inner[j] - PRIOR_DECAY * j - potential[j]
                                    for j in range(unit.count)])
        self.after = _suffix_min([inner[j] + PRIOR_DECAY * j - potential[j]
                                  for j in range(unit.count)])
        self.after_intercept, self.before_intercept = tails.inner

    def holds(self, band: int) -> bool:
        """Tell whether every row's bound holds."""
        return all(self._row_holds(row, band) for row in range(len(self.unit.slots)))

    def _row_holds(self, row: int, band: int) -> bool:
        """Tell whether no block outside a row's band costs less than the two potentials."""
        unit, slot = self.unit, self.unit.slots[row]
        limit = self.matching.row_potential[row] - _TIE
        floor = unit.content_floor(row)
        low, high = slot - band, slot + band
        if not low <= self.last <= high and self._reduced(row, self.last) < limit:
            return False
        left = floor + self.after_intercept + PRIOR_DECAY * slot
        while low > 0 and left + self.before[min(low, unit.count)] < limit:
            low -= 1  # the floor is too loose here: cost the nearest block outside exactly
            if low != self.last and self._reduced(row, low) < limit:
                return False
        right = floor + self.before_intercept - PRIOR_DECAY * slot
        while high + 1 < unit.count and right + self.after[high + 1] < limit:
            high += 1
            if high != self.last and self._reduced(row, high) < limit:
                return False
        return True

    def _reduced(self, row: int, column: int) -> float:
        """Return a pair's cost less its column's potential."""
        return self.unit.cost(row, column) - self.matching.column_potential[column]


def _certified_by_block(unit: BandedCosts, matching: Matching, band: int, tails: Tails) -> bool:
    """Check the bound row by row when blocks are the rows and names the columns."""
    potential = matching.column_potential
    floors = [unit.content_floor(row) for row in range(len(unit.slots))]
    before = _running_min([floor - PRIOR_DECAY * slot - value
                           for floor, slot, value in zip(floors, unit.slots, potential,
                                                         strict=True)])
    after = _suffix_min([floor + PRIOR_DECAY * slot - value
                         for floor, slot, value in zip(floors, unit.slots, potential,
                                                       strict=True)])
    for column in range(unit.count):
        low, high = unit.rows_near(column, band)
        after_intercept, before_intercept = tails.of(column, unit.count)
        least = min(before_intercept + PRIOR_DECAY * column + before[low],
                    after_intercept - PRIOR_DECAY * column + after[high])
        if least - matching.row_potential[column] < -_TIE:
            return False
    return True
