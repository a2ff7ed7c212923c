"""Every verb is declared once and what the log records can be replayed: JSON round trips."""

from __future__ import annotations

import dataclasses
from typing import Any, get_args, get_type_hints

import pytest

from store.errors import RefusedError
from store.operations import VERBS, IndicatorRef, Operation, operation_from_json

EXAMPLES: dict[Any, Any] = {
    str: "一个名称", int: 1, bool: True, IndicatorRef: IndicatorRef(5),
    tuple[str, ...]: ("k:1", "k:2"),
}
FIELD_EXAMPLES = {"field": "note", "direction": -1, "offset": 3}
"""Arguments whose values are checked against a list of their own."""


def example(cls: type[Operation]) -> Operation:
    """Build an instance of an operation class with plausible arguments for every field."""
    hints = get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        hint = hints[field.name]
        kind = hint if hint in EXAMPLES or not get_args(hint) else get_args(hint)[0]
        values[field.name] = FIELD_EXAMPLES.get(field.name, EXAMPLES[kind])
    if cls.verb == "edit_indicator_field":
        values["field"] = "name"
    return cls(**values)


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_every_registered_operation_round_trips_through_json(verb: str) -> None:
    operation = example(VERBS[verb])
    written = operation.to_json()
    assert written["verb"] == verb
    assert operation_from_json(written) == operation


def test_the_log_names_every_verb_the_app_uses() -> None:
    assert set(VERBS) == {
        "verify", "flag", "unreview", "note", "rename", "swap_with_neighbour", "merge_with_next",
        "split_at_indicator", "split_target", "move_indicator", "edit_project_field",
        "edit_indicator_field", "bulk_verify",
    }


def test_a_verb_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        from store.operations.base import registered

        registered(VERBS["verify"])


def test_missing_and_mistyped_arguments_are_refused_by_name() -> None:
    with pytest.raises(RefusedError, match="lacks “new_name”"):
        operation_from_json({"verb": "rename", "project": "k:1"})
    with pytest.raises(RefusedError, match="allow_duplicate must be true or false"):
        operation_from_json({"verb": "rename", "project": "k", "new_name": "x",
                             "allow_duplicate": "yes"})
