"""The rename picker end to end: a picker session over many known names in the store.

`fuzzy_top10_ms` times the ranking alone; this times what a reviewer waits for. Opening: the
session reads the project's candidate names once (`Repository.name_pool`: names, holders, fit
ranking) and lists the best fits. The app reads and indexes the known names in a worker once the
first project is on screen (`Repository.picker_names` and `store.candidates.index_known`, timed
as `picker_prepare_ms`); `picker_open_ms` is then the first opening, for a project of another unit
than the one prepared, as a reviewer meets it, and `picker_reopen_ms` a later one.
`picker_cold_open_ms` is an opening with nothing prepared (the first in a process that skipped
that step). The fuzzy index the typing needs is built after the list is shown
(`NamePool.prepare`, `picker_index_ms`). Per keystroke: the in-memory ranking against the typed
text with each candidate's holder (`NamePool.choices`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from measure import Unavailable
from measure.child import in_child
from measure.commands import run_timed
from measure.fuzzy import percentile
from measure.stores import Store

if TYPE_CHECKING:
    from store.repository import Repository


def _store_with_known_names(
    store: Store, database: str, workdir: Path, count: int, timeout: float
) -> str:
    """Copy the benchmark database, add `count` known names to the copy and return it."""
    from docgen.names import known_names

    copy = store.copy(database, "picker")
    names_file = workdir / "picker.names.txt"
    names_file.write_text("\n".join(known_names(count)) + "\n", encoding="utf-8")
    _elapsed, _cpu, finished = run_timed(["known", "import", str(names_file), "--db", copy],
                                   timeout)
    if finished.returncode != 0:
        raise Unavailable(f"`gzreview known import` failed: {finished.stderr.strip()[-160:]}")
    return copy


def picker_ms(store: Store, database: str, workdir: Path, count: int, keystrokes: int,
              timeout: float) -> dict[str, float]:
    """Return the picker's opening time and per-keystroke p50/p95 with `count` known names.

    The timing runs in a child process, so the names it holds never swell this one, whose peak
    memory every later child started from it would report as its own.
    """
    copy = _store_with_known_names(store, database, workdir, count, timeout)
    return in_child(picker_timings, copy, count, keystrokes)


def picker_timings(copy: str, count: int, keystrokes: int) -> dict[str, float]:
    """Open the picker on the copy and time opening and keystrokes (in the calling process)."""
    try:
        from store.candidates import index_known
        from store.repository import Repository
    except ImportError as error:
        raise Unavailable(f"the store cannot be imported ({error})") from error
    from docgen.names import known_names, typed_queries

    queries = typed_queries(known_names(count), keystrokes, seed=2)
    with Repository.open(copy, "benchmark") as repository:
        project_ids = repository.project_ids()
        if not project_ids:
            raise Unavailable("the database holds no project to rename")
        first, other = repository.project(project_ids[0]), _other_unit(repository, project_ids)
        cold = _elapsed_ms(lambda: repository.name_pool(first.id).choices("", 20))
        _forget_prepared()
        prepared = _elapsed_ms(lambda: index_known(repository.picker_names(first.unit)))
        opening = _elapsed_ms(lambda: repository.name_pool(other).choices("", 20))
        reopening = _elapsed_ms(lambda: repository.name_pool(other).choices("", 20))
        pool = repository.name_pool(other)
        indexing = _elapsed_ms(pool.prepare)
        timings = [_elapsed_ms(partial(pool.choices, query, 20)) for query in queries]
    return {"picker_open_ms": opening, "picker_reopen_ms": reopening,
            "picker_cold_open_ms": cold, "picker_prepare_ms": prepared,
            "picker_index_ms": indexing,
            "picker_keystroke_ms": percentile(timings, 0.95),
            "picker_keystroke_p50_ms": percentile(timings, 0.5)}


def _elapsed_ms(work: Callable[[], object]) -> float:
    """Return how long `work()` took, in milliseconds."""
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def _other_unit(repository: Repository, project_ids: list[int]) -> int:
    """Return a project of another unit than the first project's (the last one's, usually)."""
    first_unit = repository.project(project_ids[0]).unit
    for project_id in reversed(project_ids):
        if repository.project(project_id).unit != first_unit:
            return project_id
    return project_ids[-1]


def _forget_prepared() -> None:
    """Drop what this process has read and indexed, as in a new app before its preparation."""
    from store import candidates, name_search

    candidates._SHARED_CACHE.clear()
    candidates._gram_index.cache_clear()
    name_search._cached.cache_clear()
