"""Rank tens of thousands of known project names per keystroke, exactly as a full scan would.

The rename picker scores a name by rapidfuzz's `WRatio` on processed keys (lower case, letters and
digits only, so a Chinese name is one token), rounded to 6 decimals so that equal scores reached by
different float paths tie. Scoring all 50,000 names takes about 70–90 ms; this index returns the
same top results in a few milliseconds by never scoring names that cannot make the list.

Why it is exact: for single-token keys WRatio is `ratio` (lengths within 1.5×) or the larger of
`ratio` and 0.9/0.6 × `partial_ratio`. Both are Indel similarities, so with `c` the longest common
subsequence (LCS) of query and name, `ratio` = 2c/(lq+ln) and every `partial_ratio` window gives at
most 2c/(ls+c). Names are grouped by key length; groups are visited best possible bound first. In
each group one C-speed LCS pass (rapidfuzz's bit-parallel `LCSseq`) keeps only names whose bound
can reach the current last place, and only those are scored. A bound equal to the last place can at
best tie, and ties keep input order, so such a group is scanned only below the last place's id.
Names sharing no character score 0 and are never listed. (A bigram index cannot be exact here: a
name can share a long subsequence with the query without sharing any bigram.)
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import LCSseq

DECIMALS = 6
_SEED_POOL = 4000  # the seeds are picked among this many names holding the query's rarest chars
_FLOAT_SLACK = 1e-9  # a bound computed here must never fall below the score rapidfuzz computes


def name_key(name: str) -> str:
    """Return the string the scorer compares: lower case, letters and digits only, no spaces."""
    return utils.default_process(name).replace(" ", "")


def score(query: str, name: str) -> float:
    """Return the picker's score of a name for a query (0–100): the reference the index matches."""
    return round(fuzz.WRatio(name_key(query), name_key(name)), DECIMALS)


def upper_bound(common: int, query_length: int, name_length: int) -> float:
    """Return the most `score` can be for keys of these lengths whose LCS is `common` long."""
    longer, shorter = max(query_length, name_length), min(query_length, name_length)
    bound = 200.0 * common / (query_length + name_length)
    if longer / shorter >= 1.5:
        scale = 0.9 if longer / shorter <= 8.0 else 0.6
        bound = max(bound, scale * 200.0 * common / (shorter + common))
    return round(bound + _FLOAT_SLACK, DECIMALS)


class _Leaders:
    """The best (score, id) pairs so far, best first, ties by id; at most `limit` of them."""

    def __init__(self, limit: int) -> None:
        """Start empty."""
        self.limit = limit
        self.entries: list[tuple[float, int]] = []  # (-score, id), sorted
        self.scored: set[int] = set()

    @property
    def last_score(self) -> float:
        """Return the score a name must reach to enter (0 while the list is not full)."""
        return -self.entries[-1][0] if len(self.entries) == self.limit else 0.0

    def may_enter(self, bound: float, name_id: int) -> bool:
        """Tell whether a name scoring at most `bound` could still enter the list."""
        if len(self.entries) < self.limit:
            return bound > 0
        last_score = -self.entries[-1][0]
        return bound > last_score or (bound == last_score and name_id < self.entries[-1][1])

    def score(self, query_key: str, keys: list[str], ids: list[int]) -> None:
        """Score names (keys with their ids) and keep the best `limit` of all scored so far."""
        self.scored.update(ids)
        # The cutoff lets rapidfuzz give up early on hopeless names. It stays a point below the
        # last place: with a cutoff within 1e-6 of a score, rapidfuzz's WRatio drops names that
        # score exactly that (a tie the full scan keeps); the sort below does the exact cut.
        cutoff = max(0.0, self.last_score - 1.0)
        results = process.extract(
            query_key, keys, scorer=fuzz.WRatio, limit=None, score_cutoff=cutoff
        )
        self.entries.extend(
            (-round(value, DECIMALS), ids[index]) for _key, value, index in results if value > 0
        )
        self.entries.sort()
        del self.entries[self.limit :]


