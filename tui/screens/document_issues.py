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

from store.views import DocumentFinding
from tui.widgets.text_cells import data_text, printable

if TYPE_CHECKING:
    from textual.app import ComposeResult

CODE_NAMES = {
    "truncated": "cut off",
    "unassigned_name": "stray name",
    "unclaimed_text": "not understood",
}
"""Short words for the finding codes, for the list and the raw pane's subtitle."""


def finding_label(finding: DocumentFinding) -> str:
    """Return `line N · kind` for a finding."""
    return f"line {finding.line} · {CODE_NAMES.get(finding.code, finding.code)}"


class DocumentIssuesScreen(ModalScreen[DocumentFinding | None]):
    """Lists one document's findings with their lines; returns the chosen one, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,D,q", "close", "Close", tooltip="Back to the review", id="issues-close"),
    ]

    def __init__(self, file_name: str, findings: Sequence[DocumentFinding]) -> None:
        """Show these findings of the document `file_name`."""
        super().__init__()
        self.file_name = file_name
        self.findings = list(findings)

    def compose(self) -> ComposeResult:
        """Title, the findings table and a hint."""
        with Vertical(id="issues-dialog", classes="dialog"):
            yield Label(
                f"Document issues in {printable(self.file_name)} (Enter shows it in the raw text)",
                markup=False,
            )
            table: DataTable[str | Text] = DataTable(id="issues-table", cursor_type="row")
            table.add_columns("line", "kind", "what the parser found")
            table.add_rows(
                (
                    str(item.line),
                    data_text(CODE_NAMES.get(item.code, item.code)),
                    data_text(item.message),
                )
                for item in self.findings
            )
            yield table
            hint = (
                f"{len(self.findings)} finding(s) outside any project"
                if self.findings
                else "The parser found nothing outside the projects of this document."
            )
            yield Label(hint, classes="hint", id="issues-hint")

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
