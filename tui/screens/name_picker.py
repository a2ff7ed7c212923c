"""The rename picker: names ranked for this project before typing, then against the typed text."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.candidates import NamePool
from store.i18n import N_, _
from store.labels import NAME_SOURCE_LABELS, name_source_label
from store.views import NameChoice
from tui.screens.query_list import QueryListScreen, query_list_bindings
from tui.widgets.text_cells import fit_cells, printable
from tui.workers import STORE_FAILURES

FREE_TEXT_ID = "\0free-text"
CANDIDATE_LIMIT = 20
HINT = N_(
    "↑/↓ choose · Enter apply · Escape cancel · ⇄ a name held by another project swaps with it"
)
OPTION_PADDING = 2
SCROLLBAR_CELLS = 2
SCORE_AND_GAPS = 5 + 2 + 2 + 1
"""The score and the gaps around the name, source and holder columns."""


SHORT_HOLDER_CELLS = 30
"""Below this the holder column says `⇄ target`: the hint line explains the arrow."""


def holder_text(choice: NameChoice, short: bool = False) -> str:
    """Who holds the name now, told by what the list shows: the holder's target, not its id."""
    if not choice.holder_summary:
        return _("free")
    if choice.holder_project_id is None:
        return choice.holder_summary
    prefix = f"#{choice.holder_project_id}"
    if not choice.holder_summary.startswith(prefix):
        return choice.holder_summary  # this project itself
    about = choice.holder_summary.removeprefix(prefix).strip()
    if choice.holder_verified:  # a verified holder keeps its name: choosing it asks first
        if short:
            return f"✓ {about}"
        return _("verified, keeps it: {target}").format(target=about)
    if short:
        return f"⇄ {about}"
    return _("swaps with: {target}").format(target=about) if about else _("swaps with a project")


def source_cells() -> int:
    """Cells of the source column: its widest word in the active language."""
    return max(cell_len(label.text()) for label in NAME_SOURCE_LABELS.values())


def choice_label(choice: NameChoice, width: int = 84) -> str:
    """Score, name, where it comes from and which project holds it now, in exactly `width`
    cells so an option never wraps into what looks like another candidate; no markup."""
    sources = source_cells()
    flexible = max(width - SCORE_AND_GAPS - sources, 24)
    name = fit_cells(printable(choice.name), flexible * 11 // 20)
    holder_cells = flexible - cell_len(name)
    held = holder_text(choice, short=holder_cells < SHORT_HOLDER_CELLS)
    holder = fit_cells(printable(held), holder_cells)
    source = fit_cells(name_source_label(choice.source), sources)
    score = f"{choice.score:.2f}" if choice.score <= 1 else f"{choice.score:.0f}"
    return fit_cells(f"{score:>5}  {name}  {source} {holder}", width)


class NamePickerScreen(QueryListScreen[str | None]):
    """Returns the chosen or typed name; nothing is applied until the reviewer picks one."""

    BINDINGS: ClassVar[list[BindingType]] = query_list_bindings(
        "picker",
        N_("Close without renaming"),
        (N_("Highlight the next name"), N_("Highlight the previous name")),
    )

    def __init__(self, title: str, current: str, open_pool: Callable[[], NamePool]) -> None:
        """`open_pool()` reads the names once, in a worker; each keystroke ranks them in memory."""
        super().__init__()
        self.title_text = title
        self.current = current
        self.open_pool = open_pool
        self.pool: NamePool | None = None

    def compose(self) -> ComposeResult:
        """Title, query input, candidates, hint."""
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label(printable(self.title_text), markup=False)
            now = _("now: {name}").format(name=printable(self.current))
            yield Input(placeholder=now, id="picker-input")
            yield OptionList(id="picker-results", markup=False)
            yield Label(_(HINT), classes="hint", id="picker-hint")

    def on_mount(self) -> None:
        """Read the names in a worker; they are ranked by fit as soon as they arrive."""
        loading = Option("  " + _("loading names…"))
        self.query_one("#picker-results", OptionList).add_option(loading)
        self._load_pool()

    @work(thread=True, exclusive=True, group="picker-pool")
    def _load_pool(self) -> None:
        """Worker: read the candidate names once for this picker session."""
        try:
            pool = self.open_pool()
        except STORE_FAILURES as error:
            title = _("Names")
            self.app.call_from_thread(self.notify, str(error), title=title, severity="error")
            return
        self.app.call_from_thread(self._pool_loaded, pool)

    def _pool_loaded(self, pool: NamePool) -> None:
        """Keep the names and rank them for whatever is typed by now; then build the fuzzy index
        the typing needs (the list by fit is shown without it)."""
        self.pool = pool
        self.rank(self._typed_text())
        self._prepare_index(pool)

    @work(thread=True, exclusive=True, group="picker-index")
    def _prepare_index(self, pool: NamePool) -> None:
        """Worker: build the fuzzy index while the reviewer reads the list."""
        pool.prepare()

    def _typed_text(self) -> str:
        """The query as typed, trimmed."""
        return self.query_one("#picker-input", Input).value.strip()

    @on(Input.Changed, "#picker-input")
    def _typed(self, event: Input.Changed) -> None:
        """Rank again against the typed text (once the names are loaded)."""
        if self.pool is not None:
            self.rank(event.value.strip())

    @work(thread=True, exclusive=True, group="picker")
    def rank(self, query: str) -> None:
        """Worker: rank in memory; a newer keystroke cancels this one's result."""
        if self.pool is None:
            return
        choices = self.pool.choices(query, CANDIDATE_LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_if_current, query, choices)

    def _show_if_current(self, query: str, choices: list[NameChoice]) -> None:
        """Show a ranking only if the text it was made for is still what is typed."""
        if query == self._typed_text():
            self._show(query, choices)

    def _show(self, query: str, choices: list[NameChoice]) -> None:
        """List the typed text first (free text), then the candidates."""
        results = self.query_one("#picker-results", OptionList)
        results.clear_options()
        # An option's padding and a scrollbar that more candidates than fit would bring.
        width = max(results.content_region.width - OPTION_PADDING - SCROLLBAR_CELLS, 40)
        if query and all(choice.name != query for choice in choices):
            typed = _("  new  {name}  (as typed)").format(name=printable(query))
            results.add_option(Option(fit_cells(typed, width), id=FREE_TEXT_ID))
        for index, choice in enumerate(choices):
            label = choice_label(choice, width)
            results.add_option(Option(label, id=f"{index}\0{choice.name}"))
        results.highlighted = 0 if results.option_count else None

    def choose(self, option: Option) -> None:
        """Close with the name the option stands for."""
        if option.id == FREE_TEXT_ID:
            name = self.query_one("#picker-input", Input).value.strip()
        else:
            name = (option.id or "").split("\0", 1)[-1]
        if name:
            self.dismiss(name)

