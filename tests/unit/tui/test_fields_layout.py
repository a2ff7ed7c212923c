"""The fields pane layout: nothing wider than the pane, every indicator value shown in full."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

from rich.cells import cell_len

from parser import Flag, NameCandidate
from store.views import IndicatorView, ProjectDetail, Status
from tui.widgets.fields_layout import Line, fields_lines, wrap_cells


def detail(flags: tuple[str, ...] = ("name_displaced",)) -> ProjectDetail:
    """A project with a long name, a flag with its reason and two indicators."""
    indicators = tuple(
        IndicatorView(
            id=seq,
            position=seq - 1,
            source_order=seq - 1,
            seq=seq,
            level1_code="3",
            level1="满意度指标",
            level2_code="31",
            level2="服务对象满意度",
            name="服务对象满意度（%）调查覆盖全部企业",
            period_value="≥95%",
            annual_value="＞=90% 以上",
            span=(seq, seq + 1),
        )
        for seq in (1, 2)
    )
    return ProjectDetail(
        id=1,
        key="k",
        document_id=1,
        document_file="a.txt",
        department="部门",
        unit="甲单位",
        name="其他工业和信息化事业发展经费[b]",
        target="通过" * 40,
        status=Status.FLAGGED,
        confidence=0.5,
        flags=tuple(Flag(code, "the name was printed away from this block") for code in flags),
        alternatives=(NameCandidate("购置经费", 0.4),),
        note="名称应为下一项",
        name_spans=(),
        target_spans=(),
        block=(0, 1),
        indicators=indicators,
        version=1,
        order=0,
    )


def text_of(lines: list[Line]) -> list[str]:
    """The plain text of laid-out lines."""
    return ["".join(piece for piece, _ in line) for line in lines]


def test_no_line_is_wider_than_the_pane() -> None:
    for width in (36, 44, 60, 90):
        assert all(cell_len(line) <= width for line in text_of(fields_lines(detail(), width, 0)))


def test_every_value_and_the_flag_reason_are_shown_in_full() -> None:
    shown = "".join(text_of(fields_lines(detail(), 90, None))).replace(" ", "")
    for fragment in (
        "≥95%",
        "＞=90%以上",
        "服务对象满意度（%）调查覆盖全部企业",
        "31服务对象满意度",
    ):
        assert fragment in shown
    assert "theprintedawayfromthisblock".replace("the", "thenamewas", 1) in shown
    assert "名称应为下一项" in shown and "[b]" in shown


def test_wrap_cells_splits_on_cell_width() -> None:
    assert wrap_cells("一二三四五", 4) == ["一二", "三四", "五"]
    assert wrap_cells("ab", 0) == ["ab"]


def test_latin_words_wrap_at_spaces_and_chinese_anywhere() -> None:
    assert wrap_cells("the name was printed away", 12) == ["the name was", "printed away"]
    assert wrap_cells("printedawayfromthis", 8) == ["printeda", "wayfromt", "his"]


def test_a_narrow_pane_shows_level_codes_alone() -> None:
    shown = "\n".join(text_of(fields_lines(detail(), 40, None)))
    assert "3/31" in shown and "满意度指标" not in shown


def with_values(*values: tuple[str, str]) -> ProjectDetail:
    """The test project with one indicator per (period, annual) pair."""
    base = detail().indicators[0]
    indicators = tuple(
        replace(base, id=seq, seq=seq, period_value=period, annual_value=annual)
        for seq, (period, annual) in enumerate(values, 1)
    )
    return replace(detail(), indicators=indicators)


def test_a_value_is_never_split_inside_its_column() -> None:
    capacity = "项目建成月产能≥9万片"
    values = [("390亿", "390亿"), (capacity, capacity), ("≥100亿", "≥98亿")]
    for width in (42, 56, 90):
        lines = text_of(fields_lines(with_values(*values), width, None))
        for period, annual in values:
            assert any(period in line for line in lines), (width, period)
            assert any(annual in line for line in lines), (width, annual)


def test_a_long_qualitative_value_takes_full_width_lines_not_a_narrow_column() -> None:
    long_value = "按照国家和省市有关要求完成年度全部工作任务并通过验收" * 2
    width = 60
    lines = text_of(fields_lines(with_values(("1个", "1个"), (long_value, "提升")), width, None))
    table = lines[lines.index(next(line for line in lines if line.startswith(" #  "))) :]
    assert len(table) <= 1 + 2 + 2 + 2 * (cell_len(long_value) // (width - 16) + 1) + 1
    assert long_value[:10] in "".join(table)


def test_a_wrapped_line_does_not_start_with_closing_punctuation() -> None:
    assert wrap_cells("一二三四，五", 8) == ["一二三", "四，五"]
    for width in range(6, 16):
        pieces = wrap_cells("落户以来累计创造就业岗位（含劳务外包）（个）", width)
        assert not any(piece.startswith(("）", "，", "。")) for piece in pieces), width


def test_when_most_values_are_long_every_value_gets_its_own_line() -> None:
    capacity, area = "项目建成月产能≥9万片", "1881.47平方米"
    long_values = [(capacity, capacity), (area, area)]
    lines = text_of(fields_lines(with_values(*long_values, ("1个", "1个")), 44, None))
    table = lines[next(i for i, line in enumerate(lines) if line.startswith(" #  ")) :]
    assert "period" not in table[0]
    assert sum(line.strip().startswith("value") for line in table) == 3


def test_a_project_the_reparse_read_differently_shows_old_and_new_side_by_side() -> None:
    previous = {
        "unit": "甲单位", "name": "旧的名称", "target": "通过" * 40,
        "indicators": [
            {"seq": 1, "level1_code": "3", "level1": "满意度指标", "level2_code": "31",
             "level2": "服务对象满意度", "name": "旧指标", "period_value": "≥95%",
             "annual_value": "＞=90% 以上"},
        ],
    }
    changed = dataclasses.replace(detail(), before_reparse=previous)
    text = _plain(changed)
    start = text.index("Before the reparse (- old, + new):")
    assert text[start + 1 : start + 4] == [
        "project name", "- 旧的名称", "+ 其他工业和信息化事业发展经费[b]"
    ]
    assert "indicator 1" in text and "indicator 2" in text  # one changed, one added
    assert not any("Before the reparse" in line for line in _plain(detail()))


def _plain(project: ProjectDetail) -> list[str]:
    return ["".join(piece for piece, _style in line) for line in fields_lines(project, 60, None)]
