"""Flags follow the data: after every correction the changed projects' flags are recomputed.

Flags that follow from a project's fields (`parser.flags.CONTENT_FLAGS`: a missing target, a
numbering that restarts after a merge…) are computed again from its new state with the parser's
own rules; flags about the source (text not understood, a cut-off file) stay with the project. A
name the reviewer gave is no longer "printed elsewhere", and the parser's alternatives never list
the project's own name; confidence is the name's confidence lowered per structural problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parser import Flag
from parser.flags import CONTENT_FLAGS, confidence, content_flags, name_confidence
from parser.text import N_
from store.models import IndicatorRow, ProjectRow
from store.operations.context import EditContext
from store.operations.rows import indicators_of
from store.records import flag_json, indicator_view

NAME_FLAGS = frozenset({"name_displaced", "name_ambiguous"})
"""Flags about the parser's choice of name; a name given by a reviewer replaces that choice."""


def refresh_flags(edit: EditContext) -> None:
    """Recompute flags, alternatives and confidence of every project the action changed."""
    for key, before in edit.before.items():
        row = edit.session.get(ProjectRow, edit.ids[key])
        if row is None:  # merged into another
            continue
        renamed = before is None or before["name"] != row.name
        _refresh(row, indicators_of(edit.session, row.id), renamed)


def _refresh(row: ProjectRow, indicators: Sequence[IndicatorRow], renamed: bool) -> None:
    """Recompute one project's flags from its fields, keeping what only the source tells."""
    base_confidence = name_confidence(row.confidence, row.flags)
    alternatives = [item for item in row.alternatives if str(item[0]) != row.name]
    kept: list[tuple[str, Any]] = []
    for code, detail in zip(row.flags, details_of(row), strict=True):
        if code in CONTENT_FLAGS or (renamed and code == "name_displaced"):
            continue
        if code == "name_ambiguous":
            if not alternatives:
                continue
            detail = flag_json(_ambiguity(alternatives))
        kept.append((code, detail))
    records = [indicator_view(indicator.model_dump()) for indicator in indicators]
    computed = content_flags(row.name, row.target, records)
    row.flags = [code for code, _ in kept] + [flag.code for flag in computed]
    row.flag_details = [detail for _, detail in kept] + [flag_json(flag) for flag in computed]
    row.alternatives = alternatives
    row.confidence = confidence(1.0 if renamed and row.name else base_confidence, row.flags)


def source_flags(row: ProjectRow) -> list[tuple[str, Any]]:
    """Return a project's flags about its source (not recomputable), with their details."""
    return [(code, detail) for code, detail in zip(row.flags, details_of(row), strict=True)
            if code not in CONTENT_FLAGS and code not in NAME_FLAGS]


def details_of(row: ProjectRow) -> list[Any]:
    """Return one stored detail per flag code (older rows may hold fewer)."""
    details = list(row.flag_details)
    return details[: len(row.flags)] + [""] * (len(row.flags) - len(details))


def _ambiguity(alternatives: Sequence[Sequence[Any]]) -> Flag:
    """Return the `name_ambiguous` flag listing the names the text cannot tell apart from it."""
    listed = "; ".join(str(item[0]) for item in alternatives)
    template = N_("the text cannot tell this name from: {names}")
    return Flag("name_ambiguous", template.format(names=listed))
