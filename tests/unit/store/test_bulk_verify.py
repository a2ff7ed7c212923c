"""Bulk verify: one action over many projects, one log entry, one undo, nothing half-applied."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.editlog import now
from store.errors import InvariantError, StaleEditError
from store.operations import BulkVerify
from store.operations.context import EditContext
from store.repository import Repository
from store.views import ListFilter, ListQuery, Status
from tests.helpers.acting import flag
from tests.unit.store.corrections_session import export_all


@pytest.fixture
def repo(sample_url: str) -> Iterator[Repository]:
    """A fresh import of the sample, reviewed by alice."""
    with Repository.open(sample_url, "alice") as repository:
        yield repository


def test_verifiable_leaves_out_flagged_and_attention_unless_asked(repo: Repository) -> None:
    ids = repo.project_ids()
    flag(repo, ids[0], "再看看")
    plain = repo.verifiable(ListQuery(status=ListFilter.NEEDS_REVIEW), include_flagged=False)
    everything = repo.verifiable(ListQuery(status=ListFilter.NEEDS_REVIEW), include_flagged=True)
    assert len(everything) == 34 and ids[0] in {row.id for row in everything}
    left_out = {row.id for row in everything} - {row.id for row in plain}
    assert ids[0] in left_out and all(row.needs_attention or row.id == ids[0]
                                      for row in everything if row.id in left_out)


def test_bulk_verify_is_one_entry_and_one_undo(repo: Repository) -> None:
    before = export_all(repo)
    rows = repo.verifiable(ListQuery(), include_flagged=False)
    performed = repo.perform(BulkVerify(tuple(row.key for row in rows)),
                             {row.key: row.version for row in rows})
    assert len(repo.history()) == 1 and performed.entry.action == "bulk_verify"
    assert repo.count_projects(ListQuery(status=ListFilter.VERIFIED)) == len(rows)
    verified = repo.project(rows[0].id)
    assert verified.status is Status.VERIFIED and verified.verified_by == "alice"
    assert performed.entry.details["message"] == {
        "template": "verify {count} projects at once", "params": {"count": str(len(rows))}
    }
    repo.undo()
    assert export_all(repo) == before
    repo.redo()
    assert repo.count_projects(ListQuery(status=ListFilter.VERIFIED)) == len(rows)


def test_one_stale_project_refuses_the_whole_bulk_verify(repo: Repository, sample_url: str) -> None:
    rows = repo.verifiable(ListQuery(), include_flagged=False)
    with Repository.open(sample_url, "bob") as bob:
        flag(bob, rows[5].id, "bob 有疑问")
    with pytest.raises(StaleEditError, match="bob"):
        repo.perform(BulkVerify(tuple(row.key for row in rows)),
                     {row.key: row.version for row in rows})
    assert repo.count_projects(ListQuery(status=ListFilter.VERIFIED)) == 0


def test_bulk_verify_bumps_each_version_once_and_names_who(repo: Repository) -> None:
    rows = repo.verifiable(ListQuery(), include_flagged=True)
    performed = repo.perform(BulkVerify(tuple(row.key for row in rows)),
                             {row.key: row.version for row in rows})
    assert performed.entry.details["versions"] == {row.key: row.version + 1 for row in rows}
    for row in rows[:3]:
        detail = repo.project(row.id)
        assert detail.version == row.version + 1 and detail.updated_by == "alice"


def test_a_bulk_update_touches_only_review_columns_of_projects_it_took(repo: Repository) -> None:
    keys = [row.key for row in repo.verifiable(ListQuery(), include_flagged=True)]
    with repo.write() as session:
        edit = EditContext(session, "alice", now(), None, changes_content=False)
        edit.change_many(keys[:2])
        for values, chosen in (({"unit": "改"}, keys[:2]), ({"status": "verified"}, keys[:3])):
            with pytest.raises(InvariantError):
                edit.update_many(chosen, values)
        session.rollback()
