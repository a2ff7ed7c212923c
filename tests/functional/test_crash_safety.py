"""Kill -9 a reviewer process at random points and at the worst one; no completed work is lost.

`tests/helpers/crash_worker.py` runs seeded reviewer operations and imports against one database
and reports each before (`start`) and after (`done`, with what the database then holds) it returns.
Each round SIGKILLs it — either while a chosen step waits inside its transaction just before
COMMIT, or after a random number of steps — then reopens the database and checks it.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from store.db import create_store_engine
from store.invariants import database_problems
from store.repository import Repository
from tests.databases import import_sample
from tests.functional.cli_helpers import SAMPLE, Cli
from tests.helpers.acting import verify
from tests.helpers.crash_worker import REVIEWER, snapshot
from tests.helpers.gzreview_process import ROOT, child_env

SEED = 20261126
ROUNDS = ["hang:verify", "random", "hang:import", "hang:merge", "random", "hang:split"]
WAIT_SECONDS = 60
GALLERY = ROOT / "tests" / "data" / "bad"


@dataclass
class Run:
    """What one worker process reported before it was killed."""

    started: list[int] = field(default_factory=list)
    done: list[dict[str, Any]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    hung: bool = False

    @property
    def interrupted(self) -> int | None:
        """Return the step that had started but not finished when the process died."""
        finished = self.done[-1]["step"] if self.done else -1
        return self.started[-1] if self.started and self.started[-1] > finished else None


def record(line: str, run: Run) -> None:
    """Add one report line of the worker to what the run knows."""
    kind, _, payload = line.rstrip("\n").partition(" ")
    if kind == "start":
        run.started.append(json.loads(payload)["step"])
        run.kinds.append(json.loads(payload)["kind"])
    elif kind == "done":
        run.done.append(json.loads(payload))
    run.hung = run.hung or kind == "inside"


def read_until(worker: subprocess.Popen[str], run: Run, stop: Any) -> None:
    """Collect the worker's reports until `stop(line, run)` is true or the worker ends."""
    deadline = time.monotonic() + WAIT_SECONDS
    assert worker.stdout is not None
    for line in worker.stdout:
        record(line, run)
        if stop(line, run) or time.monotonic() > deadline:
            return
    raise AssertionError(f"the worker ended on its own: {worker.wait()}")


def kill_round(db: str | Path, imports: Path, first: int, plan: str, chance: random.Random) -> Run:
    """Start a worker at step `first`, SIGKILL it as the plan says, and return its reports."""
    command = [sys.executable, "-m", "tests.helpers.crash_worker", str(db), str(imports)]
    command += [str(SEED), str(first)]
    hang_at = first + chance.randint(0, 6) if plan.startswith("hang:") else -1
    if hang_at >= 0:
        command += [str(hang_at), plan.removeprefix("hang:")]
    worker = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT, env=child_env()
    )
    run = Run()
    try:
        if hang_at >= 0:  # until it waits inside that step, or reports it refused
            read_until(worker, run, lambda line, seen: line.startswith(f"inside {hang_at}")
                       or any(done["step"] == hang_at for done in seen.done))
        else:
            enough = chance.randint(3, 25)
            read_until(worker, run, lambda _, seen: len(seen.done) >= enough)
            time.sleep(chance.uniform(0, 0.03))
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=WAIT_SECONDS)
    assert worker.stdout is not None
    for line in worker.stdout.read().splitlines(keepends=True):  # the same reader: its buffer too
        if line.endswith("\n"):  # the kill may have cut the last line short: not reported
            record(line, run)
    worker.stdout.close()
    return run


def stored(db: str | Path) -> dict[str, Any]:
    """Return the database's projects, edit log and documents, as the worker reports them."""
    with Repository.open(db, REVIEWER) as repository:
        return dict(json.loads(json.dumps(snapshot(repository))))


def assert_sound(db: str | Path) -> None:
    """SQLite's own checks pass (for a file) and the store's invariants hold for every document."""
    if "://" not in str(db):
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    engine = create_store_engine(db)
    try:
        with engine.connect() as connection:
            assert database_problems(connection) == []
    finally:
        engine.dispose()


def assert_imports_whole(state: dict[str, Any]) -> None:
    """Every imported variant holds all of the sample's projects: no import is half there."""
    for _, file_name, project_count in state["documents"][1:]:
        assert file_name.startswith("variant-") and project_count == 34


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A SQLite file holding the bundled sample, the document the worker reviews."""
    db = tmp_path / "review.db"
    import_sample(str(db))
    return db


def test_sigkill_never_loses_completed_work(sample_url: str, tmp_path: Path) -> None:
    """On each back end: a killed client's transaction is rolled back whole."""
    database = sample_url
    imports = tmp_path / "imports"
    imports.mkdir()
    chance = random.Random(SEED)
    first, committed_steps, hung_rounds, last = 0, 0, 0, stored(database)
    kinds: set[str] = set()
    for plan in ROUNDS:
        run = kill_round(database, imports, first, plan, chance)
        last = run.done[-1] if run.done else last
        now = stored(database)
        if run.hung:
            hung_rounds += 1
            assert now == {key: last[key] for key in now}, f"round {plan}: step leaked or lost"
        elif now != {key: last[key] for key in now}:
            changed = [key for key in now if now[key] != last[key]]
            assert run.interrupted is not None, f"round {plan}: {changed} changed with no step"
            assert {entry[0] for entry in last["log"]} <= {entry[0] for entry in now["log"]}
            before = [document[:2] for document in last["documents"]]
            after = [document[:2] for document in now["documents"]]
            assert after[: len(before)] == before and len(after) - len(before) in (0, 1)
        assert_imports_whole(now)
        assert_sound(database)
        committed_steps += len(run.done)
        kinds.update(run.kinds)
        first, last = run.started[-1] + 1, now
    assert {"verify", "flag", "note", "undo", "import", "merge", "split"} <= kinds
    assert committed_steps >= len(ROUNDS) and hung_rounds >= 3


def test_a_full_disk_refuses_the_import_clearly_and_keeps_all_earlier_work(
    database: Path, tmp_path: Path
) -> None:
    """SQLite only: the file is made full by a page limit (a server's disk is the server's)."""
    with Repository.open(database, "alice") as repository:
        project_id = repository.project_ids()[0]
        verify(repository, project_id, repository.project(project_id).version)

    def no_room_to_grow(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(Engine, "connect", no_room_to_grow)
    try:
        result = Cli(database)("import", str(GALLERY / "gb18030.txt"))
    finally:
        event.remove(Engine, "connect", no_room_to_grow)
    assert result.exit_code == 2
    assert f"{database}: the database could not be written (database or disk is full)" in (
        result.stderr
    )
    assert "nothing of this action was saved" in result.stderr
    with Repository.open(database, "alice") as repository:
        assert [document.file_name for document in repository.documents()] == [SAMPLE.name]
        assert repository.project(project_id).status.value == "verified"
    assert_sound(database)
