"""The `/` search ranks names before targets, tolerates typos and keeps list order on ties."""

from __future__ import annotations

from tui.project_search import ProjectSearch

TEXTS = [
    (1, "甲单位", "购置经费", "购置公务车辆两台。"),
    (2, "甲单位", "其他运行经费", "保障单位日常运行，完成购置办公设备。"),
    (3, "乙单位", "购置经费", "购置监测设备。"),
    (4, "乙单位", "支持发展第8.5代OLED显示器件生产项目", "带动超高清视频产业发展。"),
]


def test_an_exact_name_ranks_first_and_ties_keep_list_order() -> None:
    hits = ProjectSearch(TEXTS).rank("购置经费")
    assert [hit.project_id for hit in hits[:2]] == [1, 3]
    assert hits[0].matched_in == "name" and hits[0].score == 100


def test_a_target_fragment_finds_its_project() -> None:
    hits = ProjectSearch(TEXTS).rank("超高清视频")
    assert hits[0].project_id == 4 and hits[0].matched_in == "target"


def test_a_typo_still_finds_the_name() -> None:
    hits = ProjectSearch(TEXTS).rank("支持发展第8.5代OLEB显示器件")
    assert hits[0].project_id == 4


def test_an_empty_query_or_nonsense_finds_nothing() -> None:
    search = ProjectSearch(TEXTS)
    assert search.rank("  ") == []
    assert search.rank("zzzzqqqq") == []
