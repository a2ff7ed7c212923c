"""What the name assignment works on and gives back, shared by its full and its banded form."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from parser.model import Flag
from parser.text import N_

# Nats that one full unit of content fit is worth against position evidence.
CONTENT_WEIGHT = 8.0
# A swap costing less than this (odds under 9:1) is too close to call: flag it for a reviewer.
AMBIGUITY_MARGIN = math.log(9.0)
# A swap costing more than this is as good as impossible: confidence rounds to 1.0 at the four
# decimals reported, for every structural penalty. Past it the margin need not be known exactly.
MARGIN_CAP = 12.0
# Content makes a match certain when its best block beats the runner-up by this much.
CERTAIN_FIT = 0.3
CERTAIN_MARGIN = 0.25


class PrintedName(NamedTuple):
    """A name as printed, with its slot: how many of the unit's blocks precede it."""

    text: str
    slot: int


class BlockText(NamedTuple):
    """What a block says, for matching names to it: its target and indicator names."""

    target: str
    indicator_names: tuple[str, ...]


@dataclass(slots=True)
class NameChoice:
    """The name given to one block (index into the unit's names), with confidence and flags."""

    name: int | None
    confidence: float
    flags: list[Flag] = field(default_factory=list)
    alternatives: list[tuple[int, float]] = field(default_factory=list)


# Most blocks of a displaced pattern carry this flag; being frozen, one instance serves them all.
_DISPLACED = Flag.of("name_displaced", N_("the name was printed away from this block"))


def no_name() -> NameChoice:
    """Return the choice of a block no printed name was left for (`missing_name` follows from
    its empty name, in `parser.flags.content_flags`)."""
    return NameChoice(None, 0.0)


def describe_choice(
    names: Sequence[PrintedName],
    row: int,
    rivals: Sequence[tuple[int, float]],
    printed_before: bool,
    fit_of: Callable[[int], float],
) -> NameChoice:
    """Describe a block's assigned name from its rivals' extra costs (all those under the cap).

    `printed_before` tells whether the name is the one printed right before the block, and
    `fit_of(other)` gives another name's content fit to the block.
    """
    margin = max(-50.0, min(MARGIN_CAP, min([delta for _, delta in rivals], default=MARGIN_CAP)))
    confidence = 1.0 / (1.0 + math.exp(-margin))
    close = []
    if margin < AMBIGUITY_MARGIN:  # rarely: most blocks have no rival that close
        close = sorted((delta, other) for other, delta in rivals if delta < AMBIGUITY_MARGIN)
    flags = []
    if close:
        listed = "; ".join(names[other].text for _, other in close)
        template = N_("the text cannot tell this name from: {names}")
        flags.append(Flag.of("name_ambiguous", template, names=listed))
    if not printed_before:
        flags.append(_DISPLACED)
    alternatives = [(other, round(fit_of(other), 4)) for _, other in close]
    return NameChoice(row, confidence, flags, alternatives)
