"""Giving a project its right name: rename (swapping with the holder) and swap with a neighbour.

Names are displaced in the source, so the usual fix gives a project a name another project of
its unit holds: the two exchange names together with the lines they were printed on. A verified
holder keeps its name; giving that name to a second project happens only when asked for
(`allow_duplicate`), since a unit may legitimately hold a name twice (the sample's two 购置经费).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from store.errors import DuplicateNameError, RefusedError
from store.i18n import N_, _
from store.models import ProjectRow
from store.operations.arguments import malformed
from store.operations.base import Operation, Summary, registered
from store.operations.context import EditContext
from store.operations.field_values import one_line
from store.operations.rows import swap_names, unit_projects
from store.views import Status


def checked_direction(direction: int) -> int:
    """Return -1 (previous) or 1 (next), refusing anything else."""
    if direction not in (-1, 1) or isinstance(direction, bool):
        raise malformed(
            _("direction must be -1 (previous) or 1 (next), not {value}").format(value=direction)
        )
    return direction


@registered
@dataclass(frozen=True)
class Rename(Operation):
    """Give a project a name; a name another project of its unit holds is swapped with it."""

    verb: ClassVar[str] = "rename"
    project: str
    new_name: str
    allow_duplicate: bool = False
    """Give the name even though a verified project of the unit holds it (asked first)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "new_name", one_line(_("name"), self.new_name, required=True))

    def run(self, edit: EditContext) -> Summary:
        """Rename, or swap names with the nearest unverified holder of the new name."""
        row = edit.change(self.project)
        if row.name == self.new_name:
            raise RefusedError(
                _("the project is already named “{name}”; nothing to change").format(
                    name=self.new_name
                )
            )
        old_name = row.name
        holder = self._holder(edit, row)
        if holder is None:
            row.name = self.new_name
            return Summary(N_("rename “{old}” → “{new}”"), {"old": old_name, "new": row.name})
        swap_names(row, edit.change(holder))
        return Summary(N_("swap names “{old}” → “{new}”"), {"old": old_name, "new": row.name})

    def _holder(self, edit: EditContext, row: ProjectRow) -> ProjectRow | None:
        """Return the unverified project to swap with, refusing a duplicate of a verified one."""
        holders = [
            other for other in unit_projects(edit.session, row)
            if other.name == self.new_name and other.id != row.id
        ]
        open_holders = [other for other in holders if other.status != Status.VERIFIED.value]
        if open_holders:
            return min(open_holders, key=lambda other: abs(other.position - row.position))
        if holders and not self.allow_duplicate:
            raise DuplicateNameError(self.new_name, holders[0].name)
        return None


@registered
@dataclass(frozen=True)
class SwapWithNeighbour(Operation):
    """Exchange names with the previous (-1) or next (1) project of the same unit."""

    verb: ClassVar[str] = "swap_with_neighbour"
    project: str
    direction: int

    def __post_init__(self) -> None:
        checked_direction(self.direction)

    def run(self, edit: EditContext) -> Summary:
        """Swap the two names with their printed lines."""
        row = edit.change(self.project)
        other = edit.change(edit.neighbour(row, self.direction))
        summary = Summary(N_("swap names “{name}” ↔ “{other}”"),
                          {"name": row.name, "other": other.name})
        swap_names(row, other)
        return summary
