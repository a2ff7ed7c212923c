"""Typed store errors: the one family the CLI and the app catch, each message one sentence."""

from __future__ import annotations

from datetime import datetime

from store.i18n import _


class StoreError(Exception):
    """Base of every error the store raises; its message tells a user what happened and what to do.

    Database driver errors never leave the store as they are: they become a StoreError too.
    """


class SchemaTooNewError(StoreError):
    """The database was written by a newer gzreview; opening it with this one could lose data."""

    def __init__(self, location: str, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            _(
                "{location}: the database has schema version {found} but this gzreview supports "
                "up to {supported}; upgrade gzreview (pip install -U gzreview) before opening it"
            ).format(location=location, found=found, supported=supported)
        )


class NotFoundError(StoreError):
    """A document, project or log entry asked for by id or key does not exist (any more)."""


class StaleEditError(StoreError):
    """A project changed since the caller read it; applying the edit would overwrite that change."""

    def __init__(self, project_name: str, changed_by: str) -> None:
        self.project_name = project_name
        self.changed_by = changed_by
        super().__init__(
            _(
                "project “{name}” was changed by {who} since you loaded it; "
                "nothing was applied — reload it and try again"
            ).format(name=project_name, who=changed_by or _("another reviewer"))
        )


class NeighboursChangedError(StoreError):
    """An action would change a project the caller's view did not include (it appeared since)."""

    def __init__(self, name: str) -> None:
        self.project_name = name
        super().__init__(
            _(
                "the projects around “{name}” changed since you loaded them; "
                "nothing was applied — reload and try again"
            ).format(name=name)
        )


class VerifiedLockedError(StoreError):
    """A correction would change a verified project; it must be reopened first (a logged action)."""

    def __init__(self, name: str, verified_by: str, verified_at: datetime | None) -> None:
        self.project_name = name
        self.verified_by = verified_by
        who = verified_by or _("a reviewer")
        if verified_at is None:
            sentence = _(
                "“{name}” was verified by {who}; nothing was applied — reopen it (U in the app) "
                "first if it needs a correction"
            )
        else:
            sentence = _(
                "“{name}” was verified by {who} at {time}; nothing was applied — reopen it "
                "(U in the app) first if it needs a correction"
            )
        time = _clock(verified_at) if verified_at else ""
        super().__init__(sentence.format(name=name, who=who, time=time))


def _clock(moment: datetime) -> str:
    """Return a verification time in local time: the hour today, else date and hour."""
    local = moment.astimezone()
    today = datetime.now(local.tzinfo).date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


class DuplicateNameError(StoreError):
    """A rename would give a verified project's name to a second project of its unit."""

    def __init__(self, name: str, holder: str) -> None:
        self.name = name
        self.holder = holder
        super().__init__(
            _(
                "“{name}” is held by the verified project “{holder}” of this unit; nothing was "
                "applied — confirm to keep both projects under that name"
            ).format(name=name, holder=holder)
        )


class InvariantError(StoreError):
    """An operation would break a store invariant (lost text, lost indicator…) and was refused."""


class ExportExistsError(StoreError):
    """The export target exists and overwriting it was not asked for."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            _(
                "{path} already exists; choose another --output or pass --force to replace it"
            ).format(path=path)
        )


class NothingToUndoError(StoreError):
    """Undo or redo was asked for but the edit log holds nothing it could apply."""


class RefusedError(StoreError):
    """A correction cannot apply here (end of a unit, an invalid value…); nothing was changed."""


class DatabaseUnavailableError(StoreError):
    """The database cannot be opened, read or written (busy, damaged, full, unreachable)."""


class DatabaseBusyError(DatabaseUnavailableError):
    """Another reviewer holds what this action needs for longer than the store waits."""


class WriteConflictError(DatabaseBusyError):
    """The server aborted this action for a conflict with another reviewer's (a deadlock);
    it was run again a few times and still met one."""

    def __init__(self, location: str) -> None:
        super().__init__(
            _(
                "{location}: another reviewer changed the same projects at the same moment; "
                "nothing was applied — try again"
            ).format(location=location)
        )


class SchemaTooOldError(StoreError):
    """A shared server's schema is older than this gzreview; `gzreview db upgrade` changes it."""

    def __init__(self, location: str, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            _(
                "{location}: the database has schema version {found} but this gzreview needs "
                "{supported}; whoever looks after the database upgrades it once for everyone "
                "with `gzreview db upgrade --db URL` (after a backup with pg_dump)"
            ).format(location=location, found=found, supported=supported)
        )
