"""Name assignment of a large unit on a band around each name's slot, with the full answers.

Names are printed near their blocks, so a name is paired only with the blocks within a band of
its slot, and its fit to a block is computed when the pair is looked at (`FitIndex`). What the
full matrix would say is kept exactly: content-certain matches are found by threshold searches
(`certain_offsets`); the band's matching is proved optimal among all pairs by lower bounds on the
costs outside it (`parser.band_bounds`), and widened when the proof fails; a block's rivals are
looked at outward from it until no farther name could come within `MARGIN_CAP` of its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from parser.band_bounds import Tails, certified
from parser.band_rivals import RivalBounds
from parser.fit_index import FitIndex
from parser.name_choice import (
    CERTAIN_FIT,
    CERTAIN_MARGIN,
    CONTENT_WEIGHT,
    BlockText,
    NameChoice,
    PrintedName,
    describe_choice,
    no_name,
)
from parser.position import TAIL_START, Observation, OffsetModel, context_of
from parser.sparse_assignment import Matching, flattened, sparse_assignment

# The first band's half-width in blocks; it grows while the proof of optimality fails. Pairs
# outside a band must lie in the position cost's linear tail, so it is at least TAIL_START − 1.
FIRST_BAND = max(8, TAIL_START - 1)
_SLACK = 1e-9


class BandedUnit:
    """One large unit's names and blocks, scored on demand."""

    def __init__(self, names: Sequence[PrintedName], blocks: Sequence[BlockText]) -> None:
        """Index the names' bigrams in the blocks; nothing is paired yet."""
        self.names = names
        self.slots = [name.slot for name in names]
        self.count = len(blocks)
        self.index = FitIndex([name.text for name in names],
                              [(block.target, block.indicator_names) for block in blocks])
        self.last_printed_at = {name.slot: row for row, name in enumerate(names)}
        self._strongest: dict[int, tuple[float, int] | None] = {}
        self._fits: dict[tuple[int, int], float] = {}
        self.position: list[tuple[float, float]] = []
        self.lowest = 0

    def strongest(self, text: int) -> tuple[float, int] | None:
        """Return a name text's best fit ≥ CERTAIN_FIT and its first block, or None."""
        if text not in self._strongest:
            found = self.index.row_at_least(text, CERTAIN_FIT)
            best = max(found.values(), default=None)
            self._strongest[text] = None if best is None else (
                best, min(column for column, fit in found.items() if fit == best))
        return self._strongest[text]

    def certain_offsets(self) -> list[Observation]:
        """Return the offsets of matches content alone settles, as the full matrix gives them.

        A name printed twice is never certain (its twin fits its block as well). For the others
        the best block must beat every other block of the name, and every other name of the
        block, by CERTAIN_MARGIN: one fit found that close settles it, so searches stop there.
        """
        offsets = []
        for row, slot in enumerate(self.slots):
            text = self.index.text_of_row[row]
            strongest = self.strongest(text)
            if strongest is None or len(self.index.rows_of_text[text]) > 1:
                continue
            best_fit, best = strongest
            if self._settles(text, best_fit, best):
                offsets.append((slot - best, context_of(best, self.count)))
        return offsets

    def _settles(self, text: int, best_fit: float, best: int) -> bool:
        """Tell whether no other block of the name, and no other name of its best block, fits
        within CERTAIN_MARGIN of its best fit."""
        threshold = best_fit - CERTAIN_MARGIN - _SLACK  # a fit under it cannot come close
        runner_up = rival = 0.0
        for column, fit in self.index.row_entries(text, threshold):
            if column != best:
                if best_fit - fit < CERTAIN_MARGIN:
                    return False
                runner_up = max(runner_up, fit)
        for other, fit in self.index.column_entries(best, threshold):
            if other != text:
                if fit >= best_fit or best_fit - fit < CERTAIN_MARGIN:
                    return False
                rival = max(rival, fit)
        return best_fit - max(runner_up, rival) >= CERTAIN_MARGIN

    def fit(self, row: int, column: int) -> float:
        """Return a name's fit to a block, remembered for the rival search."""
        key = (self.index.text_of_row[row], column)
        found = self._fits.get(key)
        if found is None:
            found = self._fits[key] = self.index.fit(key[0], column)
        return found

    def cost(self, row: int, column: int) -> float:
        """Return the cost of a pair, computed as the full matrix computes it."""
        fit = self.fit(row, column)
        place = self.position[self.slots[row] - self.lowest - column]
        return CONTENT_WEIGHT * (1.0 - fit) + place[column == self.count - 1]

    def place(self, row: int, column: int) -> float:
        """Return the position part of a pair's cost."""
        return self.position[self.slots[row] - self.lowest - column][column == self.count - 1]

    def content_floor(self, row: int) -> float:
        """Return the least content cost a name can have with any block."""
        strongest = self.strongest(self.index.text_of_row[row])
        return CONTENT_WEIGHT * (1.0 - (CERTAIN_FIT if strongest is None else strongest[0]))

    def assign(self, model: OffsetModel) -> tuple[list[NameChoice], list[int]]:
        """Assign the names optimally and describe each block's choice."""
        self.lowest = min(self.slots) - self.count
        self.position = [model.costs_for(offset)
                         for offset in range(self.lowest, max(self.slots) + 1)]
        tails = Tails(model)
        column_of = self._matching(tails)
        owner: list[int | None] = [None] * self.count
        for row, column in enumerate(column_of):
            if column is not None:
                owner[column] = row
        bounds = RivalBounds(self, column_of, tails)
        choices = [self._choice(owner, column_of, column, bounds) for column in range(self.count)]
        return choices, [row for row, column in enumerate(column_of) if column is None]

    def _matching(self, tails: Tails) -> list[int | None]:
        """Match on a band around each slot, widening it until the match is proved optimal."""
        band = FIRST_BAND
        by_name = len(self.names) <= self.count
        while True:
            edges = self._band_edges(band, by_name)
            matching = sparse_assignment(edges, self.count if by_name else len(self.names))
            if matching is not None:
                matching = flattened(edges, matching)
                if certified(self, matching, band, by_name, tails):
                    return self._by_name(matching, by_name)
            band *= 4

    def _band_edges(self, band: int, by_name: bool) -> list[list[tuple[int, float]]]:
        """Return the allowed pairs with their costs, row by row (names, or blocks)."""
        if by_name:
            return [
                [(column, self.cost(row, column))
                 for column in range(max(0, slot - band), min(self.count, slot + band + 1))]
                for row, slot in enumerate(self.slots)
            ]
        return [
            [(row, self.cost(row, column)) for row in range(*self.rows_near(column, band))]
            for column in range(self.count)
        ]

    def rows_near(self, column: int, band: int) -> tuple[int, int]:
        """Return the range of names whose slot lies within `band` of a block."""
        return bisect_left(self.slots, column - band), bisect_right(self.slots, column + band)

    def _by_name(self, matching: Matching, by_name: bool) -> list[int | None]:
        """Return each name's block (None for a name no block took)."""
        if by_name:
            return list(matching.column_of)
        column_of: list[int | None] = [None] * len(self.names)
        for column, row in enumerate(matching.column_of):
            column_of[row] = column
        return column_of

    def _choice(
        self, owner: list[int | None], column_of: list[int | None], column: int,
        bounds: RivalBounds,
    ) -> NameChoice:
        """Describe one block's assigned name from the rivals near enough to matter."""
        mine = owner[column]
        if mine is None:
            return no_name()
        rivals = bounds.rivals(column, mine)
        printed_before = self.last_printed_at.get(column) == mine
        text_of = self.index.text_of_row
        return describe_choice(self.names, mine, rivals, printed_before,
                               lambda other: self.index.fit(text_of[other], column))

