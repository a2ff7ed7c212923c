"""Press ↓ in the headless review app and report each key's in-app latency and the peak RSS,
then open the facet screens (g, G) and report how long their counts took to show.

Usage: python benchmarks/app_latency.py DB [--presses N] [--pause S]

Run as its own process by run.py, so the peak RSS is the app's (with the whole database open)
and nothing of the benchmark's. Latency is the app's own measurement, kept by the review screen
in `key_latencies_ms`: from the key event's creation (Textual's `Message.time`, stamped by the app
when the key arrives) to the screen settled after it (the callbacks Textual runs once the refresh
that paints the key's effect is done), so time the key waits in the queue counts too. Pilot's own
press-and-pause round trip (~80 ms) is not counted: it is not what a user waits for. Prints one
JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def process_started_at() -> float:
    """Return this process's start as epoch seconds (Linux /proc), to time start-up in-process."""
    ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                if line.startswith("btime"))
    return boot + ticks / os.sysconf("SC_CLK_TCK")


async def press_keys(database: str, presses: int, pause: float) -> dict[str, Any]:
    """Open the app headless at 160×45, wait for the first project, press ↓ and collect figures."""
    from store.repository import Repository
    from tui.app import ReviewApp

    with Repository.open(database, "benchmark") as repository:
        app = ReviewApp(repository)
        async with app.run_test(size=(160, 45)) as pilot:
            deadline = time.monotonic() + 60
            while app.ready_at is None and time.monotonic() < deadline:
                await pilot.pause(0.02)
            if app.ready_at is None:
                return {"error": "no project was shown within 60 s"}
            ready_s = app.ready_at - process_started_at()
            await pilot.pause(0.3)  # let the first prefetch finish, as a reader would
            screen: Any = app.screen
            screen.key_latencies_ms.clear()
            prefetched = 0
            for _ in range(presses):
                following = screen.cursor + 1
                if following < len(screen.rows.ids):
                    prefetched += screen.rows.ids[following] in screen.details
                await pilot.press("down")
                await pilot.pause(pause)
            latencies = list(screen.key_latencies_ms)
            facets_ms = [await open_facets(pilot, key) for key in ("g", "G")]
    return {
        "facets_open_ms": facets_ms[0],
        "value_facets_open_ms": facets_ms[1],
        "latencies_ms": latencies,
        "prefetched_share": prefetched / presses if presses else None,
        "pilot_ready_s": ready_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


async def open_facets(pilot: Any, key: str) -> float | None:
    """Press `key` (g: facets, G: value forms) and return how long the counts took to show, from
    the screen's opening to the list filled (`FacetListScreen.shown_ms`); then close it."""
    await pilot.press(key)
    deadline = time.monotonic() + 30
    shown = getattr(pilot.app.screen, "shown_ms", None)
    while shown is None and time.monotonic() < deadline:
        await pilot.pause(0.01)
        shown = getattr(pilot.app.screen, "shown_ms", None)
    await pilot.press("escape")
    await pilot.pause(0.1)
    return float(shown) if shown is not None else None


def main(argv: list[str] | None = None) -> int:
    """Run the presses and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", help="database file to open")
    parser.add_argument("--presses", type=int, default=200, help="how many ↓ presses (200)")
    parser.add_argument("--pause", type=float, default=0.02,
                        help="seconds between presses, for prefetching workers (0.02)")
    args = parser.parse_args(argv)
    figures = asyncio.run(press_keys(args.database, args.presses, args.pause))
    print(json.dumps(figures))
    return 0 if "error" not in figures else 1


if __name__ == "__main__":
    sys.exit(main())
