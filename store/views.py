"""Read-only values the repository hands to the app and the CLI, so no caller sees a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

Span = tuple[int, int]


class Status(StrEnum):
    """Where a project stands in review."""

    UNREVIEWED = "unreviewed"
    VERIFIED = "verified"
    FLAGGED = "flagged"


class ListFilter(StrEnum):
    """Which projects the review list shows; `F` in the app cycles through them in this order."""

    ALL = "all"
    NEEDS_REVIEW = "needs review"
    FLAGGED = "flagged"
    VERIFIED = "verified"


@dataclass(frozen=True)
class DocumentSummary:
    """One imported document, for headers, pickers and `gzreview stats`."""

    id: int
    file_name: str
    department: str
    project_count: int
    verified_count: int
    flagged_count: int


@dataclass(frozen=True)
class ProjectSummary:
    """One row of the project list: just enough to draw it."""

    id: int
    key: str
    document_id: int
    unit: str
    name: str
    status: Status
    confidence: float
    has_parser_flags: bool
    needs_attention: bool
    """Some flag asks for a reviewer (`parser.flags`); informational flags alone do not."""


@dataclass(frozen=True)
class IndicatorView:
    """One indicator as currently stored (after any reviewer edits)."""

    id: int
    position: int
    seq: int
    level1_code: str
    level1: str
    level2_code: str
    level2: str
    name: str
    period_value: str
    annual_value: str
    span: Span | None


@dataclass(frozen=True)
class ProjectDetail:
    """Everything the fields pane shows for one project, with its version for stale-edit checks."""

    id: int
    key: str
    document_id: int
    document_file: str
    department: str
    unit: str
    name: str
    target: str
    status: Status
    confidence: float
    flags: tuple[str, ...]
    flag_details: tuple[str, ...]
    alternatives: tuple[tuple[str, float], ...]
    note: str
    name_spans: tuple[Span, ...]
    target_spans: tuple[Span, ...]
    block: Span
    indicators: tuple[IndicatorView, ...]
    version: int
    updated_by: str = ""


@dataclass(frozen=True)
class EditEntry:
    """One row of the edit log: who did what to which projects, and whether it is undone."""

    id: int
    time: datetime
    reviewer: str
    action: str
    project_keys: tuple[str, ...]
    summary: str
    undone: bool
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentFinding:
    """A problem the parser found in a document outside any project, with where it is."""

    document_id: int
    file_name: str
    code: str
    message: str
    span: Span
    line: int


@dataclass(frozen=True)
class ImportReport:
    """What importing one file did: added, skipped as a duplicate, or failed with a reason."""

    source: str
    outcome: str  # "imported" | "duplicate" | "failed"
    document_id: int | None = None
    projects: int = 0
    indicators: int = 0
    needing_attention: int = 0  # projects with a parser flag a reviewer must look at
    reason: str = ""
    findings: tuple[DocumentFinding, ...] = ()


@dataclass(frozen=True)
class NameChoice:
    """A candidate in the rename picker: the name, its score, and which project holds it now."""

    name: str
    score: float
    source: str  # "unit" | "known" | "parser"
    holder_project_id: int | None = None
    holder_summary: str = ""


@dataclass(frozen=True)
class UnitStats:
    """Review progress of one unit in one document, for `gzreview stats`."""

    document_id: int
    file_name: str
    unit: str
    projects: int
    verified: int
    flagged: int
    unreviewed: int
