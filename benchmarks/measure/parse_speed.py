"""Parser throughput on one core: bytes of documents decoded and parsed per second."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

from measure import Unavailable

Contents = list[tuple[str, bytes]]


def parse_mb_per_s(files: list[Path]) -> dict[str, float]:
    """Decode and parse every file in this process (files read first); return MB/s and totals.

    The headline counts the documents' text as UTF-8 (what the parser reads, whatever the file's
    encoding; GB18030 files are a third smaller on disk) over this process's CPU time, so other
    load on a shared machine does not lower it; wall-clock and on-disk figures come alongside.
    The headline runs with Python's default garbage-collection thresholds; a second pass uses the
    thresholds `gzreview import` sets for a batch (`parse_batch_gc_mb_per_s`).
    """
    try:
        from parser.decode import decode
        from parser.errors import ParseError
        from parser.parse import parse
        from store.batch.parallel_import import BATCH_GC_THRESHOLDS
    except ImportError as error:
        raise Unavailable(f"the parser cannot be imported ({error})") from error

    def parse_one(name: str, data: bytes) -> bool:
        try:
            parse(decode(data).text, source=name)
        except ParseError:
            return False
        return True

    contents = [(path.name, path.read_bytes()) for path in files]
    elapsed, cpu, failures = _timed(contents, parse_one)
    if failures == len(contents):
        raise Unavailable("the parser refused every document")
    thresholds = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)
    try:
        _elapsed, batch_cpu, _failures = _timed(contents, parse_one)
    finally:
        gc.set_threshold(*thresholds)
    text_mb = sum(len(decode(data).text.encode("utf-8")) for _name, data in contents) / 1e6
    file_mb = sum(len(data) for _name, data in contents) / 1e6
    return {"parse_mb_per_s": text_mb / cpu, "parse_wall_mb_per_s": text_mb / elapsed,
            "parse_batch_gc_mb_per_s": text_mb / batch_cpu,
            "parse_file_mb_per_s": file_mb / cpu, "parse_text_mb": text_mb, "parse_cpu_s": cpu,
            "parse_failures": failures}


def _timed(contents: Contents, parse_one: Callable[[str, bytes], bool]) -> tuple[float, float, int]:
    """Parse every document once; return wall seconds, CPU seconds and how many were refused."""
    started, cpu_started = time.perf_counter(), time.process_time()
    failures = sum(1 for name, data in contents if not parse_one(name, data))
    return time.perf_counter() - started, time.process_time() - cpu_started, failures
