"""Exports of the reviewed dataset: JSON Lines (the record contract), CSV, XLSX, data package."""

from store.export.atomic import atomic_directory, atomic_file
from store.export.headings import (
    HEADING_LANGUAGES,
    STABLE,
    TABLE_FORMATS,
    Headings,
    choose_headings,
)
from store.export.rows import count_projects, iter_projects
from store.export.writers import FORMATS, ExportSummary, Progress, write_export

__all__ = [
    "FORMATS",
    "HEADING_LANGUAGES",
    "STABLE",
    "TABLE_FORMATS",
    "ExportSummary",
    "Headings",
    "Progress",
    "atomic_directory",
    "atomic_file",
    "choose_headings",
    "count_projects",
    "iter_projects",
    "write_export",
]
