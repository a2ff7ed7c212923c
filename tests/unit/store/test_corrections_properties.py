"""Random sessions of corrections on the sample keep every invariant, undo back to the import,
and replay onto a fresh import to the same dataset."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.batch.replay import replay
from store.errors import NothingToUndoError, RefusedError, VerifiedLockedError
from store.operations import (
    EditIndicatorField,
    IndicatorRef,
    MergeWithNext,
    MoveIndicator,
    Operation,
    Rename,
    SplitAtIndicator,
    SplitTarget,
    SwapWithNeighbour,
    Verify,
)
from store.repository import Repository
from tests.databases import examples
from tests.helpers.acting import act
from tests.unit.store.corrections_session import export_all, without_verifier

VERBS = ("rename", "swap", "merge", "split_indicator", "split_target", "move", "edit", "verify")

operation = st.tuples(
    st.sampled_from(VERBS),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
    st.sampled_from((-1, 1)),
)


def _operation(repo: Repository, verb: str, index: int, argument: int, direction: int) -> Operation:
    """Return one correction chosen by the drawn numbers for the project they pick."""
    ids = repo.project_ids()
    detail = repo.project(ids[index % len(ids)])
    indicator = detail.indicators[argument % len(detail.indicators)] if detail.indicators else None
    ref = IndicatorRef(span_start=indicator.span[0]) if indicator is not None else None
    if verb == "rename":
        other = repo.project(ids[argument % len(ids)])
        return Rename(detail.key, other.name if direction > 0 else f"名称{argument}", True)
    if verb == "swap":
        return SwapWithNeighbour(detail.key, direction)
    if verb == "merge":
        return MergeWithNext(detail.key)
    if verb == "split_indicator" and ref is not None:
        return SplitAtIndicator(detail.key, ref, f"拆{argument}")
    if verb == "split_target":
        return SplitTarget(detail.key, argument % max(len(detail.target), 1), "")
    if verb == "move" and ref is not None:
        return MoveIndicator(detail.key, ref, direction)
    if verb == "edit" and ref is not None:
        return EditIndicatorField(detail.key, ref, "annual_value", f"≥{argument}个")
    return Verify(detail.key)


def test_random_corrections_keep_invariants_undo_fully_and_replay_identically(
    new_sample: Callable[[], str], backend: str
) -> None:
    @settings(
        max_examples=examples(backend, 12),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(operations=st.lists(operation, min_size=1, max_size=7))
    def run(operations: list[tuple[str, int, int, int]]) -> None:
        with Repository.open(new_sample(), "alice") as repo:
            imported = export_all(repo)
            for drawn in operations:
                with suppress(RefusedError, VerifiedLockedError):  # refused: nothing changed
                    act(repo, _operation(repo, *drawn))
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
        with Repository.open(new_sample(), "bob") as fresh:
            report = replay(fresh, lines)
            assert report.failures == []
            assert without_verifier(export_all(fresh)) == without_verifier(reviewed)

    run()
