"""Unit lines as wide as (or wider than) the target column, one hand-made layout at a time.

Each document wraps its target column at 30 cells (15 Chinese characters), so a full target
line is as wide as `广州市工业和信息化产业发展中心`; structure, not width, tells them apart.
"""

from __future__ import annotations

from parser import parse
from parser.model import Document

DEPARTMENT = "广州市工业和信息化局"
CENTRE = "广州市工业和信息化产业发展中心"  # 30 cells, as wide as a full target line
FIRST = ["通过开展工业和信息化巡检工作，", "提升企业服务水平。",
         "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:≥12次；年度指标值:≥12次。"]
SECOND = ["通过开展产业发展咨询服务工作，", "推动产业集群高质量发展。",
          "1、1-产出指标；11-数量指标；咨询次数；实施周期指标值:≥5次；年度指标值:≥5次。"]


def doc(*lines: str) -> Document:
    """Parse visual lines printed as the extraction prints them (a blank line after each)."""
    opening = [f"部门名称：{DEPARTMENT}", DEPARTMENT, "项目支出绩效目标表（含转移支付项目）"]
    return parse("\n\n".join([*opening, *lines]) + "\n")


def rows(document: Document) -> list[tuple[str, str, str]]:
    return [(project.unit, project.name, project.target) for project in document.projects]


def test_a_unit_as_wide_as_the_target_column_before_a_name_is_a_unit() -> None:
    document = doc("    巡检项目", *FIRST, CENTRE, "    产业发展项目", *SECOND)
    assert [unit.name for unit in document.units] == [DEPARTMENT, CENTRE]
    assert rows(document) == [
        (DEPARTMENT, "巡检项目", "".join(FIRST[:2])),
        (CENTRE, "产业发展项目", "".join(SECOND[:2])),
    ]


def test_a_unit_as_wide_as_the_target_column_before_a_target_is_a_unit() -> None:
    """Names printed after their blocks: the unit line is followed by a target, not a name."""
    document = doc(*FIRST, "    巡检项目", CENTRE, *SECOND, "    产业发展项目")
    assert rows(document) == [
        (DEPARTMENT, "巡检项目", "".join(FIRST[:2])),
        (CENTRE, "产业发展项目", "".join(SECOND[:2])),
    ]


def test_a_unit_wider_than_the_target_column_is_a_unit() -> None:
    wider = "广州市工业和信息化产业发展促进中心"  # 34 cells
    document = doc("    巡检项目", *FIRST, wider, *SECOND, "    产业发展项目")
    assert [project.unit for project in document.projects] == [DEPARTMENT, wider]
    assert document.projects[1].target == "".join(SECOND[:2])


def test_the_departments_own_unit_line_as_wide_as_the_target_column_is_no_target() -> None:
    """The first unit (the department itself) printed in a 20-cell target column."""
    narrow = ["通过开展工业和信息化", "巡检工作，提升企业服", "务水平。", FIRST[2]]
    document = doc("    巡检项目", *narrow)
    assert rows(document) == [(DEPARTMENT, "巡检项目", "".join(narrow[:3]))]
    assert [unit.name for unit in document.units] == [DEPARTMENT]


def test_a_full_target_line_that_reads_like_a_unit_stays_in_its_target() -> None:
    """Unpunctuated and ending in 台, but neither followed by a name nor named like the
    department: the first line of a target."""
    target = ["通过委托开展信息化运维相关平台", "建设，保障系统正常运行。", SECOND[2]]
    document = doc("    巡检项目", *FIRST, "    运维项目", *target)
    assert [unit.name for unit in document.units] == [DEPARTMENT]
    assert rows(document)[1] == (DEPARTMENT, "运维项目", "".join(target[:2]))


def test_a_name_piece_that_reads_like_a_unit_stays_in_a_name_of_a_narrow_column() -> None:
    """A name wrapped at 10 cells, one piece of which (`广州市展会`) ends like a unit."""
    name = ["    广州2024年", "广州市展会", "展览项目"]
    document = doc(*name, *FIRST)
    assert rows(document) == [(DEPARTMENT, "广州2024年广州市展会展览项目", "".join(FIRST[:2]))]
