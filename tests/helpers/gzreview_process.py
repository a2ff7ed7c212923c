"""Run `gzreview` in a real child process, for tests that need a timeout, peak memory or kill -9."""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2

_CHILD = """
import resource, sys
from tui.cli import main
try:
    main(sys.argv[1:], prog_name="gzreview")
finally:
    sys.stderr.write(f"\\npeak_rss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
"""


@dataclass(frozen=True)
class Finished:
    """What a gzreview child process did: exit status, output, and its peak memory in MB."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float

    @property
    def messages(self) -> str:
        """Return stderr without the peak-memory line the wrapper adds."""
        return re.sub(r"\n?peak_rss_kb=\d+\n", "", self.stderr)


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return an environment in which the child imports this checkout and writes UTF-8."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    env.update(extra or {})
    return env


def run_gzreview(
    args: Sequence[str],
    db: str | Path,
    *,
    timeout: float = 120,
    preexec: Callable[[], None] | None = None,
) -> Finished:
    """Run `gzreview ARGS…` on `db` as reviewer `tester` and report how it ended."""
    env = child_env({"GZREVIEW_DB": str(db), "GZREVIEW_REVIEWER": "tester"})
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=timeout,
        preexec_fn=preexec,
        check=False,
    )
    peak = re.search(r"peak_rss_kb=(\d+)", done.stderr)
    peak_mb = int(peak.group(1)) / 1024 if peak else float("nan")
    return Finished(done.returncode, done.stdout, done.stderr, peak_mb)


def drop_file_override_capabilities() -> None:
    """In the child before exec: lose root's right to read any file, so chmod 000 takes effect."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) was refused")


def root_can_drop_capabilities() -> bool:
    """Return True when this root process may run children without file-permission overrides."""
    probe = subprocess.run(
        [sys.executable, "-c", "pass"],
        preexec_fn=drop_file_override_capabilities,
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0
