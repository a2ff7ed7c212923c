"""Exports of the reviewed dataset: JSON Lines (the record contract), CSV, XLSX, data package."""

from store.export.atomic import atomic_directory, atomic_file
from store.export.rows import ExportProject, iter_projects
from store.export.writers import FORMATS, ExportSummary, write_export

__all__ = [
    "FORMATS",
    "ExportProject",
    "ExportSummary",
    "atomic_directory",
    "atomic_file",
    "iter_projects",
    "write_export",
]
