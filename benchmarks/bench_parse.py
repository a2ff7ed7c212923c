"""Print the parser's throughput in MB/s (UTF-8 input) over the bundled sample repeated.

Usage: python benchmarks/bench_parse.py [--copies N] [--rounds R]

The sample is concatenated N times into one document (as a long department file would be) and
parsed R times. Parsing is pure Python on one core; the figure uses the best round's CPU time of
this process (wall time is printed too), so other load on a shared machine disturbs it least.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parser import decode, parse  # noqa: E402

SAMPLE = REPO / "data" / "000_a843d2df25de4824.txt"


def main() -> None:
    """Parse the repeated sample and print size, projects, best time and MB/s."""
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--copies", type=int, default=20)
    arguments.add_argument("--rounds", type=int, default=5)
    options = arguments.parse_args()
    text = decode(SAMPLE.read_bytes()).text * options.copies
    size = len(text.encode("utf-8"))
    best_cpu = best_wall = float("inf")
    projects = 0
    for _ in range(options.rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        projects = len(parse(text, source="bench").projects)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    print(
        f"{size / 1e6:.2f} MB, {projects} projects, best of {options.rounds} rounds: "
        f"{best_cpu * 1000:.0f} ms CPU = {size / 1e6 / best_cpu:.1f} MB/s "
        f"(wall {best_wall * 1000:.0f} ms = {size / 1e6 / best_wall:.1f} MB/s)"
    )


if __name__ == "__main__":
    main()
