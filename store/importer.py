"""Bulk import of parsed documents with SQLAlchemy Core, one transaction per document."""

from __future__ import annotations

import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from parser import Document, Indicator, ParsedValue, ParseError, Project, decode
from parser.parse import parse
from parser.records import content_hash, project_key
from store.db import bulk_insert
from store.editlog import now
from store.errors import StoreError
from store.findings import finding_rows, findings_of
from store.models import DOCUMENTS, INDICATORS, PROJECTS
from store.views import ImportReport


@cache
def parser_version() -> str:
    """Return the version of the parser that produced the rows, recorded with every document."""
    try:
        return metadata.version("gzreview")
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class SourceFile:
    """A decoded file ready to import: its name, text, encoding and content hash."""

    name: str
    text: str
    encoding: str
    origin: str = ""

    @property
    def content_hash(self) -> str:
        """Return the hash that identifies this text across imports."""
        return content_hash(self.text)


MAX_IMPORT_BYTES = 5 * 1024 * 1024
"""Largest file imported as one document: importing needs about 45 bytes of memory per byte
(a 5 MB file peaks near 250 MB), while one department's table is well under 1 MB."""


class ImportFailure(Exception):
    """A file cannot be imported; the message names it, says why and what to do."""


def read_source(path: Path) -> SourceFile:
    """Read and decode one file, or raise ImportFailure with a reason a user can act on."""
    data = _read_bytes(path)
    try:
        decoded = decode(data)
    except ParseError as error:
        raise ImportFailure(f"{path}: {error}") from error
    if not decoded.text.strip():
        raise ImportFailure(
            f"{path}: the file has no text (it is empty or only white space); "
            "export the table from the PDF as text"
        )
    return SourceFile(path.name, decoded.text, decoded.encoding, str(path))


def _read_bytes(path: Path) -> bytes:
    """Return a regular file's bytes; refuse pipes and devices (reading may hang) and huge files."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailure(
                f"{path}: not a regular file (a pipe, device or socket); "
                "save the table's text to a file and import that"
            )
        if info.st_size > MAX_IMPORT_BYTES:
            raise ImportFailure(
                f"{path}: the file is {info.st_size / 1e6:.1f} MB, more than the "
                f"{MAX_IMPORT_BYTES / 1e6:.1f} MB gzreview imports as one document; "
                "split it into one file per department and import the folder"
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise ImportFailure(f"{path}: no such file or folder; check the path") from error
    except OSError as error:
        reason = f"cannot read the file ({error.strerror}); check its permissions"
        raise ImportFailure(f"{path}: {reason}") from error


def parse_source(source: SourceFile) -> Document:
    """Parse a decoded file, refusing text in which no project table was found."""
    try:
        document = parse(source.text, source=source.name)
    except ParseError as error:
        raise ImportFailure(f"{source.origin}: {error}") from error
    except Exception as error:  # a parser bug must not stop the other files of a batch
        raise ImportFailure(
            f"{source.origin}: the parser failed ({type(error).__name__}: {error}); "
            "please report this file to the gzreview maintainers"
        ) from error
    if not document.projects:
        raise ImportFailure(
            f"{source.origin}: no project of a 项目支出绩效目标表 was found in the text; "
            "check that this is the table's text export"
        )
    return document


def duplicate_report(source: SourceFile, document_id: int) -> ImportReport:
    """Return the report of a file whose text was imported before, naming the earlier document."""
    return ImportReport(
        source.origin or source.name,
        "duplicate",
        document_id,
        reason=f"same text as document {document_id}, already imported; skipped",
    )


def bundled_sample() -> Path:
    """Return the sample document shipped in the project's `data/` folder, or fail clearly."""
    data = Path(__file__).resolve().parents[1] / "data"
    samples = sorted(data.glob("*.txt")) if data.is_dir() else []
    if not samples:
        raise StoreError(
            f"{data}: the bundled sample is missing; reinstall gzreview or `gzreview import FILE`"
        )
    return samples[0]


def collect_sources(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to their `*.txt` files (recursively, sorted); keep other paths as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(item for item in path.rglob("*.txt") if item.is_file()))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def find_duplicate(connection: Connection, digest: str) -> int | None:
    """Return the id of the document already imported with this content hash, if any."""
    return connection.execute(
        select(DOCUMENTS.c.id).where(DOCUMENTS.c.content_hash == digest)
    ).scalar_one_or_none()


