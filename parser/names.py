"""Give each printed project name to one block of its unit (reading order for now)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from parser.model import Flag

_IGNORED = re.compile(r"[\s，。；：:、,.;（）()“”\"'《》【】\-—_/]")
# Words every budget line uses; alone they say nothing about which block a name belongs to.
GENERIC_GRAMS = frozenset(
    {"经费", "工作", "项目", "专题", "费用", "建设", "服务", "管理", "发展", "广州", "州市", "年度"}
)
_GENERIC_WEIGHT = 0.15


def grams(text: str) -> frozenset[str]:
    """Return the character bigrams of `text` without punctuation and spaces."""
    cleaned = _IGNORED.sub("", text)
    if len(cleaned) == 1:
        return frozenset({cleaned})
    return frozenset(cleaned[i : i + 2] for i in range(len(cleaned) - 1))


def weighted_overlap(
    name_grams: frozenset[str], block_grams: frozenset[str], weights: Mapping[str, float]
) -> float:
    """Return the weighted share (0..1) of a name's bigrams that the block also contains."""
    total = sum(weights.get(gram, 1.0) for gram in name_grams)
    if total <= 0:
        return 0.0
    shared = sum(weights.get(gram, 1.0) for gram in name_grams & block_grams)
    return shared / total


def fit_score(name: str, target: str, indicator_names: Sequence[str]) -> float:
    """Score (0..1) how well a project name fits a block's target and indicator names."""
    name_grams = grams(name)
    block_grams = grams(target).union(*(grams(item) for item in indicator_names))
    weights = {gram: _GENERIC_WEIGHT for gram in name_grams & GENERIC_GRAMS}
    return weighted_overlap(name_grams, block_grams, weights)


@dataclass(frozen=True)
class PrintedName:
    """A name as printed, with its slot: how many of the unit's blocks precede it."""

    text: str
    slot: int


@dataclass(frozen=True)
class BlockText:
    """What a block says, for matching names to it: its target and indicator names."""

    target: str
    indicator_names: tuple[str, ...]


@dataclass
class NameChoice:
    """The name given to one block (index into the unit's names), with confidence and flags."""

    name: int | None
    confidence: float
    flags: list[Flag] = field(default_factory=list)
    alternatives: list[tuple[int, float]] = field(default_factory=list)


UnitInput = tuple[Sequence[PrintedName], Sequence[BlockText]]


def _reading_order(
    names: Sequence[PrintedName], blocks: Sequence[BlockText]
) -> tuple[list[NameChoice], list[int]]:
    choices: list[NameChoice] = []
    used: set[int] = set()
    for index in range(len(blocks)):
        before = [i for i, name in enumerate(names) if name.slot == index]
        if before:
            used.add(before[-1])
            choices.append(NameChoice(before[-1], 0.5))
        else:
            choices.append(
                NameChoice(None, 0.0, [Flag("missing_name", "no name was printed for this block")])
            )
    return choices, [i for i in range(len(names)) if i not in used]


def assign_document(units: Sequence[UnitInput]) -> list[tuple[list[NameChoice], list[int]]]:
    """Assign names to blocks in every unit of a document; return choices and unused names."""
    return [_reading_order(names, blocks) for names, blocks in units]
