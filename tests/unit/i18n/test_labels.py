"""Every stable identifier a person sees has a display name, in the reviewers' own words."""

from __future__ import annotations

import pytest

from parser.flags import ATTENTION_FLAGS, INFORMATIONAL_FLAGS
from parser.records import INDICATOR_FIELDS
from store.export.tables import FLAT_COLUMNS
from store.i18n import set_language
from store.labels import (
    FIELD_LABELS,
    FILTER_LABELS,
    FLAG_LABELS,
    OPERATION_LABELS,
    STATUS_LABELS,
    field_label,
    filter_label,
    flag_label,
    indicator_field_label,
    operation_label,
    status_label,
)
from store.operations import VERBS
from store.operations.field_values import PROJECT_FIELDS
from store.views import ListFilter, Status

CHINESE = {
    flag_label: {
        "name_displaced": "项目名称印在别处，已按内容匹配",
        "name_ambiguous": "项目名称无法确定",
        "missing_name": "缺少项目名称",
        "missing_target": "缺少绩效目标",
        "missing_indicators": "缺少绩效指标",
        "unparsed_text": "有未能识别的文字",
        "level_code_mismatch": "一级与二级指标编码不一致",
        "indicator_sequence_gap": "指标序号不连续",
        "truncated": "文件可能不完整（被截断）",
        "values_differ": "实施周期值与年度值不同",
        "unassigned_name": "有未归属的项目名称",
        "unclaimed_text": "有未归属的文字",
    },
    status_label: {"unreviewed": "未审核", "verified": "已核实", "flagged": "已标记"},
    filter_label: {"needs review": "待审核", "all": "全部"},
    operation_label: {
        "rename": "重命名",
        "swap_with_neighbour": "交换名称",
        "merge_with_next": "合并",
        "split_at_indicator": "拆分",
        "split_target": "拆分",
        "move_indicator": "移动指标",
        "edit_project_field": "修改字段",
        "edit_indicator_field": "修改字段",
        "verify": "核实",
        "flag": "标记",
        "undo": "撤销",
        "redo": "重做",
        "unreview": "退回未审核",
    },
    field_label: {
        "name": "项目名称",
        "unit": "单位",
        "target": "绩效目标",
        "level1": "一级指标",
        "level2": "二级指标",
        "indicator_name": "三级指标",
        "period_value": "实施周期指标值",
        "annual_value": "年度指标值",
        "seq": "序号",
        "status": "状态",
        "verified_by": "核实人",
        "verified_at": "核实时间",
        "note": "备注",
        "confidence": "置信度",
        "department": "部门名称",
    },
    indicator_field_label: {"name": "三级指标", "level1_code": "一级指标编码"},
}

CASES = [(shown, key, word) for shown, words in CHINESE.items() for key, word in words.items()]


@pytest.mark.parametrize(("shown", "key", "word"), CASES, ids=[c[1] for c in CASES])
def test_chinese_names_are_the_glossary_words(shown: object, key: str, word: str) -> None:
    set_language("zh")
    assert callable(shown) and shown(key) == word


def test_english_shows_flag_identifiers_and_plain_words_for_the_rest() -> None:
    assert flag_label("values_differ") == "values_differ"
    assert status_label("unreviewed") == "unreviewed"
    assert operation_label("swap_with_neighbour") == "swap names"
    assert indicator_field_label("period_value") == "period value"
    assert field_label("not_a_field") == "not_a_field"  # an unknown key is shown, never hidden


@pytest.mark.parametrize(
    ("labels", "keys"),
    [
        (FLAG_LABELS, ATTENTION_FLAGS | INFORMATIONAL_FLAGS),
        (STATUS_LABELS, {status.value for status in Status}),
        (FILTER_LABELS, {list_filter.value for list_filter in ListFilter}),
        (OPERATION_LABELS, set(VERBS) | {"undo", "redo"}),
        (FIELD_LABELS, set(PROJECT_FIELDS) | {column.name for column in FLAT_COLUMNS}),
        (FIELD_LABELS, set(INDICATOR_FIELDS) - {"name"}),
    ],
)
def test_every_identifier_has_a_name(labels: object, keys: set[str]) -> None:
    assert isinstance(labels, dict)
    assert keys - set(labels) == set()
