"""The one class the app and the CLI use: reads give plain values, actions are logged operations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func
from sqlmodel import Session, col, select

from parser import Document
from store import editlog, importer, listing, queries
from store.candidates import KnownNames, NamePool, load_name_pool
from store.candidates import known_names as candidate_known_names
from store.errors import NotFoundError
from store.export import (
    STABLE,
    ExportSummary,
    Headings,
    Progress,
    count_projects,
    iter_projects,
    write_export,
)
from store.findings import read_findings
from store.history import operation_record
from store.i18n import _
from store.invariants import database_problems
from store.key_sets import among
from store.known import add_known_names
from store.models import PROJECTS, UI_STATE, DocumentRow, EditLogRow, ProjectRow, UiStateRow
from store.operations import Operation, Versions
from store.team import TeamAccess
from store.upsert import conflict_insert
from store.views import (
    EVERY_PROJECT,
    DocumentFinding,
    DocumentSummary,
    EditEntry,
    FacetValue,
    ImportReport,
    ListQuery,
    Performed,
    ProjectDetail,
    ProjectSummary,
    Status,
    UnitStats,
)


class Repository(TeamAccess):
    """gzreview's data for one reviewer: everything a caller may read or do, nothing else."""

    # Reads ---------------------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        """Return every imported document with its counts."""
        with self.read() as session:
            return queries.documents(session)

    def document_name(self, document_id: int) -> str:
        """Return a document's file name (its id as text if it does not exist)."""
        with self.read() as session:
            row = session.get(DocumentRow, document_id)
            return row.file_name if row is not None else str(document_id)

    def document_text(self, document_id: int) -> str:
        """Return a document's full text, against which all spans are given."""
        with self.read() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFoundError(
                    _("document {id} does not exist; see `gzreview stats`").format(id=document_id)
                )
            return row.text

    def count_projects(self, query: ListQuery = EVERY_PROJECT) -> int:
        """Return how many projects the list would show."""
        with self.read() as session:
            return queries.count_projects(session, query)

    def list_projects(
        self, query: ListQuery = EVERY_PROJECT, offset: int = 0, limit: int = 100
    ) -> list[ProjectSummary]:
        """Return one page of the project list, in the query's order."""
        with self.read() as session:
            return queries.list_projects(session, query, offset, limit)

    def project(self, project_id: int) -> ProjectDetail:
        """Return one project with its indicators, version and unit neighbours."""
        with self.read() as session:
            return queries.project_detail(session, project_id)

    def project_ids(self, query: ListQuery = EVERY_PROJECT) -> list[int]:
        """Return the ids of the listed projects in order, for moving through them."""
        with self.read() as session:
            return queries.project_ids(session, query)

    def project_texts(self, query: ListQuery = EVERY_PROJECT) -> list[tuple[int, str, str, str]]:
        """Return (id, unit, name, target) of the listed projects in order, for the app's search."""
        with self.read() as session:
            return queries.project_texts(session, query)

    def value_facets(self, query: ListQuery = EVERY_PROJECT) -> dict[str, list[FacetValue]]:
        """Return how the listed projects' indicator values are written (units of measure,
        comparisons, number or words) with counts, to spot inconsistent ways of writing."""
        with self.read() as session:
            return listing.value_facets(session, query)

    def verifiable(self, query: ListQuery, include_flagged: bool) -> list[ProjectSummary]:
        """Return the listed projects a bulk verify would take: not verified yet and, unless
        `include_flagged`, neither flagged by a reviewer nor carrying a flag needing attention."""
        with self.read() as session:
            rows = queries.list_projects(session, query, 0, queries.count_projects(session, query))
        return [
            row for row in rows
            if row.status is not Status.VERIFIED
            and (include_flagged or (row.status is Status.UNREVIEWED and not row.needs_attention))
        ]

    def facets(self, query: ListQuery = EVERY_PROJECT) -> dict[str, list[FacetValue]]:
        """Return the list's facets (status, flag, unit, document, confidence band, reviewer)
        with how many listed projects have each value."""
        with self.read() as session:
            return listing.facets(session, query)

    def project_id_of(self, key: str) -> int:
        """Return the id of the project with this stable key, or raise NotFoundError."""
        with self.read() as session:
            return _id_of(session, key)

    def history(self, limit: int = 200) -> list[EditEntry]:
        """Return the newest edit-log entries, newest first."""
        with self.read() as session:
            return queries.history(session, limit)

    def operations(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Return the newest `limit` log entries as replayable records, oldest first."""
        with self.read() as session:
            statement = select(EditLogRow).order_by(col(EditLogRow.id).desc())
            if limit is not None:
                statement = statement.limit(max(0, limit))
            rows = list(session.exec(statement).all())
        return [operation_record(row) for row in reversed(rows)]

    def known_names(self, unit: str | None = None) -> list[str]:
        """Return known project names, optionally those of one unit (plus unit-less ones)."""
        with self.read() as session:
            return queries.known_names(session, unit)

    def name_pool(self, project_id: int) -> NamePool:
        """Return the rename picker's names for a project, read once, to rank per keystroke."""
        with self.read() as session:
            return load_name_pool(session, queries.project_row(session, project_id))

    def picker_names(self, unit: str) -> KnownNames:
        """Return the known names the picker offers for a unit (kept while they do not change);
        `store.candidates.index_known` then indexes them, outside any lock."""
        with self.read() as session:
            return candidate_known_names(session, unit)

    def document_findings(self, document_id: int | None = None) -> list[DocumentFinding]:
        """Return the parser's document-level findings (of one document, or all) with lines."""
        with self.read() as session:
            return read_findings(session.connection(), document_id)

    def unit_stats(self) -> list[UnitStats]:
        """Return review progress per document and unit."""
        with self.read() as session:
            return queries.unit_stats(session)

    def is_empty(self) -> bool:
        """Return True when no document has been imported yet."""
        with self.read() as session:
            count = session.execute(select(func.count(col(DocumentRow.id)))).scalar_one()
            return int(count) == 0

    def invariant_problems(self) -> list[str]:
        """Check every document from scratch; return one line per broken invariant (none: [])."""
        with self.read() as session:
            return database_problems(session.connection())

    # The reviewer's own settings (never logged, never undone) -----------------------------------

    def get_ui_state(self, key: str) -> str | None:
        """Return a UI setting of this reviewer, or None."""
        with self.read() as session:
            row = session.get(UiStateRow, (self.reviewer, key))
            return None if row is None else row.value

    def ui_states(self) -> dict[str, str]:
        """Return every UI setting of this reviewer, read at once (the app's start reads them)."""
        with self.read() as session:
            rows = session.execute(
                select(col(UiStateRow.key), col(UiStateRow.value))
                .where(col(UiStateRow.reviewer) == self.reviewer)
            )
            return {key: value for key, value in rows}

    def set_ui_state(self, key: str, value: str) -> None:
        """Store a UI setting of this reviewer."""
        self.set_ui_states({key: value})

    def set_ui_states(self, values: Mapping[str, str]) -> None:
        """Store UI settings of this reviewer, all in one transaction."""
        if not values:
            return
        table = UI_STATE
        with self.write() as session:
            upsert = conflict_insert(session.get_bind(), table).values(
                [{"reviewer": self.reviewer, "key": key, "value": value}
                 for key, value in values.items()]
            )
            session.execute(upsert.on_conflict_do_update(  # two windows of one reviewer at once
                index_elements=[table.c.reviewer, table.c.key],
                set_={"value": upsert.excluded.value},
            ))

    # Actions: each one transaction and one edit-log row ------------------------------------------

    def perform(self, operation: Operation, based_on: Versions | None) -> Performed:
        """Apply an operation as one logged action, based on the versions the caller saw.

        Every project it changes must appear in `based_on` at its current version (None: as the
        projects are now, for replaying a file); a verified project refuses a correction.
        """
        def work(session: Session) -> Performed:
            entry, created = editlog.perform(session, self.reviewer, operation, based_on)
            return _performed(session, entry, created)

        return self.writing(work)

    def undo(self) -> Performed:
        """Undo this reviewer's newest applied action (refused if its projects changed since)."""
        return self._history_step(editlog.undo)

    def redo(self) -> Performed:
        """Redo this reviewer's most recently undone action, if nothing new was done since."""
        return self._history_step(editlog.redo)

    def _history_step(self, step: Callable[[Session, str], EditLogRow]) -> Performed:
        """Run undo or redo in one write transaction."""
        return self.writing(lambda session: _performed(session, step(session, self.reviewer), []))

    # Import, known names and export --------------------------------------------------------------

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
        def work(session: Session) -> ImportReport:
            connection = session.connection()
            duplicate = importer.find_duplicate(connection, source.content_hash)
            if duplicate is not None:
                return importer.duplicate_report(source, duplicate)
            return importer.insert_document(connection, source, document)

        return self.writing(work)

    def import_prepared(self, prepared: importer.PreparedDocument) -> ImportReport:
        """Insert a prepared document's rows in one transaction, unless a duplicate."""
        def work(session: Session) -> ImportReport:
            connection = session.connection()
            duplicate = importer.find_duplicate(connection, prepared.content_hash)
            if duplicate is not None:
                return importer.duplicate_report(prepared.source, duplicate)
            return importer.insert_prepared(connection, prepared)

        return self.writing(work)

    def find_duplicate(self, digest: str) -> int | None:
        """Return the id of a document already imported with this content hash."""
        with self.read() as session:
            return importer.find_duplicate(session.connection(), digest)

    def ensure_sample(self, path: Path | None = None) -> ImportReport | None:
        """Import the bundled sample (or `path`) into an empty database; return what happened."""
        if not self.is_empty():
            return None
        return self.import_file(path or importer.bundled_sample())

    def add_known_names(self, pairs: Iterable[tuple[str, str]]) -> int:
        """Add (name, unit) pairs as imported known names; return how many were new."""
        wanted = list(pairs)
        return self.writing(
            lambda session: add_known_names(session.connection(), wanted, source="imported")
        )

    def export(
        self, format: str, output: Path | None, *, include_all: bool = False,
        force: bool = False, stream: TextIO | None = None, headings: Headings = STABLE,
        progress: Callable[[int, int], None] | None = None,
    ) -> ExportSummary:
        """Export verified projects (all with `include_all`) from one consistent read.

        `progress(advance, total)` is told first (0, total), then each time `advance` more of
        the `total` projects are written.
        """
        with self.read() as session:
            connection = session.connection()
            told: Progress | None = None
            if progress is not None:
                total = count_projects(connection, include_all)
                progress(0, total)
                told = lambda advance: progress(advance, total)  # noqa: E731
            entries = iter_projects(connection, include_all)
            return write_export(format, entries, output, force, stream, headings, told)


TOUCHED_SHOWN = 100
"""How many of an action's projects `Performed.touched_ids` names: enough to select one after it."""


def _id_of(session: Session, key: str) -> int:
    """Return the id of the project with `key`, or raise NotFoundError."""
    found = session.exec(select(ProjectRow.id).where(col(ProjectRow.key) == key)).first()
    if found is None:
        raise NotFoundError(
            _("project {key} does not exist (any more); reload the list").format(key=key)
        )
    return found


def _performed(session: Session, entry: EditLogRow, created: list[str]) -> Performed:
    """Return an action's log entry with the ids of (the first of) its projects that exist now."""
    keys = list(dict.fromkeys([*created, *entry.project_keys[:TOUCHED_SHOWN]]))
    connection = session.connection()
    statement = select(PROJECTS.c.key, PROJECTS.c.id).where(among(connection, PROJECTS.c.key, keys))
    found: dict[str, int] = {key: project_id for key, project_id in connection.execute(statement)}
    return Performed(
        queries.edit_entry(entry),
        tuple(found[key] for key in entry.project_keys[:TOUCHED_SHOWN] if key in found),
        tuple(found[key] for key in created if key in found),
    )
