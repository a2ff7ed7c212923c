"""How well a project name fits a block's text, from the character bigrams they share."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from operator import add

_IGNORED = re.compile(r"[\s，。；：:、,.;（）()“”\"'《》【】\-—_/]")
# Words every budget line uses; alone they say nothing about which block a name belongs to.
GENERIC_GRAMS = frozenset(
    {"经费", "工作", "项目", "专题", "费用", "建设", "服务", "管理", "发展", "广州", "州市", "年度"}
)
GENERIC_WEIGHT = 0.15


def _bigrams(text: str) -> Iterable[str]:
    """Yield the character bigrams of `text` without punctuation and spaces (repeats included);
    a text of one character is its own gram."""
    cleaned = _IGNORED.sub("", text)
    if len(cleaned) == 1:
        return (cleaned,)
    return map(add, cleaned, cleaned[1:])


def grams(text: str) -> frozenset[str]:
    """Return the character bigrams of `text` without punctuation and spaces."""
    return frozenset(_bigrams(text))


short_grams = lru_cache(maxsize=4096)(grams)
"""`grams` memoised, for the short texts that repeat within a document (names, indicator names);
long targets are not kept, so memory stays small over a batch of documents."""


def block_grams(target: str, indicator_names: Sequence[str]) -> frozenset[str]:
    """Return the bigrams of a block: its target and its indicator names (none across them)."""
    return grams(target).union(*map(short_grams, indicator_names))


def weighted_overlap(
    name_grams: frozenset[str], other: frozenset[str], weights: Mapping[str, float]
) -> float:
    """Return the weighted share (0..1) of a name's bigrams that `other` also contains."""
    total = math.fsum(weights.get(gram, 1.0) for gram in name_grams)
    if total <= 0:
        return 0.0
    shared = math.fsum(weights.get(gram, 1.0) for gram in name_grams & other)
    return shared / total


def fit_score(name: str, target: str, indicator_names: Sequence[str]) -> float:
    """Score (0..1) how well a project name fits a block's target and indicator names."""
    name_grams = grams(name)
    weights = {gram: GENERIC_WEIGHT for gram in name_grams & GENERIC_GRAMS}
    return weighted_overlap(name_grams, block_grams(target, indicator_names), weights)


def _rarity(document_frequency: int, block_count: int, generic: bool) -> float:
    """Weight a bigram by how few of the unit's blocks use it, so shared filler counts little."""
    weight = math.log(1.0 + block_count / max(document_frequency, 1))
    return weight * (GENERIC_WEIGHT if generic else 1.0)


def rarity_weights(block_count: int) -> tuple[list[int], list[int]]:
    """Return the weight (micro-units) of a plain and of a generic bigram by how many of the
    unit's `block_count` blocks hold it; integers, so sums are exact whatever the order."""
    counts = range(block_count + 1)
    plain = [round(1e6 * _rarity(count, block_count, False)) for count in counts]
    generic = [round(1e6 * _rarity(count, block_count, True)) for count in counts]
    return plain, generic


def grams_among(target: str, indicator_names: Sequence[str], wanted: frozenset[str]) -> set[str]:
    """Return `block_grams(target, indicator_names) & wanted` without building the whole set.

    A unit's names hold far fewer bigrams than a long target, so looking the target's bigrams
    up in `wanted` costs less than collecting them all first.
    """
    found = set(wanted.intersection(_bigrams(target)))
    for name in indicator_names:
        found.update(wanted.intersection(short_grams(name)))
    return found


def content_matrix(
    names: Sequence[str], blocks: Sequence[tuple[str, Sequence[str]]]
) -> list[list[float]]:
    """Return fit (0..1) of every name (rows) to every block (columns), rarity-weighted per unit.

    Blocks come as (target, indicator names); weights are rounded to integers (micro-units) so
    sums are exact whatever the set order.
    """
    name_grams = [short_grams(name) for name in names]
    wanted = frozenset().union(*name_grams)
    holders: dict[str, list[int]] = {gram: [] for gram in wanted}
    for column, (target, indicator_names) in enumerate(blocks):
        for gram in grams_among(target, indicator_names, wanted):
            holders[gram].append(column)
    # A weight depends only on how many blocks hold the gram and on whether it is generic.
    plain, generic = rarity_weights(len(blocks))
    weight = {
        gram: (generic if gram in GENERIC_GRAMS else plain)[len(columns)]
        for gram, columns in holders.items()
    }
    rows = []
    for own in name_grams:
        total = sum(map(weight.__getitem__, own))
        shared = [0] * len(blocks)
        for gram in own:
            for column in holders[gram]:
                shared[column] += weight[gram]
        rows.append([value / total if total else 0.0 for value in shared])
    return rows
