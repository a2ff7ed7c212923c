"""The store invariants: the text claimed once, indicators conserved and in order; refusals,
whole-document checks, and the upgrade of a database that kept no noise spans."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from store.errors import InvariantError, NothingToUndoError
from store.invariants import coverage_steps, outside, text_problems
from store.operations import Operation, Summary
from store.operations.context import EditContext
from store.repository import Repository
from tests.databases import execute_raw
from tests.helpers.acting import set_note, split_target
from tests.unit.store.corrections_session import export_all, sqlite_sample


@pytest.fixture
def sample(sample_url: str) -> Iterator[Repository]:
    """A fresh import of the sample."""
    with Repository.open(sample_url, "alice") as repository:
        yield repository


def test_text_problems_name_unclaimed_and_twice_claimed_text() -> None:
    text = "名称\n\n目标甲乙\n页眉"
    assert text_problems(text, [(9, 11)], [(0, 2), (4, 8)]) == []
    assert text_problems(text, [], [(0, 2), (4, 8)]) == [
        "characters 8–11 (“页眉”) is claimed by nothing"
    ]
    assert text_problems(text, [(9, 11)], [(0, 2), (4, 8), (6, 8)]) == [
        "characters 6–8 (“甲乙”) is claimed 2 times"
    ]


def test_a_page_header_inside_an_indicator_is_noise_not_a_second_claim() -> None:
    text = "1、指标前半页眉指标后半。"
    header = [(6, 8)]
    assert text_problems(text, header, [], envelopes=[(0, 13)]) == []
    assert text_problems(text, header, [(6, 8)], envelopes=[(0, 13)]) == [
        "characters 6–8 (“页眉”) is claimed 2 times"  # a field's own piece still counts whole
    ]
    assert outside([(0, 13)], [(6, 8)]) == [(0, 6), (8, 13)]


def test_coverage_steps_ignore_how_a_stretch_is_cut() -> None:
    assert coverage_steps([(0, 5), (5, 9)]) == coverage_steps([(0, 3), (3, 9)]) == {0: 1, 9: -1}
    assert coverage_steps([(0, 5), (0, 5)]) != coverage_steps([(0, 5)])


def test_a_fresh_import_of_the_sample_satisfies_every_invariant(sample: Repository) -> None:
    assert sample.invariant_problems() == []


def _first_key(repo: Repository) -> tuple[str, int]:
    detail = repo.project(repo.project_ids()[0])
    return detail.key, detail.version


@dataclass(frozen=True)
class _Broken(Operation):
    """A verb with a bug: it drops text, loses an indicator or reorders indicators."""

    verb: ClassVar[str] = "test_broken"
    project: str
    breakage: str

    def run(self, edit: EditContext) -> Summary:
        row = edit.change(self.project)
        indicators = edit.indicators(row)
        if self.breakage == "drop_name_span":
            row.name_spans = []
        elif self.breakage == "drop_indicator":
            edit.session.delete(indicators[-1])
        else:
            indicators[0].position, indicators[1].position = 1, 0
        return Summary("a broken verb", {})


@pytest.mark.parametrize("breakage", ["drop_name_span", "drop_indicator", "reorder"])
def test_an_edit_that_breaks_an_invariant_is_refused_and_nothing_changes(
    sample: Repository, breakage: str
) -> None:
    key, version = _first_key(sample)
    before = export_all(sample)
    with pytest.raises(InvariantError, match="nothing was applied"):
        sample.perform(_Broken(key, breakage), {key: version})
    assert export_all(sample) == before and sample.history() == []


def test_whole_document_check_reports_text_claimed_by_nothing(
    sample: Repository, sample_url: str
) -> None:
    execute_raw(sample_url, "UPDATE projects SET name_spans = '[]' WHERE id = 1")
    problems = sample.invariant_problems()
    assert len(problems) == 1 and "is claimed by nothing" in problems[0]
    assert problems[0].startswith("000_a843d2df25de4824.txt: characters")


def test_an_older_database_gets_noise_spans_and_sparse_positions(tmp_path: Path) -> None:
    """SQLite only: a SQLite file upgrades itself in place from version 1."""
    path = sqlite_sample(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("ALTER TABLE documents DROP COLUMN noise_spans")
        connection.execute("ALTER TABLE projects DROP COLUMN absorbed_names")
        connection.execute("UPDATE projects SET position = position / 1024")
        connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Repository.open(path, "alice") as upgraded:
        assert upgraded.invariant_problems() == []
        first = upgraded.project(upgraded.project_ids()[0])
        [new_id] = split_target(upgraded, first.id, 5, "新", first.version).created_ids
        assert upgraded.project_ids()[1] == new_id


def test_an_entry_logged_before_the_upgrade_still_undoes(tmp_path: Path) -> None:
    """SQLite only: an edit logged by a version-1 SQLite file still undoes after its upgrade."""
    path = sqlite_sample(tmp_path)
    with Repository.open(path, "alice") as repo:
        key, version = _first_key(repo)
        set_note(repo, repo.project_ids()[0], "旧备注", version)
    with sqlite3.connect(path) as connection:  # as a version-1 database logged it
        connection.execute(
            "UPDATE edit_log SET before = json_remove(before, '$.\"" + key + "\".absorbed_names'),"
            " after = json_remove(after, '$.\"" + key + "\".absorbed_names')"
        )
    with Repository.open(path, "alice") as repo:
        repo.undo()
        assert repo.project(repo.project_ids()[0]).note == ""
        assert repo.invariant_problems() == []
        with pytest.raises(NothingToUndoError):
            repo.undo()
