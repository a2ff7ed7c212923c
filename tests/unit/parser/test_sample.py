"""The bundled sample: counts, every name per the reviewed reading, and irregular fields exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from parser import Document, decode, parse

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "000_a843d2df25de4824.txt"

# The reviewed truth: for each unit, the name of each block in printing order. Blocks 12 and 13
# of the last unit cannot be told apart from the text, so either order is accepted (flagged).
EXPECTED = {
    "广州市工业和信息化局": [
        "支持发展第8.5代OLED显示器件生产项目",
        "支持发展第8.6代TFT-LCD氧化物半导体显示器件生产项目",
        "支持发展第10.5代TFT-LCD显示器件生产项目",
        "综合工作经费",
        "工业工作经费",
        "派驻纪检监察组工作经费",
        "购置经费",
        "其他工业和信息化事业发展经费",
        "因公出国（境）工作经费",
        "其他运行经费",
        "工业和信息化培训经费",
        "信息化工作经费",
    ],
    "广州市工业和信息化产业发展中心": [
        "“四化”平台赋能新型工业化建设专题",
        "因公出国（境）经费（广州市工业和信息化产业发展中心）",
        "中小企业发展专题",
        "资金项目流程管理及工业和信息化项目资金评审工作经费",
        "工信产业数据管理工作经费",
        "其他工业和信息化产业发展经费",
        "广州市高级经济师（含正高级、高级）职称评审工作经费",
        "经济运行分析工作经费",
    ],
    "广州市无线电监测站": [
        "质保中心清算工作经费",
        "自动驾驶混行试点示范运营服务",
        "高质量发展研究经费",
        "广州市工信局2024-2025年信息化运维项目",
        "广州市工信经济运行监测和分析系统建设项目",
        "广州市工信局2023-2024年信息化运维项目",
        "广州市工业和信息化局2023年广州市智能网联汽车(自动驾驶)应用示范运营监控平台建设项目",
        "购置经费",
        "业务用房物业管理费",
        "预备役年度维持性工作经费",
        "专项工作培训费",
        "广州市无线电监测站2024-2025年度信息化运维服务项目",
        "市工信局无线电监测站2023-2024年信息化运行维护项目",
        "购置经费",
    ],
}
UNDECIDABLE = {("广州市无线电监测站", 11), ("广州市无线电监测站", 12)}


@pytest.fixture(scope="module")
def document() -> Document:
    return parse(decode(SAMPLE.read_bytes()).text, source=SAMPLE.name)


def test_counts(document: Document) -> None:
    assert document.department == "广州市工业和信息化局"
    assert [unit.name for unit in document.units] == list(EXPECTED)
    assert len(document.projects) == 34
    assert sum(len(project.indicators) for project in document.projects) == 168
    assert document.unassigned_names == ()
    assert document.unclaimed == ()
    assert document.flags == ()


def test_every_name(document: Document) -> None:
    got: dict[str, list[str]] = {}
    for project in document.projects:
        got.setdefault(project.unit, []).append(project.name)
    for unit, expected in EXPECTED.items():
        for index, name in enumerate(expected):
            if (unit, index) in UNDECIDABLE:
                assert got[unit][index] in {expected[11], expected[12]}
            else:
                assert got[unit][index] == name, (unit, index)


def test_only_the_undecidable_pair_is_flagged_ambiguous(document: Document) -> None:
    flagged = {
        (project.unit, position)
        for project in document.projects
        for position in [
            sum(1 for p in document.projects[: project.order] if p.unit == project.unit)
        ]
        if "name_ambiguous" in project.flag_codes
    }
    assert flagged == UNDECIDABLE
    twelve, thirteen = (p for p in document.projects if p.order in (31, 32))
    assert twelve.alternatives[0].name == thirteen.name
    assert thirteen.alternatives[0].name == twelve.name
    assert max(twelve.confidence, thirteen.confidence) < 0.9
    others = [p.confidence for p in document.projects if p.order not in (31, 32)]
    assert min(others) > 0.95


def test_displaced_names_are_flagged(document: Document) -> None:
    displaced = [p.order for p in document.projects if "name_displaced" in p.flag_codes]
    assert 0 in displaced and 1 not in displaced  # 8.5代's name is printed after 8.6代's block
    # Six in the first unit, four in the second, seven in the third (both of the flagged pair).
    assert len(displaced) == 17


def test_irregular_targets_exactly(document: Document) -> None:
    targets = [project.target for project in document.projects]
    assert (
        "通过开展安全等保测评备案工作，保证网站安全运行;.通过配合做好人才招聘外出考察交流等工作，做好支撑服务。"
        in targets
    )
    assert (
        "通过开展本项目，组织汽车、电子信息、时尚服饰等企业赴国（境）外参加展会展览，对接国外市场“抢订单”，"
        "达到推动跨地区、跨领域、跨链条产业合作交流的绩效目标。" in targets
    )
    assert (
        "按照相关业务规则，对产业数据进行清洗、加工、分析及应用，构建产业数据服务体系。按局重点工作有关要求，"
        "开展重点产业相关数据研究，为工信产业工作提供数据支撑。" in targets
    )
    assert (
        "通过开展中小（民营）企业中高级人员经营管理培训、干部能力素质提升等各项培训工作，进一步提升民营企业管理"
        "人员经营管理能力，提高部门业务工作水平。" in targets
    )
    assert any(
        target.startswith("预备役总体绩效目标：通过开展预备役日常训练") for target in targets
    )


def _indicator(document: Document, target_start: str, seq: int) -> tuple[str, ...]:
    project = next(p for p in document.projects if p.target.startswith(target_start))
    item = project.indicators[seq - 1]
    return (
        item.level1_code,
        item.level1,
        item.level2_code,
        item.level2,
        item.name,
        item.period_value,
        item.annual_value,
    )


@pytest.mark.parametrize(
    ("target_start", "seq", "expected"),
    [
        (
            "通过开展项目评审",
            1,
            ("1", "产出指标", "11", "数量指标", "完成评审任务数", "85", "＞90%"),
        ),
        (
            "通过开展项目评审",
            2,
            ("2", "效益指标", "22", "社会效益", "提升监管部门满意度", "＞90%", "＞90%"),
        ),
        (
            "通过开展该项目，达到带动",
            4,
            (
                "2",
                "效益指标",
                "21",
                "经济效益",
                "带动培育省级及以上专精特新企业。",
                "1,500家以上",
                "1,500家以上",
            ),
        ),
        (
            "通过开展政策业务",
            4,
            ("1", "产出指标", "11", "数量指标", "举办重点产业链供需对接活动", "2场", "2场"),
        ),
        (
            "通过开展政策业务",
            7,
            (
                "1",
                "产出指标",
                "11",
                "数量指标",
                "无线电管理宣传累计播放公益广告时长",
                "60分钟",
                "60分钟",
            ),
        ),
        (
            "通过开展政策业务",
            6,
            (
                "1",
                "产出指标",
                "11",
                "数量指标",
                "无线电管理宣传公益广告播放频率",
                "上、下半年各播放4周，≥20次/日",
                "上、下半年各播放4周，≥20次/日",
            ),
        ),
        (
            "通过委托开展工业产业链",
            1,
            (
                "1",
                "产出指标",
                "11",
                "数量指标",
                "2023 广州国际数控机床展览会举办同期活动场次",
                "≥2场",
                "≥2场",
            ),
        ),
        (
            "通过委托开展工业产业链",
            7,
            (
                "1",
                "产出指标",
                "11",
                "数量指标",
                "消费品特色产业集群建设项目-广州知名品牌数据库信息平台",
                "搭建数据库平台1个",
                "搭建数据库平台1个",
            ),
        ),
        (
            "按照相关业务规则",
            2,
            (
                "1",
                "产出指标",
                "11",
                "数量指标",
                "新增或更新的重点企业档案数量",
                "1",
                "完成新增或更新的重点企业档案数量＞=21000家",
            ),
        ),
        (
            "强化无线电管理",
            4,
            (
                "2",
                "效益指标",
                "22",
                "社会效益",
                "强化无线电管理工作人员的业务水平",
                "提高无线电管理人员的无线电 监测能力水平",
                "提高无线电管理人员的无线电 监测能力水平",
            ),
        ),
        (
            "通过开展信息化维护项目，对全站所有",
            2,
            ("1", "产出指标", "11", "数量指标", "运维桌面办公设备数量", "60台", "60"),
        ),
    ],
)
def test_irregular_indicators_exactly(
    document: Document, target_start: str, seq: int, expected: tuple[str, ...]
) -> None:
    assert _indicator(document, target_start, seq) == expected


def test_parsed_values_on_the_sample(document: Document) -> None:
    values = {
        (item.period_value, str(item.period_parsed.number), item.period_parsed.op)
        for project in document.projects
        for item in project.indicators
        if item.period_parsed is not None
    }
    assert ("不少于1,300亿元", "1300", "≥") in values
    assert ("超2倍", "2", ">") in values
    assert ("＞=35", "35", "≥") in values
