"""Correcting single values: a project's fields, an indicator's fields, an indicator's project.

Every value is checked before anything changes (one line of text, a sane sequence number, level
codes that agree); an indicator moved to a neighbour goes where its source order puts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from store.i18n import N_
from store.operations.arguments import IndicatorRef
from store.operations.base import Operation, Summary, registered
from store.operations.context import EditContext
from store.operations.field_values import (
    indicator_value,
    project_value,
    set_indicator_field,
    set_project_field,
)
from store.operations.naming import checked_direction
from store.operations.reshaping import move_indicator


@registered
@dataclass(frozen=True)
class EditProjectField(Operation):
    """Replace a project's name, unit, target or note with the reviewer's text."""

    verb: ClassVar[str] = "edit_project_field"
    project: str
    field: str
    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", project_value(self.field, self.value))

    def changes_content(self) -> bool:
        """A note is provenance and may change on a verified project; the rest is content."""
        return self.field != "note"

    def run(self, edit: EditContext) -> Summary:
        """Store the checked value."""
        row = edit.change(self.project)
        old = str(getattr(row, self.field))
        set_project_field(row, self.field, self.value)
        return Summary(N_("edit {field} of “{name}”: “{old}” → “{new}”"),
                       {"field": self.field, "name": row.name, "old": old, "new": self.value})


@registered
@dataclass(frozen=True)
class EditIndicatorField(Operation):
    """Replace one field of an indicator; numbers and level codes are checked."""

    verb: ClassVar[str] = "edit_indicator_field"
    project: str
    indicator: IndicatorRef
    field: str
    value: str | int

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", indicator_value(self.field, self.value))

    def run(self, edit: EditContext) -> Summary:
        """Store the checked value, keeping level codes and parsed values consistent."""
        row = edit.change(self.project)
        indicator = edit.indicator(row, self.indicator)
        old = str(getattr(indicator, self.field))
        set_indicator_field(indicator, self.field, self.value)
        return Summary(
            N_("edit {field} of indicator {seq} of “{name}”: {old} → {new}"),
            {"field": self.field, "seq": str(indicator.seq), "name": row.name, "old": old,
             "new": str(self.value)},
        )


@registered
@dataclass(frozen=True)
class MoveIndicator(Operation):
    """Move an indicator to the previous (-1) or next (1) project of the unit."""

    verb: ClassVar[str] = "move_indicator"
    project: str
    indicator: IndicatorRef
    direction: int

    def __post_init__(self) -> None:
        checked_direction(self.direction)

    def run(self, edit: EditContext) -> Summary:
        """Give the indicator to the neighbour, placed by source order."""
        row = edit.change(self.project)
        target = edit.change(edit.neighbour(row, self.direction))
        indicator = edit.indicator(row, self.indicator)
        summary = Summary(N_("move indicator {seq} “{indicator}” to “{name}”"),
                          {"seq": str(indicator.seq), "indicator": indicator.name,
                           "name": target.name})
        move_indicator(edit, row, target, self.indicator)
        return summary
