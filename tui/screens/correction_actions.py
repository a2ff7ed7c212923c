"""The issue-5 corrections on the review screen: a key opens at most a dialog, then one verb."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from store.candidates import NamePool
from store.views import ProjectDetail
from tui.messages import StoreFailed
from tui.screens.field_editor import FieldEdit, FieldEditorScreen
from tui.screens.history_screen import HistoryScreen
from tui.screens.name_picker import NamePickerScreen
from tui.screens.review_actions import ReviewActions, error_title
from tui.screens.split_screen import SplitPoint, SplitScreen
from tui.screens.swap_screen import SwapScreen
from tui.widgets.fields_pane import FieldsPane
from tui.workers import STORE_FAILURES

if TYPE_CHECKING:
    from store.repository import Repository


class CorrectionActions(ReviewActions):
    """Rename, swap, merge, split, move an indicator, edit a field, and the history."""

    if TYPE_CHECKING:

        def jump_to_project(self, project_id: int | None) -> None: ...

    def _name_pool(self, project_id: int) -> Callable[[], NamePool]:
        """The picker's names for a project, read once in the picker's worker."""
        return lambda: self.store.call(lambda repository: repository.name_pool(project_id))

    def action_rename(self) -> None:
        """Pick a name (a name another project of the unit holds is swapped with it)."""
        detail = self.selected_detail()
        if detail is None:
            return

        def rename_to(name: str | None) -> None:
            if name:
                self.apply_edit(
                    lambda repository: repository.rename(detail.id, name, detail.version),
                    "",
                    detail.id,
                )

        picker = NamePickerScreen(
            f"Rename “{detail.name}”", detail.name, self._name_pool(detail.id)
        )
        self.app.push_screen(picker, rename_to)

    def action_swap(self) -> None:
        """Swap the name with the previous or next project (asked by the next key)."""
        detail = self.selected_detail()
        if detail is None:
            return

        def swap(direction: int | None) -> None:
            if direction:
                self.apply_edit(
                    lambda repository: repository.swap_with_neighbour(
                        detail.id, direction, detail.version
                    ),
                    "",
                    detail.id,
                )

        self.app.push_screen(SwapScreen(detail.name), swap)

    def action_merge(self) -> None:
        """Merge the next project into this one (targets joined, indicators appended)."""
        detail = self.selected_detail()
        if detail is not None:
            self.apply_edit(
                lambda repository: repository.merge_with_next(detail.id, detail.version),
                "",
                detail.id,
            )

    def action_split(self) -> None:
        """Choose where to split, then name the new project with the picker."""
        detail = self.selected_detail()
        if detail is None:
            return
        selected = self.query_one(FieldsPane).selected_row
        self.app.push_screen(SplitScreen(detail, selected), partial(self._name_split, detail))

    def _name_split(self, detail: ProjectDetail, point: SplitPoint | None) -> None:
        """After the split point: the picker names the new project, then the split runs."""
        if point is None:
            return

        def split_with(name: str | None) -> None:
            if name is not None:
                self.apply_edit(partial(_split, detail, point, name), "Split", detail.id, True)

        title = f"Name the new project split from “{detail.name}”"
        self.app.push_screen(NamePickerScreen(title, "", self._name_pool(detail.id)), split_with)

    def action_move_indicator(self, direction: int) -> None:
        """Move the selected indicator to the previous (-1) or next (1) project."""
        detail = self.selected_detail()
        indicator = self.query_one(FieldsPane).selected_indicator()
        if detail is None or indicator is None:
            return
        self.apply_edit(
            lambda repository: repository.move_indicator(
                detail.id, indicator.id, direction, detail.version
            ),
            "",
            detail.id,
        )

    def action_select_indicator(self, step: int) -> None:
        """Select the next or previous indicator (for moving, splitting, editing)."""
        pane = self.query_one(FieldsPane)
        pane.select_indicator(pane.selected_row + step)

    def action_edit_field(self) -> None:
        """Edit a field of the project or of its selected indicator."""
        detail = self.selected_detail()
        if detail is None:
            return
        indicator = self.query_one(FieldsPane).selected_indicator()

        def save(edit: FieldEdit | None) -> None:
            if edit is not None:
                self.apply_edit(partial(_edit, detail, edit), "", detail.id)

        self.app.push_screen(FieldEditorScreen(detail, indicator), save)

    def action_history(self) -> None:
        """Open the edit log; Enter jumps to the project an entry touched."""
        self.app.push_screen(HistoryScreen(self.store), self._jump_to_key)

    def _jump_to_key(self, key: str | None) -> None:
        """Find the project by its key (in a worker) and select it."""
        if key is not None:
            self.run_worker(partial(self._find_key, key), thread=True, group="jump")

    def _find_key(self, key: str) -> None:
        """Worker: the id of the project with `key`, or a notice that it is gone."""
        try:
            project_id = self.store.call(lambda repository: repository.project_id_of(key))
        except STORE_FAILURES as error:
            self.post_message(StoreFailed(error_title(error), str(error)))
            return
        self.app.call_from_thread(self.jump_to_project, project_id)


def _split(detail: ProjectDetail, point: SplitPoint, name: str, repository: Repository) -> int:
    """Split at an indicator or at a target offset; return the new project's id."""
    if point.indicator_id is not None:
        return repository.split_at_indicator(detail.id, point.indicator_id, name, detail.version)
    return repository.split_target(detail.id, point.offset or 0, name, detail.version)


def _edit(detail: ProjectDetail, edit: FieldEdit, repository: Repository) -> object:
    """Write one project or indicator field."""
    if edit.indicator_id is None:
        return repository.edit_project_field(detail.id, edit.field, edit.value, detail.version)
    return repository.edit_indicator_field(
        detail.id, edit.indicator_id, edit.field, edit.value, detail.version
    )
