"""The unit of work of one reviewer action: every project it changes is locked, checked and logged.

An operation gets a project it may change only through `EditContext.change`, which locks the row,
takes its snapshot for undo, and refuses the whole action when the project is not as the caller
saw it (another version, or not in the caller's view at all) or when it is verified and the
action is a correction. A change made to a project without `change` is caught before commit, so a
verb cannot alter a project behind the reviewer's back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import inspect as orm_state
from sqlalchemy import update
from sqlmodel import Session, col, select

from store import snapshots
from store.errors import (
    InvariantError,
    NeighboursChangedError,
    NotFoundError,
    StaleEditError,
    VerifiedLockedError,
)
from store.i18n import _
from store.key_sets import among
from store.models import PROJECTS, DocumentRow, IndicatorRow, ProjectRow
from store.operations.arguments import IndicatorRef
from store.operations.rows import indicator_ref, indicators_of, unit_neighbour
from store.records import aware
from store.snapshots import Snapshot
from store.views import Status

Versions = Mapping[str, int]
"""Project key → version, as the caller saw the projects its action is based on."""


class EditContext:
    """Hands an operation the rows it may change and remembers them for the edit log."""

    def __init__(
        self,
        session: Session,
        reviewer: str,
        when: datetime,
        based_on: Versions | None,
        changes_content: bool,
    ) -> None:
        """Work in `session` for `reviewer`; `based_on` None means "as the projects are now".

        An action that changes content is refused by verified projects and snapshots them whole;
        a review action snapshots (and may change) only the review columns.
        """
        self.session = session
        self.reviewer = reviewer
        self.when = when
        self._based_on = based_on
        self.changes_content = changes_content
        self.before: dict[str, Snapshot | None] = {}
        self.stamped: set[str] = set()
        """Projects whose new version the operation's own update set (see `update_many`)."""
        self._keys_by_id: dict[int, str] = {}

    @property
    def ids(self) -> dict[str, int]:
        """The id of every project changed or created, by key."""
        return {key: project_id for project_id, key in self._keys_by_id.items()}

    @property
    def keys(self) -> list[str]:
        """The keys of every project changed or created, in the order they were taken."""
        return list(self.before)

    def change(self, project: str | ProjectRow) -> ProjectRow:
        """Lock a project for changing once checked it is as the caller saw it; return its row."""
        key = project if isinstance(project, str) else project.key
        if key not in self.before:
            self._take([key])
        row = self._row(key)
        assert row.id is not None
        self._keys_by_id[row.id] = key
        return row

    def change_many(self, keys: Sequence[str]) -> None:
        """Lock and check many projects at once for a review action that updates them in bulk."""
        if self.changes_content:
            raise InvariantError(_("only a review action changes projects in bulk"))
        self._take([key for key in dict.fromkeys(keys) if key not in self.before])

    def update_many(self, keys: Sequence[str], values: Mapping[str, Any]) -> None:
        """Set review columns of many projects taken with `change_many`, stamping them (next
        version, who, when) in the same UPDATE, so each row is rewritten once."""
        if (self.changes_content or not set(values) <= set(snapshots.REVIEW_COLUMNS)
                or any(key not in self.before for key in keys)):
            raise InvariantError(_("only a review action updates projects it took in bulk"))
        connection = self.session.connection()
        connection.execute(
            update(PROJECTS)
            .where(among(connection, PROJECTS.c.key, keys))
            .values(**values, **snapshots.stamp(self.reviewer, self.when))
        )
        self.stamped.update(keys)

    def _take(self, keys: list[str]) -> None:
        """Lock, snapshot and check the projects; refuse the action at the first that is off."""
        take = snapshots.take if self.changes_content else snapshots.take_review
        for key, snapshot in take(self.session, keys).items():
            self._check(key, snapshot)
            self.before[key] = snapshot

    def _check(self, key: str, snapshot: Snapshot | None) -> None:
        """Refuse a missing project, one the caller saw otherwise, or a verified one's content."""
        if snapshot is None:
            raise NotFoundError(
                _(
                    "project {key} does not exist (any more): it was merged into another, or "
                    "never imported into this database"
                ).format(key=key)
            )
        self._check_basis(key, snapshot)
        if self.changes_content and snapshot["status"] == Status.VERIFIED.value:
            raise VerifiedLockedError(
                str(snapshot["name"]),
                str(snapshot.get("verified_by") or ""),
                aware(_moment(snapshot.get("verified_at"))),
            )

    def _check_basis(self, key: str, snapshot: Snapshot) -> None:
        """Refuse when the caller saw another version of the project, or did not see it at all."""
        if self._based_on is None:
            return
        seen = self._based_on.get(key)
        if seen is None:
            raise NeighboursChangedError(str(snapshot["name"]))
        if seen != int(snapshot["version"]):
            raise StaleEditError(str(snapshot["name"]), str(snapshot["updated_by"] or ""))

    def _row(self, key: str) -> ProjectRow:
        """Return the project's ORM row as stored now (never an older copy from this session)."""
        row = self.session.exec(
            select(ProjectRow)
            .where(col(ProjectRow.key) == key)
            .execution_options(populate_existing=True)
        ).first()
        if row is None:
            raise NotFoundError(
                _("project {key} does not exist (any more); reload the list").format(key=key)
            )
        return row

    def look(self, key: str) -> ProjectRow:
        """Return a project's row to read only (to find neighbours or holders); not locked."""
        return self._row(key)

    def neighbour(self, row: ProjectRow, direction: int) -> ProjectRow:
        """Return the previous (-1) or next (1) project of the row's unit, to read only."""
        return unit_neighbour(self.session, row, direction)

    def create(self, row: ProjectRow) -> ProjectRow:
        """Add a new project (a split's) to the action; it is logged as created."""
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        self.before[row.key] = None
        self._keys_by_id[row.id] = row.key
        return row

    def indicators(self, row: ProjectRow) -> list[IndicatorRow]:
        """Return the indicators of a changed project in their order within it."""
        if row.key not in self.before:
            raise InvariantError(_("an action read indicators of a project it does not change"))
        return indicators_of(self.session, row.id)

    def indicator(self, row: ProjectRow, ref: IndicatorRef) -> IndicatorRow:
        """Return the indicator of a changed project named by `ref`, or refuse naming both."""
        for indicator in self.indicators(row):
            if indicator_ref(indicator) == ref.to_json():
                return indicator
        raise NotFoundError(
            _("“{name}” has no indicator at {ref} (any more); reload the project").format(
                name=row.name, ref=ref.to_json()
            )
        )

    def document(self, row: ProjectRow) -> DocumentRow:
        """Return the document a project belongs to."""
        document = self.session.get(DocumentRow, row.document_id)
        assert document is not None
        return document

    def check_nothing_else_changed(self) -> None:
        """Refuse if the action changed a project (or moved an indicator) it did not lock, or
        if a review action changed more than the review columns."""
        for item in (*self.session.dirty, *self.session.new, *self.session.deleted):
            if isinstance(item, ProjectRow) and item.key not in self.before:
                raise _unlogged(item.name)
            if not self.changes_content and not _only_review_changed(item):
                raise _unlogged(getattr(item, "name", ""))
            if isinstance(item, IndicatorRow):
                owners = {item.project_id, *_earlier_values(item, "project_id")}
                if not all(owner in self._keys_by_id for owner in owners):
                    raise _unlogged(item.name)


def _only_review_changed(item: object) -> bool:
    """Tell whether an ORM object changed nothing but review columns of a project."""
    if not isinstance(item, ProjectRow):
        return False
    state = orm_state(item)
    return all(
        name in snapshots.REVIEW_COLUMNS or not state.attrs[name].history.has_changes()
        for name in state.attrs.keys()  # noqa: SIM118 (attrs is not a dict)
    )


def _earlier_values(row: Any, attribute: str) -> list[Any]:
    """Return the values an ORM attribute had before this session changed it."""
    history = orm_state(row).attrs[attribute].history
    return [value for value in history.deleted if value is not None]


def _unlogged(name: str) -> InvariantError:
    """Return the refusal of a change to a project the action had not taken for changing."""
    return InvariantError(
        _(
            "this action would change “{name}” without checking it; nothing was applied — "
            "report the steps that led here"
        ).format(name=name)
    )


def _moment(value: object) -> datetime | None:
    """Return a snapshot's time (ISO text in snapshots) as a datetime."""
    if isinstance(value, datetime) or value is None:
        return value
    return datetime.fromisoformat(str(value))
