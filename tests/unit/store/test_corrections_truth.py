"""From a fresh import of the sample, the correction verbs alone reach the reviewed dataset,
even after the kinds of mistakes a parser makes (merged, split, mis-named projects)."""

from __future__ import annotations

import json

from store.repository import Repository
from tests.unit.store.corrections_session import (
    TRUTH,
    blocks,
    export_all,
    fix_names,
    fix_structure,
    scramble,
)


def test_the_verbs_reach_the_reviewed_dataset_from_a_scrambled_import(sample_url: str) -> None:
    with Repository.open(sample_url, "alice") as repo:
        expected = blocks(repo)
        scramble(repo)
        assert blocks(repo) != expected
        fix_structure(repo, expected)
        fix_names(repo)
        assert repo.invariant_problems() == []
        records = [json.loads(line) for line in export_all(repo).splitlines()]
    assert len(records) == len(TRUTH) == 34
    for record, (unit, hints, name) in zip(records, TRUTH, strict=True):
        assert (record["unit"], record["name"], record["status"]) == (unit, name, "verified")
        text = record["target"] + "".join(item["name"] for item in record["indicators"])
        assert all(hint in text for hint in hints), (name, text)
    assert sum(len(record["indicators"]) for record in records) == 168
