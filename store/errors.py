"""Typed store errors, so the CLI and the app can tell a user what went wrong and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store raises on purpose; its message is one sentence for a user."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer gzreview; opening it with this one could lose data."""

    def __init__(self, location: str, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"{location}: the database has schema version {found} but this gzreview supports up "
            f"to {supported}; upgrade gzreview (pip install -U gzreview) before opening it"
        )


class NotFoundError(StoreError):
    """A document, project or log entry asked for by id or key does not exist (any more)."""


class StaleEditError(StoreError):
    """A project changed since the caller read it; applying the edit would overwrite that change."""

    def __init__(self, project_name: str, changed_by: str) -> None:
        self.project_name = project_name
        self.changed_by = changed_by
        who = changed_by or "another reviewer"
        super().__init__(
            f"project “{project_name}” was changed by {who} since you loaded it; "
            "nothing was applied — reload it and try again"
        )


class InvariantError(StoreError):
    """An operation would break a store invariant (lost text, lost indicator…) and was refused."""


class ExportExistsError(StoreError):
    """The export target exists and overwriting it was not asked for."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"{path} already exists; choose another --output or pass --force to replace it"
        )


class NothingToUndoError(StoreError):
    """Undo or redo was asked for but the edit log holds nothing it could apply."""


class RefusedError(StoreError):
    """A correction cannot apply here (end of a unit, an invalid value…); nothing was changed."""
