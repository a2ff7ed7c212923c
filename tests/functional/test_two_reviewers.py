"""Two reviewers on one database, each in their own process: no lost work, no lock errors.

The other reviewer runs `tests/helpers/reviewer_worker.py`; a third process holds SQLite's write
lock where a test needs the database busy (those tests are SQLite's own: a PostgreSQL server
locks rows, not the file). Where the lock must outlast the busy timeout, the
worker's timeout is shortened (not the lock made minutes long) to keep the suite fast.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from store.models import PROJECTS
from store.repository import Repository
from tests.databases import import_sample, select_rows
from tests.functional.cli_helpers import Cli, variant_of_sample
from tests.helpers.acting import flag, verify
from tests.helpers.gzreview_process import ROOT, child_env

TIMEOUT = 120
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


def start(*command: str, stdin: bool = False) -> subprocess.Popen[str]:
    """Start a Python child in this checkout with piped output (and input when asked)."""
    return subprocess.Popen(
        [sys.executable, *command],
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=child_env(),
    )


def reviewer(db: str | Path, name: str, busy: float, *mode: str) -> subprocess.Popen[str]:
    """Start the other reviewer's process."""
    command = ["-m", "tests.helpers.reviewer_worker", str(db), name, str(busy), *mode]
    return start(*command, stdin=mode[0] == "one")


def wait_for(process: subprocess.Popen[str], word: str) -> None:
    """Read the process's output until a line starting with `word`."""
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(word):
            return
    raise AssertionError(f"ended without saying {word!r}: {process.communicate()}")


def hold_lock(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Start a process that holds the database's write lock for `seconds`, once it has it."""
    holder = start("-c", HOLD_LOCK, str(db), str(seconds))
    wait_for(holder, "held")
    return holder


def finish(process: subprocess.Popen[str], stdin: str | None = None) -> tuple[int, str]:
    """Wait for a process; return its exit status and everything it printed."""
    out, err = process.communicate(stdin, timeout=TIMEOUT)
    return process.returncode, out + err


@pytest.fixture
def database(sample_url: str) -> str:
    """A database holding the bundled sample, on each back end."""
    return sample_url


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Path]:
    """A SQLite file holding the bundled sample, for the tests that hold its write lock."""
    db = tmp_path / "shared.db"
    import_sample(str(db))
    yield db


def project_key(db: str | Path, index: int) -> tuple[int, str, str]:
    """Return the id, key and name of the sample's project at this index."""
    with Repository.open(db, "reader") as repository:
        detail = repository.project(repository.project_ids()[index])
        return detail.id, detail.key, detail.name


def test_two_reviewers_and_an_import_at_once_never_meet_a_locked_database(
    database: str, tmp_path: Path
) -> None:
    count = 20
    files = [str(variant_of_sample(tmp_path, f"v{n}.txt", "\n" * (n + 1))) for n in range(3)]
    env_db = ["--db", str(database)]
    workers = [
        reviewer(database, "alice", 10, "hammer", str(count), "0"),
        reviewer(database, "bob", 10, "hammer", str(count), "1"),
        start("-c", "from tui.cli import main; main()", "import", *env_db, *files),
    ]
    results = [finish(worker) for worker in workers]
    for status, output in results:
        assert status == 0, output
        assert "locked" not in output.lower() and "Traceback" not in output
    with Repository.open(database, "check") as repository:
        log = repository.history(limit=1000)
        assert sorted(entry.reviewer for entry in log) == ["alice"] * count + ["bob"] * count
        assert len(repository.documents()) == 4


def test_a_lock_held_past_the_busy_timeout_is_waited_out(sqlite_database: Path) -> None:
    database = sqlite_database
    _, key, _ = project_key(database, 0)
    bob = reviewer(database, "bob", 0.5, "one", "verify", key)
    wait_for(bob, "ready")
    holder = hold_lock(database, 1.0)  # twice bob's timeout, half of his four attempts
    status, output = finish(bob, "go\n")
    assert finish(holder)[0] == 0
    assert status == 0, output
    assert f"ok verify {key}" in output


def test_a_database_busy_for_too_long_is_one_clear_refusal(sqlite_database: Path) -> None:
    database = sqlite_database
    project_id, key, _ = project_key(database, 0)
    bob = reviewer(database, "bob", 0.25, "one", "verify", key)
    wait_for(bob, "ready")
    holder = hold_lock(database, 2.5)  # past all four of his 0.25 s attempts
    status, output = finish(bob, "go\n")
    finish(holder)
    assert status == 3, output
    [message] = [line for line in output.splitlines() if line.startswith("refused: ")]
    assert str(database) in message and "busy" in message and "nothing was changed" in message
    assert "locked" not in output.lower() and "Traceback" not in output
    with Repository.open(database, "check") as repository:
        assert repository.project(project_id).status.value == "unreviewed"
        assert repository.history() == []


def test_an_edit_from_stale_data_is_refused_naming_project_and_reviewer(database: str) -> None:
    project_id, key, name = project_key(database, 3)
    bob = reviewer(database, "bob", 10, "one", "verify", key)
    wait_for(bob, "ready")  # bob has loaded the project…
    with Repository.open(database, "alice") as alice:  # …alice flags it meanwhile
        flag(alice, project_id, "wrong name", alice.project(project_id).version)
    status, output = finish(bob, "go\n")
    assert status == 3, output
    assert f"refused: project “{name}” was changed by alice" in output
    assert "nothing was applied" in output
    with Repository.open(database, "check") as repository:
        detail = repository.project(project_id)
        assert (detail.status.value, detail.note) == ("flagged", "wrong name")
        assert detail.updated_by == "alice"
        assert [entry.reviewer for entry in repository.history()] == ["alice"]


def test_undo_after_another_reviewer_changed_the_project_is_refused(database: str) -> None:
    project_id, key, name = project_key(database, 5)
    with Repository.open(database, "alice") as alice:
        verify(alice, project_id, alice.project(project_id).version)
    bob = reviewer(database, "bob", 10, "one", "flag", key)
    wait_for(bob, "ready")
    assert finish(bob, "go\n")[0] == 0
    result = Cli(database)("undo", "--reviewer", "alice")
    assert result.exit_code == 2
    assert f"“{name}” was changed by bob" in result.output and "Traceback" not in result.output
    query = select(PROJECTS.c.status, PROJECTS.c.note).where(PROJECTS.c.key == key)
    [(status, note)] = select_rows(database, query)
    assert (status, note) == ("flagged", "flagged by bob")
