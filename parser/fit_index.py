"""Content fit of a large unit's names and blocks on demand, without the full name×block matrix.

`content_matrix` (in `parser.fit`) fills every cell, which costs time and memory quadratic in a
unit's size. This index gives the same values cell by cell (`fit`), and finds every cell of a
row or a column at or above a threshold (`row_at_least`, `column_at_least`) by looking only at
blocks (or names) that share one of the bigrams that could reach it: a bigram whose weight, with
all lighter ones of the name, stays under the threshold cannot lift a cell over it alone.
Thresholds are positive: a cell sharing no bigram (fit 0) is never looked at.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from parser.fit import GENERIC_GRAMS, grams_among, rarity_weights, short_grams

# Thresholds are compared with this much slack when pruning, so rounding never drops a cell.
_SLACK = 1e-9


class FitIndex:
    """One unit's names (rows) and blocks (columns), with each distinct name text scored once."""

    def __init__(self, names: Sequence[str], blocks: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Weigh every name bigram by its rarity among the blocks, as `content_matrix` does."""
        texts: dict[str, int] = {}
        self.text_of_row = [texts.setdefault(name, len(texts)) for name in names]
        self.rows_of_text: list[list[int]] = [[] for _ in texts]
        for row, text in enumerate(self.text_of_row):
            self.rows_of_text[text].append(row)
        own = [short_grams(name) for name in texts]
        wanted = frozenset().union(*own)
        self.block_grams = [
            frozenset(grams_among(target, indicator_names, wanted))
            for target, indicator_names in blocks
        ]
        self.weight = self._weights(wanted, len(blocks))
        self.holders: dict[str, list[int]] = {gram: [] for gram in wanted}
        for column, found in enumerate(self.block_grams):
            for gram in found:
                self.holders[gram].append(column)
        self.grams = [tuple(sorted(gram_set, key=self._heaviest_first)) for gram_set in own]
        self.totals = [sum(map(self.weight.__getitem__, gram_set)) for gram_set in own]
        self.reach = [self._reach(grams, total) for grams, total in zip(self.grams, self.totals,
                                                                           strict=True)]
        self.by_gram = self._by_gram()
        self.falling_reach = [[-most for most in reach] for reach in self.reach]
        """Each text's reach negated, rising, to find where a threshold cuts it by bisection."""

    def _weights(self, wanted: frozenset[str], block_count: int) -> dict[str, int]:
        """Return each bigram's weight in micro-units, from how many blocks hold it."""
        counts: dict[str, int] = dict.fromkeys(wanted, 0)
        for found in self.block_grams:
            for gram in found:
                counts[gram] += 1
        plain, generic = rarity_weights(block_count)
        return {
            gram: (generic if gram in GENERIC_GRAMS else plain)[count]
            for gram, count in counts.items()
        }

    def _heaviest_first(self, gram: str) -> tuple[int, str]:
        """Order bigrams by falling weight (then by text, so the order is the same every run)."""
        return (-self.weight[gram], gram)

    def _reach(self, grams: tuple[str, ...], total: int) -> list[float]:
        """Return, per bigram, the largest fit a cell can have if it shares no heavier bigram."""
        reach, remaining = [], total
        for gram in grams:
            reach.append(remaining / total if total else 0.0)
            remaining -= self.weight[gram]
        return reach

    def _by_gram(self) -> dict[str, list[tuple[float, int]]]:
        """Return, per bigram, the (reach, text) of every name text holding it, highest first."""
        by_gram: dict[str, list[tuple[float, int]]] = {}
        for text, (grams, reach) in enumerate(zip(self.grams, self.reach, strict=True)):
            for gram, most in zip(grams, reach, strict=True):
                by_gram.setdefault(gram, []).append((most, text))
        for entries in by_gram.values():
            entries.sort(key=lambda entry: -entry[0])
        return by_gram

    def fit(self, text: int, column: int) -> float:
        """Return the fit (0..1) of a name text to a block, equal to `content_matrix`'s cell."""
        total = self.totals[text]
        if not total:
            return 0.0
        found = self.block_grams[column]
        weight = self.weight
        return sum([weight[gram] for gram in self.grams[text] if gram in found]) / total

    def row_at_least(self, text: int, threshold: float) -> dict[int, float]:
        """Return {block: fit} for every block whose fit to this name text is ≥ `threshold`."""
        return dict(self.row_entries(text, threshold))

    def row_entries(self, text: int, threshold: float) -> Iterator[tuple[int, float]]:
        """Yield (block, fit) for the blocks whose fit to this name text is ≥ `threshold`,
        likeliest first, so a caller looking for one can stop early.

        The weights of the heavy bigrams are summed per block from the bigrams' block lists;
        a block whose sum, with all the light bigrams added, stays under the threshold is
        dropped before its fit is computed.
        """
        total = self.totals[text]
        grams, reach, weight = self.grams[text], self.reach[text], self.weight
        summed: dict[int, int] = {}
        light = len(grams)
        for position, gram in enumerate(grams):
            if reach[position] < threshold - _SLACK:
                light = position
                break
            add = weight[gram]
            for column in self.holders[gram]:
                summed[column] = summed.get(column, 0) + add
        rest = (reach[light] if light < len(grams) else 0.0) - threshold + _SLACK
        for column, heavy in sorted(summed.items(), key=_heaviest):
            if heavy / total + rest < 0:
                break
            block = self.block_grams[column]
            fit = (heavy + sum([weight[gram] for gram in grams[light:] if gram in block])) / total
            if fit >= threshold:
                yield column, fit

    def column_at_least(self, column: int, threshold: float) -> dict[int, float]:
        """Return {name text: fit} for every name text whose fit to this block is ≥ `threshold`."""
        return dict(self.column_entries(column, threshold))

    def column_entries(self, column: int, threshold: float) -> Iterator[tuple[int, float]]:
        """Yield (name text, fit) for the texts whose fit to this block is ≥ `threshold`,
        summing heavy bigrams first as `row_entries` does."""
        summed: dict[int, int] = {}
        weight = self.weight
        for gram in self.block_grams[column]:
            add = weight[gram]
            for most, text in self.by_gram.get(gram, ()):
                if most < threshold - _SLACK:
                    break
                summed[text] = summed.get(text, 0) + add
        for text, heavy in sorted(summed.items(), key=_heaviest):
            total, reach = self.totals[text], self.falling_reach[text]
            light = bisect_right(reach, -(threshold - _SLACK))  # the first bigram left out
            rest = -reach[light] if light < len(reach) else 0.0
            if heavy / total + rest >= threshold - _SLACK:
                fit = self.fit(text, column)
                if fit >= threshold:
                    yield text, fit


def _heaviest(entry: tuple[int, int]) -> tuple[int, int]:
    """Order (key, summed weight) pairs by falling weight, then by key."""
    return (-entry[1], entry[0])
