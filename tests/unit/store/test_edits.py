"""Review verbs: one logged transaction each, version checks, and undo/redo over the edit log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from store.errors import NotFoundError, NothingToUndoError, StaleEditError
from store.models import IndicatorRow, ProjectRow
from store.repository import Repository
from store.views import Status


def _first(repo: Repository) -> int:
    return repo.project_ids()[0]


def test_verify_logs_one_entry_and_bumps_the_version(loaded: Repository) -> None:
    project_id = _first(loaded)
    entry = loaded.verify(project_id, expected_version=1)
    detail = loaded.project(project_id)
    assert detail.status is Status.VERIFIED and detail.version == 2 and detail.updated_by == "alice"
    assert entry.action == "verify" and entry.reviewer == "alice" and not entry.undone
    assert entry.project_keys == (detail.key,)
    assert [e.id for e in loaded.history()] == [entry.id]


def test_flag_sets_note_and_mark_unreviewed_resets_status(loaded: Repository) -> None:
    project_id = _first(loaded)
    loaded.flag(project_id, "名称可能错位", 1)
    assert loaded.project(project_id).note == "名称可能错位"
    loaded.mark_unreviewed(project_id, 2)
    loaded.set_note(project_id, "已核对", 3)
    detail = loaded.project(project_id)
    assert (detail.status, detail.note, detail.version) == (Status.UNREVIEWED, "已核对", 4)
    assert [e.action for e in loaded.history()] == ["note", "unreview", "flag"]


def test_stale_version_is_refused_naming_project_and_reviewer(
    loaded: Repository, tmp_path: Path
) -> None:
    project_id = _first(loaded)
    with Repository.open(tmp_path / "store.db", reviewer="bob") as bob:
        bob.flag(project_id, "bob's doubt", 1)
    with pytest.raises(StaleEditError, match="“项目0” was changed by bob") as caught:
        loaded.verify(project_id, expected_version=1)
    assert caught.value.changed_by == "bob"
    assert loaded.project(project_id).status is Status.FLAGGED
    assert len(loaded.history()) == 1


def test_unknown_project_is_not_found(loaded: Repository) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        loaded.verify(10_000, 1)


def test_undo_restores_before_and_keeps_the_entry_marked_undone(loaded: Repository) -> None:
    project_id = _first(loaded)
    before = loaded.project(project_id)
    loaded.flag(project_id, "doubt", 1)
    undone = loaded.undo()
    after = loaded.project(project_id)
    assert undone.undone and loaded.history()[0].undone
    assert (after.status, after.note) == (before.status, before.note)
    assert after.indicators == before.indicators
    assert after.version == 3


def test_redo_reapplies_and_undo_twice_walks_back(loaded: Repository) -> None:
    first, second, _ = loaded.project_ids()
    loaded.verify(first, 1)
    loaded.flag(second, "x", 1)
    assert loaded.undo().action == "flag"
    assert loaded.undo().action == "verify"
    assert loaded.redo().action == "verify"
    assert loaded.redo().action == "flag"
    assert loaded.project(first).status is Status.VERIFIED
    assert loaded.project(second).status is Status.FLAGGED
    with pytest.raises(NothingToUndoError, match="nothing to redo"):
        loaded.redo()


def test_new_action_after_undo_ends_redo_but_keeps_history(loaded: Repository) -> None:
    first, second, _ = loaded.project_ids()
    loaded.verify(first, 1)
    loaded.undo()
    loaded.flag(second, "new", 1)
    with pytest.raises(NothingToUndoError):
        loaded.redo()
    assert [(e.action, e.undone) for e in loaded.history()] == [("flag", False), ("verify", True)]
    assert loaded.undo().action == "flag"
    with pytest.raises(NothingToUndoError, match="nothing left to undo"):
        loaded.undo()


def test_undo_is_refused_when_someone_changed_the_project_since(
    loaded: Repository, tmp_path: Path
) -> None:
    project_id = _first(loaded)
    loaded.verify(project_id, 1)
    with Repository.open(tmp_path / "store.db", reviewer="bob") as bob:
        bob.flag(project_id, "no", 2)
    with pytest.raises(StaleEditError, match="bob"):
        loaded.undo()
    assert loaded.project(project_id).status is Status.FLAGGED
    assert not loaded.history()[-1].undone


def test_undo_and_redo_are_per_reviewer(loaded: Repository, tmp_path: Path) -> None:
    first, second, _ = loaded.project_ids()
    loaded.verify(first, 1)
    with Repository.open(tmp_path / "store.db", reviewer="bob") as bob:
        bob.verify(second, 1)
        assert bob.undo().project_keys == (bob.project(second).key,)
    assert loaded.project(first).status is Status.VERIFIED


def test_generic_edit_can_create_and_delete_projects_and_undo_restores_them(
    loaded: Repository,
) -> None:
    """A colleague's verb built on `_record_edit` (here a merge) gets correct undo and redo."""
    first, second, _ = loaded.project_ids()
    a, b = loaded.project(first), loaded.project(second)

    def merge(session: Session) -> None:
        moved = session.exec(select(IndicatorRow).where(IndicatorRow.project_id == second)).all()
        for offset, indicator in enumerate(moved):
            indicator.project_id, indicator.position = first, len(a.indicators) + offset
        target, absorbed = session.get(ProjectRow, first), session.get(ProjectRow, second)
        assert target is not None and absorbed is not None
        target.target += "；" + absorbed.target
        target.target_spans = [*target.target_spans, *absorbed.name_spans, *absorbed.target_spans]
        session.flush()
        session.delete(absorbed)

    loaded._record_edit("merge", "merge", {a.key: a.version, b.key: b.version}, merge)
    assert len(loaded.project_ids()) == 2 and len(loaded.project(first).indicators) == 4
    loaded.undo()
    assert loaded.project(first).indicators == a.indicators
    assert loaded.project(second).indicators == b.indicators
    assert loaded.project(second).name == b.name and loaded.project(first).target == a.target
    loaded.redo()
    assert len(loaded.project_ids()) == 2 and loaded.project(first).target.endswith(b.target)


def test_generic_edit_reports_created_projects(loaded: Repository) -> None:
    first = loaded.project(_first(loaded))

    def split(session: Session) -> list[str]:
        row = session.get(ProjectRow, first.id)
        assert row is not None
        fields = row.model_dump(exclude={"id", "key", "name", "name_spans", "target_spans"})
        new = ProjectRow(**fields, key="new:1", name="新项目", name_spans=[], target_spans=[])
        session.add(new)
        session.flush()
        last = session.get(IndicatorRow, first.indicators[-1].id)
        assert last is not None and new.id is not None
        last.project_id, last.position = new.id, 0
        return ["new:1"]

    entry = loaded._record_edit("split", "split", {first.key: first.version}, split)
    assert entry.project_keys == (first.key, "new:1")
    assert loaded.count_projects() == 4
    assert len(loaded.project(first.id).indicators) == 1
    loaded.undo()
    assert loaded.count_projects() == 3
    assert loaded.project(first.id).indicators == first.indicators
    loaded.redo()
    assert "新项目" in [p.name for p in loaded.list_projects()]
