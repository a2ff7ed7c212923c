"""Display names of the stable identifiers (flags, statuses, filters, operations, fields).

The identifiers stay as they are in the database, JSON Lines and the data package; people read
these names instead. The app, the command line and the exports for people all take them from here,
so one word means one thing everywhere. In English a flag is shown by its identifier (reviewers
and the README know them by it); every other name reads as plain English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from store.i18n import DOMAIN, N_, _, language, translations


@dataclass(frozen=True)
class Label:
    """One display name: the `N_`-marked template, and what English shows if not the template."""

    template: str
    english: str = ""

    def text(self, in_language: str | None = None) -> str:
        """Return the name in the active language (or in `in_language`, as an export asks)."""
        chosen = in_language or language()
        if chosen == "en":
            return self.english or self.template
        if in_language is None:
            return _(self.template)
        return translations(DOMAIN, chosen).gettext(self.template)


def _flag(code: str, template: str) -> tuple[str, Label]:
    """Return a flag's entry: English shows the identifier, other languages the sentence."""
    return code, Label(template, english=code)


FLAG_LABELS: Mapping[str, Label] = dict(
    (
        _flag("name_displaced", N_("project name printed elsewhere, matched by content")),
        _flag("name_ambiguous", N_("project name cannot be decided")),
        _flag("missing_name", N_("no project name")),
        _flag("missing_target", N_("no performance target")),
        _flag("missing_indicators", N_("no indicators")),
        _flag("unparsed_text", N_("text that was not understood")),
        _flag("level_code_mismatch", N_("level-1 and level-2 codes disagree")),
        _flag("indicator_sequence_gap", N_("indicator numbers skip or restart")),
        _flag("truncated", N_("the file may be cut off")),
        _flag("values_differ", N_("period and annual values differ")),
        _flag("unassigned_name", N_("a project name that belongs to no project")),
        _flag("unassigned_names", N_("a project name that belongs to no project")),
        _flag("unclaimed_text", N_("text that belongs to no project")),
        _flag("reparse_changed", N_("the new parser reads it differently")),
        _flag("reparse_conflict", N_("a logged action no longer applies")),
    )
)
"""Parser flag codes (`parser/flags.py` says which ask for attention) and their plain sentences."""

STATUS_LABELS: Mapping[str, Label] = {
    "unreviewed": Label(N_("unreviewed")),
    "verified": Label(N_("verified")),
    "flagged": Label(N_("flagged")),
}
"""Review statuses (`store.views.Status`)."""

FILTER_LABELS: Mapping[str, Label] = {
    "all": Label(N_("all")),
    "needs review": Label(N_("needs review")),
    "flagged": Label(N_("flagged")),
    "verified": Label(N_("verified")),
}
"""The review list's filters (`store.views.ListFilter`)."""

OPERATION_LABELS: Mapping[str, Label] = {
    "verify": Label(N_("verify")),
    "bulk_verify": Label(N_("bulk verify")),
    "flag": Label(N_("flag")),
    "unreview": Label(N_("back to unreviewed")),
    "note": Label(N_("edit note")),
    "rename": Label(N_("rename")),
    "swap_with_neighbour": Label(N_("swap names")),
    "merge_with_next": Label(N_("merge")),
    "split_at_indicator": Label(N_("split")),
    "split_target": Label(N_("split")),
    "move_indicator": Label(N_("move indicator")),
    "edit_project_field": Label(N_("edit field")),
    "edit_indicator_field": Label(N_("edit field")),
    "reparse": Label(N_("reparse")),
    "undo": Label(N_("undo")),
    "redo": Label(N_("redo")),
}
"""Edit-log actions (the `verb` of `history --json`) as the verbs a reviewer uses."""

FIELD_LABELS: Mapping[str, Label] = {
    "key": Label(N_("project key")),
    "document": Label(N_("source file")),
    "department": Label(N_("department")),
    "unit": Label(N_("unit")),
    "name": Label(N_("project name")),
    "target": Label(N_("performance target")),
    "status": Label(N_("status")),
    "confidence": Label(N_("confidence")),
    "flags": Label(N_("parser flags")),
    "note": Label(N_("note")),
    "reviewer": Label(N_("reviewer")),
    "verified_by": Label(N_("verified by")),
    "verified_at": Label(N_("verified at")),
    "block_start": Label(N_("block start")),
    "block_end": Label(N_("block end")),
    "project_key": Label(N_("project key")),
    "position": Label(N_("position in project")),
    "seq": Label(N_("seq")),
    "level1_code": Label(N_("level-1 code")),
    "level1": Label(N_("level 1")),
    "level2_code": Label(N_("level-2 code")),
    "level2": Label(N_("level 2")),
    "indicator_name": Label(N_("indicator name")),
    "period_value": Label(N_("period value")),
    "period_op": Label(N_("period comparison")),
    "period_number": Label(N_("period number")),
    "period_unit": Label(N_("period unit of measure")),
    "annual_value": Label(N_("annual value")),
    "annual_op": Label(N_("annual comparison")),
    "annual_number": Label(N_("annual number")),
    "annual_unit": Label(N_("annual unit of measure")),
}
"""Project fields and export columns; an indicator's own `name` is `indicator_name` here."""


SHEET_LABELS: Mapping[str, Label] = {
    "projects": Label(N_("sheet of projects"), english="projects"),
    "indicators": Label(N_("sheet of indicators"), english="indicators"),
}
"""The sheets of an XLSX export; in English they are named as the data package's tables."""


NAME_SOURCE_LABELS: Mapping[str, Label] = {
    "unit": Label(N_("a name in this unit"), english="unit"),
    "parser": Label(N_("a name the parser considered"), english="parser"),
    "known": Label(N_("a known project name"), english="known"),
}
"""Where a name the rename picker offers comes from (`store.candidates`)."""


def _shown(labels: Mapping[str, Label], key: str, in_language: str | None = None) -> str:
    """Return the name of `key`, or the key itself when it has none (never hidden)."""
    label = labels.get(key)
    return label.text(in_language) if label else key


def flag_label(code: str) -> str:
    """Return a parser flag as shown: its identifier in English, a short sentence otherwise."""
    return _shown(FLAG_LABELS, code)


def status_label(status: str, in_language: str | None = None) -> str:
    """Return a review status as shown (未审核 / 已核实 / 已标记 in Chinese)."""
    return _shown(STATUS_LABELS, status, in_language)


def filter_label(list_filter: str) -> str:
    """Return a review-list filter as shown."""
    return _shown(FILTER_LABELS, list_filter)


def operation_label(action: str) -> str:
    """Return an edit-log action as the verb a reviewer uses."""
    return _shown(OPERATION_LABELS, action)


def field_label(field: str, in_language: str | None = None) -> str:
    """Return a project field or export column as shown (项目名称, 绩效目标, 年度指标值, …)."""
    return _shown(FIELD_LABELS, field, in_language)


def sheet_label(sheet: str, in_language: str | None = None) -> str:
    """Return an XLSX export's sheet name in a language (项目 and 指标 in Chinese)."""
    return _shown(SHEET_LABELS, sheet, in_language)


def name_source_label(source: str) -> str:
    """Return where a rename candidate comes from, as the picker shows it."""
    return _shown(NAME_SOURCE_LABELS, source)


def indicator_field_label(field: str) -> str:
    """Return an indicator field as shown; the indicator's own name is 三级指标, not 项目名称."""
    return field_label("indicator_name" if field == "name" else field)
