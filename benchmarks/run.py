"""Measure gzreview at scale on this machine: parse, import, app start, key latency, search, export.

Usage: python benchmarks/run.py [--docs N] [--json] [--keep DIR] [--seed S] [--big-unit N]
                               [--same-name-unit N] [--db postgresql://…]

Generates N documents (benchmarks/make_corpus.py), then measures each figure on its own (and
imports two documents of one very large unit each, benchmarks/docgen/big_unit.py): one
that cannot be measured (a piece missing or failing) is reported as null with the reason, and the
others still run. Commands run as subprocesses, as a user runs them. With --db, every figure that
depends on the store is measured again on that PostgreSQL server and printed beside SQLite's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from make_corpus import write_corpus  # noqa: E402
from measure import Unavailable  # noqa: E402
from measure.app_start import app_quit_s, app_ready_s  # noqa: E402
from measure.big_units import big_unit_figures  # noqa: E402
from measure.child import in_child  # noqa: E402
from measure.commands import bulk_verify_s, export_s, import_s  # noqa: E402
from measure.fuzzy import fuzzy_top10_ms  # noqa: E402
from measure.navigation import next_project_ms  # noqa: E402
from measure.parse_speed import parse_mb_per_s  # noqa: E402
from measure.picker import picker_ms  # noqa: E402
from measure.stores import FileStore, ServerStore, Store  # noqa: E402

# name: (target, "min" if the figure must reach it, "max" if it must stay under it)
TARGETS: dict[str, tuple[float | None, str]] = {
    "parse_mb_per_s": (5.0, "min"),
    "import_s": (15.0, "max"),
    "app_ready_s": (0.6, "max"),
    "app_quit_s": (0.2, "max"),
    "next_project_p50_ms": (None, "max"),
    "next_project_p95_ms": (20.0, "max"),
    "facets_open_ms": (300.0, "max"),
    "fuzzy_top10_ms": (30.0, "max"),
    "export_csv_s": (5.0, "max"),
    "export_xlsx_s": (12.0, "max"),
    "peak_rss_mb": (400.0, "max"),
    "picker_keystroke_ms": (30.0, "max"),
    "picker_open_ms": (100.0, "max"),
    "bulk_verify_s": (3.0, "max"),
    "big_unit_import_s": (15.0, "max"),
    "big_unit_peak_rss_mb": (600.0, "max"),
    "same_name_unit_import_s": (None, "max"),
    "same_name_unit_peak_rss_mb": (None, "max"),
}


class Results:
    """Figures measured so far, and for each one that could not be measured, why."""

    def __init__(self) -> None:
        """Start with nothing measured."""
        self.figures: dict[str, Any] = {}
        self.reasons: dict[str, str] = {}

    def attempt(self, names: tuple[str, ...], measure: Callable[[], Mapping[str, Any]]) -> None:
        """Run one measurement; on failure record the reason against each figure it gives."""
        try:
            self.figures.update(measure())
        except Unavailable as error:
            self.reasons.update(dict.fromkeys(names, str(error)))
        except Exception as error:  # a crash in one piece must not hide the other figures
            self.reasons.update(dict.fromkeys(names, f"{type(error).__name__}: {error}"))

    def skip(self, names: tuple[str, ...], reason: str) -> None:
        """Record figures that cannot be measured because an earlier step failed."""
        self.reasons.update(dict.fromkeys(names, reason))


def ensure_corpus(corpus: Path, count: int, seed: int) -> list[Path]:
    """Write the corpus unless the folder already holds this exact one (kept with --keep)."""
    marker = corpus / "corpus.json"
    wanted = {"documents": count, "seed": seed}
    if not (marker.exists() and json.loads(marker.read_text()) == wanted):
        for old in corpus.glob("*.txt"):
            old.unlink()
        write_corpus(count, corpus, seed)
        marker.write_text(json.dumps(wanted))
    return sorted(corpus.glob("*.txt"))


def _export_step(
    database: str, export_format: str, workdir: Path, timeout: float
) -> Callable[[], dict[str, float]]:
    """Return the measurement of one whole-database export."""
    output = workdir / f"export.{export_format}"
    return lambda: export_s(database, export_format, output, timeout)


STORE_FIGURES = (
    "import_s", "app_ready_s", "app_quit_s", "next_project_p50_ms", "next_project_p95_ms",
    "facets_open_ms", "peak_rss_mb", "export_csv_s", "export_xlsx_s", "picker_keystroke_ms",
    "picker_open_ms", "bulk_verify_s", "big_unit_import_s", "big_unit_peak_rss_mb",
    "same_name_unit_import_s", "same_name_unit_peak_rss_mb",
)
"""The headline figures that depend on where the data is kept, measured on each back end."""


def measure_all(args: argparse.Namespace, workdir: Path) -> tuple[Results, dict[str, Any]]:
    """Run every measurement in turn on SQLite files; return the results and facts about the run."""
    results = Results()
    files = ensure_corpus(workdir / "corpus", args.docs, args.seed)
    facts = {"documents": len(files), "corpus_mb": sum(f.stat().st_size for f in files) / 1e6}
    results.attempt(("parse_mb_per_s",), lambda: in_child(parse_mb_per_s, files))
    measure_store(args, workdir, FileStore(workdir), results)
    results.attempt(("fuzzy_top10_ms",),
                    lambda: in_child(fuzzy_top10_ms, args.names, args.queries))
    return results, facts


def measure_server(args: argparse.Namespace, workdir: Path) -> Results:
    """Measure the figures that depend on the store again on the PostgreSQL server `args.db`,
    in databases made for this run and dropped after it."""
    results = Results()
    try:
        store = ServerStore(args.db)
    except Unavailable as error:
        results.skip(STORE_FIGURES, str(error))
        return results
    try:
        measure_store(args, workdir, store, results)
    finally:
        store.close()
    return results


def measure_store(
    args: argparse.Namespace, workdir: Path, store: Store, results: Results
) -> None:
    """Import the corpus into a fresh database of `store`, then time the app, exports, picker
    and the big-unit imports on it."""
    database = store.fresh("bench")
    results.attempt(("import_s",), lambda: import_s(workdir / "corpus", database, args.timeout))
    app_figures = ("app_ready_s", "app_quit_s", "next_project_p50_ms", "next_project_p95_ms",
                   "facets_open_ms", "peak_rss_mb", "export_csv_s", "export_xlsx_s",
                   "picker_keystroke_ms", "picker_open_ms", "bulk_verify_s")
    if "import_s" in results.reasons:
        results.skip(app_figures, "no database: the import failed")
    else:
        results.attempt(("app_ready_s",),
                        lambda: app_ready_s(database, args.repeats, args.timeout))
        results.attempt(("app_quit_s",),
                        lambda: app_quit_s(database, args.repeats, args.timeout))
        results.attempt(("next_project_p50_ms", "next_project_p95_ms", "facets_open_ms",
                         "peak_rss_mb"),
                        lambda: next_project_ms(database, args.presses, args.timeout))
        for export_format in ("csv", "xlsx"):
            results.attempt((f"export_{export_format}_s",),
                            _export_step(database, export_format, workdir, args.timeout))
        results.attempt(("picker_keystroke_ms", "picker_open_ms"), lambda: picker_ms(
            store, database, workdir, args.names, args.picker_keys, args.timeout))
        results.attempt(("bulk_verify_s",), lambda: bulk_verify_s(database, args.timeout))
    big_units = ("big_unit_import_s", "big_unit_peak_rss_mb", "same_name_unit_import_s",
                 "same_name_unit_peak_rss_mb")
    results.attempt(big_units, lambda: big_unit_figures(
        workdir, store, args.big_unit, args.same_name_unit, args.timeout))


def verdict(name: str, value: Any) -> str:
    """Return `ok`, `MISSED` or `` for a figure against its target."""
    target, sense = TARGETS.get(name, (None, "max"))
    if target is None or value is None:
        return ""
    passed = value >= target if sense == "min" else value <= target
    return "ok" if passed else "MISSED"


def report(
    results: Results, facts: dict[str, Any], as_json: bool, server: Results | None = None
) -> None:
    """Print the headline figures (null with a reason when missing), then the extras; with a
    server's results, its figures stand beside SQLite's with their ratio."""
    headline = {name: results.figures.get(name) for name in TARGETS}
    extras = {k: v for k, v in results.figures.items() if k not in TARGETS}
    if as_json:
        document: dict[str, Any] = {
            "facts": facts, "metrics": headline, "reasons": results.reasons, "extras": extras,
            "targets": {k: v[0] for k, v in TARGETS.items()},
        }
        if server is not None:
            document["postgresql"] = {
                "metrics": {name: server.figures.get(name) for name in STORE_FIGURES},
                "reasons": server.reasons,
                "extras": {k: v for k, v in server.figures.items() if k not in TARGETS},
            }
        print(json.dumps(document, ensure_ascii=False))
        return
    for key, value in facts.items():
        print(f"# {key}: {value}")
    if server is not None:
        print(f"{'':22} {'sqlite':>10}  {'':8} {'':6} {'postgresql':>10} {'pg/sqlite':>9}")
    for name, value in headline.items():
        target, sense = TARGETS[name]
        limit = "" if target is None else f"{'≥' if sense == 'min' else '≤'} {target:g}"
        why = f"  ({results.reasons[name]})" if value is None and name in results.reasons else ""
        line = f"{name:22} {_shown(value):>10}  {limit:8} {verdict(name, value):6}"
        if server is not None and name in STORE_FIGURES:
            on_server = server.figures.get(name)
            ratio = f"{on_server / value:.2f}" if on_server and value else ""
            line += f" {_shown(on_server):>10} {ratio:>9}"
            if on_server is None and name in server.reasons:
                why += f"  (postgresql: {server.reasons[name]})"
        print(line.rstrip() + why)
    for name, value in extras.items():
        print(f"  {name}: {value:.3f}" if isinstance(value, float) else f"  {name}: {value}")
    if server is not None:
        for name, value in server.figures.items():
            if name not in TARGETS:
                shown = f"{value:.3f}" if isinstance(value, float) else value
                print(f"  postgresql {name}: {shown}")


def _shown(value: Any) -> str:
    """Return a figure as printed: three decimals, or null."""
    return "null" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    """Parse options, measure in a kept or temporary folder, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="documents to generate (1000)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep corpus and DB")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument("--presses", type=int, default=200, help="↓ presses in the app (200)")
    parser.add_argument("--names", type=int, default=50_000, help="known names to rank (50000)")
    parser.add_argument("--queries", type=int, default=500, help="picker keystrokes to time")
    parser.add_argument("--picker-keys", type=int, default=30,
                        help="rename-picker keystrokes to time through the store (30)")
    parser.add_argument("--repeats", type=int, default=3, help="app starts; the median counts")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per step")
    parser.add_argument("--big-unit", type=int, default=9000,
                        help="projects in a one-unit document imported alone (9000; 0 skips)")
    parser.add_argument("--same-name-unit", type=int, default=2000,
                        help="projects all named 购置经费 in another one-unit document (2000)")
    parser.add_argument("--db", metavar="URL",
                        help="also measure on this PostgreSQL server (e.g. postgresql://postgres@"
                             "127.0.0.1:5432/postgres): a fresh database gzbench_<pid>_… per "
                             "measurement, dropped after the run; figures side by side")
    args = parser.parse_args(argv)
    if args.docs < 1:
        parser.error("--docs must be at least 1")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="gzreview-bench-") as scratch:
        workdir = args.keep or Path(scratch)
        try:
            workdir.mkdir(parents=True, exist_ok=True)
            results, facts = measure_all(args, workdir)
            server = measure_server(args, workdir) if args.db else None
        except OSError as error:
            print(f"error: cannot work in {workdir} ({error.strerror}); choose a writable folder "
                  "with --keep", file=sys.stderr)
            return 2
    facts |= {"cpus": os.cpu_count(), "load_average_at_end": round(os.getloadavg()[0], 2),
              "python": platform.python_version(), "wall_s": round(time.perf_counter() - started)}
    report(results, facts, args.json, server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
