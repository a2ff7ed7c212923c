"""Per-keystroke ranking time of the rename picker's name index over many known names."""

from __future__ import annotations

import time

from measure import Unavailable


def percentile(values: list[float], share: float) -> float:
    """Return the value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def fuzzy_top10_ms(name_count: int, query_count: int) -> dict[str, float]:
    """Build the index over generated names; time `top(query, 10)` for typed queries."""
    try:
        from store.name_search import NameIndex
    except ImportError as error:
        raise Unavailable(f"store.name_search cannot be imported ({error})") from error
    from docgen.names import known_names, typed_queries

    names = known_names(name_count)
    started = time.perf_counter()
    index = NameIndex(names)
    index.top(names[0][:2], 10)  # the first query also builds the character postings
    build_s = time.perf_counter() - started
    queries = typed_queries(names, query_count)
    timings = []
    for query in queries:
        started = time.perf_counter()
        index.top(query, 10)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "fuzzy_top10_ms": percentile(timings, 0.95),
        "fuzzy_top10_p50_ms": percentile(timings, 0.5),
        "fuzzy_top10_max_ms": max(timings),
        "fuzzy_index_build_s": build_s,
        "fuzzy_full_scan_ms": _full_scan_ms(names, queries[:20]),
    }


def _full_scan_ms(names: list[str], queries: list[str]) -> float:
    """Return the median time of scoring every name with the same scorer, for comparison."""
    from rapidfuzz import fuzz, process

    from store.name_search import name_key

    keys = [name_key(name) for name in names]
    timings = []
    for query in queries:
        started = time.perf_counter()
        process.extract(name_key(query), keys, scorer=fuzz.WRatio, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
    return percentile(timings, 0.5)
