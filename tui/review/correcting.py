"""The correction commands: a key opens at most a dialog or two, then one operation runs.

Each operation is based on the versions the reviewer's screen showed: the project, its unit
neighbours as read with it, and for a rename the project holding the chosen name when the picker
opened. A name held by a verified project is given to a second project only after a "keep both?".
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from store.i18n import _
from store.operations import (
    EditIndicatorField,
    EditProjectField,
    IndicatorRef,
    MergeWithNext,
    MoveIndicator,
    Operation,
    Rename,
    SplitAtIndicator,
    SplitTarget,
    SwapWithNeighbour,
)
from store.views import ProjectDetail
from tui.review.view import ReviewView

if TYPE_CHECKING:
    from store.candidates import NamePool
    from tui.screens.field_editor import FieldEdit
    from tui.screens.split_screen import SplitPoint

# The dialogs are imported where they open: loading them all (and the fuzzy matcher the name
# picker brings) before the first paint delayed every start.


def _pool_loader(view: ReviewView, project_id: int) -> partial[NamePool]:
    """Return what the picker calls (in its worker) to read the names once."""
    return partial(view.store.call, lambda repository: repository.name_pool(project_id))


def rename(view: ReviewView) -> None:
    """Pick a name; one held by another project of the unit is swapped with it."""
    from tui.screens.name_picker import NamePickerScreen

    detail = view.selected_detail()
    if detail is None:
        return
    title = _("Rename “{name}”").format(name=detail.name)
    picker = NamePickerScreen(title, detail.name, _pool_loader(view, detail.id))

    def rename_to(name: str | None) -> None:
        if name:
            _rename(view, detail, name, picker.pool)

    view.ask(picker, rename_to)


def _rename(view: ReviewView, detail: ProjectDetail, name: str, pool: NamePool | None) -> None:
    """Rename based on the holder the picker showed; ask before duplicating a verified name."""
    from tui.screens.confirm_screen import ConfirmScreen

    based_on = dict(detail.versions)
    holder = pool.holder_of(name) if pool is not None else None
    if holder is not None and holder.id != detail.id:
        based_on[holder.key] = holder.version
    if holder is None or not holder.verified:
        view.perform(partial(Rename, detail.key, name), based_on, detail.id)
        return
    question = _(
        "“{name}” is held by a verified project of this unit. Keep both projects under that name?"
    ).format(name=name)

    def keep_both(confirmed: bool | None) -> None:
        if confirmed:
            view.perform(partial(Rename, detail.key, name, True), based_on, detail.id)

    view.ask(ConfirmScreen(_("Name held by a verified project"), question), keep_both)


def swap(view: ReviewView) -> None:
    """Swap the name with the previous or next project (asked by the next key)."""
    from tui.screens.swap_screen import SwapScreen

    detail = view.selected_detail()
    if detail is None:
        return

    def swap_towards(direction: int | None) -> None:
        if direction:
            operation = partial(SwapWithNeighbour, detail.key, direction)
            view.perform(operation, detail.versions, detail.id)

    view.ask(SwapScreen(detail.name), swap_towards)


def merge(view: ReviewView) -> None:
    """Merge the next project into this one, after a one-key confirmation."""
    from tui.screens.confirm_screen import ConfirmScreen

    detail = view.selected_detail()
    if detail is None:
        return
    following = detail.following
    if following is None:
        view.say(
            _("“{name}” is the last project of its unit; there is nothing to merge into it.")
            .format(name=detail.name),
            _("Nothing to merge"),
        )
        return
    question = _("Merge “{next}” into “{name}”? Its target and indicators join this project.")
    text = question.format(next=following.name, name=detail.name)

    def merge_if(confirmed: bool | None) -> None:
        if confirmed:
            view.perform(partial(MergeWithNext, detail.key), detail.versions, detail.id)

    view.ask(ConfirmScreen(_("Merge"), text), merge_if)


def split(view: ReviewView) -> None:
    """Choose where to split, then name the new project with the picker."""
    from tui.screens.split_screen import SplitScreen

    detail = view.selected_detail()
    if detail is None:
        return
    view.ask(SplitScreen(detail, view.fields.selected_row), partial(_name_split, view, detail))


def _name_split(view: ReviewView, detail: ProjectDetail, point: SplitPoint | None) -> None:
    """After the split point: the picker names the new project, then the split runs."""
    from tui.screens.name_picker import NamePickerScreen

    if point is None:
        return
    title = _("Name the new project split from “{name}”").format(name=detail.name)

    def split_with(name: str | None) -> None:
        if name is not None:
            view.perform(partial(_split, detail, point, name), detail.versions, detail.id, True)

    view.ask(NamePickerScreen(title, "", _pool_loader(view, detail.id)), split_with)


def _split(detail: ProjectDetail, point: SplitPoint, name: str) -> Operation:
    """Return the split at an indicator or at a target offset."""
    if point.indicator_id is not None:
        indicator = next(item for item in detail.indicators if item.id == point.indicator_id)
        return SplitAtIndicator(detail.key, IndicatorRef.of(indicator), name)
    return SplitTarget(detail.key, point.offset or 0, name)


def move_indicator(view: ReviewView, direction: int) -> None:
    """Move the selected indicator to the previous (-1) or next (1) project."""
    detail = view.selected_detail()
    indicator = view.fields.selected_indicator()
    if detail is None or indicator is None:
        return
    operation = partial(MoveIndicator, detail.key, IndicatorRef.of(indicator), direction)
    view.perform(operation, detail.versions, detail.id)


def select_indicator(view: ReviewView, step: int) -> None:
    """Select the next or previous indicator (for moving, splitting, editing)."""
    view.fields.select_indicator(view.fields.selected_row + step)


def edit_field(view: ReviewView) -> None:
    """Edit a field of the project or of its selected indicator."""
    from tui.screens.field_editor import FieldEditorScreen

    detail = view.selected_detail()
    if detail is None:
        return
    indicator = view.fields.selected_indicator()

    def save(edit: FieldEdit | None) -> None:
        if edit is not None:
            view.perform(partial(_edit, detail, edit), detail.versions, detail.id)

    view.ask(FieldEditorScreen(detail, indicator), save)


def _edit(detail: ProjectDetail, edit: FieldEdit) -> Operation:
    """Return the edit of one project or indicator field."""
    if edit.indicator_id is None:
        return EditProjectField(detail.key, edit.field, edit.value)
    indicator = next(item for item in detail.indicators if item.id == edit.indicator_id)
    return EditIndicatorField(detail.key, IndicatorRef.of(indicator), edit.field, edit.value)
