"""A second reviewer in its own process, for tests of two reviewers sharing one SQLite file.

`python -m tests.helpers.reviewer_worker DB REVIEWER BUSY_SECONDS hammer COUNT PARITY` performs
COUNT verify/flag/note actions on the sample's projects whose position has that parity, printing
`ok N` after each; `… BUSY_SECONDS one VERB KEY` loads the project with that key, prints `ready`,
waits for a line on stdin, then verifies or flags what it loaded. A refused action prints
`refused: MESSAGE` and exits 3; anything else unexpected raises (exit 1). BUSY_SECONDS replaces
the store's busy timeout, so tests can hold the lock past it without waiting for minutes.
"""

from __future__ import annotations

import sys

import store.db
from store.errors import StoreError
from store.repository import Repository
from tests.helpers.acting import flag, set_note, verify


def hammer(repository: Repository, count: int, parity: int) -> None:
    """Cycle verify, flag and note over this reviewer's half of the projects."""
    ids = repository.project_ids()[parity::2]
    for number in range(count):
        detail = repository.project(ids[number % len(ids)])
        if number % 3 == 0:
            verify(repository, detail.id, detail.version)
        elif number % 3 == 1:
            flag(repository, detail.id, f"{repository.reviewer} {number}", detail.version)
        else:
            set_note(repository, detail.id, f"{repository.reviewer} {number}", detail.version)
        print(f"ok {number}", flush=True)


def one(repository: Repository, verb: str, key: str) -> None:
    """Load a project, say `ready`, wait for a line on stdin, then act on what was loaded."""
    [detail] = [
        detail
        for detail in map(repository.project, repository.project_ids())
        if detail.key == key
    ]
    print("ready", flush=True)
    sys.stdin.readline()
    if verb == "verify":
        verify(repository, detail.id, detail.version)
    else:
        flag(repository, detail.id, f"flagged by {repository.reviewer}", detail.version)
    print(f"ok {verb} {key}", flush=True)


def main(arguments: list[str]) -> int:
    """Open the database as the reviewer and run the asked-for mode; return the exit status."""
    db, reviewer, busy, mode, *rest = arguments
    store.db.BUSY_TIMEOUT_SECONDS = float(busy)
    try:
        with Repository.open(db, reviewer) as repository:
            if mode == "hammer":
                hammer(repository, int(rest[0]), int(rest[1]))
            else:
                one(repository, rest[0], rest[1])
    except StoreError as error:
        print(f"refused: {error}", flush=True)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