def character_postings(keys: list[str]) -> dict[str, list[int]]:
    """Return, for every character, the positions of the keys holding it (ascending)."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        for char in set(key):
            postings[char].append(position)
    return dict(postings)


class _LengthGroup:
    """Names whose keys have one length, in input order, with a character index over them."""

    def __init__(self, length: int) -> None:
        """Start an empty group for keys of `length` characters."""
        self.length = length
        self.ids: list[int] = []
        self.keys: list[str] = []

    @cached_property
    def postings(self) -> dict[str, list[int]]:
        """Return char -> positions in this group (ascending), built when first needed."""
        return character_postings(self.keys)

    def candidates(self, query_chars: Counter[str], least_common: int, below: int) -> list[int]:
        """Return positions of names that may share `least_common` characters with the query.

        A name whose LCS with the query is at least `least_common` holds at least that many of
        the query's character occurrences, so it holds one of any `lq - least_common + 1` of them:
        take those from the rarest characters here (absent ones cost nothing).
        """
        needed = sum(query_chars.values()) - least_common + 1
        lists: list[list[int]] = []
        for char in sorted(query_chars, key=lambda c: len(self.postings.get(c, ()))):
            if needed <= 0:
                break
            lists.append(self.postings.get(char, []))
            needed -= query_chars[char]
        positions = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
        return positions[: bisect_left(positions, bisect_left(self.ids, below))]


class NameIndex:
    """Known names grouped by key length, answering `top(query)` exactly as a full scan would."""

    def __init__(self, names: Iterable[str], *, seeds: int = 48, chunk: int = 32) -> None:
        """Index distinct names (first occurrence kept, in order); empty keys never rank.

        `seeds` names are scored first to set the bar; candidates are scored `chunk` at a time.
        Both only change the speed, never the result (the tests vary them to prove it).
        """
        self.names: list[str] = list(dict.fromkeys(names))
        self._seeds = seeds
        self._chunk = max(1, chunk)
        self._keys = [name_key(name) for name in self.names]
        groups: dict[int, _LengthGroup] = {}
        for name_id, key in enumerate(self._keys):
            group = groups.get(len(key))
            if group is None:
                group = groups[len(key)] = _LengthGroup(len(key))
            group.ids.append(name_id)
            group.keys.append(key)
        groups.pop(0, None)
        self._groups = [groups[length] for length in sorted(groups)]

    @cached_property
    def _postings(self) -> dict[str, list[int]]:
        """Return char -> ids of every name (ascending), for picking the seeds."""
        return character_postings(self._keys)

    def __len__(self) -> int:
        """Return how many distinct names are indexed."""
        return len(self.names)

    def top(self, query: str, limit: int = 10) -> list[tuple[str, float]]:
        """Return up to `limit` (name, score) pairs, score > 0, best first, ties in input order."""
        query_key = name_key(query)
        if not query_key or limit <= 0:
            return []
        query_length = len(query_key)
        leaders = _Leaders(limit)
        self._seed(query_key, leaders)
        visits = sorted(
            ((upper_bound(min(query_length, group.length), query_length, group.length), group)
             for group in self._groups),
            key=lambda visit: -visit[0],
        )
        for best_bound, group in visits:
            if not leaders.may_enter(best_bound, -1):
                break
            self._visit(query_key, group, leaders, best_bound)
        return [(self.names[name_id], -negative) for negative, name_id in leaders.entries]

    def _seed(self, query_key: str, leaders: _Leaders) -> None:
        """Score a few names sharing the most with the query first, to set a high bar early."""
        if len(query_key) < 2 or self._seeds <= 0:
            return  # one character: every length group is uniform, visiting groups is enough
        rarest = sorted(set(query_key), key=lambda c: len(self._postings.get(c, ())))[:2]
        ids = sorted(set().union(*(self._postings.get(char, ()) for char in rarest)))
        seeds = process.extract(
            query_key, [self._keys[name_id] for name_id in ids[:_SEED_POOL]],
            scorer=LCSseq.similarity, score_cutoff=1, limit=self._seeds,
        )
        leaders.score(
            query_key, [key for key, _common, _index in seeds],
            [ids[index] for _key, _common, index in seeds],
        )

    def _visit(self, query_key: str, group: _LengthGroup, leaders: _Leaders, best: float) -> None:
        """Score the names of one key length that could still enter the leaders."""
        query_length, length = len(query_key), group.length
        shortest = self._least_common(query_length, length, leaders)
        if shortest > min(query_length, length):
            return
        # A group whose best can only tie the last place matters only below that place's id.
        below = leaders.entries[-1][1] if best == leaders.last_score else len(self.names)
        positions = group.candidates(Counter(query_key), shortest, below)
        hits = process.extract(
            query_key, [group.keys[position] for position in positions],
            scorer=LCSseq.similarity, score_cutoff=shortest, limit=None,
        )
        bounds = {common: upper_bound(common, query_length, length) for common in
                  range(1, min(query_length, length) + 1)}
        # Hits come longest LCS first, so bounds only fall: score a chunk, raise the bar, go on.
        for start in range(0, len(hits), self._chunk):
            fresh = [
                (int(common), group.ids[positions[index]])
                for _key, common, index in hits[start : start + self._chunk]
                if group.ids[positions[index]] not in leaders.scored
            ]
            chunk = [
                name_id for common, name_id in fresh if leaders.may_enter(bounds[common], name_id)
            ]
            if fresh and not chunk:  # later hits: a lower bound, or the same one and a later id
                return
            leaders.score(query_key, [self._keys[name_id] for name_id in chunk], chunk)

    @staticmethod
    def _least_common(query_length: int, length: int, leaders: _Leaders) -> int:
        """Return the shortest LCS with which a name of this length could still enter."""
        for common in range(1, min(query_length, length) + 1):
            if upper_bound(common, query_length, length) >= leaders.last_score:
                return common
        return min(query_length, length) + 1


@lru_cache(maxsize=4)
def _cached(names: tuple[str, ...]) -> NameIndex:
    """Return the index of these names, built once per distinct tuple (four kept)."""
    return NameIndex(names)


def cached_index(names: Iterable[str]) -> NameIndex:
    """Return an index over `names`, reusing the one built for the same names last time.

    Building over 50,000 names takes a few hundred milliseconds, far more than a ranking, so a
    picker that asks on every keystroke should not rebuild it.
    """
    return _cached(tuple(names))
