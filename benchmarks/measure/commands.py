"""Time the headless `gzreview` commands (import, export) as a user runs them: as subprocesses."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from measure import Unavailable


def gzreview_command() -> list[str]:
    """Return how to start `gzreview`: the console script beside this Python, else `-m`."""
    script = Path(sys.executable).with_name("gzreview")
    if script.exists():
        return [str(script)]
    found = shutil.which("gzreview")
    if found:
        return [found]
    return [sys.executable, "-c", "from tui.launch import main; main()"]


def child_cpu_s() -> float:
    """Return the CPU seconds used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(
    arguments: list[str], timeout: float
) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Run `gzreview ARGUMENTS`; return wall time, CPU time (load-independent) and the process."""
    cpu_before = child_cpu_s()
    started = time.perf_counter()
    try:
        finished = subprocess.run(
            [*gzreview_command(), *arguments], capture_output=True, text=True, timeout=timeout,
            env=dict(os.environ, GZREVIEW_REVIEWER="benchmark"), check=False,
        )
    except FileNotFoundError as error:
        raise Unavailable(f"gzreview cannot be started ({error})") from error
    except subprocess.TimeoutExpired as error:
        raise Unavailable(f"`gzreview {arguments[0]}` took longer than {timeout:.0f} s") from error
    return time.perf_counter() - started, child_cpu_s() - cpu_before, finished


def _last_line(text: str, starting: str = "") -> str:
    """Return the last non-blank line (the last one starting with `starting`, if any does)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    wanted = [line for line in lines if starting and line.startswith(starting)]
    return (wanted or lines or ["(no output)"])[-1]


def import_s(corpus: Path, database: str, timeout: float) -> dict[str, object]:
    """Import the corpus into a new, empty database; return the time and what was imported."""
    elapsed, cpu, finished = run_timed(["import", str(corpus), "--db", database], timeout)
    summary = _last_line(finished.stdout + "\n" + finished.stderr, starting="Imported")
    if finished.returncode not in (0, 1) or not summary.startswith("Imported"):
        raise Unavailable(f"`gzreview import` failed (exit {finished.returncode}): {summary}")
    figures: dict[str, object] = {"import_s": elapsed, "import_cpu_s": cpu,
                                  "import_summary": summary}
    failed = re.search(r"(\d+) failed", summary)
    if finished.returncode == 1 and failed:
        figures["import_failed_documents"] = int(failed.group(1))
    return figures


def export_s(
    database: str, export_format: str, output: Path, timeout: float
) -> dict[str, float]:
    """Export the whole database (`--all`) in one format; return wall and CPU time."""
    arguments = ["export", "--format", export_format, "--all", "--force", "--output", str(output),
                 "--db", database]
    elapsed, cpu, finished = run_timed(arguments, timeout)
    if finished.returncode != 0 or not output.exists():
        summary = _last_line(finished.stderr or finished.stdout)
        raise Unavailable(f"`gzreview export --format {export_format}` failed: {summary}")
    return {f"export_{export_format}_s": elapsed, f"export_{export_format}_cpu_s": cpu}


def bulk_verify_s(database: str, timeout: float) -> dict[str, float]:
    """Bulk verify every unreviewed project (`gzreview verify --include-flagged --yes`); return
    wall and CPU time of the command and how many it verified. It changes the database: run it
    after the figures that read it."""
    arguments = ["verify", "--include-flagged", "--yes", "--db", database]
    elapsed, cpu, finished = run_timed(arguments, timeout)
    counted = re.search(r"Verified (\d+)", finished.stdout)
    if finished.returncode != 0 or counted is None:
        summary = _last_line(finished.stderr or finished.stdout)
        raise Unavailable(f"`gzreview verify` failed: {summary}")
    return {"bulk_verify_s": elapsed, "bulk_verify_cpu_s": cpu,
            "bulk_verify_projects": float(counted.group(1))}
