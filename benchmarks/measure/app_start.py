"""Time from starting `gzreview review` to its first project on screen, in a real terminal (a pty).

The app prints `ready_at=<epoch seconds>` and quits when GZREVIEW_EXIT_WHEN_READY=1 is set; the
time is taken from just before the process is spawned, so interpreter start-up and imports count.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import resource
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Callable
from pathlib import Path

from measure import Unavailable
from measure.commands import gzreview_command

READY = re.compile(rb"ready_at=([0-9.]+)")


def _read_until_exit(master: int, pid: int, timeout: float) -> tuple[bytes, resource.struct_rusage]:
    """Collect what the app writes to its terminal until it exits; return it and its usage."""
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its side of the terminal
                break
            if not chunk:
                break
            output += chunk
            continue
        reaped, _status, usage = os.wait4(pid, os.WNOHANG)
        if reaped:
            return output, usage
    else:
        os.kill(pid, signal.SIGKILL)
    _pid, _status, usage = os.wait4(pid, 0)
    return output, usage


def start_once(
    database: str, timeout: float, size: tuple[int, int], write_bytecode: bool = False
) -> tuple[float, float, float]:
    """Start the app once; return seconds to the first project, its CPU seconds, peak RSS MB.

    With `write_bytecode`, Python may cache compiled modules (`__pycache__`) even where the
    environment forbids it (PYTHONDONTWRITEBYTECODE), as any first start on a user's machine does.
    """
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = dict(os.environ, GZREVIEW_EXIT_WHEN_READY="1", TERM="xterm-256color",
                       GZREVIEW_REVIEWER="benchmark")
    if write_bytecode:
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    process = subprocess.Popen(
        [*gzreview_command(), "review", "--db", str(database)],
        stdin=slave, stdout=slave, stderr=slave, env=environment, close_fds=True,
    )
    os.close(slave)
    try:
        output, usage = _read_until_exit(master, process.pid, timeout)
    finally:
        os.close(master)
    process.returncode = 0  # reaped above with os.wait4, which also gives the peak RSS
    found = READY.search(output)
    if not found:
        tail = output[-300:].decode("utf-8", "replace").strip()
        raise Unavailable(f"the app printed no ready_at= within {timeout:.0f} s: {tail[-160:]!r}")
    cpu = usage.ru_utime + usage.ru_stime  # it quits at ready: about the CPU spent getting there
    return float(found.group(1)) - started, cpu, usage.ru_maxrss / 1024


def app_ready_s(database: str, repeats: int, timeout: float) -> dict[str, float]:
    """Start the app `repeats` times; return the median time to ready and the peak RSS seen.

    An untimed first start comes before them, so they find compiled modules cached the way
    every start after a user's first one does (`app_ready_first_start_s` reports it).
    """
    first, _cpu, _rss = start_once(database, timeout, (160, 45), write_bytecode=True)
    runs = [start_once(database, timeout, (160, 45)) for _ in range(max(1, repeats))]
    times = sorted(seconds for seconds, _cpu, _rss in runs)
    cpus = sorted(cpu for _seconds, cpu, _rss in runs)
    return {"app_ready_s": times[len(times) // 2], "app_ready_min_s": times[0],
            "app_ready_first_start_s": first, "app_ready_cpu_s": cpus[len(cpus) // 2],
            "ready_rss_mb": max(rss for _seconds, _cpu, rss in runs)}


def quit_once(database: str | Path, timeout: float, size: tuple[int, int]) -> float:
    """Start the app, wait until it is drawn and idle, press `q`; return seconds until it exits.

    That is what the reviewer waits for after `q`: saving the position, releasing the claim,
    closing the database and the interpreter's exit, until the shell is back.
    """
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    environment = dict(os.environ, TERM="xterm-256color", GZREVIEW_REVIEWER="benchmark",
                       GZREVIEW_LANG="en")
    environment.pop(READY_ENV_NAME, None)
    process = subprocess.Popen(
        [*gzreview_command(), "review", "--db", str(database)],
        stdin=slave, stdout=slave, stderr=slave, env=environment, close_fds=True,
    )
    os.close(slave)
    try:
        output = _read_while(master, timeout, lambda seen: b"Quit" not in seen)
        if b"Quit" not in output:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            raise Unavailable("the app drew no footer within the timeout")
        _read_while(master, QUIET_S, lambda _seen: True)  # settled: first paint, prefetch
        pressed = time.perf_counter()
        os.write(master, b"q")
        _read_while(master, timeout, lambda _seen: process.poll() is None)
        process.wait(timeout)
        return time.perf_counter() - pressed
    finally:
        os.close(master)


QUIET_S = 1.5
READY_ENV_NAME = "GZREVIEW_EXIT_WHEN_READY"


def _read_while(master: int, timeout: float, going: Callable[[bytes], bool]) -> bytes:
    """Read the app's output until `going(output so far)` is false or `timeout` passes."""
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and going(output):
        ready, _, _ = select.select([master], [], [], 0.005)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            output += chunk
    return output


def app_quit_s(database: str | Path, repeats: int, timeout: float) -> dict[str, float]:
    """Quit the app `repeats` times with `q`; return the median and the slowest."""
    times = sorted(quit_once(database, timeout, (160, 45)) for _ in range(max(1, repeats)))
    return {"app_quit_s": times[len(times) // 2], "app_quit_max_s": times[-1]}
