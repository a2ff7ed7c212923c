"""The rename picker end to end: a picker session over many known names in the store.

`fuzzy_top10_ms` times the ranking alone; this times what a reviewer waits for. Opening: the
session reads the project's candidate names once (`Repository.name_pool`: names, holders, fit
ranking, the fuzzy index) and lists the best fits — `picker_open_ms` is the first opening in the
process (indexes built), `picker_reopen_ms` a later one. Per keystroke: the in-memory ranking
against the typed text with each candidate's holder (`NamePool.choices`).
"""

from __future__ import annotations

import time
from pathlib import Path

from measure import Unavailable
from measure.child import in_child
from measure.commands import run_timed
from measure.fuzzy import percentile
from measure.stores import Store


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
        from store.repository import Repository
    except ImportError as error:
        raise Unavailable(f"the store cannot be imported ({error})") from error
    from docgen.names import known_names, typed_queries

    queries = typed_queries(known_names(count), keystrokes, seed=2)
    with Repository.open(copy, "benchmark") as repository:
        project_ids = repository.project_ids()
        if not project_ids:
            raise Unavailable("the database holds no project to rename")
        project_id = project_ids[0]
        started = time.perf_counter()
        repository.name_pool(project_id).choices("", 20)
        opening = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        pool = repository.name_pool(project_id)
        pool.choices("", 20)
        reopening = (time.perf_counter() - started) * 1000
        timings = []
        for query in queries:
            started = time.perf_counter()
            pool.choices(query, 20)
            timings.append((time.perf_counter() - started) * 1000)
    return {"picker_open_ms": opening, "picker_reopen_ms": reopening,
            "picker_keystroke_ms": percentile(timings, 0.95),
            "picker_keystroke_p50_ms": percentile(timings, 0.5)}
