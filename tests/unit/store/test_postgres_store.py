"""The store on a real PostgreSQL server: imports, races between reviewers, locks and errors."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session

from store import importer
from store.batch.parallel_import import import_files
from store.db import database_url
from store.errors import DatabaseBusyError, StaleEditError, StoreError
from store.known import add_known_names
from store.repository import Repository
from tests.functional.cli_helpers import SAMPLE, variant_of_sample
from tests.helpers.acting import flag
from tests.unit.store.conftest import import_document, make_document

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(fresh_postgres: str) -> Iterator[Repository]:
    """Yield alice's repository on a new PostgreSQL database holding one three-project document."""
    with Repository.open(fresh_postgres, "alice") as repository:
        import_document(repository, make_document(projects=3))
        yield repository


def _in_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """Start `work` in a thread; its result (or the error it raised) lands in the list."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # handed to the test, which asserts on it
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _corpus(folder: Path) -> list[Path]:
    """Write the sample and two variants of it (different texts, so three documents)."""
    copy = folder / "a.txt"
    copy.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return [copy, variant_of_sample(folder, "b.txt", "\n附注一"),
            variant_of_sample(folder, "c.txt", "\n附注二")]


def _rows(repository: Repository) -> list[tuple[str, tuple[str, ...], object, object]]:
    """Return every project's parsed JSON columns as the store reads them back."""
    return [
        (detail.key, detail.flag_codes, detail.alternatives, detail.name_spans)
        for detail in (repository.project(pid) for pid in repository.project_ids())
    ]


def test_parallel_import_stores_json_once_and_matches_sqlite(
    fresh_postgres: str, tmp_path: Path
) -> None:
    files = _corpus(tmp_path)
    with Repository.open(fresh_postgres, "alice") as on_server:
        reports = list(import_files(on_server, files, jobs=2))
        assert [report.outcome for report in reports] == ["imported"] * 3
        assert on_server.invariant_problems() == []
        server_rows = _rows(on_server)
    with Repository.open(tmp_path / "file.db", "alice") as on_file:
        list(import_files(on_file, files, jobs=2))
        assert _rows(on_file) == server_rows
    flags = [flag for _key, flags, _alternatives, _spans in server_rows for flag in flags]
    assert flags and all(len(flag) > 1 for flag in flags)  # codes, not characters of JSON text


def test_the_same_file_imported_twice_at_once_is_one_document_and_one_duplicate(
    fresh_postgres: str,
) -> None:
    source = importer.read_source(SAMPLE)
    document = importer.parse_source(source)
    with Repository.open(fresh_postgres, "alice") as alice, \
            Repository.open(fresh_postgres, "bob") as bob:
        with alice.write() as session:
            importer.insert_document(session.connection(), source, document)
            thread, outcome = _in_thread(lambda: bob.import_file(SAMPLE))
            time.sleep(0.5)  # bob passed the duplicate check and waits on alice's new row
            assert thread.is_alive()
        thread.join(10)
        report = outcome[0]
        assert getattr(report, "outcome", report) == "duplicate", report
        assert len(alice.documents()) == 1


def test_an_import_waiting_on_one_rolled_back_goes_in(fresh_postgres: str) -> None:
    source = importer.read_source(SAMPLE)
    document = importer.parse_source(source)
    with Repository.open(fresh_postgres, "alice") as alice, \
            Repository.open(fresh_postgres, "bob") as bob:
        with pytest.raises(RuntimeError), alice.write() as session:
            importer.insert_document(session.connection(), source, document)
            thread, outcome = _in_thread(lambda: bob.import_file(SAMPLE))
            time.sleep(0.5)
            raise RuntimeError("alice's import fails")
        thread.join(10)
        assert getattr(outcome[0], "outcome", outcome[0]) == "imported"


def test_known_names_added_twice_at_once_are_added_once(fresh_postgres: str) -> None:
    pairs = [("购置经费", "某单位"), ("培训经费", "")]
    with Repository.open(fresh_postgres, "alice") as alice, \
            Repository.open(fresh_postgres, "bob") as bob:
        with alice.write() as session:
            assert add_known_names(session.connection(), pairs, "imported") == 2
            thread, outcome = _in_thread(lambda: bob.add_known_names(pairs))
            time.sleep(0.5)
        thread.join(10)
        assert outcome == [0]
        assert sorted(alice.known_names()) == ["培训经费", "购置经费"]


def test_two_reviewers_flagging_one_project_from_one_view_one_wins(
    shared: Repository, fresh_postgres: str
) -> None:
    project_id = shared.project_ids()[0]
    url = fresh_postgres
    for round_ in range(5):
        version = shared.project(project_id).version
        start = threading.Barrier(2)
        results: list[object] = []

        def review(
            reviewer: str, seen: int = version, barrier: threading.Barrier = start,
            results: list[object] = results,
        ) -> None:
            with Repository.open(url, reviewer) as repository:
                barrier.wait()
                try:
                    results.append(flag(repository, project_id, reviewer, seen))
                except StaleEditError as error:
                    results.append(error)

        threads = [threading.Thread(target=review, args=(name,)) for name in ("bob", "carol")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        refused = [result for result in results if isinstance(result, StaleEditError)]
        assert len(results) == 2 and len(refused) == 1, (round_, results)
        assert shared.project(project_id).version == version + 1


def test_a_deadlock_between_two_actions_is_retried_until_both_pass(
    shared: Repository, fresh_postgres: str
) -> None:
    url = fresh_postgres
    first, second, _third = shared.project_ids()
    barrier = threading.Barrier(2)
    attempts: list[str] = []

    def locking(reviewer: str, order: tuple[int, int]) -> Callable[[Session], str]:
        def work(session: Session) -> str:
            attempts.append(reviewer)
            lock = text("SELECT id FROM projects WHERE id = :id FOR UPDATE")
            session.execute(lock, {"id": order[0]})
            if attempts.count(reviewer) == 1:
                barrier.wait(10)  # both hold their first row: each then wants the other's
            session.execute(lock, {"id": order[1]})
            return reviewer

        return work

    with Repository.open(url, "bob") as bob, Repository.open(url, "carol") as carol:
        one, got_one = _in_thread(lambda: bob.writing(locking("bob", (first, second))))
        two, got_two = _in_thread(lambda: carol.writing(locking("carol", (second, first))))
        one.join(30)
        two.join(30)
    assert got_one == ["bob"] and got_two == ["carol"]
    assert len(attempts) == 3  # the server aborted one of them once


def test_a_write_behind_a_held_lock_is_refused_with_a_sentence(
    shared: Repository, fresh_postgres: str
) -> None:
    project_id = shared.project_ids()[0]
    version = shared.project(project_id).version
    holder = create_engine(database_url(fresh_postgres))
    try:
        with holder.begin() as connection:
            connection.execute(text("SELECT 1 FROM projects WHERE id = :id FOR UPDATE"),
                               {"id": project_id})
            started = time.monotonic()
            with pytest.raises(DatabaseBusyError, match="another reviewer is changing these "
                               "projects; nothing was applied — try again"):
                flag(shared, project_id, "waits", version)
            assert 4 < time.monotonic() - started < 30
    finally:
        holder.dispose()
    assert shared.project(project_id).version == version


def test_a_connection_lost_mid_action_is_one_sentence(
    shared: Repository, fresh_postgres: str
) -> None:
    with pytest.raises(StoreError, match="connection to the database server was lost") as caught, \
            shared.write() as session:
        backend = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with create_engine(database_url(fresh_postgres)).connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        session.execute(text("SELECT 1"))
    assert "Traceback" not in str(caught.value)
    assert shared.documents()  # the next action reconnects
