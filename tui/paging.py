"""The project list's data: every project id of the view, with row summaries loaded by page."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import Generic, TypeVar

from store.views import ProjectSummary

PAGE_SIZE = 200

Key = TypeVar("Key")
Value = TypeVar("Value")


class BoundedCache(Generic[Key, Value]):
    """A small least-recently-used cache, so memory follows what is on screen, not the database."""

    def __init__(self, capacity: int) -> None:
        """Keep at most `capacity` entries."""
        self.capacity = capacity
        self._entries: OrderedDict[Key, Value] = OrderedDict()

    def get(self, key: Key) -> Value | None:
        """Return the cached value (marking it recently used) or None."""
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: Key, value: Value) -> None:
        """Store a value, evicting the least recently used entry when full."""
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def discard(self, keys: Iterable[Key]) -> None:
        """Forget the given keys (after an edit changed them)."""
        for key in keys:
            self._entries.pop(key, None)

    def clear(self) -> None:
        """Forget everything."""
        self._entries.clear()

    def keys(self) -> set[Key]:
        """The keys cached now."""
        return set(self._entries)

    def __contains__(self, key: object) -> bool:
        """Whether a value is cached for `key`."""
        return key in self._entries


class ProjectRows:
    """Ids of every project in the view (cheap ints) and the row summaries of pages seen so far."""

    def __init__(self, ids: list[int], page_size: int = PAGE_SIZE, max_pages: int = 64) -> None:
        """Start with all ids known and no row loaded."""
        self.ids = ids
        self.page_size = page_size
        self._pages: BoundedCache[int, list[ProjectSummary]] = BoundedCache(max_pages)
        self._pending: set[int] = set()
        self._index_by_id: dict[int, int] | None = None

    def __len__(self) -> int:
        """How many projects the view holds."""
        return len(self.ids)

    def row(self, index: int) -> ProjectSummary | None:
        """The summary at `index`, or None while its page is not loaded."""
        page = self._pages.get(index // self.page_size)
        if page is None:
            return None
        offset = index % self.page_size
        return page[offset] if offset < len(page) else None

    def wanted_pages(self, first: int, last: int) -> list[int]:
        """Pages covering rows `first..last` not loaded nor requested yet; marks them requested."""
        if not self.ids:
            return []
        first, last = max(first, 0), min(last, len(self.ids) - 1)
        pages = range(first // self.page_size, last // self.page_size + 1)
        wanted = [page for page in pages if page not in self._pages and page not in self._pending]
        self._pending.update(wanted)
        return wanted

    def store_page(self, page: int, rows: list[ProjectSummary]) -> None:
        """Keep a loaded page of row summaries."""
        self._pending.discard(page)
        self._pages.put(page, rows)

    def index_of(self, project_id: int) -> int | None:
        """Where a project sits in the view, or None when the view does not hold it."""
        if self._index_by_id is None:
            self._index_by_id = {project_id: index for index, project_id in enumerate(self.ids)}
        return self._index_by_id.get(project_id)


def next_needing_review(
    ids: list[int], start: int, needs_review: set[int], skip: int | None = None,
    held: AbstractSet[int] = frozenset(),
) -> int | None:
    """The index of the first project after `start` (wrapping around) that needs review, if any.

    Projects in `held` (documents other reviewers have open) are passed over.
    """
    count = len(ids)
    for step in range(1, count + 1):
        index = (start + step) % count
        project_id = ids[index]
        if project_id in needs_review and project_id != skip and project_id not in held:
            return index
    return None
