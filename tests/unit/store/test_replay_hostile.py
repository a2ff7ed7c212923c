"""Replay files come from outside: every line is applied or refused with a reason, never raised."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.batch.replay import replay
from store.operations import VERBS
from store.repository import Repository
from tests.databases import examples

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


def _repository(database: str) -> Repository:
    return Repository.open(database, "mallory")


def _key(repository: Repository) -> str:
    return repository.project(repository.project_ids()[0]).key


def test_hostile_lines_are_each_refused_with_a_reason(sample_url: str) -> None:
    with _repository(sample_url) as repository:
        key = _key(repository)
        lines = [
            '{"op": {"verb": "swap_with_neighbour", "project": "' + key + '", "direction": 1e999}}',
            json.dumps({"op": {"verb": "edit_indicator_field", "project": key, "field": "seq",
                               "value": 10**20, "indicator": {"span_start": 1}}}),
            json.dumps({"op": {"verb": "edit_indicator_field", "project": key, "field": "seq",
                               "value": "9" * 20, "indicator": {"span_start": 1}}}),
            "[" * 100_000,
            json.dumps({"op": {"verb": "swap_with_neighbour", "project": key, "direction": True}}),
            json.dumps({"op": {"verb": "split_target", "project": key, "offset": "3",
                               "new_name": ""}}),
            json.dumps({"op": {"verb": "rename", "project": key, "new_name": "x" * 20_000}}),
            json.dumps({"op": {"verb": "rename", "project": [key], "new_name": "x"}}),
            json.dumps({"op": {"verb": "move_indicator", "project": key, "direction": 1,
                               "indicator": {"span_start": -5}}}),
        ]
        report = replay(repository, lines)
        assert report.applied == 0 and [failure.line for failure in report.failures] == list(
            range(1, len(lines) + 1)
        )
        reasons = [failure.reason for failure in report.failures]
        assert "direction must be" in reasons[0] and "whole number" in reasons[1]
        assert "positive whole number up to" in reasons[2]
        assert "nested too deeply" in reasons[3] or "not a JSON object" in reasons[3]
        assert all("\n" not in reason and len(reason) < 400 for reason in reasons)
        assert repository.history() == []


def test_random_operations_never_raise_out_of_replay(
    new_sample: Callable[[], str], backend: str
) -> None:
    @settings(
        max_examples=examples(backend, 80),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(verb=st.sampled_from(sorted(VERBS)), arguments=st.dictionaries(
        st.sampled_from(["project", "direction", "offset", "new_name", "note", "field", "value",
                         "indicator", "allow_duplicate", "extra"]),
        json_values, max_size=6,
    ))
    def run(verb: str, arguments: dict[str, Any]) -> None:
        with _repository(new_sample()) as repository:
            if arguments.get("project") == "first":
                arguments["project"] = _key(repository)
            line = json.dumps({"op": {"verb": verb, **arguments}}, ensure_ascii=False)
            report = replay(repository, [line])
            assert report.applied + len(report.failures) == 1
            assert repository.invariant_problems() == []

    run()
