"""The `D` screen: what the parser found outside any project; Enter shows it in the raw text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from store.i18n import N_, _, ngettext
from store.labels import flag_label
from store.views import DocumentFinding
from tui.logged_text import finding_message
from tui.widgets.text_cells import data_text, printable

if TYPE_CHECKING:
    from textual.app import ComposeResult


def finding_label(finding: DocumentFinding) -> str:
    """Return `line N: kind` for a finding (the raw pane's subtitle when it shows one)."""
    return _("line {line}: {kind}").format(line=finding.line, kind=flag_label(finding.code))


class DocumentIssuesScreen(ModalScreen[DocumentFinding | None]):
    """Lists one document's findings with their lines; returns the chosen one, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,D,q",
            "close",
            N_("Close"),
            tooltip=N_("Back to the review"),
            id="issues-close",
        ),
    ]

    def __init__(self, file_name: str, findings: Sequence[DocumentFinding]) -> None:
        """Show these findings of the document `file_name`."""
        super().__init__()
        self.file_name = file_name
        self.findings = list(findings)

    def compose(self) -> ComposeResult:
        """Title, the findings table and a hint."""
        with Vertical(id="issues-dialog", classes="dialog"):
            title = _("Document issues in {file} (Enter shows one in the raw text)")
            yield Label(title.format(file=printable(self.file_name)), markup=False)
            table: DataTable[str | Text] = DataTable(id="issues-table", cursor_type="row")
            table.add_columns(_("line"), _("kind"), _("what the parser found"))
            table.add_rows(
                (str(item.line), data_text(flag_label(item.code)), data_text(finding_message(item)))
                for item in self.findings
            )
            yield table
            yield Label(self._hint(), classes="hint", id="issues-hint")

    def _hint(self) -> str:
        """How many findings the list holds, or that there are none."""
        count = len(self.findings)
        if not count:
            return _("The parser found nothing outside the projects of this document.")
        return ngettext(
            "{count} finding outside any project", "{count} findings outside any project", count
        ).format(count=count)

    def on_mount(self) -> None:
        """Put the cursor in the table."""
        self.query_one("#issues-table", DataTable).focus()

    @on(DataTable.RowSelected, "#issues-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        """Close with the chosen finding."""
        if event.cursor_row < len(self.findings):
            self.dismiss(self.findings[event.cursor_row])

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