def insert_document(connection: Connection, source: SourceFile, document: Document) -> ImportReport:
    """Insert a document, its projects and indicators in bulk and return what was added."""
    digest = source.content_hash
    findings = finding_rows(document)
    document_id = connection.execute(
        insert(DOCUMENTS).returning(DOCUMENTS.c.id),
        {
            "file_name": source.name,
            "content_hash": digest,
            "text": source.text,
            "encoding": source.encoding,
            "department": document.department,
            "parser_version": parser_version(),
            "imported_at": now(),
            "noise_spans": noise_spans(document),
            "findings": findings,
        },
    ).scalar_one()
    found = tuple(findings_of(document_id, source.name, findings))
    project_rows = [
        _project_row(document_id, digest, position, project)
        for position, project in enumerate(document.projects)
    ]
    if not project_rows:
        return ImportReport(source.origin or source.name, "imported", document_id, findings=found)
    bulk_insert(connection, PROJECTS, project_rows)
    inserted = select(PROJECTS.c.key, PROJECTS.c.id).where(PROJECTS.c.document_id == document_id)
    project_ids = {key: project_id for key, project_id in connection.execute(inserted)}
    indicator_rows = list(
        _indicator_rows(
            (project_ids[row["key"]], project)
            for row, project in zip(project_rows, document.projects, strict=True)
        )
    )
    bulk_insert(connection, INDICATORS, indicator_rows)
    return ImportReport(
        source=source.origin or source.name,
        outcome="imported",
        document_id=document_id,
        projects=len(project_rows),
        indicators=len(indicator_rows),
        flagged=sum(1 for project in document.projects if project.flags),
        findings=found,
    )


POSITION_STEP = 1024
"""Projects are numbered 0, 1024, 2048…, so a project split off by a reviewer fits in between."""


def noise_spans(document: Document) -> list[list[int]]:
    """Return the text no project field claims (headers, units, left-over names, noise), sorted."""
    spans = [*document.noise, *(unit.span for unit in document.units), *document.unclaimed]
    spans += [span for name in document.unassigned_names for span in name.spans]
    return [list(span) for span in sorted(spans)]


def _project_row(document_id: int, digest: str, position: int, project: Project) -> dict[str, Any]:
    """Return the projects-table row of a freshly parsed project."""
    return {
        "document_id": document_id,
        "key": project_key(digest, project.block),
        "unit": project.unit,
        "name": project.name,
        "target": project.target,
        "position": position * POSITION_STEP,
        "status": "unreviewed",
        "confidence": project.confidence,
        "flags": list(project.flag_codes),
        "flag_details": [flag.message or flag.code for flag in project.flags],
        "alternatives": [(item.name, item.score, item.spans) for item in project.alternatives],
        "name_spans": project.name_spans,  # tuples are JSON arrays; copying them only costs time
        "target_spans": project.target_spans,
        "block_start": project.block[0],
        "block_end": project.block[1],
        "note": "",
        "version": 1,
        "updated_by": "",
        "updated_at": None,
    }


def _indicator_rows(projects: Iterable[tuple[int, Project]]) -> Iterator[dict[str, Any]]:
    """Yield the indicators-table rows of parsed projects, numbering their order in the source."""
    source_order = 0
    for project_id, project in projects:
        for position, indicator in enumerate(project.indicators):
            yield _indicator_row(project_id, position, source_order, indicator)
            source_order += 1


def _indicator_row(
    project_id: int, position: int, source_order: int, item: Indicator
) -> dict[str, Any]:
    """Return the indicators-table row of one parsed indicator."""
    return {
        "project_id": project_id,
        "position": position,
        "source_order": source_order,
        "seq": item.seq,
        "level1_code": item.level1_code,
        "level1": item.level1,
        "level2_code": item.level2_code,
        "level2": item.level2,
        "name": item.name,
        "period_value": item.period_value,
        "annual_value": item.annual_value,
        **_parsed_columns("period", item.period_parsed),
        **_parsed_columns("annual", item.annual_parsed),
        "span_start": item.span[0],
        "span_end": item.span[1],
        "field_spans": item.field_spans,
    }


def _parsed_columns(prefix: str, value: ParsedValue | None) -> dict[str, str | None]:
    """Return the op/number/unit columns of a parsed value, the number as exact decimal text."""
    if value is None:
        return {f"{prefix}_op": None, f"{prefix}_number": None, f"{prefix}_unit": None}
    return {
        f"{prefix}_op": value.op,
        f"{prefix}_number": str(value.number),
        f"{prefix}_unit": value.unit,
    }
