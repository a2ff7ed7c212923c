"""Print the parser's throughput in MB/s (UTF-8 input) over the bundled sample repeated.

Usage: python benchmarks/bench_parse.py [--copies N] [--rounds R]

Each round parses the sample N times as separate documents, clearing the parser's memo caches
before each one, so repeated text gains nothing a real document would not. Parsing is pure Python
on one core; the figure uses the best round's CPU time of this process (wall time is printed too),
so other load on a shared machine disturbs it least.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parser import decode  # noqa: E402
from parser.parse import clear_caches, parse  # noqa: E402

SAMPLE = REPO / "data" / "000_a843d2df25de4824.txt"


def one_round(text: str, copies: int) -> tuple[float, float, int]:
    """Parse `text` `copies` times from cold caches; return CPU and wall seconds and projects."""
    wall, cpu = time.perf_counter(), time.process_time()
    projects = 0
    for _ in range(copies):
        clear_caches()
        projects += len(parse(text, source="bench").projects)
    return time.process_time() - cpu, time.perf_counter() - wall, projects


def main() -> None:
    """Parse the sample repeatedly and print size, projects, best time and MB/s."""
    arguments = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    arguments.add_argument("--copies", type=int, default=20)
    arguments.add_argument("--rounds", type=int, default=7)
    options = arguments.parse_args()
    text = decode(SAMPLE.read_bytes()).text
    size = len(text.encode("utf-8")) * options.copies
    rounds = [one_round(text, options.copies) for _ in range(options.rounds)]
    best_cpu = min(cpu for cpu, _, _ in rounds)
    best_wall = min(wall for _, wall, _ in rounds)
    print(
        f"{size / 1e6:.2f} MB in {options.copies} documents, {rounds[0][2]} projects, "
        f"best of {options.rounds} rounds: {best_cpu * 1000:.0f} ms CPU = "
        f"{size / 1e6 / best_cpu:.1f} MB/s (wall {best_wall * 1000:.0f} ms = "
        f"{size / 1e6 / best_wall:.1f} MB/s)"
    )


if __name__ == "__main__":
    main()
