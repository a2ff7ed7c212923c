"""Fixing mis-split projects: merge with the next one, split at an indicator or in the target.

A split returns nothing itself: the new project is logged as created, and its key comes from
where its part of the source text starts, so the same corrections give the same keys on any
import of the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from store.i18n import N_
from store.operations.arguments import IndicatorRef, whole_number
from store.operations.base import Operation, Summary, registered
from store.operations.context import EditContext
from store.operations.field_values import one_line
from store.operations.reshaping import merge_into, split_indicators, split_text


@registered
@dataclass(frozen=True)
class MergeWithNext(Operation):
    """Join the next project of the unit into this one: targets joined, indicators appended."""

    verb: ClassVar[str] = "merge_with_next"
    project: str

    def run(self, edit: EditContext) -> Summary:
        """Merge, keeping the next project's printed name as absorbed text."""
        row = edit.change(self.project)
        following = edit.change(edit.neighbour(row, 1))
        summary = Summary(N_("merge “{absorbed}” into “{name}”"),
                          {"absorbed": following.name, "name": row.name})
        merge_into(edit, row, following)
        return summary


@registered
@dataclass(frozen=True)
class SplitAtIndicator(Operation):
    """Make an indicator and those after it a new project right after this one."""

    verb: ClassVar[str] = "split_at_indicator"
    project: str
    indicator: IndicatorRef
    new_name: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "new_name", one_line("name", self.new_name, required=False))

    def run(self, edit: EditContext) -> Summary:
        """Split the indicators off into a new project."""
        row = edit.change(self.project)
        seq = edit.indicator(row, self.indicator).seq
        name = row.name
        split_indicators(edit, row, self.indicator, self.new_name)
        return Summary(N_("split “{name}” at indicator {seq}: new “{new}”"),
                       {"name": name, "seq": str(seq), "new": self.new_name})


@registered
@dataclass(frozen=True)
class SplitTarget(Operation):
    """Make the target text from `offset` on a new project after this one.

    The indicators stay with the first part; move them with `MoveIndicator` as needed.
    """

    verb: ClassVar[str] = "split_target"
    project: str
    offset: int
    new_name: str

    def __post_init__(self) -> None:
        whole_number(self.offset, "offset", minimum=-1_000_000_000)
        object.__setattr__(self, "new_name", one_line("name", self.new_name, required=False))

    def run(self, edit: EditContext) -> Summary:
        """Split the target text off into a new project."""
        row = edit.change(self.project)
        name = row.name
        split_text(edit, row, self.offset, self.new_name)
        return Summary(N_("split the target of “{name}” at {offset}: new “{new}”"),
                       {"name": name, "offset": str(self.offset), "new": self.new_name})
