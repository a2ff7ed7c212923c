"""Parser throughput on one core: bytes of documents decoded and parsed per second."""

from __future__ import annotations

import time
from pathlib import Path

from measure import Unavailable


def parse_mb_per_s(files: list[Path]) -> dict[str, float]:
    """Decode and parse every file in this process (files read first); return MB/s and totals."""
    try:
        from parser.decode import decode
        from parser.errors import ParseError
        from parser.parse import parse
    except ImportError as error:
        raise Unavailable(f"the parser cannot be imported ({error})") from error
    contents = [(path.name, path.read_bytes()) for path in files]
    total = sum(len(data) for _name, data in contents)
    failures = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for name, data in contents:
        try:
            parse(decode(data).text, source=name)
        except ParseError:
            failures += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if failures == len(contents):
        raise Unavailable("the parser refused every document")
    return {"parse_mb_per_s": total / 1e6 / elapsed, "parse_cpu_mb_per_s": total / 1e6 / cpu,
            "parse_s": elapsed, "parse_failures": failures}
