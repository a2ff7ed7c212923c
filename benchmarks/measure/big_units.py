"""Import one document holding a single very large unit: time and peak memory of `gzreview import`.

Name assignment once cost time and memory quadratic in a unit's size; these figures watch that it
stays near-linear: a unit of many distinct projects, and one whose projects share one name.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from docgen.big_unit import big_unit_text

from measure import Unavailable
from measure.commands import gzreview_command
from measure.stores import Store


def _import_with_peak(document: Path, database: str, timeout: float) -> tuple[float, float]:
    """Run `gzreview import`; return wall seconds and that process's peak RSS in MB."""
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*gzreview_command(), "import", str(document), "--db", database],
            stdout=log, stderr=subprocess.STDOUT,
            env=dict(os.environ, GZREVIEW_REVIEWER="benchmark"),
        )
        while True:  # wait4 gives this child's own peak memory, not the largest child's so far
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                process.kill()
                os.wait4(process.pid, 0)
                process.returncode = -9
                raise Unavailable(f"importing {document.name} took longer than {timeout:.0f} s")
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    if process.returncode != 0:
        raise Unavailable(f"`gzreview import {document.name}` failed: {output.strip()[-200:]}")
    return elapsed, usage.ru_maxrss / 1024


def big_unit_figures(
    workdir: Path, store: Store, projects: int, same_name: int, timeout: float
) -> dict[str, float | str]:
    """Write and import the two big-unit documents; return their times and peak memory."""
    figures: dict[str, float | str] = {}
    cases = (("big_unit", projects, None), ("same_name_unit", same_name, "购置经费"))
    for label, count, name in cases:
        if count <= 0:
            continue
        document = workdir / f"{label}_{count}.txt"
        document.write_text(big_unit_text(count, name=name), encoding="utf-8")
        elapsed, peak_mb = _import_with_peak(document, store.fresh(label), timeout)
        figures[f"{label}_import_s"] = elapsed
        figures[f"{label}_peak_rss_mb"] = peak_mb
        figures[f"{label}_projects"] = count
        figures[f"{label}_mb"] = document.stat().st_size / 1e6
    return figures
