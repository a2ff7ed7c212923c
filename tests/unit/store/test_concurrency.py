"""Two reviewers writing to one database at once queue on the lock instead of failing."""

from __future__ import annotations

import threading

from store.repository import Repository
from tests.helpers.acting import flag
from tests.unit.store.conftest import import_document, make_document


def test_concurrent_writers_all_succeed(database_url: str) -> None:
    path = database_url
    with Repository.open(path, "setup") as setup:
        import_document(setup, make_document(projects=2))
        first, second = setup.project_ids()
    errors: list[BaseException] = []

    def review(reviewer: str, project_id: int) -> None:
        try:
            with Repository.open(path, reviewer) as repository:
                for round_ in range(10):
                    note = f"{reviewer} {round_}"
                    flag(repository, project_id, note, repository.project(project_id).version)
                    repository.set_ui_state("last", note)
        except BaseException as error:  # reported below; the test fails on any
            errors.append(error)

    threads = [
        threading.Thread(target=review, args=("alice", first)),
        threading.Thread(target=review, args=("bob", second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Repository.open(path, "check") as repository:
        assert len(repository.history()) == 20
        assert repository.project(first).note == "alice 9"
        assert repository.project(second).version == 11
