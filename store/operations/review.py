"""The review verbs: verify, flag with a note, reopen (back to unreviewed) and note.

They change a project's review state, never its content, so they work on verified projects too:
reopening (or flagging) is how a verified project becomes correctable again, and it is logged.
Verifying records who verified the project and when; leaving "verified" clears both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from store.errors import RefusedError
from store.i18n import N_, _
from store.models import ProjectRow
from store.operations.base import Operation, Summary, registered
from store.operations.context import EditContext
from store.operations.field_values import note_text
from store.views import Status


def _leave_verified(row: ProjectRow, status: Status) -> None:
    """Give the project a status other than verified, dropping the verification's provenance."""
    row.status = status.value
    row.verified_by = None
    row.verified_at = None


@registered
@dataclass(frozen=True)
class Verify(Operation):
    """Mark a project verified: what the export hands on as checked by a person."""

    verb: ClassVar[str] = "verify"
    project: str

    def changes_content(self) -> bool:
        """Verifying changes no content."""
        return False

    def run(self, edit: EditContext) -> Summary:
        """Set the status with who verified it and when."""
        row = edit.change(self.project)
        if row.status == Status.VERIFIED.value:
            raise RefusedError(
                _("“{name}” is already verified (by {who}); nothing to change").format(
                    name=row.name, who=row.verified_by or _("a reviewer")
                )
            )
        row.status = Status.VERIFIED.value
        row.verified_by, row.verified_at = edit.reviewer, edit.when
        return Summary(N_("verify “{name}”"), {"name": row.name})


@registered
@dataclass(frozen=True)
class FlagWithNote(Operation):
    """Flag a project for attention with a note saying why (a verified one is reopened)."""

    verb: ClassVar[str] = "flag"
    project: str
    note: str

    def __post_init__(self) -> None:
        if not self.note.strip():
            raise RefusedError(_("a flag needs a note saying what is wrong; type one"))

    def changes_content(self) -> bool:
        """Flagging changes no content."""
        return False

    def run(self, edit: EditContext) -> Summary:
        """Set the status and the note."""
        row = edit.change(self.project)
        _leave_verified(row, Status.FLAGGED)
        row.note = note_text(self.note)
        return Summary(N_("flag “{name}”: {note}"), {"name": row.name, "note": row.note})


@registered
@dataclass(frozen=True)
class Reopen(Operation):
    """Put a project back to unreviewed, so it can be corrected again."""

    verb: ClassVar[str] = "unreview"
    project: str

    def changes_content(self) -> bool:
        """Reopening is how a verified project is unlocked."""
        return False

    def run(self, edit: EditContext) -> Summary:
        """Set the status back to unreviewed."""
        row = edit.change(self.project)
        if row.status == Status.UNREVIEWED.value:
            raise RefusedError(
                _("“{name}” is unreviewed already; nothing to change").format(name=row.name)
            )
        _leave_verified(row, Status.UNREVIEWED)
        return Summary(N_("reopen “{name}”"), {"name": row.name})


@registered
@dataclass(frozen=True)
class Note(Operation):
    """Replace a project's reviewer note (allowed on verified projects: a note is not content)."""

    verb: ClassVar[str] = "note"
    project: str
    note: str

    def changes_content(self) -> bool:
        """A note is provenance, not content."""
        return False

    def run(self, edit: EditContext) -> Summary:
        """Store the note."""
        row = edit.change(self.project)
        row.note = note_text(self.note)
        return Summary(N_("note on “{name}”"), {"name": row.name})


@registered
@dataclass(frozen=True)
class BulkVerify(Operation):
    """Verify many projects as one action: one log entry, one undo, nothing half-applied."""

    verb: ClassVar[str] = "bulk_verify"
    projects: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.projects:
            raise RefusedError(_("no project to verify: the list is empty"))

    @property
    def project(self) -> str:  # type: ignore[override]
        """The first project, which the action is shown with."""
        return self.projects[0]

    def changes_content(self) -> bool:
        """Verifying changes no content."""
        return False

    def run(self, edit: EditContext) -> Summary:
        """Check every project as the caller saw it, then verify them all at once."""
        edit.change_many(self.projects)
        for key in self.projects:
            snapshot = edit.before[key]
            if snapshot is not None and snapshot["status"] == Status.VERIFIED.value:
                raise RefusedError(
                    _("“{name}” is already verified; nothing was applied — reload the list").format(
                        name=snapshot["name"]
                    )
                )
        edit.update_many(self.projects, {
            "status": Status.VERIFIED.value, "verified_by": edit.reviewer,
            "verified_at": edit.when,
        })
        count = len(self.projects)
        return Summary(N_("verify {count} projects at once"), {"count": str(count)})
