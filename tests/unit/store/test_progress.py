"""Progress by reviewer: verified, flagged and corrections per day and document, undone not."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import update

from store.models import EDIT_LOG
from store.operations import BulkVerify
from store.progress import ProgressRow
from store.repository import Repository
from store.views import ListQuery
from tests.helpers.acting import flag, rename, verify
from tests.unit.store.conftest import import_document, make_document

CHINA = timezone(timedelta(hours=8))


def _set_times(repository: Repository, times: list[datetime]) -> None:
    """Give the edit-log entries, oldest first, the given times."""
    with repository.write() as session:
        for entry_id, time in enumerate(times, start=1):
            session.execute(update(EDIT_LOG).where(EDIT_LOG.c.id == entry_id).values(time=time))


def test_counts_per_reviewer_and_day_in_the_given_zone(loaded: Repository) -> None:
    first, second, third = loaded.project_ids()
    with Repository.open(loaded.location, "bob") as bob:
        verify(loaded, first)
        flag(bob, second, "名称可疑")
        rename(loaded, third, "新名称")
        verify(bob, third)
    evening = datetime(2024, 5, 6, 15, 30, tzinfo=UTC)  # 23:30 in China
    _set_times(loaded, [evening, evening, evening + timedelta(hours=1), evening])
    rows = loaded.progress_by_reviewer(zone=CHINA)
    assert rows == [
        ProgressRow("alice", date(2024, 5, 6), "", 1, 0, 0),
        ProgressRow("alice", date(2024, 5, 7), "", 0, 0, 1),
        ProgressRow("bob", date(2024, 5, 6), "", 1, 1, 0),
    ]


def test_undone_actions_reopening_and_notes_do_not_count(loaded: Repository) -> None:
    first, second, _third = loaded.project_ids()
    verify(loaded, first)
    verify(loaded, second)
    loaded.undo()
    rows = loaded.progress_by_reviewer(zone=UTC)
    assert [(row.verified, row.flagged, row.corrections) for row in rows] == [(1, 0, 0)]


def test_counts_by_document(loaded: Repository) -> None:
    other = import_document(loaded, make_document("other.txt"))
    verify(loaded, loaded.project_ids()[0])
    verify(loaded, loaded.project_ids(ListQuery(document_id=other))[0])
    rows = loaded.progress_by_reviewer(by_document=True, zone=UTC)
    assert sorted(row.document for row in rows) == ["doc.txt", "other.txt"]
    assert all(row.verified == 1 for row in rows)


def test_verified_by_me_counts_what_stands_verified(loaded: Repository) -> None:
    first, second, _third = loaded.project_ids()
    with Repository.open(loaded.location, "bob") as bob:
        verify(loaded, first)
        verify(bob, second)
    assert loaded.verified_by_me() == 1
    assert loaded.verified_by_me(document_id=1) == 1
    assert loaded.verified_by_me(document_id=99) == 0


def test_a_bulk_verify_counts_each_project_it_verified(loaded: Repository) -> None:
    keys = [loaded.project(project_id).key for project_id in loaded.project_ids()]
    versions = {key: loaded.project(loaded.project_id_of(key)).version for key in keys}
    loaded.perform(BulkVerify(tuple(keys[:2])), versions)
    rows = loaded.progress_by_reviewer(by_document=True, zone=UTC)
    assert [(row.document, row.verified) for row in rows] == [("doc.txt", 2)]
