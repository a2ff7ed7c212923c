"""Measure how much of a generated corpus the parser reads right, against the truth sidecars.

Usage: python benchmarks/accuracy.py OUT_DIR [--json] [--worst K] [--show NAME.txt ...]

For every OUT_DIR/<name>.txt with OUT_DIR/truth/<name>.json, parse the document and compare:
targets (exact text), names (exact text, and whether a wrong one was at least flagged
`name_ambiguous`) and indicators (all eight fields exact). Parsed and true projects are aligned by
(unit, target) and, between aligned anchors, by position, so one split project does not shift the
rest. Prints shares of the true counts, overall, per name-displacement pattern and per layout
family (column widths, benchmarks/docgen/families.py).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from parser.decode import decode  # noqa: E402
from parser.errors import ParseError  # noqa: E402
from parser.model import Project  # noqa: E402
from parser.parse import parse  # noqa: E402
from parser.records import INDICATOR_FIELDS as FIELDS  # noqa: E402


def align(truth: list[dict[str, Any]], parsed: list[Project]) -> list[tuple[int, int]]:
    """Pair true and parsed projects: equal (unit, target) runs, then same-size gaps by position."""
    true_keys = [(item["unit"], item["target"]) for item in truth]
    parsed_keys = [(project.unit, project.target) for project in parsed]
    pairs: list[tuple[int, int]] = []
    matcher = difflib.SequenceMatcher(a=true_keys, b=parsed_keys, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            pairs.extend(zip(range(a0, a1), range(b0, b1), strict=True))
    return pairs


def _indicators_right(truth: dict[str, Any], project: Project) -> tuple[int, Counter[str]]:
    """Return how many indicators match in every field, and per-field misses."""
    right, misses = 0, Counter[str]()
    for position, expected in enumerate(truth["indicators"]):
        if position >= len(project.indicators):
            misses["missing"] += 1
            continue
        got = project.indicators[position]
        wrong = [name for name in FIELDS if getattr(got, name) != expected[name]]
        misses.update(wrong)
        right += not wrong
    return right, misses


def score_document(text_path: Path, truth: dict[str, Any]) -> Counter[str]:
    """Return the counts for one document (true totals and how many were read right)."""
    counts = Counter[str]()
    projects = truth["projects"]
    counts["documents"] += 1
    counts["projects"] += len(projects)
    counts["indicators"] += sum(len(item["indicators"]) for item in projects)
    try:
        document = parse(decode(text_path.read_bytes()).text, source=text_path.name)
    except ParseError as error:
        counts["parse_errors"] += 1
        print(f"{text_path.name}: {error}", file=sys.stderr)
        return counts
    parsed = list(document.projects)
    counts["parsed_projects"] += len(parsed)
    counts["departments_right"] += document.department == truth["department"]
    for true_index, parsed_index in align(projects, parsed):
        expected, got = projects[true_index], parsed[parsed_index]
        counts["targets_right"] += got.target == expected["target"] and got.unit == expected["unit"]
        if got.name == expected["name"]:
            counts["names_right"] += 1
        elif "name_ambiguous" in got.flag_codes:
            counts["names_wrong_flagged"] += 1
        right, misses = _indicators_right(expected, got)
        counts["indicators_right"] += right
        counts.update({f"indicator_field_wrong:{name}": n for name, n in misses.items()})
    return counts


def share(part: int, whole: int) -> float | None:
    """Return part/whole rounded for printing, or None when there is nothing to measure."""
    return round(part / whole, 4) if whole else None


def summary(counts: Counter[str]) -> dict[str, Any]:
    """Return the headline shares from raw counts."""
    return {
        "documents": counts["documents"],
        "projects": counts["projects"],
        "parsed_projects": counts["parsed_projects"],
        "indicators": counts["indicators"],
        "parse_errors": counts["parse_errors"],
        "departments_right": share(counts["departments_right"], counts["documents"]),
        "targets_right": share(counts["targets_right"], counts["projects"]),
        "names_right": share(counts["names_right"], counts["projects"]),
        "names_wrong_but_flagged": share(counts["names_wrong_flagged"], counts["projects"]),
        "indicators_right": share(counts["indicators_right"], counts["indicators"]),
    }


Groups = dict[str, dict[str, dict[str, Any]]]
"""Summaries per group, by grouping: {"pattern": {"before": {...}}, "family": {...}}."""


def measure(out_dir: Path) -> tuple[dict[str, Any], Groups, list[Any]]:
    """Score every document with a truth file; return overall, per-group and per-document.

    Documents are grouped by name-displacement pattern and by layout family (column widths;
    corpora written before families existed are all `standard`).
    """
    total = Counter[str]()
    groups: dict[str, dict[str, Counter[str]]] = {"pattern": {}, "family": {}}
    per_document = []
    for truth_path in sorted((out_dir / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        text_path = out_dir / truth["source"]
        if not text_path.exists():
            continue
        counts = score_document(text_path, truth)
        total.update(counts)
        keys = {"pattern": truth["layout"]["pattern"],
                "family": truth.get("layout_family", "standard")}
        for grouping, key in keys.items():
            groups[grouping].setdefault(key, Counter()).update(counts)
        per_document.append((truth["source"], counts["projects"] - counts["names_right"]))
    worst = sorted(per_document, key=lambda item: -item[1])
    fields = {key.split(":", 1)[1]: n for key, n in total.items() if key.startswith("indicator_f")}
    overall = summary(total) | {"indicator_fields_wrong": fields}
    summaries = {grouping: {name: summary(c) for name, c in sorted(by_key.items())}
                 for grouping, by_key in groups.items()}
    return overall, summaries, worst


def show_document(out_dir: Path, name: str) -> None:
    """Print, for one document, every project whose name, target or indicators came out wrong."""
    truth = json.loads((out_dir / "truth" / (Path(name).stem + ".json")).read_text("utf-8"))
    document = parse(decode((out_dir / truth["source"]).read_bytes()).text, source=name)
    projects, parsed = truth["projects"], list(document.projects)
    pairs = align(projects, parsed)
    print(f"{name}: pattern {truth['layout']['pattern']}, "
          f"family {truth.get('layout_family', 'standard')}, {len(projects)} projects, "
          f"{len(parsed)} parsed, {len(pairs)} aligned")
    for true_index, parsed_index in pairs:
        expected, got = projects[true_index], parsed[parsed_index]
        right, _misses = _indicators_right(expected, got)
        wrong = [label for label, bad in (
            ("name", got.name != expected["name"]), ("target", got.target != expected["target"]),
            ("indicators", right != len(expected["indicators"]))) if bad]
        if wrong:
            print(f"  #{true_index} {expected['unit']}: {', '.join(wrong)} wrong; "
                  f"name {got.name!r}, expected {expected['name']!r}; flags {list(got.flag_codes)}")


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy of the parser on a generated corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="a folder written by make_corpus.py")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--worst", type=int, default=5, help="list the K documents with most "
                        "wrong names (default 5)")
    parser.add_argument("--show", action="append", default=[], metavar="NAME",
                        help="list what came out wrong in this document (repeatable); no totals")
    args = parser.parse_args(argv)
    if not (args.out_dir / "truth").is_dir():
        print(f"error: {args.out_dir}/truth not found; write a corpus with make_corpus.py first",
              file=sys.stderr)
        return 2
    if args.show:
        for name in args.show:
            if not (args.out_dir / "truth" / (Path(name).stem + ".json")).exists():
                print(f"error: no truth file for {name} in {args.out_dir}/truth", file=sys.stderr)
                return 2
            show_document(args.out_dir, name)
        return 0
    overall, groups, worst = measure(args.out_dir)
    if args.json:
        print(json.dumps({"overall": overall, "by_pattern": groups["pattern"],
                          "by_family": groups["family"], "worst": worst[: args.worst]},
                         ensure_ascii=False))
        return 0
    for key, value in overall.items():
        print(f"{key:28} {value}")
    for grouping, by_key in groups.items():
        for name, figures in by_key.items():
            print(f"{grouping} {name:13} names_right {figures['names_right']}  "
                  f"targets_right {figures['targets_right']}  "
                  f"indicators_right {figures['indicators_right']}  "
                  f"({figures['documents']} docs)")
    for name, wrong in worst[: args.worst]:
        print(f"worst: {name} ({wrong} names wrong)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
