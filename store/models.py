"""SQLModel tables: documents, projects, indicators, known names, edit log, per-reviewer state,
claims and the change counter."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Table, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

POSITION_STEP = 1024
"""Projects are numbered 0, 1024, 2048… in source order, so one split off fits in between."""


class MetaRow(SQLModel, table=True):
    """Key/value facts about the database itself, above all its schema version."""

    __tablename__ = "meta"

    key: str = Field(primary_key=True)
    value: str


class DocumentRow(SQLModel, table=True):
    """One imported text file, kept whole so spans can always be shown against it."""

    __tablename__ = "documents"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str
    content_hash: str = Field(unique=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    encoding: str
    department: str
    parser_version: str
    imported_at: datetime
    noise_spans: list[Any] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default="[]"),
        description="Text no project field claims: headers, unit lines, names left over, noise.",
    )
    findings: list[Any] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default="[]"),
        description="The parser's document-level findings: {code, message, start, end, line}.",
    )


class ProjectRow(SQLModel, table=True):
    """One project as currently reviewed; `version` grows with each change (stale-edit checks)."""

    __tablename__ = "projects"
    __table_args__ = (
        Index("ix_projects_document_position", "document_id", "position"),
        Index("ix_projects_status_document_position", "status", "document_id", "position"),
        Index("ix_projects_unit", "unit"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="documents.id", ondelete="CASCADE")
    key: str = Field(unique=True)
    unit: str
    name: str
    target: str = Field(sa_column=Column(Text, nullable=False))
    position: int
    status: str = "unreviewed"
    confidence: float = 0.0
    flags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    flag_details: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    alternatives: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    name_spans: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    target_spans: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    absorbed_names: list[Any] = Field(
        default_factory=list,
        sa_column=Column(JSON, nullable=False, server_default="[]"),
        description="[name, spans] printed names of projects merged into this one (until split).",
    )
    block_start: int
    block_end: int
    note: str = ""
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None


class IndicatorRow(SQLModel, table=True):
    """An indicator; `position`: its place in the project, `source_order`: its place in the text."""

    __tablename__ = "indicators"
    __table_args__ = (Index("ix_indicators_project_position", "project_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id", ondelete="CASCADE")
    position: int
    source_order: int
    seq: int
    level1_code: str
    level1: str
    level2_code: str
    level2: str
    name: str
    period_value: str
    annual_value: str
    period_op: str | None = None
    period_number: str | None = None
    period_unit: str | None = None
    annual_op: str | None = None
    annual_number: str | None = None
    annual_unit: str | None = None
    span_start: int | None = None
    span_end: int | None = None
    field_spans: list[Any] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class KnownNameRow(SQLModel, table=True):
    """A project name imported as known to be right (verified projects' names are added on read)."""

    __tablename__ = "known_names"
    __table_args__ = (UniqueConstraint("name", "unit", name="uq_known_names_name_unit"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    unit: str = ""
    source: str = "imported"


class EditLogRow(SQLModel, table=True):
    """One reviewer action with the touched projects' state before and after, for undo/replay."""

    __tablename__ = "edit_log"
    __table_args__ = (Index("ix_edit_log_undone_id", "undone", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    time: datetime
    reviewer: str
    action: str
    project_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    summary: str
    before: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    after: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    undone: bool = False
    redoable: bool = False
    undone_at: datetime | None = None
    undone_by: str | None = None
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class UiStateRow(SQLModel, table=True):
    """A per-reviewer setting such as the last selected project; never part of the edit log."""

    __tablename__ = "ui_state"

    reviewer: str = Field(primary_key=True)
    key: str = Field(primary_key=True)
    value: str


class ClaimRow(SQLModel, table=True):
    """A reviewer's hold on a document open in their app, so others skip it; never logged.

    A claim idle past the limit in `store.claims` is void and may be taken over.
    """

    __tablename__ = "claims"

    document_id: int = Field(foreign_key="documents.id", ondelete="CASCADE", primary_key=True)
    reviewer: str
    since: datetime
    last_active: datetime


class ChangeCountRow(SQLModel, table=True):
    """One row that the database's triggers bump with every action, undo, redo and import.

    An open app polls this one number to learn that someone changed something (`store.changes`).
    """

    __tablename__ = "changes"

    id: int = Field(default=1, primary_key=True)
    counter: int = 0


class ChangeLogRow(SQLModel, table=True):
    """What the change numbered `seq` was: the action (or "import") and the projects it named.

    Written by the same triggers; only the newest ones are kept (`store.changes`).
    """

    __tablename__ = "change_log"

    seq: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    action: str
    project_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


TABLES = SQLModel.metadata.tables
META: Table = TABLES["meta"]
DOCUMENTS: Table = TABLES["documents"]
PROJECTS: Table = TABLES["projects"]
INDICATORS: Table = TABLES["indicators"]
KNOWN_NAMES: Table = TABLES["known_names"]
EDIT_LOG: Table = TABLES["edit_log"]
UI_STATE: Table = TABLES["ui_state"]
CLAIMS: Table = TABLES["claims"]
CHANGES: Table = TABLES["changes"]
CHANGE_LOG: Table = TABLES["change_log"]
