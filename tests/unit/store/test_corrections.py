"""Each correction verb on the sample: what it changes, what it refuses, its undo and redo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.errors import DuplicateNameError, NotFoundError, RefusedError, StaleEditError
from store.operations import (
    EditIndicatorField,
    EditProjectField,
    IndicatorRef,
    MergeWithNext,
    MoveIndicator,
    Rename,
    SplitAtIndicator,
    SplitTarget,
    SwapWithNeighbour,
    Verify,
)
from store.repository import Repository
from store.views import IndicatorView, ProjectDetail, Status
from tests.helpers.acting import act
from tests.unit.store.corrections_session import export_all

UNIT_ONE_LAST = 11  # index of the last project of the first unit in the sample


@pytest.fixture
def repo(sample_url: str) -> Iterator[Repository]:
    """A fresh import of the sample, reviewed by alice."""
    with Repository.open(sample_url, "alice") as repository:
        yield repository


def _at(repo: Repository, index: int) -> ProjectDetail:
    return repo.project(repo.project_ids()[index])


def _ref(indicator: IndicatorView) -> IndicatorRef:
    return IndicatorRef(span_start=indicator.span[0])


def _undo_redo_round_trip(repo: Repository, before: str, after: str) -> None:
    """Undo gives back the export before the verb, redo the export after it."""
    assert export_all(repo) == after
    repo.undo()
    assert export_all(repo) == before
    repo.redo()
    assert export_all(repo) == after
    assert repo.invariant_problems() == []


def test_rename_to_free_text_keeps_the_printed_spans_and_logs_a_replayable_op(
    repo: Repository,
) -> None:
    project = _at(repo, 0)
    before = export_all(repo)
    entry = act(repo, Rename(project.key, "  新名称  ")).entry
    renamed = repo.project(project.id)
    assert (renamed.name, renamed.name_spans, renamed.version) == ("新名称", project.name_spans, 2)
    assert entry.action == "rename" and entry.project_keys == (project.key,)
    assert entry.details["op"] == {"verb": "rename", "project": project.key, "new_name": "新名称"}
    _undo_redo_round_trip(repo, before, export_all(repo))


def test_rename_to_a_name_held_in_the_unit_swaps_both_in_one_entry(repo: Repository) -> None:
    first, third = _at(repo, 0), _at(repo, 2)
    before = export_all(repo)
    entry = act(repo, Rename(first.key, third.name)).entry
    assert repo.project(first.id).name == third.name
    assert repo.project(third.id).name == first.name
    assert repo.project(third.id).name_spans == first.name_spans
    assert set(entry.project_keys) == {first.key, third.key} and len(repo.history()) == 1
    _undo_redo_round_trip(repo, before, export_all(repo))


def test_rename_does_not_take_a_verified_projects_name(repo: Repository) -> None:
    first, third = _at(repo, 0), _at(repo, 2)
    act(repo, Verify(third.key))
    with pytest.raises(DuplicateNameError, match="held by the verified project"):
        act(repo, Rename(first.key, third.name))
    assert repo.project(first.id).name == first.name
    act(repo, Rename(first.key, third.name, allow_duplicate=True))
    assert repo.project(first.id).name == repo.project(third.id).name == third.name


@pytest.mark.parametrize(("name", "message"), [("", "cannot be empty"), ("a\nb", "one line")])
def test_rename_refuses_empty_and_multi_line_names(
    repo: Repository, name: str, message: str
) -> None:
    project = _at(repo, 0)
    with pytest.raises(RefusedError, match=message):
        act(repo, Rename(project.key, name))
    with pytest.raises(RefusedError, match="already named"):
        act(repo, Rename(project.key, project.name))
    assert repo.history() == []


def test_swap_with_neighbour_both_ways_and_refused_at_the_units_ends(repo: Repository) -> None:
    second, third = _at(repo, 1), _at(repo, 2)
    before = export_all(repo)
    act(repo, SwapWithNeighbour(third.key, -1))
    assert (repo.project(second.id).name, repo.project(third.id).name) == (third.name, second.name)
    _undo_redo_round_trip(repo, before, export_all(repo))
    with pytest.raises(RefusedError, match="first project"):
        act(repo, SwapWithNeighbour(_at(repo, 0).key, -1))
    last = _at(repo, UNIT_ONE_LAST)
    with pytest.raises(RefusedError, match="last project"):
        act(repo, SwapWithNeighbour(last.key, 1))
    with pytest.raises(RefusedError, match="direction"):
        SwapWithNeighbour(last.key, 2)


def test_merge_joins_targets_appends_indicators_and_undo_brings_the_next_back(
    repo: Repository,
) -> None:
    first, second = _at(repo, 0), _at(repo, 1)
    before = export_all(repo)
    entry = act(repo, MergeWithNext(first.key)).entry
    merged = repo.project(first.id)
    assert merged.target == first.target + second.target
    assert [i.name for i in merged.indicators] == [
        i.name for i in first.indicators + second.indicators
    ]
    assert [i.position for i in merged.indicators] == list(range(len(merged.indicators)))
    assert second.key in entry.project_keys and repo.count_projects() == 33
    with pytest.raises(NotFoundError):
        repo.project(second.id)
    assert second.name in entry.summary
    _undo_redo_round_trip(repo, before, export_all(repo))
    repo.undo()
    assert repo.project(second.id).key == second.key


def test_merge_is_refused_across_units(repo: Repository) -> None:
    last = _at(repo, UNIT_ONE_LAST)
    with pytest.raises(RefusedError, match="last project"):
        act(repo, MergeWithNext(last.key))


def test_split_at_indicator_makes_a_keyed_project_after_and_undo_removes_it(
    repo: Repository,
) -> None:
    project = _at(repo, 0)
    cut = project.indicators[2]
    before = export_all(repo)
    [new_id] = act(repo, SplitAtIndicator(project.key, _ref(cut), "拆出的项目")).created_ids
    created = repo.project(new_id)
    assert cut.span is not None and created.key == f"{project.key.split(':')[0]}:{cut.span[0]}"
    assert repo.project_ids()[1] == new_id and created.name == "拆出的项目"
    assert [i.id for i in created.indicators] == [i.id for i in project.indicators[2:]]
    assert [i.id for i in repo.project(project.id).indicators] == [
        i.id for i in project.indicators[:2]
    ]
    assert created.unit == project.unit and created.target == ""
    _undo_redo_round_trip(repo, before, export_all(repo))
    assert repo.project(new_id).key == created.key  # redo brings back the same project


def test_split_then_merge_gives_back_the_printed_name(repo: Repository) -> None:
    first, second = _at(repo, 0), _at(repo, 1)
    act(repo, MergeWithNext(first.key))
    [new_id] = act(repo, SplitTarget(first.key, len(first.target), second.name)).created_ids
    split_off = repo.project(new_id)
    assert (split_off.key, split_off.name, split_off.target) == (
        second.key, second.name, second.target
    )
    assert split_off.name_spans == second.name_spans
    assert repo.invariant_problems() == []


def test_split_target_keeps_indicators_and_splits_the_spans(repo: Repository) -> None:
    project = _at(repo, 3)
    before = export_all(repo)
    [new_id] = act(repo, SplitTarget(project.key, 10, "")).created_ids
    kept, created = repo.project(project.id), repo.project(new_id)
    assert kept.target + created.target == project.target and len(kept.target) == 10
    assert kept.indicators == project.indicators and created.indicators == ()
    assert {"missing_name", "missing_indicators"} <= set(created.flag_codes)
    text = repo.document_text(project.document_id)
    assert "".join(text[a:b] for a, b in created.target_spans) == created.target
    _undo_redo_round_trip(repo, before, export_all(repo))


@pytest.mark.parametrize("offset", [0, -1, 10_000])
def test_split_target_refuses_offsets_outside_the_text(repo: Repository, offset: int) -> None:
    project = _at(repo, 3)
    with pytest.raises(RefusedError, match="inside it"):
        act(repo, SplitTarget(project.key, offset, "x"))


def test_split_at_first_indicator_of_a_project_without_target_is_refused(
    repo: Repository,
) -> None:
    project = _at(repo, 0)
    split = act(repo, SplitAtIndicator(project.key, _ref(project.indicators[3]), ""))
    created = repo.project(split.created_ids[0])
    with pytest.raises(RefusedError, match="neither target nor indicators"):
        act(repo, SplitAtIndicator(created.key, _ref(created.indicators[0]), ""))


def test_move_indicator_goes_where_its_source_order_puts_it(repo: Repository) -> None:
    first, second = _at(repo, 0), _at(repo, 1)
    before = export_all(repo)
    moved = first.indicators[-1]
    act(repo, MoveIndicator(first.key, _ref(moved), 1))
    assert repo.project(second.id).indicators[0].id == moved.id
    assert len(repo.project(first.id).indicators) == len(first.indicators) - 1
    _undo_redo_round_trip(repo, before, export_all(repo))
    repo.undo()
    middle = first.indicators[1]
    act(repo, MoveIndicator(first.key, _ref(middle), 1))
    back = repo.project(second.id)
    assert back.indicators[0].id == middle.id  # before the next project's own, as printed
    act(repo, MoveIndicator(second.key, _ref(middle), -1))
    assert [i.id for i in repo.project(first.id).indicators] == [i.id for i in first.indicators]


def test_moving_the_last_indicator_of_a_project_without_target_is_refused(
    repo: Repository,
) -> None:
    project = _at(repo, 0)
    split = act(repo, SplitAtIndicator(project.key, _ref(project.indicators[-1]), ""))
    created = repo.project(split.created_ids[0])
    with pytest.raises(RefusedError, match="merge the two projects"):
        act(repo, MoveIndicator(created.key, _ref(created.indicators[0]), -1))


def test_an_indicator_of_another_project_is_not_found(repo: Repository) -> None:
    first, second = _at(repo, 0), _at(repo, 1)
    with pytest.raises(NotFoundError, match="has no indicator at"):
        act(repo, MoveIndicator(first.key, _ref(second.indicators[0]), 1))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [("name", " 改名 ", "改名"), ("unit", "某中心", "某中心"), ("target", "新目标", "新目标"),
     ("note", "多行\n备注", "多行\n备注")],
)
def test_edit_project_field(repo: Repository, field: str, value: str, expected: str) -> None:
    project = _at(repo, 0)
    before = export_all(repo)
    entry = act(repo, EditProjectField(project.key, field, value)).entry
    assert getattr(repo.project(project.id), field) == expected
    assert entry.details["op"] == {
        "verb": "edit_project_field", "project": project.key, "field": field, "value": expected
    }
    repo.undo()
    assert export_all(repo) == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("status", "x", "not an editable"), ("name", "", "cannot be empty"),
     ("unit", " ", "cannot be empty"), ("target", "a\nb", "one line")],
)
def test_edit_project_field_refusals(
    repo: Repository, field: str, value: str, message: str
) -> None:
    project = _at(repo, 0)
    with pytest.raises(RefusedError, match=message):
        act(repo, EditProjectField(project.key, field, value))


def test_edit_indicator_fields_are_checked_and_values_reparsed(repo: Repository) -> None:
    project = _at(repo, 0)
    indicator = project.indicators[0]

    def edit(field: str, value: str | int) -> None:
        act(repo, EditIndicatorField(project.key, _ref(indicator), field, value))

    def current() -> IndicatorView:
        return repo.project(project.id).indicators[0]

    edit("seq", "7")
    edit("period_value", "≥5个")
    edit("level2_code", "21")
    after = repo.project(project.id).indicators[0]
    assert (after.seq, after.period_value, after.level1_code, after.level2_code) == (
        7, "≥5个", "2", "21"
    )
    record = next(line for line in export_all(repo).splitlines() if project.key in line)
    assert '"period_parsed": {"op": "≥", "number": 5, "unit": "个"}' in record
    for field, value, message in [
        ("seq", "0", "positive whole number"), ("seq", "x", "positive whole number"),
        ("level1_code", "3", "does not start with 3"), ("level2_code", "2", "longer than"),
        ("level1_code", "一", "digits"), ("bogus", "1", "not an indicator field"),
        ("seq", "1" * 20, "positive whole number up to"),
    ]:
        with pytest.raises(RefusedError, match=message):
            edit(field, value)
    assert current() == after


def test_consecutive_edits_of_one_project_undo_one_by_one(repo: Repository) -> None:
    project = _at(repo, 0)
    before = export_all(repo)
    for value in ("一", "二", "三"):
        act(repo, EditProjectField(project.key, "note", value))
    act(repo, Verify(project.key))
    for note in ("三", "二", "一", ""):
        repo.undo()
        assert repo.project(project.id).note == note
    assert export_all(repo) == before and all(entry.undone for entry in repo.history())


def test_a_stale_version_is_refused_for_a_correction(repo: Repository) -> None:
    project = _at(repo, 0)
    act(repo, EditProjectField(project.key, "note", "x"))
    with pytest.raises(StaleEditError, match="alice"):
        repo.perform(MergeWithNext(project.key), project.versions)
    assert repo.count_projects() == 34


def test_name_candidates_rank_by_fit_then_by_query_and_name_the_holder(
    repo: Repository,
) -> None:
    purchase = next(
        detail for detail in map(repo.project, repo.project_ids()) if "购置车辆" in detail.target
    )
    by_fit = repo.name_pool(purchase.id).choices("", 5)
    assert by_fit[0].name == "购置经费" and by_fit[0].score > by_fit[1].score
    assert [c.score for c in by_fit] == sorted((c.score for c in by_fit), reverse=True)
    own = next(c for c in by_fit if c.name == purchase.name)
    assert own.holder_project_id == purchase.id and own.holder_summary == "this project"
    typed = repo.name_pool(purchase.id).choices("培训", 3)
    assert typed and all("培训" in choice.name for choice in typed[:1])
    holder = repo.project(typed[0].holder_project_id or 0)
    assert holder.name == typed[0].name and holder.unit == purchase.unit
    assert typed[0].source == "unit" and 0 < typed[0].score <= 1


def test_name_candidates_include_known_names(repo: Repository) -> None:
    repo.add_known_names([("外部登记的名称", "")])
    project = _at(repo, 0)
    found = repo.name_pool(project.id).choices("外部登记", 3)
    assert found[0].name == "外部登记的名称" and found[0].source == "known"
    assert found[0].holder_project_id is None
    assert Status(project.status) is Status.UNREVIEWED


def test_repeated_splits_at_one_place_keep_source_order_and_undo(repo: Repository) -> None:
    """Eleven splits in a row use up the room between two positions, then make more."""
    project, following = _at(repo, 0), _at(repo, 1)
    before = export_all(repo)
    created = [project.id]
    for count in range(11):
        current = repo.project(created[-1])
        created += act(repo, SplitTarget(current.key, 1, f"第{count}段")).created_ids
    assert repo.project_ids()[:13] == [*created, following.id]
    assert "".join(repo.project(i).target for i in created) == project.target
    assert repo.invariant_problems() == []
    assert len(repo.history()[0].project_keys) == 2  # moving later projects on is not a change
    for _ in created[1:]:
        repo.undo()
    assert export_all(repo) == before


def test_flags_follow_the_data_after_a_split_a_merge_and_a_rename(repo: Repository) -> None:
    project = _at(repo, 0)
    split = act(repo, SplitAtIndicator(project.key, _ref(project.indicators[2]), "拆出的项目"))
    created = repo.project(split.created_ids[0])
    assert "missing_target" in created.flag_codes and created.confidence <= 0.8
    act(repo, MergeWithNext(project.key))  # merged back: the numbering runs on, as printed
    merged = repo.project(project.id)
    assert [item.seq for item in merged.indicators] == [item.seq for item in project.indicators]
    assert "indicator_sequence_gap" not in merged.flag_codes
    first, second = _at(repo, 1), _at(repo, 2)
    act(repo, MergeWithNext(first.key))
    restarted = repo.project(first.id)
    seqs = [item.seq for item in restarted.indicators]
    assert seqs == [item.seq for item in first.indicators + second.indicators]
    gap = next(flag for flag in restarted.flags if flag.code == "indicator_sequence_gap")
    assert "starts again at 1" in gap.message


def test_a_project_renamed_to_its_alternative_no_longer_names_itself(repo: Repository) -> None:
    ambiguous = next(
        detail for detail in map(repo.project, repo.project_ids())
        if "name_ambiguous" in detail.flag_codes
    )
    alternative = ambiguous.alternatives[0].name
    act(repo, Rename(ambiguous.key, alternative))
    renamed = repo.project(ambiguous.id)
    assert renamed.name == alternative
    assert alternative not in [item.name for item in renamed.alternatives]
    assert all(alternative not in flag.message for flag in renamed.flags)
    assert "name_displaced" not in renamed.flag_codes and renamed.confidence > 0.9
