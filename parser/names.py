"""Give each printed project name to one block of its unit, by shared words and learned position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from parser.assignment import min_cost_assignment
from parser.banded import BandedUnit
from parser.fit import content_matrix, fit_score
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
from parser.position import Observation, OffsetModel, context_of, learn_offsets

__all__ = ["BlockText", "NameChoice", "PrintedName", "assign_document", "fit_score"]

# Units with more name×block pairs than this are assigned on a band around each name's slot
# (`parser.banded`): the same answers at a cost near-linear in the unit's size. Smaller units
# fill the whole matrix, which is quicker while it is small.
FULL_MATRIX_LIMIT = 200 * 200

UnitInput = tuple[Sequence[PrintedName], Sequence[BlockText]]
Assigned = tuple[list[NameChoice], list[int]]
"""Each block's choice, and the names no block took."""


@dataclass(slots=True)
class _Unit:
    """One unit's names, blocks and their content fit matrix."""

    names: Sequence[PrintedName]
    blocks: Sequence[BlockText]
    fit: list[list[float]]
    last_printed_at: dict[int, int] = field(default_factory=dict)
    """For each slot, the last name printed there (the one right before that block)."""
    texts: list[str] = field(default_factory=list)
    """The names' texts, looked up for every pair of names."""


def _prepare(names: Sequence[PrintedName], blocks: Sequence[BlockText]) -> _Unit:
    """Compute the unit's content fit matrix once for both passes."""
    texts = [(block.target, block.indicator_names) for block in blocks]
    fit = content_matrix([name.text for name in names], texts)
    last_printed_at = {name.slot: row for row, name in enumerate(names)}
    return _Unit(names, blocks, fit, last_printed_at, [name.text for name in names])


def _certain_offsets(unit: _Unit) -> list[Observation]:
    """Return the offsets of matches content alone settles: a clear best on both sides."""
    offsets = []
    # Per block: the best fit, the name holding it first, and the next best (equal on a tie).
    columns = []
    for column in zip(*unit.fit, strict=True):
        top = sorted(column, reverse=True)
        columns.append((top[0], column.index(top[0]), top[1] if len(top) > 1 else 0.0))
    for row, name in enumerate(unit.names):
        scores = unit.fit[row]
        if not scores:
            continue
        best = max(range(len(scores)), key=scores.__getitem__)
        ordered = sorted(scores, reverse=True)
        runner_up = ordered[1] if len(ordered) > 1 else 0.0
        top, holder, second = columns[best]
        rival = top if holder != row else second
        if scores[best] >= CERTAIN_FIT and scores[best] - max(runner_up, rival) >= CERTAIN_MARGIN:
            offsets.append((name.slot - best, context_of(best, len(unit.blocks))))
    return offsets


def _costs(unit: _Unit, model: OffsetModel) -> list[list[float]]:
    """Return the cost of every name for every block: lack of fit plus position cost."""
    count = len(unit.blocks)
    lowest = min((name.slot for name in unit.names), default=0) - count
    highest = max((name.slot for name in unit.names), default=0)
    # (inner, last) position cost of each offset from `lowest` up, computed once per unit.
    position = [model.costs_for(offset) for offset in range(lowest, highest + 1)]
    rows = []
    for row, name in enumerate(unit.names):
        base = name.slot - lowest  # index of offset `slot - column` in `position`, at column 0
        rows.append(
            [
                CONTENT_WEIGHT * (1.0 - fit) + position[base - column][column == count - 1]
                for column, fit in enumerate(unit.fit[row])
            ]
        )
    return rows


def _rivals(
    unit: _Unit,
    costs: list[list[float]],
    owner: list[int | None],
    column_of: list[int | None],
    column: int,
) -> list[tuple[int, float]]:
    """Return (other name, extra cost) for every name that could take this block instead.

    A name held elsewhere would swap blocks with this one; a name held nowhere would replace it.
    Names printed identically (`购置经费` twice) are no real alternative and are skipped.
    """
    mine = owner[column]
    assert mine is not None
    mine_costs, mine_text = costs[mine], unit.texts[mine]
    current = mine_costs[column]
    return [
        (
            row,
            row_costs[column] - current
            if their is None
            else row_costs[column] + mine_costs[their] - current - row_costs[their],
        )
        for row, (their, row_costs, text) in enumerate(
            zip(column_of, costs, unit.texts, strict=True)
        )
        if row != mine and text != mine_text
    ]


def _choice(
    unit: _Unit,
    costs: list[list[float]],
    owner: list[int | None],
    column_of: list[int | None],
    column: int,
) -> NameChoice:
    """Describe one block's assigned name: confidence, flags and close alternatives."""
    row = owner[column]
    if row is None:
        return no_name()
    rivals = _rivals(unit, costs, owner, column_of, column)
    printed_before = unit.last_printed_at.get(column) == row
    return describe_choice(
        unit.names, row, rivals, printed_before, lambda other: unit.fit[other][column]
    )


def _assign_unit(unit: _Unit, model: OffsetModel) -> Assigned:
    """Assign a unit's names optimally and describe each block's choice."""
    costs = _costs(unit, model)
    by_row = min_cost_assignment(costs)
    owner: list[int | None] = [None] * len(unit.blocks)
    for row, column in enumerate(by_row):
        if column is not None:
            owner[column] = row
    choices = [_choice(unit, costs, owner, by_row, column) for column in range(len(unit.blocks))]
    unused = [row for row, column in enumerate(by_row) if column is None]
    return choices, unused


def assign_document(units: Sequence[UnitInput]) -> list[Assigned]:
    """Assign names to blocks in every unit, learning the position pattern from the document."""
    prepared = [
        BandedUnit(names, blocks) if len(names) * len(blocks) > FULL_MATRIX_LIMIT
        else _prepare(names, blocks)
        for names, blocks in units
    ]
    model = learn_offsets(
        offset
        for unit in prepared
        for offset in (
            unit.certain_offsets() if isinstance(unit, BandedUnit) else _certain_offsets(unit)
        )
    )
    return [
        unit.assign(model) if isinstance(unit, BandedUnit) else _assign_unit(unit, model)
        for unit in prepared
    ]
