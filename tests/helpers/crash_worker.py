"""A reviewer process for crash tests: performs seeded operations and an import in a loop.

Usage: `python -m tests.helpers.crash_worker DB IMPORT_DIR SEED FIRST [HANG_AT HANG_KIND]`. For
each step n from FIRST it prints `start {json}` before the operation and `done {json}` (with what
the database then holds) after it returns. With HANG_AT, that step performs HANG_KIND and stops
inside its transaction — every statement sent, COMMIT not yet — printing `inside {n}`, so a test
can kill the process at the worst moment. The test reads these lines, sends SIGKILL, and checks.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from store.errors import StoreError
from store.operations import IndicatorRef, MoveIndicator, SplitAtIndicator, SwapWithNeighbour
from store.repository import Repository
from store.views import ListQuery, ProjectDetail
from tests.helpers import acting

REVIEWER = "crash-tester"
LAST_STEP = 10_000
Step = Callable[[Repository, random.Random, int], Any]


def sample_document(repository: Repository) -> int:
    """Return the id of the first imported document, the one reviewed throughout."""
    return min(document.id for document in repository.documents())


def document_state(repository: Repository) -> dict[str, list[Any]]:
    """Return every project of the reviewed document as [name, status, note, version, spans]."""
    state: dict[str, list[Any]] = {}
    for project_id in repository.project_ids(ListQuery(document_id=sample_document(repository))):
        detail = repository.project(project_id)
        spans = [indicator.span for indicator in detail.indicators]
        state[detail.key] = [detail.name, detail.status.value, detail.note, detail.version, spans]
    return state


def pick(repository: Repository, chance: random.Random) -> tuple[int, int]:
    """Return a random project of the reviewed document: its id and current version."""
    ids = repository.project_ids(ListQuery(document_id=sample_document(repository)))
    detail = repository.project(chance.choice(ids))
    return detail.id, detail.version


def verify(repository: Repository, chance: random.Random, step: int) -> Any:
    """Mark a random project verified."""
    return acting.verify(repository, *pick(repository, chance))


def flag(repository: Repository, chance: random.Random, step: int) -> Any:
    """Flag a random project with a note naming the step."""
    project_id, version = pick(repository, chance)
    return acting.flag(repository, project_id, f"check step {step}", version)


def unreview(repository: Repository, chance: random.Random, step: int) -> Any:
    """Put a random project back to unreviewed."""
    return acting.reopen(repository, *pick(repository, chance))


def note(repository: Repository, chance: random.Random, step: int) -> Any:
    """Replace a random project's note."""
    project_id, version = pick(repository, chance)
    return acting.set_note(repository, project_id, f"note of step {step}", version)


def undo(repository: Repository, chance: random.Random, step: int) -> Any:
    """Undo this reviewer's newest operation."""
    return repository.undo()


def redo(repository: Repository, chance: random.Random, step: int) -> Any:
    """Redo this reviewer's last undone operation."""
    return repository.redo()


def import_variant(import_dir: Path) -> Step:
    """Return a step importing a new variant of the bundled sample (its text differs by step)."""

    def run(repository: Repository, chance: random.Random, step: int) -> Any:
        from store.importer import bundled_sample

        path = import_dir / f"variant-{step}.txt"
        path.write_text(bundled_sample().read_text(encoding="utf-8") + "\n" * (step + 1), "utf-8")
        report = repository.import_file(path)
        if report.outcome != "imported":
            raise AssertionError(f"variant {step} was not imported: {report.reason}")
        return report

    return run


def merge(repository: Repository, chance: random.Random, step: int) -> Any:
    """Merge a random project with the next one of its unit."""
    return acting.merge_with_next(repository, *pick(repository, chance))


def pick_with_indicators(
    repository: Repository, chance: random.Random, least: int
) -> tuple[ProjectDetail, IndicatorRef]:
    """Return a random project with at least `least` indicators and its last indicator."""
    ids = repository.project_ids(ListQuery(document_id=sample_document(repository)))
    details = [repository.project(project_id) for project_id in ids]
    detail = chance.choice([item for item in details if len(item.indicators) >= least])
    return detail, IndicatorRef(span_start=detail.indicators[-1].span[0])


def split(repository: Repository, chance: random.Random, step: int) -> Any:
    """Split a random project at its last indicator into a new project."""
    detail, last = pick_with_indicators(repository, chance, 2)
    operation = SplitAtIndicator(detail.key, last, f"split at step {step}")
    return repository.perform(operation, detail.versions)


def swap(repository: Repository, chance: random.Random, step: int) -> Any:
    """Swap a random project's name with the next project's."""
    detail = repository.project(pick(repository, chance)[0])
    return repository.perform(SwapWithNeighbour(detail.key, 1), detail.versions)


def move(repository: Repository, chance: random.Random, step: int) -> Any:
    """Move a random project's last indicator to the next project."""
    detail, last = pick_with_indicators(repository, chance, 1)
    return repository.perform(MoveIndicator(detail.key, last, 1), detail.versions)


def steps(import_dir: Path) -> list[tuple[str, Step]]:
    """Return the operations to draw from, weighted by repetition."""
    table: list[tuple[str, Step]] = [("verify", verify)] * 3 + [("flag", flag)] * 3
    table += [("unreview", unreview), ("note", note), ("note", note), ("undo", undo)]
    table += [("undo", undo), ("redo", redo), ("import", import_variant(import_dir))]
    table += [("merge", merge), ("split", split), ("swap", swap), ("move", move)]
    return table


def arm_hang(state: dict[str, bool], step: int) -> None:
    """Make the armed step stop just before COMMIT, after all its statements were sent."""

    def before_commit(connection: Any) -> None:
        if state["armed"]:
            print(f"inside {step}", flush=True)
            time.sleep(3600)

    event.listen(Engine, "commit", before_commit)


def snapshot(repository: Repository) -> dict[str, Any]:
    """Return what the database holds now: the reviewed projects, the edit log, the documents."""
    return {
        "state": document_state(repository),
        "log": [[entry.id, entry.undone] for entry in repository.history(limit=LAST_STEP)],
        "documents": [[d.id, d.file_name, d.project_count] for d in repository.documents()],
    }


def run_step(repository: Repository, kind: str, run: Step, step: int) -> None:
    """Run one step and print its report once it has returned (committed or refused)."""
    report: dict[str, Any] = {"step": step, "kind": kind}
    try:
        run(repository, random.Random(step), step)
    except StoreError as error:  # refused: nothing to undo, a merge at the end…
        report["refused"] = str(error)
    print("done " + json.dumps({**report, **snapshot(repository)}, ensure_ascii=False), flush=True)


def main(arguments: list[str]) -> None:
    """Run steps until killed (or LAST_STEP), reporting each one before and after it."""
    db, import_dir = arguments[0], Path(arguments[1])
    seed, first = int(arguments[2]), int(arguments[3])
    hang_at, hang_kind = (int(arguments[4]), arguments[5]) if len(arguments) > 5 else (-1, "")
    table = steps(import_dir)
    hang = {"armed": False}
    arm_hang(hang, hang_at)
    with Repository.open(db, REVIEWER) as repository:
        for step in range(first, LAST_STEP):
            kind, run = random.Random(f"{seed}:{step}").choice(table)
            if step == hang_at:
                kind, run = next(item for item in table if item[0] == hang_kind)
            print("start " + json.dumps({"step": step, "kind": kind}), flush=True)
            hang["armed"] = step == hang_at
            run_step(repository, kind, run, step)


if __name__ == "__main__":
    main(sys.argv[1:])
