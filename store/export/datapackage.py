"""A Frictionless data package: projects.csv, indicators.csv, and datapackage.json with keys."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from parser.records import Entry
from store.export.atomic import atomic_directory
from store.export.tables import (
    INDICATOR_COLUMNS,
    PROJECT_COLUMNS,
    Column,
    indicator_cells,
    project_cells,
)


def _schema(columns: Iterable[Column]) -> dict[str, Any]:
    """Return the Table Schema fields of some columns."""
    return {
        "fields": [
            {"name": column.name, "type": column.type, "description": column.description}
            for column in columns
        ],
        "missingValues": [""],
    }


def descriptor() -> dict[str, Any]:
    """Return datapackage.json: two CSV resources, primary keys and the foreign key between them."""
    projects = _schema(PROJECT_COLUMNS) | {"primaryKey": ["key"]}
    indicators = _schema(INDICATOR_COLUMNS) | {
        "primaryKey": ["project_key", "position"],
        "foreignKeys": [
            {"fields": ["project_key"], "reference": {"resource": "projects", "fields": ["key"]}}
        ],
    }
    return {
        "name": "gzreview-export",
        "title": "Project performance targets reviewed with gzreview",
        "resources": [
            _resource("projects", projects),
            _resource("indicators", indicators),
        ],
    }


def _resource(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """Return one CSV resource of the package."""
    return {
        "name": name,
        "path": f"{name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _open_csv(path: Path) -> TextIO:
    """Open a CSV file for writing as plain UTF-8, as the descriptor declares."""
    return path.open("w", encoding="utf-8", newline="")


PACKAGE_FILES = frozenset({"projects.csv", "indicators.csv", "datapackage.json"})
"""Everything gzreview writes into a data package folder."""
_DESCRIPTOR_LIMIT = 1_000_000
"""Bytes of a datapackage.json read to tell whether gzreview wrote it (ours are ~6 KB)."""


def written_by_gzreview(folder: Path) -> bool:
    """Tell whether a folder's datapackage.json is one gzreview wrote (by its package name)."""
    try:
        with (folder / "datapackage.json").open("rb") as handle:
            found = json.loads(handle.read(_DESCRIPTOR_LIMIT))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(found, dict) and found.get("name") == descriptor()["name"]


def write_datapackage(entries: Iterable[Entry], folder: Path, force: bool) -> None:
    """Write the package into a temporary folder and move it into place when complete.

    An existing folder is replaced (with `force`) only if it is a package gzreview wrote.
    """
    with atomic_directory(folder, force, PACKAGE_FILES, written_by_gzreview) as temporary:
        with (
            _open_csv(temporary / "projects.csv") as projects_file,
            _open_csv(temporary / "indicators.csv") as indicators_file,
        ):
            projects = csv.writer(projects_file)
            indicators = csv.writer(indicators_file)
            projects.writerow([column.name for column in PROJECT_COLUMNS])
            indicators.writerow([column.name for column in INDICATOR_COLUMNS])
            for entry in entries:
                projects.writerow(project_cells(entry))
                key = entry.key
                indicators.writerows(
                    indicator_cells(key, position, indicator)
                    for position, indicator in enumerate(entry.project.indicators, start=1)
                )
        text = json.dumps(descriptor(), ensure_ascii=False, indent=2)
        (temporary / "datapackage.json").write_text(text + "\n", encoding="utf-8")
