"""Logged sentences are shown from their template in the active language; old ones as kept."""

from __future__ import annotations

from datetime import UTC, datetime

from parser.model import Flag
from store.i18n import N_, set_language
from store.views import DocumentFinding, EditEntry
from tui.logged_text import entry_summary, finding_message, flag_text, history_summary

EDIT_INDICATOR: dict[str, object] = {
    "message": {
        "template": "edit {field} of indicator {seq} of “{name}”: {old} → {new}",
        "params": {"field": "name", "seq": "2", "name": "购置经费", "old": "车辆", "new": "汽车"},
    }
}
KEPT = "edit name of indicator 2 of “购置经费”: 车辆 → 汽车"


def entry(action: str, details: dict[str, object], summary: str = KEPT) -> EditEntry:
    """An edit-log entry as the store reads it."""
    return EditEntry(1, datetime(2025, 1, 2, tzinfo=UTC), "甲", action, ("k",), summary, False,
                     details)


def test_a_logged_summary_is_shown_in_chinese_with_the_fields_own_name() -> None:
    set_language("zh")
    shown = history_summary(entry("edit_indicator_field", EDIT_INDICATOR))
    assert shown == "修改「购置经费」指标 2 的三级指标：车辆 改为 汽车"


def test_a_project_field_is_named_as_a_project_field() -> None:
    set_language("zh")
    template = "edit {field} of “{name}”: “{old}” → “{new}”"
    params = {"field": "name", "name": "甲", "old": "甲", "new": "乙"}
    details: dict[str, object] = {"message": {"template": template, "params": params}}
    assert "项目名称" in entry_summary("edit_project_field", details, "")


def test_english_names_the_field_in_words() -> None:
    assert history_summary(entry("edit_indicator_field", EDIT_INDICATOR)) == (
        "edit indicator name of indicator 2 of “购置经费”: 车辆 → 汽车"
    )


def test_entries_logged_before_templates_and_broken_ones_keep_their_text() -> None:
    set_language("zh")
    assert history_summary(entry("verify", {}, "verify “甲”")) == "verify “甲”"
    broken: dict[str, object] = {"message": {"template": "verify “{name}”", "params": {}}}
    assert history_summary(entry("verify", broken, "verify “甲”")) == "verify “甲”"


def test_a_flag_reads_as_its_sentence_in_chinese_and_by_its_identifier_in_english() -> None:
    template = N_("the text cannot tell this name from: {names}")
    flag = Flag("name_ambiguous", "", None, template, (("names", "购置经费"),))
    assert flag_text(flag) == "name_ambiguous: the text cannot tell this name from: 购置经费"
    set_language("zh")
    assert flag_text(flag).startswith("项目名称无法确定：")
    assert "购置经费" in flag_text(flag) and "cannot" not in flag_text(flag)
    assert flag_text(Flag("odd_code", "kept as stored")) == "odd_code：kept as stored"


def test_a_finding_is_translated_from_its_template() -> None:
    set_language("zh")
    template = N_("text not understood: “{text}”")
    found = DocumentFinding(1, "a.txt", "unclaimed_text", "text not understood: “甲”", (0, 1), 3,
                            template, (("text", "甲"),))
    assert "甲" in finding_message(found) and "understood" not in finding_message(found)
    old = DocumentFinding(1, "a.txt", "unclaimed_text", "as stored", (0, 1), 3)
    assert finding_message(old) == "as stored"
