"""Key-press latency and peak memory of the review app, measured in a process of its own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from measure import Unavailable
from measure.fuzzy import percentile

HELPER = Path(__file__).resolve().parents[1] / "app_latency.py"


def next_project_ms(database: str, presses: int, timeout: float) -> dict[str, float]:
    """Run app_latency.py on the database; return p50/p95 latency, peak RSS and extras."""
    try:
        finished = subprocess.run(
            [sys.executable, str(HELPER), str(database), "--presses", str(presses)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise Unavailable(f"{presses} key presses took longer than {timeout:.0f} s") from error
    lines = finished.stdout.strip().splitlines()
    if not lines:
        tail = finished.stderr.strip().splitlines()[-1:] or ["no output"]
        raise Unavailable(f"the headless app failed: {tail[0]}")
    figures = json.loads(lines[-1])
    if "error" in figures:
        raise Unavailable(f"the headless app failed: {figures['error']}")
    latencies = figures["latencies_ms"]
    if not latencies:
        raise Unavailable("the review screen recorded no key latencies (key_latencies_ms)")
    return {
        "next_project_p50_ms": percentile(latencies, 0.5),
        "next_project_p95_ms": percentile(latencies, 0.95),
        "next_project_p99_ms": percentile(latencies, 0.99),
        "next_project_max_ms": max(latencies),
        "next_project_presses": len(latencies),
        "next_project_prefetched_share": figures["prefetched_share"],
        "pilot_ready_s": figures["pilot_ready_s"],
        "peak_rss_mb": figures["peak_rss_mb"],
        "facets_open_ms": figures.get("facets_open_ms"),
        "value_facets_open_ms": figures.get("value_facets_open_ms"),
    }
