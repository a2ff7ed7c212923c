"""A modal list of counted values under titles, counted in a worker: the base of the facet screens.

VisiData's frequency table and OpenRefine's facets in one list: each title is a facet, each row a
value with how many projects (or indicator values) have it, the count right-aligned in front.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from time import perf_counter
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.i18n import N_, _, ngettext
from tui.widgets.text_cells import printable
from tui.workers import STORE_FAILURES, StoreAccess

RowT = TypeVar("RowT")
ResultT = TypeVar("ResultT")

SHOWN_PER_SECTION = 100
"""Values listed per facet, most common first; the rest are counted in one line (a list of
thousands of units or documents took most of a second to build and is read by no one)."""
ACTIVE_MARK = "✓"
"""Ends a value the list is filtered to already (one cell in every terminal)."""


def count_width(counts: Iterable[int]) -> int:
    """How many cells the largest of `counts` takes with thousands separators, so the counts of
    one screen line up."""
    return len(f"{max(counts, default=0):,}")


def count_line(count: int, label: str, active: bool = False, count_cells: int = 7) -> Text:
    """One value's line: its count right-aligned, the value as plain text (never markup)."""
    line = Text(f"{count:>{count_cells},}  ", style="bold" if active else "")
    line.append(printable(label))
    if active:
        line.append(f" {ACTIVE_MARK}", style="bold green")
    return line


class FacetListScreen(ModalScreen[ResultT | None], Generic[RowT, ResultT]):
    """Counts in a worker, then lists sections of rows; subclasses say what is counted and what
    Enter on a row returns. `shown_ms` is how long the counts took to appear (for benchmarks)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", N_("Close"), tooltip=N_("Back to the review"),
                id="facets-close"),
    ]

    def __init__(self, store: StoreAccess, title: str) -> None:
        """Count over `store`; `title` heads the dialog."""
        super().__init__()
        self.store = store
        self.title_text = title
        self.rows: list[RowT] = []
        self.shown_ms: float | None = None
        self._opened = perf_counter()

    def compose(self) -> ComposeResult:
        """Title, the list of counted values, a hint."""
        with Vertical(classes="dialog facet-dialog"):
            yield Static(self.title_text, markup=False, classes="dialog-title")
            yield OptionList(id="facet-values", markup=False)
            yield Static(_("Counting…"), markup=False, classes="hint", id="facet-hint")

    def on_mount(self) -> None:
        """Start counting."""
        self._opened = perf_counter()
        self.query_one(OptionList).focus()
        self._count()

    def counting(self) -> Callable[[Any], Sequence[tuple[str, list[tuple[RowT, Text]]]]]:
        """Return the store work that gives the sections: (title, [(row, its line)])."""
        raise NotImplementedError

    def hint(self) -> str:
        """The keys under the list."""
        return _("↑/↓ move  Escape close")

    @work(thread=True, group="facets", exclusive=True)
    def _count(self) -> None:
        """Worker: count, then show the sections."""
        try:
            sections = self.store.call(self.counting())
        except STORE_FAILURES as error:
            self.app.call_from_thread(self.notify, str(error), title=_("Facets"),
                                      severity="error")
            return
        self.app.call_from_thread(self._show, sections)

    def _show(self, sections: Sequence[tuple[str, list[tuple[RowT, Text]]]]) -> None:
        """Fill the list: a title line per section, a line per value."""
        options: list[Option] = []
        self.rows = []
        for title, rows in sections:
            options.append(Option(Text(title, style="bold underline"), disabled=True))
            for row, line in rows[:SHOWN_PER_SECTION]:
                options.append(Option(line, id=str(len(self.rows)),
                                      disabled=not self.choosable(row)))
                self.rows.append(row)
            if not rows:
                options.append(Option(Text("  " + _("(none)"), style="dim"), disabled=True))
            elif len(rows) > SHOWN_PER_SECTION:
                more = len(rows) - SHOWN_PER_SECTION
                words = ngettext("  and {count} more value; narrow the list to see it",
                                 "  and {count} more values; narrow the list to see them", more)
                options.append(Option(Text(words.format(count=f"{more:,}"), style="dim"),
                                      disabled=True))
        values = self.query_one(OptionList)
        values.clear_options()
        values.add_options(options)
        first = next((index for index, option in enumerate(options) if not option.disabled), None)
        values.highlighted = first
        self.query_one("#facet-hint", Static).update(self.hint())
        self.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        """The counts are on screen: note how long that took."""
        self.shown_ms = (perf_counter() - self._opened) * 1000

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on a value."""
        if event.option.id is not None:
            self.choose(self.rows[int(event.option.id)])

    def choosable(self, row: RowT) -> bool:
        """Whether Enter on the row does something (subclasses decide)."""
        return True

    def choose(self, row: RowT) -> None:
        """What Enter on a row does (subclasses decide)."""

    def action_close(self) -> None:
        """Back to the review, choosing nothing."""
        self.dismiss(None)
