"""The `h` screen: the edit log, newest first; Enter jumps to the project an entry touched."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from store.i18n import N_, _, ngettext
from store.labels import operation_label
from store.views import EditEntry
from tui.logged_text import history_summary
from tui.widgets.text_cells import data_text
from tui.workers import STORE_FAILURES, StoreAccess

HISTORY_LIMIT = 500
LONG_TIME = "%Y-%m-%d %H:%M:%S"
SHORT_TIME = "%m-%d %H:%M"
WIDE_TABLE = 100
"""From this many cells on, the time has its year and seconds and names get more room."""
COLUMN_GAPS = 2 * 5
"""DataTable pads each cell with a space on either side."""


OPERATION_CELLS = (8, 18)
"""The operation column is as wide as its title and its widest word, within these bounds."""


def column_widths(table_cells: int, operation_cells: int = 14) -> tuple[list[int], str]:
    """Widths of time, state, reviewer, operation and before → after, and the time format; the
    summary takes the rest, so every column is on screen and a long summary wraps in its row."""
    wide = table_cells >= WIDE_TABLE
    time_format = LONG_TIME if wide else SHORT_TIME
    state = max(cell_len(_("undone")), cell_len(_("applied")), cell_len(_("state")), 8)
    operation = max(operation_cells, cell_len(_("operation")), OPERATION_CELLS[0])
    operation = min(operation, OPERATION_CELLS[1])
    fixed = [19 if wide else 11, state, 10 if wide else 8, operation if wide else 10]
    summary = max(table_cells - sum(fixed) - COLUMN_GAPS, 14)
    return [*fixed, summary], time_format


def entry_cells(entry: EditEntry, time_format: str = LONG_TIME) -> tuple[str | Text, ...]:
    """Time, state, reviewer, operation and before → after; no markup.

    An undone entry says so in its own column (in the warning colour) and is dimmed: many
    terminals draw no strikethrough, so that cannot be the only sign.
    """
    style = "dim" if entry.undone else ""
    state = Text(_("undone"), style="bold yellow") if entry.undone else Text(_("applied"))
    return (
        Text(entry.time.strftime(time_format), style=style),
        state,
        data_text(entry.reviewer, style),
        data_text(operation_label(entry.action), style),
        data_text(history_summary(entry), style),
    )


class HistoryScreen(ModalScreen[str | None]):
    """Returns the key of the first project of the chosen entry, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,h,q",
            "cancel",
            N_("Close"),
            tooltip=N_("Back to the review"),
            id="history-close",
        ),
    ]

    def __init__(self, store: StoreAccess) -> None:
        """Read the log from `store`."""
        super().__init__()
        self.store = store
        self.entries: list[EditEntry] = []

    def compose(self) -> ComposeResult:
        """Title and the log table."""
        with Vertical(id="history-dialog", classes="dialog"):
            yield Label(_("Edit log, newest first (Enter jumps to the project)"))
            yield DataTable(id="history-table", cursor_type="row")
            yield Label(_("Loading…"), classes="hint", id="history-hint")

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
            title = _("History")
            self.app.call_from_thread(self.notify, str(error), title=title, severity="error")
            return
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[EditEntry]) -> None:
        """Fill the table, its columns fitted to its width."""
        self.entries = entries
        self._fill()
        count = len(entries)
        hint = ngettext("{count} entry", "{count} entries", count).format(count=count)
        hint = hint if entries else _("Nothing has been done yet.")
        self.query_one("#history-hint", Label).update(hint)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the columns to the new width."""
        if self.entries:
            self._fill()

    def _fill(self) -> None:
        """Columns for the table's width, then one row per entry (as tall as its summary)."""
        table: DataTable[str | Text] = self.query_one("#history-table", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        titles = [_("time"), _("state"), _("reviewer"), _("operation"), _("before → after")]
        operations = [cell_len(operation_label(entry.action)) for entry in self.entries]
        widths, time_format = column_widths(
            table.scrollable_content_region.width, max(operations, default=0)
        )
        for title, width in zip(titles, widths, strict=True):
            table.add_column(title, width=width)
        for entry in self.entries:
            table.add_row(*entry_cells(entry, time_format), height=None)
        table.move_cursor(row=row)

    @on(DataTable.RowSelected, "#history-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        """Close with the key of the project the entry touched first."""
        entry = self.entries[event.cursor_row] if event.cursor_row < len(self.entries) else None
        self.dismiss(entry.project_keys[0] if entry and entry.project_keys else None)

    def action_cancel(self) -> None:
        """Back to the review."""
        self.dismiss(None)
