"""The `h` screen: the edit log, newest first; Enter jumps to the project an entry touched."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from store.views import EditEntry
from tui.widgets.text_cells import data_text
from tui.workers import STORE_FAILURES, StoreAccess

HISTORY_LIMIT = 500


def entry_cells(entry: EditEntry) -> tuple[str | Text, ...]:
    """Time, reviewer, operation, before → after, and whether it is undone; no markup."""
    style = "dim strike" if entry.undone else ""
    return (
        entry.time.strftime("%Y-%m-%d %H:%M:%S"),
        data_text(entry.reviewer, style),
        data_text(entry.action, style),
        data_text(entry.summary, style),
        "undone" if entry.undone else "",
    )


class HistoryScreen(ModalScreen[str | None]):
    """Returns the key of the first project of the chosen entry, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h,q", "cancel", "Close", tooltip="Back to the review", id="history-close"),
    ]

    def __init__(self, store: StoreAccess) -> None:
        """Read the log from `store`."""
        super().__init__()
        self.store = store
        self.entries: list[EditEntry] = []

    def compose(self) -> ComposeResult:
        """Title and the log table."""
        with Vertical(id="history-dialog", classes="dialog"):
            yield Label("Edit log, newest first (Enter jumps to the project)")
            table: DataTable[str | Text] = DataTable(id="history-table", cursor_type="row")
            table.add_columns("time", "reviewer", "operation", "before → after", "")
            yield table
            yield Label("Loading…", classes="hint", id="history-hint")

    def on_mount(self) -> None:
        """Load the log in a worker."""
        self.query_one("#history-table", DataTable).focus()
        self.load()

    @work(thread=True, group="history")
    def load(self) -> None:
        """Worker: read the newest entries."""
        try:
            entries = self.store.call(lambda repository: repository.history(HISTORY_LIMIT))
        except STORE_FAILURES as error:
            self.app.call_from_thread(self.notify, str(error), title="History", severity="error")
            return
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[EditEntry]) -> None:
        """Fill the table."""
        self.entries = entries
        table: DataTable[str | Text] = self.query_one("#history-table", DataTable)
        table.add_rows(entry_cells(entry) for entry in entries)
        hint = f"{len(entries)} entries" if entries else "Nothing has been done yet."
        self.query_one("#history-hint", Label).update(hint)

    @on(DataTable.RowSelected, "#history-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        """Close with the key of the project the entry touched first."""
        entry = self.entries[event.cursor_row] if event.cursor_row < len(self.entries) else None
        self.dismiss(entry.project_keys[0] if entry and entry.project_keys else None)

    def action_cancel(self) -> None:
        """Back to the review."""
        self.dismiss(None)
