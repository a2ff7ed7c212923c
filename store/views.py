"""Read-only values the repository hands to the app and the CLI, so no caller sees a session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from parser import Indicator, Project, Span


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


class Order(StrEnum):
    """How the review list is ordered."""

    SOURCE = "source"
    """Document by document, projects as printed."""
    CONFIDENCE = "confidence"
    """Least sure first, so doubtful names are reviewed first."""


@dataclass(frozen=True)
class ListQuery:
    """Which projects the review list shows, and in what order: every filter combines (AND).

    `units`, `documents` and `flags` match any of their values; `confidence` is a band
    [low, high); `reviewer` matches who last changed the project; `text` is searched in names,
    units, targets, indicator names and the project's raw text.
    """

    status: ListFilter = ListFilter.ALL
    document_id: int | None = None
    units: frozenset[str] = frozenset()
    documents: frozenset[int] = frozenset()
    flags: frozenset[str] = frozenset()
    confidence: tuple[float, float] | None = None
    reviewer: str | None = None
    text: str = ""
    order: Order = Order.SOURCE

    def is_narrowed(self) -> bool:
        """Tell whether anything but the status and order narrows the list."""
        return bool(self.units or self.documents or self.flags or self.confidence
                    or self.reviewer or self.text)


EVERY_PROJECT = ListQuery()
"""The whole list, as printed."""


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with how many projects of the current list have it."""

    value: str
    count: int


@dataclass(frozen=True)
class DocumentSummary:
    """One imported document, for headers, pickers and `gzreview stats`."""

    id: int
    file_name: str
    department: str
    project_count: int
    verified_count: int
    flagged_count: int
    parser_version: str = ""
    """The version of the parser that read it (`parser.PARSER_VERSION` at import or reparse)."""


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
    version: int = 0


@dataclass(frozen=True, kw_only=True)
class IndicatorView(Indicator):
    """One indicator as currently stored (after any reviewer edits), with its row id."""

    id: int
    position: int
    """Its place in the project, 0..n-1 in source order."""
    source_order: int
    """Its place among all the document's indicators as printed."""


@dataclass(frozen=True)
class Neighbour:
    """A project next to another in its unit, as the caller saw it (for stale-edit checks)."""

    id: int
    key: str
    name: str
    version: int
    status: Status


@dataclass(frozen=True, kw_only=True)
class ProjectDetail(Project):
    """A stored project: the parser's record as reviewed now, with its review state and version.

    `previous` and `following` are its unit neighbours when it was read: an action on this view
    that changes them is checked against the versions seen here.
    """

    indicators: tuple[IndicatorView, ...]
    id: int
    key: str
    document_id: int
    document_file: str
    department: str
    status: Status
    note: str
    version: int
    updated_by: str = ""
    verified_by: str | None = None
    verified_at: datetime | None = None
    previous: Neighbour | None = None
    following: Neighbour | None = None
    before_reparse: Mapping[str, Any] | None = None
    """What the project held before a reparse read it differently (unit, name, target,
    indicators), for the reviewer to compare; None unless a reparse changed it."""

    @property
    def versions(self) -> dict[str, int]:
        """The version of this project and of its neighbours as read: an action's basis."""
        seen = {self.key: self.version}
        for neighbour in (self.previous, self.following):
            if neighbour is not None:
                seen[neighbour.key] = neighbour.version
        return seen

    def neighbour(self, direction: int) -> Neighbour | None:
        """Return the previous (-1) or next (1) project of the unit as read."""
        return self.previous if direction < 0 else self.following


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
class Performed:
    """What an action did: its log entry, (the first hundred of) the projects it touched that
    exist now, and the projects it made."""

    entry: EditEntry
    touched_ids: tuple[int, ...] = ()
    created_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DocumentFinding:
    """A problem the parser found in a document outside any project, with where it is."""

    document_id: int
    file_name: str
    code: str
    message: str
    span: Span
    line: int
    template: str = ""
    """The `N_` template of `message` and its named values, to show it translated ("" in
    findings stored before templates were kept)."""
    params: tuple[tuple[str, str], ...] = ()


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
    """A candidate in the rename picker: the name, its score, and which project holds it now.

    The holder's key and version are the basis of a rename that swaps names with it; a verified
    holder keeps its name, so choosing it asks before making a second project of that name.
    """

    name: str
    score: float
    source: str  # "unit" | "known" | "parser"
    holder_project_id: int | None = None
    holder_summary: str = ""
    holder_key: str | None = None
    holder_version: int | None = None
    holder_verified: bool = False


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
