"""Each layout rule of the parser, one small hand-made document at a time."""

from __future__ import annotations

import pytest

from parser import ParseError, parse
from parser.model import Document

IND_A = "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:≥12次；年度指标值:≥12次。"
IND_B = "1、1-产出指标；11-数量指标；档案数字化数量；实施周期指标值:100卷；年度指标值:100卷。"


def doc(*lines: str, blank: bool = True) -> str:
    """Join visual lines the way the extraction prints them (a blank line after each)."""
    return ("\n\n" if blank else "\n").join(["部门名称：广州市测试局", *lines]) + "\n"


def names(document: Document) -> list[str]:
    return [project.name for project in document.projects]


def only(document: Document) -> dict[str, str]:
    (project,) = document.projects
    (indicator,) = project.indicators
    return {
        "name": indicator.name,
        "period": indicator.period_value,
        "annual": indicator.annual_value,
        "target": project.target,
    }


@pytest.mark.parametrize(
    "header",
    [
        "绩效目标 绩效指标项目名称（资金使用单位）",
        "绩效目标 绩效指标",
        "项目名称（资金使用单位）",
        "项目支出绩效目标表（含转移支付项目）",
    ],
)
def test_page_headers_are_noise_anywhere(header: str) -> None:
    text = doc(
        header,
        "    巡检项目",
        header,
        "通过开展巡检工作，",
        header,
        "提升服务水平。",
        "1、1-产出指标；11-数量指标；巡检次数；实施周期指",
        header,
        "标值:≥12次；年度指标值:≥12次。",
        header,
    )
    document = parse(text)
    assert only(document) == {
        "name": "巡检次数",
        "period": "≥12次",
        "annual": "≥12次",
        "target": "通过开展巡检工作，提升服务水平。",
    }
    assert sum(1 for start, end in document.noise if text[start:end] == header) == 5


def test_department_line_and_first_unit() -> None:
    document = parse(doc("广州市测试局", "    巡检项目", "通过开展巡检工作。", IND_A))
    assert document.department == "广州市测试局"
    assert [unit.name for unit in document.units] == ["广州市测试局"]
    assert document.projects[0].unit == "广州市测试局"


def test_unit_header_starts_a_new_group() -> None:
    text = doc(
        "    巡检项目",
        "通过开展巡检工作。",
        IND_A,
        "绩效目标 绩效指标项目名称（资金使用单位）",
        "广州市测试档案馆",
        "    档案数字化项目",
        "通过开展档案数字化工作。",
        IND_B,
    )
    document = parse(text)
    assert [unit.name for unit in document.units] == ["广州市测试档案馆"]
    assert [project.unit for project in document.projects] == ["广州市测试局", "广州市测试档案馆"]


def test_unit_looking_line_followed_by_indicators_is_a_one_line_target() -> None:
    document = parse(doc("    巡检项目", "建设广州市测试监测站", IND_A))
    assert document.units == ()
    assert document.projects[0].target == "建设广州市测试监测站"


def test_name_continuation_lines_join_without_space() -> None:
    document = parse(
        doc(
            "    其他工业和信息化事业发展经",
            "费",
            "通过开展该项目，达到协助保障后勤工作顺利开展。",
            IND_A,
        )
    )
    assert names(document) == ["其他工业和信息化事业发展经费"]
    assert len(document.projects[0].name_spans) == 2


def test_name_directly_followed_by_target_without_blank_line() -> None:
    text = (
        doc("    购置经费")
        + "通过更新购置车辆、办公设备，达到提升运行服务保障工作能力的绩效目标。\n\n"
        + IND_A
    )
    document = parse(text)
    assert names(document) == ["购置经费"]
    assert document.projects[0].target.startswith("通过更新购置车辆")


def test_two_blocks_back_to_back_and_two_names_in_a_row() -> None:
    text = doc(
        "    巡检项目",
        "    档案数字化项目",
        "通过开展巡检工作。",
        IND_A,
        "通过开展档案数字化工作。",
        IND_B,
    )
    document = parse(text)
    assert len(document.projects) == 2
    assert names(document) == ["巡检项目", "档案数字化项目"]


def test_breaks_inside_keywords_numbers_and_sequence_numbers() -> None:
    text = doc(
        "    巡检项目",
        "通过开展巡检工作。",
        "1、1-产出指标；11-数量指标；巡检次数；实施周期指",
        "标值:1",
        "2次；年度指标值:12次。2",
        "、1-产出指标；12-质量指标；巡检合格率；实施周期指标值:100%；年度指标值:100%",
        "。",
    )
    (project,) = parse(text).projects
    assert [(i.seq, i.name, i.period_value, i.annual_value) for i in project.indicators] == [
        (1, "巡检次数", "12次", "12次"),
        (2, "巡检合格率", "100%", "100%"),
    ]
    assert "indicator_sequence_gap" not in project.flag_codes


