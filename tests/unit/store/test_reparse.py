"""Reparse: a better parser reaches a reviewed database without losing a reviewer's work."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import suppress

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser import Document, parse
from store.batch.reparse import Parse, parse_text, reparse_documents
from store.batch.reparse_report import DocumentReparse
from store.errors import NotFoundError, StoreError
from store.operations import (
    FlagWithNote,
    IndicatorRef,
    MergeWithNext,
    Operation,
    Rename,
    SplitAtIndicator,
    Verify,
)
from store.repository import Repository
from store.views import ListFilter, ListQuery, ProjectDetail, Status
from tests.databases import examples, table_rows
from tests.helpers.acting import act
from tests.unit.store.corrections_session import export_all


@pytest.fixture
def repo(sample_url: str) -> Iterator[Repository]:
    """A fresh import of the sample, reviewed by alice."""
    with Repository.open(sample_url, "alice") as repository:
        yield repository


def _reparse(repo: Repository, parse: Parse = parse_text, dry_run: bool = False) -> DocumentReparse:
    document_id = repo.documents()[0].id
    [report] = reparse_documents(
        repo, [document_id], version="test-2", parse=parse, dry_run=dry_run
    )
    assert report.failure == "", report.failure
    return report


def _review(repo: Repository) -> list[int]:
    """Verify three projects, rename one, merge two and split one: a morning's review."""
    ids = repo.project_ids()
    for index in (0, 5, 9):
        act(repo, Verify(repo.project(ids[index]).key))
    act(repo, Rename(repo.project(ids[1]).key, "改过的名称"))
    act(repo, MergeWithNext(repo.project(ids[2]).key))
    fourth = repo.project(ids[6])
    act(repo, SplitAtIndicator(fourth.key, IndicatorRef.of(fourth.indicators[1]), "拆出"))
    return ids


def test_reparsing_with_the_same_parser_keeps_every_review(repo: Repository) -> None:
    _review(repo)
    reviewed = export_all(repo)
    report = _reparse(repo)
    assert (report.changed, report.removed, report.conflicts, report.reopened) == (0, 0, [], [])
    assert report.unchanged == repo.count_projects() and report.replayed == 6
    assert export_all(repo) == reviewed
    assert repo.invariant_problems() == []
    entry = repo.history()[0]
    assert entry.action == "reparse"
    assert entry.details["parser_version"]["to"] == "test-2"  # type: ignore[index]
    assert repo.documents()[0].id == repo.documents()[0].id


def _shortened_target(text: str, source: str) -> Document:
    """A 'new parser' that reads the tenth project's target one character shorter."""
    document = parse(text, source=source)
    projects = list(document.projects)
    project = projects[9]
    start, end = project.target_spans[-1]
    projects[9] = dataclasses.replace(
        project, target=project.target[:-1],
        target_spans=(*project.target_spans[:-1], (start, end - 1)),
    )
    noise = (*document.noise, (end - 1, end))
    return dataclasses.replace(document, projects=tuple(projects), noise=noise)


def test_a_verified_project_the_new_parser_reads_differently_is_reopened(
    repo: Repository,
) -> None:
    ids = _review(repo)
    tenth, first_key = repo.project(ids[9]), repo.project(ids[0]).key
    report = _reparse(repo, parse=_shortened_target)
    assert report.changed == 1 and report.reopened == [tenth.name]
    changed = repo.project(repo.project_id_of(tenth.key))
    assert changed.status is Status.UNREVIEWED and "reparse_changed" in changed.flag_codes
    assert changed.target == tenth.target[:-1]
    first = repo.project(repo.project_id_of(first_key))  # rows are new: keys last, ids need not
    assert first.status is Status.VERIFIED and first.verified_by == "alice"
    assert repo.count_projects(ListQuery(status=ListFilter.VERIFIED)) == 2
    assert repo.invariant_problems() == []
    before_undo = export_all(repo)
    repo.undo()
    assert repo.project(repo.project_id_of(tenth.key)).status is Status.VERIFIED
    assert repo.invariant_problems() == []
    repo.redo()
    assert export_all(repo) == before_undo


def test_a_dry_run_writes_nothing(repo: Repository, sample_url: str) -> None:
    _review(repo)
    repo.close()
    before = table_rows(sample_url)
    with Repository.open(sample_url, "alice") as again:
        report = _reparse(again, parse=_shortened_target, dry_run=True)
        assert report.changed == 1
    assert table_rows(sample_url) == before


def _moved_indicator(text: str, source: str) -> Document:
    """A 'new parser' that splits two blocks differently: the seventh project's last indicator
    goes to the eighth (both in the first unit)."""
    document = parse(text, source=source)
    projects = list(document.projects)
    giver, taker = projects[6], projects[7]
    moved = giver.indicators[-1]
    projects[6] = dataclasses.replace(giver, indicators=giver.indicators[:-1])
    projects[7] = dataclasses.replace(taker, indicators=(moved, *taker.indicators))
    return dataclasses.replace(document, projects=tuple(projects))


VERBS = ("verify", "verify", "rename", "merge", "split", "flag")


def test_reparse_never_changes_a_verified_project_silently(
    new_sample: Callable[[], str], backend: str
) -> None:
    @settings(
        max_examples=examples(backend, 12),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        session=st.lists(st.tuples(st.sampled_from(VERBS), st.integers(0, 33)), max_size=8),
        new_parser=st.sampled_from([_moved_indicator, _shortened_target]),
    )
    def run(session: list[tuple[str, int]], new_parser: Parse) -> None:
        with Repository.open(new_sample(), "alice") as repo:
            for verb, index in [("verify", 6), ("verify", 7), ("verify", 9), *session]:
                _act(repo, verb, index)
            before = {
                detail.key: detail for detail in map(repo.project, repo.project_ids())
            }
            _reparse(repo, parse=new_parser)
            assert repo.invariant_problems() == []
            for key, old in before.items():
                if old.status is not Status.VERIFIED:
                    continue
                try:
                    now = repo.project(repo.project_id_of(key))
                except NotFoundError:
                    continue  # reported as not in the new parse
                if _content(now) == _content(old):
                    assert (now.status, now.verified_by) == (Status.VERIFIED, old.verified_by)
                else:
                    assert now.status is not Status.VERIFIED
                    assert "reparse_changed" in now.flag_codes

    run()


def _content(detail: ProjectDetail) -> tuple[object, ...]:
    indicators = tuple((item.seq, item.name, item.period_value, item.annual_value)
                       for item in detail.indicators)
    return detail.unit, detail.name, detail.target, indicators


def _act(repo: Repository, verb: str, index: int) -> None:
    """Do one review action on the project at `index` (refusals leave things as they were)."""
    ids = repo.project_ids()
    detail = repo.project(ids[index % len(ids)])
    operations: dict[str, Callable[[], Operation]] = {
        "verify": lambda: Verify(detail.key),
        "rename": lambda: Rename(detail.key, f"名称{index}", allow_duplicate=True),
        "merge": lambda: MergeWithNext(detail.key),
        "split": lambda: SplitAtIndicator(detail.key, IndicatorRef.of(detail.indicators[-1]), ""),
        "flag": lambda: FlagWithNote(detail.key, "再看看"),
    }
    with suppress(StoreError):
        act(repo, operations[verb]())
