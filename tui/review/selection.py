"""Which projects to read ahead of the cursor, so the next key press shows one already loaded."""

from __future__ import annotations

from collections.abc import Container

PREFETCH_BEHIND = 2
PREFETCH_AHEAD = 10
"""Details read around the cursor: a couple behind, a batch ahead (reviewers mostly go down)."""


class Prefetcher:
    """Picks the uncached projects around the cursor, a batch at a time."""

    def __init__(self, ids: list[int], cached: Container[int]) -> None:
        """Work over the list's `ids`; `cached` tells which details are held already."""
        self.ids = ids
        self.cached = cached

    def wanted(self, cursor: int) -> list[int]:
        """Return the ids to load now: none while the next few are cached, else a batch."""
        if not self.ids or all(self._cached_at(at) for at in range(cursor - 1, cursor + 3)):
            return []
        return [
            self.ids[at]
            for at in range(cursor - PREFETCH_BEHIND, cursor + PREFETCH_AHEAD + 1)
            if not self._cached_at(at)
        ]

    def _cached_at(self, position: int) -> bool:
        """Whether the project at `position` is cached (outside the list counts as cached)."""
        return not 0 <= position < len(self.ids) or self.ids[position] in self.cached