def test_indicator_name_with_full_stop_keeps_it() -> None:
    text = doc(
        "    专精特新项目",
        "通过开展该项目。",
        "1、2-效益指标；21-经济效益；带动培育省级及以上专精特新企业。",
        "实施周期指标值:1,500家以上；年度指标值:1,500家以上。",
    )
    indicator = parse(text).projects[0].indicators[0]
    assert indicator.name == "带动培育省级及以上专精特新企业。"
    assert indicator.period_value == "1,500家以上"


def test_values_keep_inner_spaces_and_lose_trailing_tabs() -> None:
    text = doc(
        "    宣传项目",
        "通过开展宣传工作。\t\t\t",
        "1、1-产出指标；11-数量指标；举办重点产业链供需对接活动　；实施周期指标值:60分钟",
        "；年度指标值:提高无线电 监测能力水平 。\t",
    )
    assert only(parse(text)) == {
        "name": "举办重点产业链供需对接活动",
        "period": "60分钟",
        "annual": "提高无线电 监测能力水平",
        "target": "通过开展宣传工作。",
    }


def test_irregular_values_and_punctuation_are_kept_as_printed() -> None:
    text = doc(
        "    评审项目",
        "通过开展安全等保测评备案工作，保证网站",
        "安全运行;.通过配合做好人才招聘。",
        "1、1-产出指标；11-数量指标；完成评审任务数；实施周期指标值:85；年度指标值:＞90%",
        "。",
    )
    document = parse(text)
    assert only(document) == {
        "name": "完成评审任务数",
        "period": "85",
        "annual": "＞90%",
        "target": "通过开展安全等保测评备案工作，保证网站安全运行;.通过配合做好人才招聘。",
    }
    assert "values_differ" in document.projects[0].flag_codes


def test_full_width_colon_is_read_like_ascii() -> None:
    text = doc("    巡检项目", "通过开展巡检工作。", IND_A.replace("值:", "值："))
    assert only(parse(text))["annual"] == "≥12次"


@pytest.mark.parametrize(
    ("indicators", "flag"),
    [
        (
            "1、1-产出指标；21-经济效益；巡检次数；实施周期指标值:1次；年度指标值:1次。",
            "level_code_mismatch",
        ),
        (
            "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:1次；年度指标值:1次。"
            "3、1-产出指标；11-数量指标；巡检人数；实施周期指标值:1人；年度指标值:1人。",
            "indicator_sequence_gap",
        ),
        ("1、1-产出指标；11-数量指标；巡检次数；按计划完成。", "unparsed_text"),
        (
            "1、1-产出指标；11-数量指标；巡检次数；实施周期指标值:2次；年度指标值:1次。",
            "values_differ",
        ),
    ],
)
def test_problems_are_flagged(indicators: str, flag: str) -> None:
    document = parse(doc("    巡检项目", "通过开展巡检工作。", indicators))
    assert flag in document.projects[0].flag_codes
    assert document.flags == ()  # the whole text is claimed by the one indicator
    assert document.projects[0].confidence < 1.0 or flag == "values_differ"


def test_text_no_indicator_explains_is_unclaimed_and_flagged() -> None:
    broken = "1、1产出指标；数量；实施周期指标值:1次；年度指标值:1次。"
    text = doc(
        "    巡检项目", "通过开展巡检工作。", IND_A, "    档案项目", "通过开展档案工作。", broken
    )
    document = parse(text)
    second = document.projects[1]
    assert second.indicators == ()
    assert {"unparsed_text", "missing_indicators"} <= set(second.flag_codes)
    assert [text[a:b] for a, b in document.unclaimed] == [broken]
    assert [flag.code for flag in document.flags] == ["unclaimed_text"]


def test_a_block_without_any_name_is_flagged_missing_name() -> None:
    document = parse(doc("通过开展巡检工作。", IND_A))
    assert document.projects[0].name == ""
    assert document.projects[0].flag_codes == ("missing_name",)
    assert document.projects[0].confidence == 0.0


def test_spans_point_at_the_printed_text() -> None:
    text = doc("    巡检", "项目", "通过开展巡检", "工作。", IND_A)
    project = parse(text).projects[0]
    assert "".join(text[a:b] for a, b in project.name_spans) == "巡检项目"
    assert "".join(text[a:b] for a, b in project.target_spans) == "通过开展巡检工作。"
    indicator = project.indicators[0]
    assert text[indicator.span[0] : indicator.span[1]] == IND_A
    assert [text[a:b] for field, a, b in indicator.field_spans if field == "period_value"] == [
        "≥12次"
    ]


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "hello world\n", "部门名称：广州市测试局\n\n    巡检项目\n"]
)
def test_text_without_a_table_raises_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="no performance-target table"):
        parse(text)
