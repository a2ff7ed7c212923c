"""What a reparse changed in a project, field by field, for the fields pane to compare."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from parser.records import INDICATOR_FIELDS
from store.i18n import _
from store.labels import field_label
from store.views import ProjectDetail

Change = tuple[str, str, str]
"""A field's label, its value before the reparse and its value now."""


def reparse_changes(detail: ProjectDetail) -> list[Change]:
    """Return each field the reparse read differently (none unless a reparse changed it)."""
    before = detail.before_reparse
    if not before:
        return []
    changes = [
        (field_label(field), str(before.get(field, "")), str(getattr(detail, field)))
        for field in ("unit", "name", "target")
        if str(before.get(field, "")) != str(getattr(detail, field))
    ]
    old_rows = _indicator_texts(before.get("indicators", ()))
    new_rows = _indicator_texts(
        [{name: getattr(item, name) for name in INDICATOR_FIELDS} for item in detail.indicators]
    )
    for index in range(max(len(old_rows), len(new_rows))):
        old = old_rows[index] if index < len(old_rows) else ""
        new = new_rows[index] if index < len(new_rows) else ""
        if old != new:
            changes.append((_("indicator {number}").format(number=index + 1), old, new))
    return changes


def _indicator_texts(indicators: Sequence[Mapping[str, Any]]) -> list[str]:
    """Return each indicator as one line of its printed fields."""
    return [
        "{seq} {level2} {name}: {period_value} / {annual_value}".format(**item)
        for item in indicators
    ]
