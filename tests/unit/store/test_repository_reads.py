"""The repository's read verbs return plain values in list order, cheaply paged and filtered."""

from __future__ import annotations

from parser import Flag, NameCandidate
from store.repository import Repository
from store.views import ListFilter, ListQuery, Status
from tests.helpers.acting import flag, verify
from tests.unit.store.conftest import import_document, make_document


def test_import_parsed_stores_documents_projects_and_indicators(repo: Repository) -> None:
    document_id = import_document(repo, make_document(projects=4))
    [summary] = repo.documents()
    assert (summary.id, summary.file_name, summary.department) == (document_id, "doc.txt", "某局")
    assert (summary.project_count, summary.verified_count, summary.flagged_count) == (4, 0, 0)
    assert repo.document_text(document_id).startswith("部门名称：某局")


def test_list_projects_pages_in_source_order_and_filters(loaded: Repository) -> None:
    import_document(loaded, make_document("second.txt", projects=2))
    names = [row.name for row in loaded.list_projects(offset=0, limit=10)]
    assert names == ["项目0", "项目1", "项目2", "项目0", "项目1"]
    page = loaded.list_projects(offset=2, limit=2)
    assert [row.name for row in page] == ["项目2", "项目0"]
    assert loaded.count_projects() == 5
    assert loaded.count_projects(ListQuery(document_id=page[1].document_id)) == 2
    assert loaded.list_projects(limit=1)[0].has_parser_flags
    assert not loaded.list_projects(offset=1, limit=1)[0].has_parser_flags


def test_filters_follow_status(loaded: Repository) -> None:
    first, second, _third = loaded.list_projects()
    verify(loaded, first.id, 1)
    flag(loaded, second.id, "名称存疑", 1)
    verified = loaded.list_projects(ListQuery(status=ListFilter.VERIFIED))
    assert [p.name for p in verified] == ["项目0"]
    assert [p.name for p in loaded.list_projects(ListQuery(status=ListFilter.FLAGGED))] == ["项目1"]
    assert loaded.count_projects(ListQuery(status=ListFilter.NEEDS_REVIEW)) == 2
    assert loaded.project_ids(ListQuery(status=ListFilter.NEEDS_REVIEW)) == [second.id, _third.id]
    assert loaded.list_projects(ListQuery(status=ListFilter.VERIFIED))[0].status is Status.VERIFIED


def test_search_matches_substrings_literally(loaded: Repository) -> None:
    assert [p.name for p in loaded.list_projects(ListQuery(text="通过项目1"))] == ["项目1"]
    assert [p.name for p in loaded.list_projects(ListQuery(text="指标2-1"))] == ["项目2"]
    assert loaded.count_projects(ListQuery(text="%")) == 0


def test_project_detail_carries_fields_indicators_and_version(loaded: Repository) -> None:
    project_id = loaded.project_ids()[0]
    detail = loaded.project(project_id)
    assert detail.name == "项目0" and detail.unit == "某单位" and detail.document_file == "doc.txt"
    assert detail.flags == (Flag("name_uncertain", "名称不确定"),)
    assert detail.alternatives == (NameCandidate("项目X", 0.3),)
    assert detail.block == (20, 30) and detail.name_spans == ((20, 23),)
    assert [i.name for i in detail.indicators] == ["指标0-0", "指标0-1"]
    assert detail.indicators[0].span == (20, 21)
    assert detail.version == 1 and detail.status is Status.UNREVIEWED


def test_ui_state_is_per_reviewer_and_not_logged(loaded: Repository, database_url: str) -> None:
    assert loaded.get_ui_state("selected") is None
    loaded.set_ui_state("selected", "7")
    loaded.set_ui_state("selected", "8")
    assert loaded.get_ui_state("selected") == "8"
    with Repository.open(database_url, reviewer="bob") as other:
        assert other.get_ui_state("selected") is None
    assert loaded.history() == []


def test_unit_stats_count_each_status(loaded: Repository) -> None:
    first = loaded.project_ids()[0]
    verify(loaded, first, 1)
    [stats] = loaded.unit_stats()
    assert (stats.unit, stats.projects, stats.verified, stats.flagged, stats.unreviewed) == (
        "某单位", 3, 1, 0, 2,
    )


def test_known_names_are_added_once_and_from_verified_projects(loaded: Repository) -> None:
    assert loaded.add_known_names([("购置经费", ""), (" 购置经费 ", ""), ("", "x")]) == 1
    assert loaded.add_known_names([("购置经费", "")]) == 0
    verify(loaded, loaded.project_ids()[1], 1)
    assert loaded.known_names() == ["购置经费", "项目1"]
    assert loaded.known_names(unit="另一单位") == ["购置经费"]
    assert loaded.known_names(unit="某单位") == ["购置经费", "项目1"]


def test_ui_settings_are_stored_and_read_together_per_reviewer(sample_url: str) -> None:
    with Repository.open(sample_url, "alice") as alice, Repository.open(sample_url, "bob") as bob:
        alice.set_ui_states({"view": "{}", "project": "甲:1"})
        alice.set_ui_states({"project": "甲:2"})
        bob.set_ui_state("view", "bob's")
        assert alice.ui_states() == {"view": "{}", "project": "甲:2"}
        assert bob.ui_states() == {"view": "bob's"}
