"""Bulk import of parsed documents with SQLAlchemy Core, one transaction per document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Insert, select

from parser import PARSER_VERSION, Document, ParseError, decode
from parser.flags import needs_attention
from parser.parse import parse
from parser.records import content_hash
from store.db import bulk_insert
from store.editlog import now
from store.errors import StoreError
from store.findings import finding_rows, findings_of
from store.i18n import _
from store.models import DOCUMENTS, INDICATORS, PROJECTS
from store.postgres import commit_without_waiting_for_disk
from store.rows import Row, indicator_row, noise_spans, packed, project_row, unpacked
from store.upsert import conflict_insert
from store.user_files import UnreadableFileError, read_user_file
from store.views import ImportReport


def parser_version() -> str:
    """Return the version of the parser that produces the rows, recorded with every document
    (a later parser's reparse compares against it)."""
    return PARSER_VERSION


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
    too_big = (
        _("one document"), _("split it into one file per department and import the folder")
    )
    try:
        return read_user_file(path, MAX_IMPORT_BYTES, too_big)
    except UnreadableFileError as error:
        raise ImportFailure(str(error)) from error


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


@dataclass(frozen=True)
class PreparedDocument:
    """A parsed file as plain rows ready to insert, so a worker process can send it back cheaply.

    Project rows lack their document id and indicator rows their project id (both known only
    once inserted); JSON values are encoded already, as the database stores them.
    """

    source: SourceFile
    content_hash: str
    department: str
    noise_spans: list[list[int]]
    findings: list[dict[str, Any]]
    project_columns: tuple[str, ...]
    projects: list[Row]
    indicator_columns: tuple[str, ...]
    indicators: list[list[Row]]
    needing_attention: int


def prepare_document(source: SourceFile, document: Document) -> PreparedDocument:
    """Turn a parsed document into the packed rows its import inserts (no database needed)."""
    projects, indicators = rows_of(source.content_hash, document)
    first_indicator = next((rows[0] for rows in indicators if rows), {})
    return replace(
        _facts(source, document),
        project_columns=tuple(projects[0]) if projects else (),
        projects=[packed(row) for row in projects],
        indicator_columns=tuple(first_indicator),
        indicators=[[packed(row) for row in rows] for rows in indicators],
    )


def _facts(source: SourceFile, document: Document) -> PreparedDocument:
    """Return what the documents row needs and the report counts, without any project rows."""
    return PreparedDocument(
        source=source,
        content_hash=source.content_hash,
        department=document.department,
        noise_spans=noise_spans(document),
        findings=finding_rows(document),
        project_columns=(),
        projects=[],
        indicator_columns=(),
        indicators=[],
        needing_attention=sum(
            1 for project in document.projects if needs_attention(project.flag_codes)
        ),
    )


def rows_of(
    digest: str, document: Document
) -> tuple[list[dict[str, Any]], list[list[dict[str, Any]]]]:
    """Return the project rows and, per project, its indicator rows, ids still unset."""
    projects = [project_row(0, digest, order, item) for order, item in enumerate(document.projects)]
    indicators: list[list[dict[str, Any]]] = []
    source_order = 0
    for project in document.projects:
        indicators.append(
            [
                indicator_row(0, position, source_order + position, indicator)
                for position, indicator in enumerate(project.indicators)
            ]
        )
        source_order += len(project.indicators)
    return projects, indicators


def insert_document(connection: Connection, source: SourceFile, document: Document) -> ImportReport:
    """Insert a document, its projects and indicators in bulk and return what was added."""
    projects, indicators = rows_of(source.content_hash, document)
    return _insert(connection, _facts(source, document), projects, indicators)


def insert_prepared(connection: Connection, prepared: PreparedDocument) -> ImportReport:
    """Insert a prepared document's rows in bulk and return what was added."""
    projects = unpacked(prepared.project_columns, prepared.projects)
    indicators = [unpacked(prepared.indicator_columns, rows) for rows in prepared.indicators]
    return _insert(connection, prepared, projects, indicators)


def _insert(
    connection: Connection,
    facts: PreparedDocument,
    project_rows: list[dict[str, Any]],
    indicators: list[list[dict[str, Any]]],
) -> ImportReport:
    """Insert the documents row from `facts`, then the given project and indicator rows."""
    source = facts.source
    commit_without_waiting_for_disk(connection)
    document_id = connection.execute(
        _insert_new_text(connection),
        {
            "file_name": source.name,
            "content_hash": facts.content_hash,
            "text": source.text,
            "encoding": source.encoding,
            "department": facts.department,
            "parser_version": parser_version(),
            "imported_at": now(),
            "noise_spans": facts.noise_spans,
            "findings": facts.findings,
        },
    ).scalar_one_or_none()
    if document_id is None:  # the same text went in meanwhile (another import at the same time)
        earlier = find_duplicate(connection, facts.content_hash)
        assert earlier is not None, "a conflict on the content hash leaves the earlier document"
        return duplicate_report(source, earlier)
    found = tuple(findings_of(document_id, source.name, facts.findings))
    origin = source.origin or source.name
    if not project_rows:
        return ImportReport(origin, "imported", document_id, findings=found)
    indicator_count = insert_projects(connection, document_id, project_rows, indicators)
    return ImportReport(
        source=origin,
        outcome="imported",
        document_id=document_id,
        projects=len(project_rows),
        indicators=indicator_count,
        needing_attention=facts.needing_attention,
        findings=found,
    )


def _insert_new_text(connection: Connection) -> Insert:
    """Return the documents insert that does nothing when the text is there already.

    Two imports of one file at once both pass the duplicate check; the second then waits for the
    first's row and, once it commits, inserts nothing, so it reports a duplicate like SQLite.
    """
    statement: Insert = (
        conflict_insert(connection, DOCUMENTS)
        .on_conflict_do_nothing(index_elements=[DOCUMENTS.c.content_hash])
        .returning(DOCUMENTS.c.id)
    )
    return statement


def insert_projects(
    connection: Connection,
    document_id: int,
    project_rows: list[dict[str, Any]],
    indicators: list[list[dict[str, Any]]],
) -> int:
    """Insert a document's project rows and, per project, its indicator rows; return how many
    indicators went in."""
    for row in project_rows:
        row["document_id"] = document_id
    bulk_insert(connection, PROJECTS, project_rows)
    inserted = select(PROJECTS.c.key, PROJECTS.c.id).where(PROJECTS.c.document_id == document_id)
    project_ids = {key: project_id for key, project_id in connection.execute(inserted)}
    indicator_rows = []
    for project, rows in zip(project_rows, indicators, strict=True):
        project_id = project_ids[project["key"]]
        for row in rows:
            row["project_id"] = project_id
        indicator_rows.extend(rows)
    bulk_insert(connection, INDICATORS, indicator_rows)
    return len(indicator_rows)
