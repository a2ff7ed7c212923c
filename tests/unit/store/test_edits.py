"""Review verbs and the edit mechanism: one logged transaction each, basis checks, undo and redo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pytest
from sqlmodel import select

from store.errors import (
    InvariantError,
    NeighboursChangedError,
    NotFoundError,
    NothingToUndoError,
    RefusedError,
    StaleEditError,
)
from store.models import IndicatorRow
from store.operations import FlagWithNote, Note, Operation, Reopen, Summary, Verify
from store.operations.context import EditContext
from store.operations.rows import renumber
from store.repository import Repository
from store.views import Status
from tests.helpers.acting import act, key_of


def _first(repo: Repository) -> int:
    return repo.project_ids()[0]


def test_verify_logs_one_entry_records_who_and_bumps_the_version(loaded: Repository) -> None:
    project_id = _first(loaded)
    key = key_of(loaded, project_id)
    performed = loaded.perform(Verify(key), {key: 1})
    detail = loaded.project(project_id)
    assert detail.status is Status.VERIFIED and detail.version == 2 and detail.updated_by == "alice"
    assert detail.verified_by == "alice" and detail.verified_at is not None
    assert detail.verified_at.tzinfo is not None
    entry = performed.entry
    assert entry.action == "verify" and entry.reviewer == "alice" and not entry.undone
    assert entry.project_keys == (detail.key,) and performed.touched_ids == (project_id,)
    assert [e.id for e in loaded.history()] == [entry.id]
    with pytest.raises(RefusedError, match="already verified"):
        act(loaded, Verify(key))


def test_flag_sets_note_and_reopen_resets_status_and_provenance(loaded: Repository) -> None:
    project_id = _first(loaded)
    key = key_of(loaded, project_id)
    loaded.perform(Verify(key), {key: 1})
    loaded.perform(FlagWithNote(key, "名称可能错位"), {key: 2})
    flagged = loaded.project(project_id)
    assert (flagged.note, flagged.verified_by, flagged.verified_at) == ("名称可能错位", None, None)
    loaded.perform(Reopen(key), {key: 3})
    loaded.perform(Note(key, "已核对"), {key: 4})
    detail = loaded.project(project_id)
    assert (detail.status, detail.note, detail.version) == (Status.UNREVIEWED, "已核对", 5)
    assert [e.action for e in loaded.history()] == ["note", "unreview", "flag", "verify"]
    with pytest.raises(RefusedError, match="needs a note"):
        FlagWithNote(key, "  ")


def test_stale_version_is_refused_naming_project_and_reviewer(
    loaded: Repository, database_url: str
) -> None:
    project_id = _first(loaded)
    key = key_of(loaded, project_id)
    with Repository.open(database_url, reviewer="bob") as bob:
        bob.perform(FlagWithNote(key, "bob's doubt"), {key: 1})
    with pytest.raises(StaleEditError, match="“项目0” was changed by bob") as caught:
        loaded.perform(Verify(key), {key: 1})
    assert caught.value.changed_by == "bob"
    assert loaded.project(project_id).status is Status.FLAGGED
    assert len(loaded.history()) == 1


def test_a_project_outside_the_callers_view_is_refused(loaded: Repository) -> None:
    key = key_of(loaded, _first(loaded))
    with pytest.raises(NeighboursChangedError, match="changed since you loaded them"):
        loaded.perform(Verify(key), {"someone-else": 1})
    assert loaded.history() == []


def test_unknown_project_is_not_found(loaded: Repository) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        loaded.perform(Verify("nope:1"), {"nope:1": 1})
    with pytest.raises(NotFoundError, match="does not exist"):
        loaded.project(10_000)


def test_undo_restores_before_and_keeps_the_entry_marked_undone(loaded: Repository) -> None:
    project_id = _first(loaded)
    before = loaded.project(project_id)
    act(loaded, FlagWithNote(before.key, "doubt"))
    undone = loaded.undo()
    after = loaded.project(project_id)
    assert undone.entry.undone and loaded.history()[0].undone
    assert undone.touched_ids == (project_id,)
    assert (after.status, after.note) == (before.status, before.note)
    assert after.indicators == before.indicators
    assert after.version == 3


def test_redo_reapplies_and_undo_twice_walks_back(loaded: Repository) -> None:
    first, second, _ = loaded.project_ids()
    act(loaded, Verify(key_of(loaded, first)))
    act(loaded, FlagWithNote(key_of(loaded, second), "x"))
    assert loaded.undo().entry.action == "flag"
    assert loaded.undo().entry.action == "verify"
    assert loaded.redo().entry.action == "verify"
    assert loaded.redo().entry.action == "flag"
    assert loaded.project(first).status is Status.VERIFIED
    assert loaded.project(second).status is Status.FLAGGED
    with pytest.raises(NothingToUndoError, match="nothing to redo"):
        loaded.redo()


def test_new_action_after_undo_ends_redo_but_keeps_history(loaded: Repository) -> None:
    first, second, _ = loaded.project_ids()
    act(loaded, Verify(key_of(loaded, first)))
    loaded.undo()
    act(loaded, FlagWithNote(key_of(loaded, second), "new"))
    with pytest.raises(NothingToUndoError):
        loaded.redo()
    assert [(e.action, e.undone) for e in loaded.history()] == [("flag", False), ("verify", True)]
    assert loaded.undo().entry.action == "flag"
    with pytest.raises(NothingToUndoError, match="nothing left to undo"):
        loaded.undo()


def test_undo_is_refused_when_someone_changed_the_project_since(
    loaded: Repository, database_url: str
) -> None:
    project_id = _first(loaded)
    act(loaded, Verify(key_of(loaded, project_id)))
    with Repository.open(database_url, reviewer="bob") as bob:
        act(bob, FlagWithNote(key_of(bob, project_id), "no"))
    with pytest.raises(StaleEditError, match="bob"):
        loaded.undo()
    assert loaded.project(project_id).status is Status.FLAGGED
    assert not loaded.history()[-1].undone


def test_undo_and_redo_are_per_reviewer(loaded: Repository, database_url: str) -> None:
    first, second, _ = loaded.project_ids()
    act(loaded, Verify(key_of(loaded, first)))
    with Repository.open(database_url, reviewer="bob") as bob:
        act(bob, Verify(key_of(bob, second)))
        assert bob.undo().entry.project_keys == (bob.project(second).key,)
    assert loaded.project(first).status is Status.VERIFIED


@dataclass(frozen=True)
class _TakeIndicators(Operation):
    """A test verb: moves every indicator of the next project into this one."""

    verb: ClassVar[str] = "test_take_indicators"
    project: str
    other: str
    lock_other: bool = True

    def run(self, edit: EditContext) -> Summary:
        row = edit.change(self.project)
        other = edit.change(self.other) if self.lock_other else edit.look(self.other)
        moved = edit.session.exec(
            select(IndicatorRow).where(IndicatorRow.project_id == other.id)
        ).all()
        renumber(row.id, [*edit.indicators(row), *moved])
        return Summary("take indicators of “{name}”", {"name": other.name})


def test_an_operation_built_on_the_context_gets_undo_and_redo(loaded: Repository) -> None:
    """A new verb written against `EditContext` is logged, undone and redone like the others."""
    first, second, _ = (loaded.project(pid) for pid in loaded.project_ids())
    performed = loaded.perform(_TakeIndicators(first.key, second.key), first.versions)
    assert performed.entry.summary == f"take indicators of “{second.name}”"
    assert len(loaded.project(first.id).indicators) == 4
    assert loaded.project(second.id).flag_codes[-1] == "missing_indicators"
    loaded.undo()
    assert loaded.project(first.id).indicators == first.indicators
    assert loaded.project(second.id).indicators == second.indicators
    loaded.redo()
    assert len(loaded.project(first.id).indicators) == 4


def test_changing_a_project_that_was_not_taken_is_refused(loaded: Repository) -> None:
    """A verb that forgets to check a project it changes is caught before anything commits."""
    first, second, _ = (loaded.project(pid) for pid in loaded.project_ids())
    with pytest.raises(InvariantError, match="without checking it"):
        loaded.perform(_TakeIndicators(first.key, second.key, lock_other=False), first.versions)
    assert loaded.project(second.id).indicators == second.indicators
    assert loaded.history() == []
