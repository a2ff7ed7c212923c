"""The `e` dialog: pick a field of the project or of its selected indicator, edit it in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from parser.records import INDICATOR_FIELDS
from store.i18n import N_, _
from store.labels import field_label, indicator_field_label
from store.views import IndicatorView, ProjectDetail
from tui.widgets.text_cells import fit_cells, printable

PROJECT_FIELDS = ("name", "unit", "target")


@dataclass(frozen=True)
class FieldEdit:
    """A new value for one field; `indicator_id` is None for a project field."""

    field: str
    value: str
    indicator_id: int | None = None


def field_choices(detail: ProjectDetail, indicator: IndicatorView | None) -> list[tuple[str, str]]:
    """(option id, current value) for every editable field: project first, then the indicator."""
    choices = [(f"project:{name}", str(getattr(detail, name))) for name in PROJECT_FIELDS]
    if indicator is not None:
        choices += [
            (f"indicator:{name}", str(getattr(indicator, name))) for name in INDICATOR_FIELDS
        ]
    return choices


class FieldEditorScreen(ModalScreen[FieldEdit | None]):
    """Enter on a field opens it for editing; Enter in the input returns the new value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "cancel", N_("Cancel"), tooltip=N_("Close without editing"), id="edit-cancel"
        ),
    ]

    def __init__(self, detail: ProjectDetail, indicator: IndicatorView | None) -> None:
        """Edit `detail` or its selected `indicator`."""
        super().__init__()
        self.detail = detail
        self.indicator = indicator
        self.values = dict(field_choices(detail, indicator))
        self.editing: str | None = None

    def compose(self) -> ComposeResult:
        """Field list, then the editor input."""
        with Vertical(id="edit-dialog", classes="dialog"):
            title = _("Edit a field of “{name}”").format(name=printable(self.detail.name))
            yield Label(title, markup=False)
            yield OptionList(*self._options(), id="edit-fields", markup=False)
            yield Input(id="edit-value", disabled=True)
            hint = _("Enter: edit the highlighted field · Escape cancel")
            yield Label(hint, classes="hint", id="edit-hint")

    def field_name(self, option_id: str) -> str:
        """The field an option edits, as the reviewer calls it (`指标 2：年度指标值`)."""
        owner, name = option_id.split(":")
        if owner != "indicator":
            return field_label(name)
        seq = self.indicator.seq if self.indicator else ""
        return _("indicator {seq}: {field}").format(seq=seq, field=indicator_field_label(name))

    def _options(self) -> list[Option]:
        """One option per field with its current value, the names in a column measured in cells."""
        names = {option_id: self.field_name(option_id) for option_id in self.values}
        name_cells = max(cell_len(name) for name in names.values()) + 2
        return [
            Option(fit_cells(names[option_id], name_cells) + fit_cells(value, 60), id=option_id)
            for option_id, value in self.values.items()
        ]

    @on(OptionList.OptionSelected, "#edit-fields")
    def _field_chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen field in the input, prefilled with its value."""
        self.editing = event.option.id
        editor = self.query_one("#edit-value", Input)
        editor.disabled = False
        editor.value = printable(self.values.get(self.editing or "", ""))  # controls shown
        editor.focus()
        hint = _("Editing {field}: Enter saves · Escape cancels")
        field = self.field_name(self.editing or "")
        self.query_one("#edit-hint", Label).update(hint.format(field=field))

    @on(Input.Submitted, "#edit-value")
    def _value_entered(self, event: Input.Submitted) -> None:
        """Return the new value (the store checks it and refuses what breaks an invariant)."""
        if self.editing is None:
            return
        owner, name = self.editing.split(":")
        indicator_id = self.indicator.id if owner == "indicator" and self.indicator else None
        self.dismiss(FieldEdit(name, event.value.strip(), indicator_id))

    def action_cancel(self) -> None:
        """Close without editing."""
        self.dismiss(None)
