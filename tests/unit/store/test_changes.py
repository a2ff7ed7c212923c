"""The change counter grows with every edit, undo, redo and import, and with nothing else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, update

from store.changes import IMPORT, PROJECTS_MOVED
from store.errors import RefusedError
from store.models import CHANGE_LOG, CHANGES
from store.operations import VERBS
from store.repository import Repository
from tests.helpers.acting import merge_with_next, split_target, verify
from tests.unit.store.conftest import import_document, make_document


def test_every_action_undo_redo_and_import_bumps_the_counter(loaded: Repository) -> None:
    first = loaded.project_ids()[0]
    seen = [loaded.change_count()]
    verify(loaded, first)
    seen.append(loaded.change_count())
    loaded.undo()
    seen.append(loaded.change_count())
    loaded.redo()
    seen.append(loaded.change_count())
    import_document(loaded, make_document("second.txt"))
    seen.append(loaded.change_count())
    assert seen == sorted(set(seen)), seen


def test_the_log_names_each_change_once_in_order(loaded: Repository) -> None:
    first, second, _third = loaded.project_ids()
    key = loaded.project(first).key
    start = loaded.change_count()
    verify(loaded, first)
    loaded.undo()
    merge_with_next(loaded, second)  # also retires the undone verify: not a change of its own
    import_document(loaded, make_document("second.txt"))
    found = loaded.changes_since(start)
    assert found is not None
    assert [(change.action, change.moves_projects) for change in found] == [
        ("verify", False), ("verify", False), ("merge_with_next", True), ("import", True),
    ]
    assert found[0].project_keys == found[1].project_keys == (key,)
    assert [change.seq for change in found] == list(range(start + 1, start + 5))
    assert loaded.change_count() == start + 4
    assert loaded.changes_since(start + 4) == []


def test_an_app_too_far_behind_is_told_to_reload_everything(
    loaded: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = loaded.change_count()
    with loaded.write() as session:  # as the triggers leave it after many changes
        session.execute(delete(CHANGE_LOG).where(CHANGE_LOG.c.seq <= start))
        session.execute(update(CHANGES).values(counter=start + 1))
        session.execute(insert(CHANGE_LOG).values(seq=start + 1, action="verify",
                                                  project_keys=[]))
    assert loaded.changes_since(start - 1) is None
    assert loaded.changes_since(start) is not None


def test_every_verb_is_known_to_move_projects_or_not() -> None:
    """A new verb must be sorted: does it add or remove projects (a full reload) or not?"""
    moving = PROJECTS_MOVED - {IMPORT, "reparse"}  # reparse is logged, not an operation
    assert moving <= set(VERBS)
    assert set(VERBS) - moving == {
        "verify", "bulk_verify", "flag", "unreview", "note", "rename", "swap_with_neighbour",
        "edit_project_field", "edit_indicator_field", "move_indicator",
    }


def test_statuses_of_named_projects(loaded: Repository) -> None:
    first, second, _third = loaded.project_ids()
    verify(loaded, first)
    keys = [loaded.project(first).key, loaded.project(second).key, "gone:0"]
    assert loaded.statuses(keys) == {first: "verified", second: "unreviewed"}
    assert loaded.statuses(keys, document_id=99) == {}


def test_a_second_connection_sees_the_count_move(loaded: Repository) -> None:
    with Repository.open(loaded.location, "bob") as bob:
        before = bob.change_count()
        verify(loaded, loaded.project_ids()[0])
        assert bob.change_count() > before


def test_settings_claims_and_refused_actions_leave_it(loaded: Repository) -> None:
    first = loaded.project_ids()[0]
    verify(loaded, first)
    before = loaded.change_count()
    loaded.set_ui_state("last_project_id", str(first))
    loaded.take_claim(1)
    with pytest.raises(RefusedError):
        verify(loaded, first)
    assert loaded.change_count() == before


def test_a_merged_project_leads_to_the_one_it_went_into(loaded: Repository) -> None:
    first, second, _third = loaded.project_ids()
    key = loaded.project(second).key
    merge_with_next(loaded, first)
    assert loaded.successor(key) == first


def test_a_split_off_project_undone_leads_back_to_its_origin(loaded: Repository) -> None:
    first = loaded.project_ids()[0]
    performed = split_target(loaded, first, 2, "新项目")
    created = loaded.project(performed.created_ids[0]).key
    loaded.undo()
    assert loaded.successor(created) == first


def test_a_project_never_logged_has_no_successor(loaded: Repository) -> None:
    assert loaded.successor("nothing:0") is None


def test_a_version_4_file_is_upgraded_with_claims_and_the_counter(tmp_path: Path) -> None:
    """SQLite files upgrade in place when opened; built by hand as version 4 left them."""
    path = tmp_path / "v4.db"
    with Repository.open(path, "alice") as repository:
        import_document(repository, make_document())
    with sqlite3.connect(path) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type='trigger'"):
            connection.execute(f"DROP TRIGGER {trigger}")
        connection.execute("DROP TABLE changes")
        connection.execute("DROP TABLE change_log")
        connection.execute("DROP TABLE claims")
        connection.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    with Repository.open(path, "alice") as repository:
        before = repository.change_count()
        verify(repository, repository.project_ids()[0])
        assert repository.change_count() > before
        assert repository.take_claim(1) is not None
