"""Lower bounds on the costs of pairs outside a band, so a banded matching is proved the full one.

Far from its slot a name's position cost grows linearly (`OffsetModel.tail`), and its content
cost is at least `content_floor`. Sorted by slot, the least bound over all names (or blocks)
beyond a band is then a prefix or suffix minimum, so each proof costs a constant per row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol

from parser.fit_index import FitIndex
from parser.name_choice import CONTENT_WEIGHT
from parser.position import INNER, LAST, PRIOR_DECAY, OffsetModel
from parser.sparse_assignment import Matching

# A pair outside the band may cost as little as its potentials (a tie) up to this rounding.
_TIE = 1e-7
# When the bound fails only for names printed under a few texts, those texts' fits to every
# block replace their floor (a name printed a thousand times is costed once per block).
_EXACT_TEXTS = 16
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
    if not by_name:
        return _certified_by_block(unit, matching, band, tails)
    failing = _failing_by_name(unit, matching, band, tails, range(len(unit.slots)), None)
    texts = {unit.index.text_of_row[row] for row in failing}
    if len(texts) > _EXACT_TEXTS:
        return False
    for text in texts:  # names printed many times: their fits to every block, not a floor
        content = [CONTENT_WEIGHT * (1.0 - unit.index.fit(text, column))
                   for column in range(unit.count)]
        rows = [row for row in failing if unit.index.text_of_row[row] == text]
        if _failing_by_name(unit, matching, band, tails, rows, content):
            return False
    return True


def _failing_by_name(
    unit: BandedCosts, matching: Matching, band: int, tails: Tails, rows: Iterable[int],
    content: list[float] | None,
) -> list[int]:
    """Return the rows (names) whose bound fails, blocks being the columns.

    `content` is the rows' common content cost per block, or None to use each row's floor.
    """
    last = unit.count - 1
    potential = matching.column_potential
    extra = list(content) if content is not None else [0.0] * unit.count
    extra[last] = _NONE  # the last block has its own tail; it is checked with its real cost
    before = _running_min([extra[j] - PRIOR_DECAY * j - potential[j] for j in range(unit.count)])
    after = _suffix_min([extra[j] + PRIOR_DECAY * j - potential[j] for j in range(unit.count)])
    after_intercept, before_intercept = tails.inner
    failing = []
    for row in rows:
        slot = unit.slots[row]
        floor = unit.content_floor(row) if content is None else 0.0
        low, high = slot - band, slot + band
        least = _NONE
        if low > 0:
            least = floor + after_intercept + PRIOR_DECAY * slot + before[min(low, unit.count)]
        if high + 1 < unit.count:
            least = min(least, floor + before_intercept - PRIOR_DECAY * slot + after[high + 1])
        if not low <= last <= high:
            least = min(least, unit.cost(row, last) - potential[last])
        if least - matching.row_potential[row] < -_TIE:
            failing.append(row)
    return failing


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
