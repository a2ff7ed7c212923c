"""The one class owning sessions and transactions: every read and reviewer action goes here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TextIO

from sqlalchemy import Engine, func
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, col, select

from parser import Document
from store import editlog, importer, queries
from store.corrections import CorrectionVerbs
from store.db import (
    create_store_engine,
    display_location,
    prepare_schema,
    with_lock_retries,
    write_failures_reported,
    writer,
)
from store.errors import NotFoundError, StoreError
from store.export import ExportSummary, iter_projects, write_export
from store.findings import read_findings
from store.known import add_known_names
from store.models import DocumentRow, ProjectRow, UiStateRow
from store.views import (
    DocumentFinding,
    DocumentSummary,
    EditEntry,
    ImportReport,
    ListFilter,
    ProjectDetail,
    ProjectSummary,
    Status,
    UnitStats,
)

_STATUS_ACTIONS = {Status.VERIFIED: "verify", Status.FLAGGED: "flag", Status.UNREVIEWED: "unreview"}


class Repository(CorrectionVerbs):
    """gzreview's data for one reviewer: read verbs return plain values, edit verbs are logged."""

    def __init__(self, engine: Engine, reviewer: str) -> None:
        self._engine = engine
        self.reviewer = reviewer

    @classmethod
    def open(cls, url_or_path: str | Path, reviewer: str) -> Self:
        """Open (creating or upgrading) the database at a file path or SQLAlchemy URL."""
        engine = create_store_engine(url_or_path)
        try:
            with_lock_retries(lambda: prepare_schema(engine), display_location(str(engine.url)))
        except SQLAlchemyError as error:
            engine.dispose()
            location = display_location(str(engine.url))
            reason = getattr(error, "orig", None) or error
            raise StoreError(
                f"{location}: cannot open the database ({reason}); check --db or GZREVIEW_DB"
            ) from error
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, reviewer)

    @property
    def location(self) -> str:
        """Return where the data lives: a file path, or a URL without its password."""
        return display_location(str(self._engine.url))

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        """Yield a session for reading; nothing is committed."""
        with Session(self._engine) as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """Yield a session in one write transaction: committed on success, rolled back on error."""
        session, transaction = with_lock_retries(self._begin_write, self.location)
        with write_failures_reported(self.location), session, transaction:
            yield session

    def _begin_write(self) -> tuple[Session, SessionTransaction]:
        """Begin a write transaction now, so waiting for another writer happens before any work."""
        session = Session(writer(self._engine), expire_on_commit=False)
        try:
            transaction = session.begin()
            session.connection()
        except BaseException:
            session.close()
            raise
        return session, transaction

    # Reads ---------------------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        """Return every imported document with its counts."""
        with self._read() as session:
            return queries.documents(session)

    def document_text(self, document_id: int) -> str:
        """Return a document's full text, against which all spans are given."""
        with self._read() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFoundError(f"document {document_id} does not exist; see `gzreview stats`")
            return row.text

    def count_projects(
        self,
        filter: ListFilter = ListFilter.ALL,
        document_id: int | None = None,
        search: str | None = None,
    ) -> int:
        """Return how many projects the list would show."""
        conditions = queries.project_conditions(filter, document_id, search)
        with self._read() as session:
            return queries.count_projects(session, conditions)

    def list_projects(
        self,
        filter: ListFilter = ListFilter.ALL,
        document_id: int | None = None,
        offset: int = 0,
        limit: int = 100,
        search: str | None = None,
    ) -> list[ProjectSummary]:
        """Return one page of the project list, in document then source order."""
        conditions = queries.project_conditions(filter, document_id, search)
        with self._read() as session:
            return queries.list_projects(session, conditions, offset, limit)

    def project(self, project_id: int) -> ProjectDetail:
        """Return one project with its indicators and version."""
        with self._read() as session:
            return queries.project_detail(session, project_id)

    def project_ids(
        self, filter: ListFilter = ListFilter.ALL, document_id: int | None = None
    ) -> list[int]:
        """Return the ids of the listed projects in order, for moving through them."""
        conditions = queries.project_conditions(filter, document_id, None)
        with self._read() as session:
            return queries.project_ids(session, conditions)

    def project_texts(self, document_id: int | None = None) -> list[tuple[int, str, str, str]]:
        """Return (id, unit, name, target) of every project in list order, for the app's search."""
        conditions = queries.project_conditions(ListFilter.ALL, document_id, None)
        with self._read() as session:
            return queries.project_texts(session, conditions)

    def history(self, limit: int = 200) -> list[EditEntry]:
        """Return the newest edit-log entries, newest first."""
        with self._read() as session:
            return queries.history(session, limit)

    def known_names(self, unit: str | None = None) -> list[str]:
        """Return known project names, optionally those of one unit (plus unit-less ones)."""
        with self._read() as session:
            return queries.known_names(session, unit)

    def document_findings(self, document_id: int | None = None) -> list[DocumentFinding]:
        """Return the parser's document-level findings (of one document, or all) with lines."""
        with self._read() as session:
            return read_findings(session.connection(), document_id)

    def unit_stats(self) -> list[UnitStats]:
        """Return review progress per document and unit."""
        with self._read() as session:
            return queries.unit_stats(session)

    def get_ui_state(self, key: str) -> str | None:
        """Return a UI setting of this reviewer, or None."""
        with self._read() as session:
            row = session.get(UiStateRow, (self.reviewer, key))
            return None if row is None else row.value

    def set_ui_state(self, key: str, value: str) -> None:
        """Store a UI setting of this reviewer (not an edit: never logged, never undone)."""
        with self._write() as session:
            row = session.get(UiStateRow, (self.reviewer, key))
            if row is None:
                row = UiStateRow(reviewer=self.reviewer, key=key, value=value)
            row.value = value
            session.add(row)

    # Review verbs --------------------------------------------------------------------------------

    def verify(self, project_id: int, expected_version: int) -> EditEntry:
        """Mark a project verified; while it stays verified its name is a known name of its unit."""
        return self._set_status(project_id, expected_version, Status.VERIFIED, None)

    def flag(self, project_id: int, note: str, expected_version: int) -> EditEntry:
        """Flag a project for attention with a note saying why."""
        return self._set_status(project_id, expected_version, Status.FLAGGED, note)

    def mark_unreviewed(self, project_id: int, expected_version: int) -> EditEntry:
        """Put a project back to unreviewed."""
        return self._set_status(project_id, expected_version, Status.UNREVIEWED, None)

    def set_note(self, project_id: int, note: str, expected_version: int) -> EditEntry:
        """Replace a project's reviewer note."""
        key, name = self._key_and_name(project_id)

        def mutate(session: Session) -> None:
            self._row_by_key(session, key).note = note

        return self._record_edit("note", f"note on “{name}”", {key: expected_version}, mutate)

    def _set_status(
        self, project_id: int, expected_version: int, status: Status, note: str | None
    ) -> EditEntry:
        """Change a project's status (and note) as one logged edit."""
        key, name = self._key_and_name(project_id)

        def mutate(session: Session) -> None:
            row = self._row_by_key(session, key)
            row.status = status.value
            if note is not None:
                row.note = note

        action = _STATUS_ACTIONS[status]
        summary = f"{action} “{name}”" + (f": {note}" if note else "")
        details = {"status": status.value}
        return self._record_edit(action, summary, {key: expected_version}, mutate, details)

    def _record_edit(
        self,
        action: str,
        summary: str,
        expected_versions: Mapping[str, int],
        mutate: editlog.Mutation,
        details: Mapping[str, Any] | None = None,
        other_keys: Iterable[str] = (),
    ) -> EditEntry:
        """Run `mutate` as one logged, undoable transaction over the projects named by key."""
        with self._write() as session:
            entry = editlog.record_edit(
                session,
                reviewer=self.reviewer,
                action=action,
                summary=summary,
                project_keys=[*expected_versions, *other_keys],
                expected_versions=expected_versions,
                mutate=mutate,
                details=details,
            )
            return queries.edit_entry(entry)

    def _key_and_name(self, project_id: int) -> tuple[str, str]:
        """Return a project's stable key and current name, or raise NotFoundError."""
        with self._read() as session:
            row = queries.project_row(session, project_id)
            return row.key, row.name

    @staticmethod
    def _row_by_key(session: Session, key: str) -> ProjectRow:
        """Return the project row with this key inside a mutation."""
        row = session.exec(select(ProjectRow).where(col(ProjectRow.key) == key)).first()
        if row is None:
            raise NotFoundError(f"project {key} does not exist (any more); reload the list")
        return row

    def undo(self) -> EditEntry:
        """Undo this reviewer's newest applied action (refused if its projects changed since)."""
        return self._history_step(editlog.undo)

    def redo(self) -> EditEntry:
        """Redo this reviewer's most recently undone action, if nothing new was done since."""
        return self._history_step(editlog.redo)

    def _history_step(self, step: Callable[[Session, str], Any]) -> EditEntry:
        """Run undo or redo in one write transaction."""
        with self._write() as session:
            return queries.edit_entry(step(session, self.reviewer))

    # Import and known names ----------------------------------------------------------------------

    def import_file(self, path: Path) -> ImportReport:
        """Decode, parse and import one file; failures and duplicates are reported, not raised."""
        try:
            source = importer.read_source(path)
            duplicate = self.find_duplicate(source.content_hash)
            if duplicate is not None:
                return importer.duplicate_report(source, duplicate)
            document = importer.parse_source(source)
        except importer.ImportFailure as failure:
            return ImportReport(str(path), "failed", reason=str(failure))
        return self.import_parsed(source, document)

    def import_parsed(self, source: importer.SourceFile, document: Document) -> ImportReport:
        """Insert a parsed document in its own transaction, unless its text was imported before."""
        with self._write() as session:
            connection = session.connection()
            duplicate = importer.find_duplicate(connection, source.content_hash)
            if duplicate is not None:
                return importer.duplicate_report(source, duplicate)
            return importer.insert_document(connection, source, document)

    def import_prepared(self, prepared: importer.PreparedDocument) -> ImportReport:
        """Insert rows prepared by a worker process in one transaction, unless a duplicate."""
        with self._write() as session:
            connection = session.connection()
            duplicate = importer.find_duplicate(connection, prepared.content_hash)
            if duplicate is not None:
                return importer.duplicate_report(prepared.source, duplicate)
            return importer.insert_prepared(connection, prepared)

    def find_duplicate(self, digest: str) -> int | None:
        """Return the id of a document already imported with this content hash."""
        with self._read() as session:
            return importer.find_duplicate(session.connection(), digest)

    def is_empty(self) -> bool:
        """Return True when no document has been imported yet."""
        with self._read() as session:
            count = session.execute(select(func.count(col(DocumentRow.id)))).scalar_one()
            return int(count) == 0

    def ensure_sample(self, path: Path | None = None) -> ImportReport | None:
        """Import the bundled sample (or `path`) into an empty database; return what happened."""
        if not self.is_empty():
            return None
        return self.import_file(path or importer.bundled_sample())

    def add_known_names(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Add (name, unit) pairs as imported known names; return how many were new."""
        with self._write() as session:
            return add_known_names(session.connection(), pairs, source="imported")

    def export(
        self,
        format: str,
        output: Path | None,
        *,
        include_all: bool = False,
        force: bool = False,
        stream: TextIO | None = None,
    ) -> ExportSummary:
        """Export verified projects (all with `include_all`) from one consistent read."""
        with self._read() as session:
            items = iter_projects(session.connection(), include_all)
            return write_export(format, items, output, force, stream)
