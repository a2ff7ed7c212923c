"""Name assignment learns each document's displacement pattern instead of trusting reading order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parser import fit_score, parse
from tests.unit.parser.render import Cells, Style, render

TOPICS = [
    "无人机巡检",
    "园区绿化",
    "档案数字化",
    "食品抽检",
    "河道清淤",
    "路灯改造",
    "校园安保",
    "社区养老",
    "森林防火",
    "污水处理",
    "桥梁检测",
    "电梯维保",
]
# Names that share no word with their block: only position can place them.
GENERIC = {3: "其他运行经费", 8: "综合工作经费"}


def _block(index: int) -> tuple[str, str]:
    topic = TOPICS[index]
    if index in GENERIC:
        target = f"通过开展第{index}类日常保障，维持单位运转。"
        indicator = "保障事项完成率"
    else:
        target = f"通过开展{topic}工作，提升{topic}服务水平。"
        indicator = f"{topic}完成数量"
    indicators = (
        f"1、1-产出指标；11-数量指标；{indicator}；实施周期指标值:≥{index + 2}个；"
        f"年度指标值:≥{index + 2}个。2、3-满意度指标；31-服务对象满意度；服务对象满意度；"
        "实施周期指标值:≥90%；年度指标值:≥90%。"
    )
    return target, indicators


def truth(index: int) -> str:
    return GENERIC.get(index, f"{TOPICS[index]}项目")


def gap_of(pattern: str, index: int, count: int) -> int:
    """Where a layout engine prints block `index`'s name: gap g lies just before block g."""
    if pattern == "before":
        return index
    if pattern == "after":
        return index + 1
    if pattern == "shift2":
        return min(index + 2, count)
    # pair_swap: [X] nY [Y] nX — the first of each pair is named after its partner's block.
    return index + 2 if index % 2 == 0 and index + 1 < count else index


def document(pattern: str, count: int = len(TOPICS)) -> Cells:
    gaps = [gap_of(pattern, index, count) for index in range(count)]
    items: list[tuple[str, tuple[str, ...]]] = []
    for gap in range(count + 1):
        items.extend(("name", (truth(index),)) for index in range(count) if gaps[index] == gap)
        if gap < count:
            items.append(("block", _block(gap)))
    return Cells("广州市测试局", tuple(items))


@pytest.mark.parametrize("pattern", ["before", "after", "shift2", "pair_swap"])
def test_every_pattern_is_learned(pattern: str) -> None:
    parsed = parse(render(document(pattern), Style()))
    assert [project.name for project in parsed.projects] == [truth(i) for i in range(len(TOPICS))]
    assert parsed.unassigned_names == ()
    generic = [parsed.projects[index] for index in GENERIC]
    assert all("name_ambiguous" not in project.flag_codes for project in generic)


@pytest.mark.parametrize("pattern", ["after", "shift2", "pair_swap"])
def test_reading_order_alone_would_be_wrong(pattern: str) -> None:
    cells = document(pattern)
    printed_before: list[str] = []
    last_name = ""
    for kind, texts in cells.items:
        if kind == "name":
            last_name = texts[0]
        else:
            printed_before.append(last_name)
            last_name = ""
    assert printed_before != [truth(i) for i in range(len(TOPICS))]


def test_displaced_names_are_flagged_and_confident() -> None:
    parsed = parse(render(document("after"), Style()))
    assert all("name_displaced" in project.flag_codes for project in parsed.projects)
    assert min(project.confidence for project in parsed.projects) > 0.9


def test_two_generic_names_with_no_pattern_are_ambiguous() -> None:
    items = (
        ("name", ("其他运行经费",)),
        ("name", ("综合工作经费",)),
        ("block", _block(3)),
        ("block", _block(8)),
    )
    parsed = parse(render(Cells("广州市测试局", items), Style()))
    assert all("name_ambiguous" in project.flag_codes for project in parsed.projects)
    assert {a.name for p in parsed.projects for a in p.alternatives} == {
        "其他运行经费",
        "综合工作经费",
    }


def test_surplus_names_are_kept_and_missing_ones_flagged() -> None:
    items = (
        ("name", ("无人机巡检项目",)),
        ("block", _block(0)),
        ("name", ("园区绿化项目",)),
        ("name", ("多余的名称",)),
        ("block", _block(1)),
        ("block", _block(2)),
    )
    parsed = parse(render(Cells("广州市测试局", items), Style()))
    names = [project.name for project in parsed.projects]
    assert names[:2] == ["无人机巡检项目", "园区绿化项目"]
    assert parsed.projects[2].name in {"", "多余的名称"}
    if parsed.projects[2].name == "":
        assert "missing_name" in parsed.projects[2].flag_codes
        assert [name.text for name in parsed.unassigned_names] == ["多余的名称"]
        assert [flag.code for flag in parsed.flags] == ["unassigned_names"]


@pytest.mark.parametrize(
    ("name", "target", "indicators", "low", "high"),
    [
        ("购置经费", "通过更新购置车辆、办公设备。", ["车辆采购数量"], 0.4, 1.0),
        ("购置经费", "通过开展派驻纪检监察组工作。", ["纪检监察开展次数"], 0.0, 0.2),
        ("专项工作培训费", "强化无线电管理工作者的业务知识。", ["培训和演练"], 0.2, 0.8),
        ("", "任何文字", [], 0.0, 0.0),
    ],
)
def test_fit_score_ranks_shared_words(
    name: str, target: str, indicators: list[str], low: float, high: float
) -> None:
    assert low <= fit_score(name, target, indicators) <= high


def test_fit_score_prefers_the_right_block() -> None:
    right = fit_score(
        "业务用房物业管理费",
        "通过定期对固定站的维护管理,使得业务用房正常使用率为100%。",
        ["物业服务面积数"],
    )
    wrong = fit_score(
        "业务用房物业管理费", "通过增加会议室话筒等会议设备。", ["项目验收合格率（%）"]
    )
    assert right > wrong + 0.3


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["before", "after", "shift2", "pair_swap"]),
    st.integers(4, len(TOPICS)),
    st.integers(16, 30),
)
def test_any_pattern_any_unit_size_any_width(pattern: str, count: int, name_width: int) -> None:
    parsed = parse(render(document(pattern, count), Style(name_width=name_width)))
    wrong = [
        (index, project.name)
        for index, project in enumerate(parsed.projects)
        if project.name != truth(index) and "name_ambiguous" not in project.flag_codes
    ]
    assert wrong == []
    assert sum("name_ambiguous" in p.flag_codes for p in parsed.projects) <= 2
