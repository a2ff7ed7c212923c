"""Two reviewers on one database, each acting on a possibly stale view, never break "verified".

A Hypothesis state machine interleaves every verb, verify, reopen, undo and redo of two
repositories on one file. Each reviewer keeps the projects as they last read them and acts on
that view, as a second person would. After every step: a project that stays verified has the same
record (name, unit, target, indicators); a verified project stops being verified only by a reopen,
a flag or an undo/redo; a refused action changed nothing; the invariants hold.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from store.errors import StoreError
from store.operations import (
    EditIndicatorField,
    EditProjectField,
    FlagWithNote,
    IndicatorRef,
    MergeWithNext,
    MoveIndicator,
    Operation,
    Rename,
    Reopen,
    SplitAtIndicator,
    SplitTarget,
    SwapWithNeighbour,
    Verify,
)
from store.repository import Repository
from store.views import ProjectDetail, Status
from tests.databases import examples
from tests.unit.store.corrections_session import export_all

REVIEWERS = ("alice", "bob")
FOCUS = 8
"""Actions fall on the first few projects, so the two reviewers meet on the same ones often."""
CONTENT = ("unit", "name", "target", "indicators")
STATUS_CHANGES = ("unreview", "flag", "undo", "redo")
"""What may take a project out of "verified": its reopening, a flag, or undoing/redoing one."""


def records(repository: Repository) -> dict[str, dict[str, Any]]:
    """Return every project's exported record by key."""
    lines = export_all(repository).splitlines()
    return {record["key"]: record for record in map(json.loads, lines)}


def content(record: dict[str, Any]) -> list[Any]:
    """Return what a verification vouches for: unit, name, target, indicators."""
    return [record[field] for field in CONTENT]


def build(
    verb: str, detail: ProjectDetail, number: int, direction: int, names: list[str]
) -> Operation:
    """Return one operation of the drawn kind for a project as the reviewer last saw it."""
    indicator = detail.indicators[number % len(detail.indicators)] if detail.indicators else None
    ref = IndicatorRef.of(indicator) if indicator is not None else None
    choices: dict[str, Operation] = {
        "verify": Verify(detail.key),
        "unreview": Reopen(detail.key),
        "flag": FlagWithNote(detail.key, f"doubt {number}"),
        "rename": Rename(detail.key, names[number % len(names)], allow_duplicate=number % 2 == 0),
        "swap": SwapWithNeighbour(detail.key, direction),
        "merge": MergeWithNext(detail.key),
        "split_target": SplitTarget(detail.key, 1 + number % 30, f"拆{number}"),
        "note": EditProjectField(detail.key, "note", f"note {number}"),
    }
    if ref is not None:
        choices["split_indicator"] = SplitAtIndicator(detail.key, ref, "")
        choices["move"] = MoveIndicator(detail.key, ref, direction)
        choices["edit"] = EditIndicatorField(detail.key, ref, "annual_value", f"≥{number}个")
    return choices.get(verb, Verify(detail.key))


VERBS = ("verify", "unreview", "flag", "rename", "swap", "merge", "split_target", "note",
         "split_indicator", "move", "edit")


class TwoReviewers(RuleBasedStateMachine):
    """Alice and Bob review the sample at once, each from what they last read."""

    new_sample: Callable[[], str]
    """Makes the database of each run: set by the test, for the back end it runs on."""

    def __init__(self) -> None:
        super().__init__()
        path = self.new_sample()
        self.repositories = {name: Repository.open(path, name) for name in REVIEWERS}
        first = self.repositories["alice"]
        self.views: dict[str, dict[int, ProjectDetail]] = {name: {} for name in REVIEWERS}
        self.names = sorted({first.project(pid).name for pid in first.project_ids()})
        self.state = records(first)

    def teardown(self) -> None:
        for repository in self.repositories.values():
            repository.close()

    @rule(reviewer=st.sampled_from(REVIEWERS), index=st.integers(0, FOCUS - 1))
    def look(self, reviewer: str, index: int) -> None:
        """The reviewer reads a project (their view of it is now current)."""
        repository = self.repositories[reviewer]
        ids = repository.project_ids()
        detail = repository.project(ids[index % len(ids)])
        self.views[reviewer][detail.id] = detail

    def reload(self, reviewer: str) -> None:
        """After acting, the reviewer's screen reads again what it showed (as the app does)."""
        repository = self.repositories[reviewer]
        existing = set(repository.project_ids())
        self.views[reviewer] = {
            project_id: repository.project(project_id)
            for project_id in self.views[reviewer]
            if project_id in existing
        }

    @precondition(lambda self: any(self.views.values()))
    @rule(
        reviewer=st.sampled_from(REVIEWERS),
        pick=st.integers(0, FOCUS - 1),
        verb=st.sampled_from(VERBS),
        number=st.integers(0, 200),
        direction=st.sampled_from((-1, 1)),
    )
    def act(self, reviewer: str, pick: int, verb: str, number: int, direction: int) -> None:
        """The reviewer acts on a project as they last saw it (possibly stale)."""
        view = self.views[reviewer] or self.views[REVIEWERS[1 - REVIEWERS.index(reviewer)]]
        detail = list(view.values())[pick % len(view)]
        try:
            operation = build(verb, detail, number, direction, self.names)
            self.repositories[reviewer].perform(operation, detail.versions)
        except StoreError:
            self.check_unchanged()
            return
        finally:
            self.reload(reviewer)
        self.check_step(verb, operation.project)

    @rule(reviewer=st.sampled_from(REVIEWERS), undo=st.booleans())
    def step_history(self, reviewer: str, undo: bool) -> None:
        """The reviewer undoes or redoes their own last action."""
        repository = self.repositories[reviewer]
        try:
            repository.undo() if undo else repository.redo()
        except StoreError:
            self.check_unchanged()
            return
        finally:
            self.reload(reviewer)
        self.check_step("undo" if undo else "redo", None)

    def check_unchanged(self) -> None:
        """A refused action left the whole dataset as it was."""
        assert records(self.repositories["alice"]) == self.state

    def check_step(self, verb: str, project: str | None) -> None:
        """A project that stays verified keeps its content; one that stops being verified was
        reopened or flagged itself, or by an undo/redo."""
        after = records(self.repositories["alice"])
        for key, before in self.state.items():
            if before["status"] != Status.VERIFIED.value:
                continue
            now = after.get(key)
            assert now is not None, f"verified {key} disappeared after {verb}"
            if now["status"] == Status.VERIFIED.value:
                assert content(now) == content(before), f"verified {key} changed by {verb}"
            else:
                assert verb in STATUS_CHANGES and project in (key, None), (verb, key)
        self.state = after

    @invariant()
    def invariants_hold(self) -> None:
        """Every character claimed once, every indicator kept, in order."""
        assert self.repositories["alice"].invariant_problems() == []


def test_two_reviewers_never_change_a_verified_project(
    new_sample: Callable[[], str], backend: str
) -> None:
    machine = type("TwoReviewersHere", (TwoReviewers,), {"new_sample": staticmethod(new_sample)})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples(backend, 20),
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
