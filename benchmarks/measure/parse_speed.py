"""Parser throughput on one core: bytes of documents decoded and parsed per second."""

from __future__ import annotations

import time
from pathlib import Path

from measure import Unavailable


def parse_mb_per_s(files: list[Path]) -> dict[str, float]:
    """Decode and parse every file in this process (files read first); return MB/s and totals.

    The headline counts the documents' text as UTF-8 (what the parser reads, whatever the file's
    encoding; GB18030 files are a third smaller on disk) over this process's CPU time, so other
    load on a shared machine does not lower it; wall-clock and on-disk figures come alongside.
    """
    try:
        from parser.decode import decode
        from parser.errors import ParseError
        from parser.parse import parse
    except ImportError as error:
        raise Unavailable(f"the parser cannot be imported ({error})") from error
    contents = [(path.name, path.read_bytes()) for path in files]
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
    text_mb = sum(len(decode(data).text.encode("utf-8")) for _name, data in contents) / 1e6
    file_mb = sum(len(data) for _name, data in contents) / 1e6
    return {"parse_mb_per_s": text_mb / cpu, "parse_wall_mb_per_s": text_mb / elapsed,
            "parse_file_mb_per_s": file_mb / cpu, "parse_text_mb": text_mb, "parse_cpu_s": cpu,
            "parse_failures": failures}
