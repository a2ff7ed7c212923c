"""Every name that could take a block for less than MARGIN_CAP more, without looking at all.

A name far from a block would pay the position cost's linear tail to take it, and give up its
own pair; sorted by slot, the least such bound over all names beyond a window is a prefix or
suffix minimum. Names inside the window are bounded one by one, and costed only when their bound
comes under MARGIN_CAP.
"""

from __future__ import annotations

from collections.abc import Sequence

from parser.band_bounds import BandedCosts, Tails
from parser.name_choice import CONTENT_WEIGHT, MARGIN_CAP
from parser.position import PRIOR_DECAY, TAIL_START

# Bounds must clear MARGIN_CAP by this much: they are summed in another order than the costs.
_ROUNDING = 1e-6
_NONE = float("inf")


Best = tuple[float, int, float]
"""The least value, the name text holding it, and the least value of any other text."""


def _with(best: Best, value: float, text: int) -> Best:
    """Return `best` updated with one more name's value."""
    least, holder, other = best
    if text == holder:
        return (min(least, value), holder, other)
    if value < least:
        return (value, text, least)
    return (least, holder, min(other, value))


def _bests(values: Sequence[float], texts: Sequence[int]) -> list[Best]:
    """Return, for every prefix of the names, its `Best`."""
    result: list[Best] = [(_NONE, -1, _NONE)]
    for value, text in zip(values, texts, strict=True):
        result.append(_with(result[-1], value, text))
    return result


def _excluding(best: Best, text: int) -> float:
    """Return the least value of a name whose text is not `text`."""
    return best[2] if best[1] == text else best[0]


class RivalBounds:
    """Finds every name that could take a block for less than MARGIN_CAP more, and its cost."""

    def __init__(self, unit: BandedCosts, column_of: list[int | None], tails: Tails) -> None:
        """Bound, per name, what taking another block could save it (its own pair's cost)."""
        self.unit, self.column_of, self.tails = unit, column_of, tails
        self.own = [0.0 if column is None else unit.cost(row, column)
                    for row, column in enumerate(column_of)]
        # A name holding no block gives nothing up; it is set against the holder's content
        # floor (at most CONTENT_WEIGHT), which the bound adds for every name.
        given_up = [CONTENT_WEIGHT if column is None else own
                    for own, column in zip(self.own, column_of, strict=True)]
        base = [unit.content_floor(row) - lost for row, lost in enumerate(given_up)]
        texts, slots = unit.index.text_of_row, unit.slots
        self.before = _bests([b - PRIOR_DECAY * s for b, s in zip(base, slots, strict=True)],
                             texts)
        after = _bests([b + PRIOR_DECAY * s for b, s in zip(base, slots, strict=True)][::-1],
                       texts[::-1])
        self.after = after[::-1]

    def rivals(self, column: int, mine: int) -> list[tuple[int, float]]:
        """Return (name, extra cost) of every other name within MARGIN_CAP of taking the block.

        Names are looked at outward from the block until the bound on all farther ones clears
        MARGIN_CAP; rivals past it change neither the margin (capped) nor the close ones.
        """
        unit, texts = self.unit, self.unit.index.text_of_row
        mine_text, current = texts[mine], unit.cost(mine, column)
        floor = unit.content_floor(mine)
        after_intercept, before_intercept = self.tails.of(column, unit.count)
        found: list[tuple[int, float]] = []
        radius = TAIL_START - 1  # every name beyond the window lies in the linear tail
        seen_low = seen_high = unit.rows_near(column, 0)[0]
        while True:
            low, high = unit.rows_near(column, radius)
            for row in (*range(low, seen_low), *range(seen_high, high)):
                if (row != mine and texts[row] != mine_text
                        and self._least_extra(row, mine, column, current, floor) < MARGIN_CAP):
                    found.append((row, self._extra(row, mine, column, current)))
            seen_low, seen_high = low, high
            least = floor + min(
                before_intercept + PRIOR_DECAY * column + _excluding(self.before[low], mine_text),
                after_intercept - PRIOR_DECAY * column + _excluding(self.after[high], mine_text),
            )
            if least - current >= MARGIN_CAP + _ROUNDING or (low, high) == (0, len(texts)):
                return found
            radius *= 2

    def _least_extra(self, row: int, mine: int, column: int, current: float, floor: float
                     ) -> float:
        """Return a bound under `_extra` from content floors and position costs alone."""
        unit = self.unit
        least = unit.content_floor(row) + unit.place(row, column) - current - _ROUNDING
        their = self.column_of[row]
        if their is None:
            return least
        return least + floor + unit.place(mine, their) - self.own[row]

    def _extra(self, row: int, mine: int, column: int, current: float) -> float:
        """Return what giving the block to `row` instead would cost, as the full matrix says."""
        cost = self.unit.cost
        their = self.column_of[row]
        if their is None:
            return cost(row, column) - current
        return cost(row, column) + cost(mine, their) - current - self.own[row]
