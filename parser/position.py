"""Where a document prints names relative to their blocks, learned from matches content makes sure.

The offset of a name is its slot (how many of the unit's blocks precede it) minus its block's
index: 0 when printed right before its block, 1 right after. Layout engines treat a group's last
row differently, so offsets are learned separately for the unit's last block and for the others,
each backing off to the pooled estimate, which backs off to a neutral prior.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# Offsets farther than this share the prior's tail; documents with a wilder layout are rare.
MAX_OFFSET = 6
# How many observations a back-off distribution is worth: a few, so clear evidence dominates.
PRIOR_WEIGHT = 3.0
# How fast the neutral prior falls off with distance; gentle, so unseen offsets stay comparable.
PRIOR_DECAY = 0.5
INNER, LAST = "inner", "last"
# Offsets this far or farther cost the prior's linear tail (see `OffsetModel.tail`).
TAIL_START = MAX_OFFSET + 1

Observation = tuple[int, str]
"""An observed (offset, context) pair, context being INNER or LAST."""


def _neutral_prior() -> dict[int, float]:
    """Names sit next to their block, before (0) or after it (1), less often farther away."""
    weights = {
        offset: math.exp(-PRIOR_DECAY * abs(offset - 0.5))
        for offset in range(-MAX_OFFSET - 1, MAX_OFFSET + 2)
    }
    total = sum(weights.values())
    return {offset: weight / total for offset, weight in weights.items()}


def _smoothed(counts: Counter[int], back_off: dict[int, float]) -> dict[int, float]:
    """Return counts turned into probabilities, smoothed towards `back_off`."""
    total = sum(counts.values())
    return {
        offset: (counts.get(offset, 0) + PRIOR_WEIGHT * probability) / (total + PRIOR_WEIGHT)
        for offset, probability in back_off.items()
    }


def context_of(block_index: int, block_count: int) -> str:
    """Return the context of a block: the unit's last block, or any other."""
    return LAST if block_index == block_count - 1 else INNER


@dataclass(frozen=True)
class OffsetModel:
    """−log P(offset | context) in nats, for every offset within reach plus a shared tail."""

    costs: dict[str, dict[int, float]]
    observations: int

    def cost(self, offset: int, context: str) -> float:
        """Return the position cost of giving a name printed at `offset` to a block."""
        table = self.costs[context]
        clipped = max(-TAIL_START, min(TAIL_START, offset))
        return table[clipped] + (abs(offset - clipped) * PRIOR_DECAY)

    def tail(self, context: str) -> tuple[float, float]:
        """Return (a, b): an offset o ≥ TAIL_START costs a + PRIOR_DECAY·o, and an offset
        o ≤ −TAIL_START costs b − PRIOR_DECAY·o (up to rounding).

        Costs grow linearly past the learned range, which lets all pairs beyond a band be
        bounded without visiting them.
        """
        table = self.costs[context]
        shift = TAIL_START * PRIOR_DECAY
        return table[TAIL_START] - shift, table[-TAIL_START] - shift

    def costs_for(self, offset: int) -> tuple[float, float]:
        """Return the position cost of an offset for an inner block and for a unit's last one."""
        return self.cost(offset, INNER), self.cost(offset, LAST)


def learn_offsets(observed: Iterable[Observation]) -> OffsetModel:
    """Estimate P(offset | context) from confident matches, each level smoothed by the one above."""
    observations = list(observed)
    pooled = _smoothed(Counter(offset for offset, _ in observations), _neutral_prior())
    costs = {}
    for context in (INNER, LAST):
        counts = Counter(offset for offset, where in observations if where == context)
        table = _smoothed(counts, pooled)
        costs[context] = {offset: -math.log(p) for offset, p in table.items()}
    return OffsetModel(costs, len(observations))
