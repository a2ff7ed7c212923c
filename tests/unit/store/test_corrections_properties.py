"""Random sessions of corrections on the sample keep every invariant, undo back to the import,
and replay onto a fresh import to the same dataset."""

from __future__ import annotations

import json
import tempfile
from contextlib import suppress
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.errors import NothingToUndoError, RefusedError
from store.replay import replay
from store.repository import Repository
from tests.unit.store.corrections_session import export_all, sample_database

VERBS = ("rename", "swap", "merge", "split_indicator", "split_target", "move", "edit", "verify")

operation = st.tuples(
    st.sampled_from(VERBS),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
    st.sampled_from((-1, 1)),
)


def _apply(repo: Repository, verb: str, index: int, argument: int, direction: int) -> None:
    """Run one correction chosen by the drawn numbers on the project they pick."""
    ids = repo.project_ids()
    detail = repo.project(ids[index % len(ids)])
    indicator = detail.indicators[argument % len(detail.indicators)] if detail.indicators else None
    version = detail.version
    if verb == "rename":
        other = repo.project(ids[argument % len(ids)])
        repo.rename(detail.id, other.name if direction > 0 else f"名称{argument}", version)
    elif verb == "swap":
        repo.swap_with_neighbour(detail.id, direction, version)
    elif verb == "merge":
        repo.merge_with_next(detail.id, version)
    elif verb == "split_indicator" and indicator is not None:
        repo.split_at_indicator(detail.id, indicator.id, f"拆{argument}", version)
    elif verb == "split_target":
        repo.split_target(detail.id, argument % max(len(detail.target), 1), "", version)
    elif verb == "move" and indicator is not None:
        repo.move_indicator(detail.id, indicator.id, direction, version)
    elif verb == "edit" and indicator is not None:
        value = f"≥{argument}个"
        repo.edit_indicator_field(detail.id, indicator.id, "annual_value", value, version)
    elif verb == "verify":
        repo.verify(detail.id, version)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(operation, min_size=1, max_size=7))
def test_random_corrections_keep_invariants_undo_fully_and_replay_identically(
    operations: list[tuple[str, int, int, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with Repository.open(sample_database(Path(folder)), "alice") as repo:
            imported = export_all(repo)
            for drawn in operations:
                with suppress(RefusedError):  # at a unit's end…: refused, nothing changed
                    _apply(repo, *drawn)
                assert repo.invariant_problems() == []
            reviewed = export_all(repo)
            lines = [json.dumps(record, ensure_ascii=False) for record in repo.operations()]
            while True:
                try:
                    repo.undo()
                except NothingToUndoError:
                    break
                assert repo.invariant_problems() == []
            assert export_all(repo) == imported
        with Repository.open(sample_database(Path(folder), "fresh.db"), "bob") as fresh:
            report = replay(fresh, lines)
            assert report.failures == [] and export_all(fresh) == reviewed
