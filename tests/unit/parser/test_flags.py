"""Flags carry translatable templates, and a project's content flags are recomputable from it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from parser import parse
from parser.flags import (
    ATTENTION_FLAGS,
    CONTENT_FLAGS,
    INFORMATIONAL_FLAGS,
    SOURCE_FLAGS,
    STRUCTURAL_FLAGS,
    confidence,
    content_flags,
    name_confidence,
)
from parser.model import Document, Flag, Indicator

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "000_a843d2df25de4824.txt"
GOOD = "{n}、1-产出指标；11-数量指标；巡检次数；实施周期指标值:≥12次；年度指标值:≥12次。"
ODD = "{n}、1-产出指标；21-经济效益；巡检次数；实施周期指标值:≥12次；年度指标值:≥10次。"
BROKEN = "1、1产出指标；数量；实施周期指标值:1次；年度指标值:1次。"


def _document() -> Document:
    """A document with every kind of project flag: odd codes, a gap, no values, text nobody
    understood, a block without a name, a cut-off end."""
    lines = [
        "部门名称：广州市测试局",
        "    巡检项目",
        "通过开展巡检工作，提升服务水平。",
        GOOD.format(n=1) + ODD.format(n=3) + "4、1-产出指标；11-数量指标；巡检人数；按计划完成。",
        "    档案项目",
        "通过开展档案工作。",
        BROKEN,
        "通过开展第三项工作。",
        "1、1-产出指标；11-数量指标；次数；实施周期指标值:≥1",
    ]
    return parse("\n\n".join(lines))


def _indicator(seq: int, level2_code: str = "11", period: str = "1", annual: str = "1"
               ) -> Indicator:
    level2 = {"11": "数量指标", "21": "经济效益"}[level2_code]
    return Indicator(seq, "1", "产出指标", level2_code, level2, "次数", period, annual, (0, 1))


def test_every_flag_message_is_its_template_filled_in() -> None:
    document = _document()
    flags = [flag for project in document.projects for flag in project.flags]
    flags += list(document.flags)
    assert {flag.code for flag in flags} >= {
        "unparsed_text", "level_code_mismatch", "indicator_sequence_gap", "values_differ",
        "missing_indicators", "missing_name", "truncated", "unclaimed_text"}
    for flag in flags:
        assert flag.message == flag.template.format(**dict(flag.params))
        if flag.params:
            assert flag.template != flag.message  # the values are fields, not baked in


def test_a_projects_content_flags_are_those_its_data_gives_after_its_source_flags() -> None:
    """What the store recomputes after a correction is what the parser gave."""
    for project in [*_document().projects, *parse(SAMPLE.read_text("utf-8")).projects]:
        codes = project.flag_codes
        assert set(codes) <= CONTENT_FLAGS | SOURCE_FLAGS
        content = tuple(flag for flag in project.flags if flag.code in CONTENT_FLAGS)
        assert content == content_flags(project.name, project.target, project.indicators)
        assert project.flags[len(project.flags) - len(content):] == content


def test_content_flags_follow_from_the_data_alone() -> None:
    assert content_flags("巡检项目", "通过巡检。", [_indicator(1)]) == ()
    codes = [flag.code for flag in content_flags("", "", [])]
    assert codes == ["missing_name", "missing_target", "missing_indicators"]
    (odd,) = content_flags("巡检项目", "通过巡检。", [_indicator(1, "21")])
    assert odd.message == "indicator 1: level codes 1-产出指标 / 21-经济效益 disagree"
    (differ,) = content_flags("巡检项目", "通过巡检。", [_indicator(1, annual="2")])
    assert (differ.code, dict(differ.params)) == ("values_differ", {"indicators": "1"})


def test_numbering_that_restarts_after_a_merge_is_a_gap() -> None:
    merged = [_indicator(seq) for seq in (1, 2, 3, 1, 2, 3)]
    (gap,) = content_flags("巡检项目", "通过巡检。", merged)
    assert gap.message == ("indicator numbered 1 where 4 was expected (the printed numbering "
                           "starts again at 1)")
    assert dict(gap.params) == {"seq": "1", "expected": "4"}
    (skip,) = content_flags("巡检项目", "通过巡检。", [_indicator(1), _indicator(3)])
    assert skip.message == "indicator numbered 3 where 2 was expected"


def test_name_confidence_undoes_the_structural_penalty() -> None:
    codes = ("unparsed_text", "truncated", "values_differ")
    assert confidence(0.75, codes) == 0.48
    assert name_confidence(0.48, codes) == pytest.approx(0.75)
    assert name_confidence(0.9, ()) == 0.9


def test_a_long_stray_text_is_quoted_short() -> None:
    (flag,) = content_flags("巡检项目", "字" * 50, [])
    assert dict(flag.params)["text"] == "字" * 40 + "…"


@pytest.mark.parametrize("codes, expected", [
    ((), 0.9), (("values_differ", "name_displaced"), 0.9), (("unparsed_text",), 0.72),
    (("truncated", "missing_target", "level_code_mismatch"), 0.4608)])
def test_confidence_loses_a_fifth_per_structural_flag(codes: tuple[str, ...], expected: float
                                                      ) -> None:
    assert confidence(0.9, codes) == expected


def test_flag_kinds_are_disjoint_and_every_content_or_source_flag_is_classed() -> None:
    assert not CONTENT_FLAGS & SOURCE_FLAGS
    assert STRUCTURAL_FLAGS <= CONTENT_FLAGS | SOURCE_FLAGS
    assert CONTENT_FLAGS | SOURCE_FLAGS <= ATTENTION_FLAGS | INFORMATIONAL_FLAGS


def test_a_flag_made_from_a_plain_message_is_its_own_template() -> None:
    flag = Flag("name_uncertain", "名称不确定")
    assert (flag.template, flag.params) == ("名称不确定", ())
    assert flag == Flag.of("name_uncertain", "名称不确定")
    assert replace(flag, span=(1, 2)).template == "名称不确定"
