"""How well a project name fits a block's text, from the character bigrams they share."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

_IGNORED = re.compile(r"[\s，。；：:、,.;（）()“”\"'《》【】\-—_/]")
# Words every budget line uses; alone they say nothing about which block a name belongs to.
GENERIC_GRAMS = frozenset(
    {"经费", "工作", "项目", "专题", "费用", "建设", "服务", "管理", "发展", "广州", "州市", "年度"}
)
GENERIC_WEIGHT = 0.15


def grams(text: str) -> frozenset[str]:
    """Return the character bigrams of `text` without punctuation and spaces."""
    cleaned = _IGNORED.sub("", text)
    if len(cleaned) == 1:
        return frozenset({cleaned})
    return frozenset(cleaned[i : i + 2] for i in range(len(cleaned) - 1))


def block_grams(target: str, indicator_names: Sequence[str]) -> frozenset[str]:
    """Return the bigrams of a block: its target and its indicator names."""
    return grams(target).union(*(grams(item) for item in indicator_names))


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


def rarity_weights(blocks: Sequence[frozenset[str]]) -> dict[str, float]:
    """Weight each bigram by how few of the unit's blocks use it, so shared filler counts little."""
    document_frequency = Counter(gram for block in blocks for gram in block)
    count = len(blocks)
    weights = {}
    for gram, frequency in document_frequency.items():
        weight = math.log(1.0 + count / frequency)
        weights[gram] = weight * (GENERIC_WEIGHT if gram in GENERIC_GRAMS else 1.0)
    return weights


def content_matrix(names: Sequence[str], blocks: Sequence[frozenset[str]]) -> list[list[float]]:
    """Return fit (0..1) of every name (rows) to every block (columns), rarity-weighted per unit."""
    weights = dict(rarity_weights(blocks))
    unseen = math.log(1.0 + max(len(blocks), 1))
    rows = []
    for name in names:
        name_grams = grams(name)
        for gram in name_grams - weights.keys():
            weights[gram] = unseen * (GENERIC_WEIGHT if gram in GENERIC_GRAMS else 1.0)
        rows.append([weighted_overlap(name_grams, block, weights) for block in blocks])
    return rows
