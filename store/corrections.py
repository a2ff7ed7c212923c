"""The reviewer's corrections (rename, swap, merge, split, move, edit) as logged Repository verbs.

Each verb is one transaction and one edit-log row through the store's generic edit mechanism, so
undo and redo work for all of them (projects disappearing and reappearing included) and the
invariants are checked before anything is committed. Each logs an `op`: the verb and its arguments
with projects named by key and indicators by their place in the source, which `store.replay` can
apply to another database. Neighbours are projects of the same document and unit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from store import editlog, project_edits, queries, reshape
from store.candidates import NamePool, load_name_pool, name_candidates
from store.errors import NotFoundError, RefusedError
from store.field_edits import (
    indicator_value,
    one_line,
    project_value,
    set_indicator_field,
    set_project_field,
)
from store.invariants import database_problems
from store.models import EditLogRow, IndicatorRow, ProjectRow
from store.replay import operation_record
from store.views import EditEntry, NameChoice

Op = dict[str, Any]


class CorrectionVerbs:
    """Mixed into `Repository`: the correction verbs, each one logged, undoable transaction."""

    if TYPE_CHECKING:

        def _read(self) -> AbstractContextManager[Session]: ...

        def _record_edit(
            self,
            action: str,
            summary: str,
            expected_versions: Mapping[str, int],
            mutate: editlog.Mutation,
            details: Mapping[str, Any] | None = None,
            other_keys: Iterable[str] = (),
        ) -> EditEntry: ...

        @staticmethod
        def _row_by_key(session: Session, key: str) -> ProjectRow: ...

    @contextmanager
    def _loaded(self, project_id: int) -> Iterator[tuple[Session, ProjectRow]]:
        """Yield a read session and the project's row (for planning an edit)."""
        with self._read() as session:
            yield session, queries.project_row(session, project_id)

    def _plan(
        self, project_id: int, direction: int | None = None
    ) -> tuple[ProjectRow, ProjectRow | None]:
        """Return the project's row and, given a direction, its neighbour in its unit."""
        with self._loaded(project_id) as (session, row):
            other = None if direction is None else reshape.unit_neighbour(session, row, direction)
            return row, other

    def _edit(
        self,
        op: Op,
        summary: str,
        version: int,
        mutate: Callable[[Session, ProjectRow], Iterable[str] | None],
        other_keys: Iterable[str] = (),
    ) -> EditEntry:
        """Run `mutate` on the project named in `op` as one logged edit carrying the op."""
        key = str(op["project"])

        def run(session: Session) -> Iterable[str] | None:
            return mutate(session, self._row_by_key(session, key))

        action = str(op["verb"])
        details = {"op": op}
        return self._record_edit(action, summary, {key: version}, run, details, other_keys)

    def _same_neighbour(self, session: Session, row: ProjectRow, direction: int,
                        planned: str) -> ProjectRow:
        """Return the neighbour again inside the write, refusing if it is not the planned one."""
        other = reshape.unit_neighbour(session, row, direction)
        if other.key != planned:
            raise reshape.NeighboursChangedError(row.name)
        return other

    # Names ---------------------------------------------------------------------------------------

    def rename(self, project_id: int, new_name: str, expected_version: int) -> EditEntry:
        """Give a project a name; one held by another project of its unit is swapped with it."""
        name = one_line("name", new_name, required=True)
        with self._loaded(project_id) as (session, row):
            if row.name == name:
                raise RefusedError(f"the project is already named “{name}”; nothing to change")
            holder = reshape.name_holder(session, row, name)
        op: Op = {"verb": "rename", "project": row.key, "new_name": name}

        def mutate(session: Session, current: ProjectRow) -> None:
            if holder is None:
                current.name = name
                return
            other = self._row_by_key(session, holder)
            if other.name != name:
                raise reshape.NeighboursChangedError(current.name)
            reshape.swap_names(current, other)

        what = "swap names" if holder else "rename"
        summary = f"{what} “{row.name}” → “{name}”"
        return self._edit(op, summary, expected_version, mutate, [holder] if holder else [])

    def swap_with_neighbour(
        self, project_id: int, direction: int, expected_version: int
    ) -> EditEntry:
        """Exchange names with the previous (-1) or next (1) project of the same unit."""
        row, other = self._plan(project_id, direction)
        assert other is not None
        op: Op = {"verb": "swap_with_neighbour", "project": row.key, "direction": direction}

        def mutate(session: Session, current: ProjectRow) -> None:
            neighbour = self._same_neighbour(session, current, direction, other.key)
            reshape.swap_names(current, neighbour)

        summary = f"swap names “{row.name}” ↔ “{other.name}”"
        return self._edit(op, summary, expected_version, mutate, [other.key])

    def name_candidates(self, project_id: int, query: str, limit: int = 20) -> list[NameChoice]:
        """Return names for the rename picker, ranked by fit (no query) or by similarity."""
        with self._loaded(project_id) as (session, row):
            return name_candidates(session, row, query, limit)

    def name_pool(self, project_id: int) -> NamePool:
        """Return the rename picker's names for a project, read once, to rank per keystroke."""
        with self._loaded(project_id) as (session, row):
            return load_name_pool(session, row)

    # Projects ------------------------------------------------------------------------------------

    def merge_with_next(self, project_id: int, expected_version: int) -> EditEntry:
        """Join the next project of the unit into this one: targets joined, indicators appended."""
        row, following = self._plan(project_id, 1)
        assert following is not None
        op: Op = {"verb": "merge_with_next", "project": row.key}

        def mutate(session: Session, current: ProjectRow) -> None:
            other = self._same_neighbour(session, current, 1, following.key)
            project_edits.merge_into(session, current, other)

        summary = f"merge “{following.name}” into “{row.name}”"
        return self._edit(op, summary, expected_version, mutate, [following.key])

    def split_at_indicator(
        self, project_id: int, indicator_id: int, new_name: str, expected_version: int
    ) -> int:
        """Make this indicator and those after it a new project after this one; return its id."""
        name = one_line("name", new_name, required=False)
        with self._loaded(project_id) as (session, row):
            indicator = self._indicator(session, row, indicator_id)
            making_room = reshape.projects_after(session, row)
            op: Op = {"verb": "split_at_indicator", "project": row.key,
                      "indicator": reshape.indicator_ref(indicator), "new_name": name}
        created: list[str] = []

        def mutate(session: Session, current: ProjectRow) -> list[str]:
            created.append(
                project_edits.split_indicators(session, current, indicator_id, name, making_room)
            )
            return created

        summary = f"split “{row.name}” at indicator {indicator.seq}: new “{name}”"
        self._edit(op, summary, expected_version, mutate, making_room)
        return self.project_id_of(created[0])

    def split_target(
        self, project_id: int, offset: int, new_name: str, expected_version: int
    ) -> int:
        """Make the target text from `offset` on a new project after this one; return its id.

        The indicators stay with the first part; move them with `move_indicator` as needed.
        """
        name = one_line("name", new_name, required=False)
        with self._loaded(project_id) as (session, row):
            if not 0 < offset < len(row.target):
                raise RefusedError(
                    f"split the target of “{row.name}” inside it: the offset must be between 1 "
                    f"and {len(row.target) - 1}, not {offset}"
                )
            making_room = reshape.projects_after(session, row)
        op: Op = {"verb": "split_target", "project": row.key, "offset": offset, "new_name": name}
        created: list[str] = []

        def mutate(session: Session, current: ProjectRow) -> list[str]:
            created.append(project_edits.split_text(session, current, offset, name, making_room))
            return created

        summary = f"split the target of “{row.name}” at {offset}: new “{name}”"
        self._edit(op, summary, expected_version, mutate, making_room)
        return self.project_id_of(created[0])

    @staticmethod
    def _indicator(session: Session, row: ProjectRow, indicator_id: int) -> IndicatorRow:
        """Return an indicator of the project, or refuse naming both."""
        indicator = session.get(IndicatorRow, indicator_id)
        if indicator is None or indicator.project_id != row.id:
            raise NotFoundError(
                f"indicator {indicator_id} is not one of “{row.name}”'s; reload the project"
            )
        return indicator

    # Indicators and fields -----------------------------------------------------------------------

    def move_indicator(
        self, project_id: int, indicator_id: int, direction: int, expected_version: int
    ) -> EditEntry:
        """Move an indicator to the previous/next project of the unit, placed by source order."""
        row, other = self._plan(project_id, direction)
        assert other is not None
        with self._loaded(project_id) as (session, current):
            indicator = self._indicator(session, current, indicator_id)
        op: Op = {"verb": "move_indicator", "project": row.key,
                  "indicator": reshape.indicator_ref(indicator), "direction": direction}

        def mutate(session: Session, current: ProjectRow) -> None:
            target = self._same_neighbour(session, current, direction, other.key)
            project_edits.move_indicator(session, current, target, indicator_id)

        summary = f"move indicator {indicator.seq} “{indicator.name}” to “{other.name}”"
        return self._edit(op, summary, expected_version, mutate, [other.key])

    def edit_project_field(
        self, project_id: int, field: str, value: str, expected_version: int
    ) -> EditEntry:
        """Replace a project's name, unit, target or note with the reviewer's text."""
        checked = project_value(field, value)
        row, _ = self._plan(project_id)
        op: Op = {"verb": "edit_project_field", "project": row.key, "field": field,
                  "value": checked}

        def mutate(_session: Session, current: ProjectRow) -> None:
            set_project_field(current, field, checked)

        summary = f"edit {field} of “{row.name}”: “{getattr(row, field)}” → “{checked}”"
        return self._edit(op, summary, expected_version, mutate)

    def edit_indicator_field(
        self, project_id: int, indicator_id: int, field: str, value: str | int,
        expected_version: int,
    ) -> EditEntry:
        """Replace one field of an indicator; numbers and level codes are checked."""
        checked = indicator_value(field, value)
        with self._loaded(project_id) as (session, row):
            indicator = self._indicator(session, row, indicator_id)
        op: Op = {"verb": "edit_indicator_field", "project": row.key,
                  "indicator": reshape.indicator_ref(indicator), "field": field, "value": checked}

        def mutate(session: Session, current: ProjectRow) -> None:
            set_indicator_field(self._indicator(session, current, indicator_id), field, checked)

        old = getattr(indicator, field)
        summary = f"edit {field} of indicator {indicator.seq} of “{row.name}”: {old} → {checked}"
        return self._edit(op, summary, expected_version, mutate)

    # Replay --------------------------------------------------------------------------------------

    def project_id_of(self, key: str) -> int:
        """Return the id of the project with this stable key, or raise NotFoundError."""
        with self._read() as session:
            found = self._row_by_key(session, key).id
            assert found is not None
            return found

    def indicator_id_of(self, project_id: int, ref: Mapping[str, Any]) -> int:
        """Return the id of a project's indicator named by `indicator_ref`, or raise."""
        with self._loaded(project_id) as (session, row):
            for indicator in reshape.indicators_of(session, row.id):
                if reshape.indicator_ref(indicator) == dict(ref):
                    assert indicator.id is not None
                    return indicator.id
        raise NotFoundError(f"“{row.name}” has no indicator at {dict(ref)} (any more)")

    def operations(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Return the newest `limit` (default all) edit-log entries as operations, oldest first."""
        with self._read() as session:
            statement = select(EditLogRow).order_by(col(EditLogRow.id).desc())
            if limit is not None:
                statement = statement.limit(max(0, limit))
            rows = list(session.exec(statement).all())
        return [operation_record(row) for row in reversed(rows)]

    # Checks --------------------------------------------------------------------------------------

    def invariant_problems(self) -> list[str]:
        """Check every document from scratch; return one line per broken invariant (none: [])."""
        with self._read() as session:
            return database_problems(session.connection())
