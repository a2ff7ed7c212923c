"""The `?` screen: every key of the review screen, the fields pane and the dialogs, in columns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widget import Widget

from store.i18n import N_, _
from tui.binding_words import binding_help, binding_label
from tui.screens.split_screen import SplitScreen
from tui.widgets.fields_layout import wrap_cells
from tui.widgets.fields_pane import FieldsPane
from tui.widgets.text_cells import fit_cells

Entry = tuple[str, str, str]
"""Keys, what they do in a word or two, and the sentence that explains it."""
Section = tuple[str, list[Entry]]

KEY_CELLS_MAX = 14
WORDS_CELLS_MAX = 24
GAP = 2
NARROWEST_EXPLANATION = 30
"""Below this many cells the explanation goes on its own lines under the key."""


def keys_text(binding: Binding) -> str:
    """The binding's keys as a reader types them: `↓/j`, `ctrl+r`, `<`."""
    if binding.key_display:
        return binding.key_display
    return "/".join(key if "+" in key else format_key(key) for key in binding.key.split(","))


def binding_entries(bindings: Iterable[BindingType]) -> list[Entry]:
    """One entry per binding that has a description, its words in the active language."""
    return [
        (keys_text(binding), binding_label(binding), binding_help(binding))
        for binding in bindings
        if isinstance(binding, Binding) and binding.description
    ]


def help_sections(review_bindings: Iterable[BindingType]) -> list[Section]:
    """The review screen's keys, then the fields pane's, the split dialog's and the global ones."""
    split_keys = [
        entry for entry in binding_entries(SplitScreen.BINDINGS) if entry[0] != "esc"
    ]
    return [
        (_("Review"), binding_entries(review_bindings)),
        (_("In the fields pane"), binding_entries(FieldsPane.BINDINGS)),
        (_("In the split dialog (s)"), split_keys),
        (
            _("Anywhere"),
            [
                ("tab", _("Focus"), _("Move between the project list and the fields pane")),
                ("ctrl+p", _("Commands"), _("The command palette: every action, by name")),
                ("esc", _("Close"), _("Close a dialog without changing anything")),
            ],
        ),
    ]


def help_text(review_bindings: Iterable[BindingType], width: int = 96) -> Text:
    """Every key, laid out for `width` cells."""
    return columns_text(help_sections(review_bindings), width)


def columns_text(sections: list[Section], width: int) -> Text:
    """The sections as three columns (keys, words, explanation); an explanation that wraps
    continues under its own column, or under the key when the width leaves it too little."""
    entries = [entry for _title, section in sections for entry in section]
    key_cells = min(max(cell_len(keys) for keys, _w, _e in entries), KEY_CELLS_MAX)
    word_cells = min(max(cell_len(words) for _k, words, _e in entries), WORDS_CELLS_MAX)
    indent = key_cells + word_cells + 2 * GAP
    if width - indent < NARROWEST_EXPLANATION:
        indent = key_cells + GAP
    text = Text(no_wrap=True, overflow="crop")
    for number, (title, section) in enumerate(sections):
        if number:
            text.append("\n")
        text.append(f"{title}\n", style="bold underline")
        for keys, words, explanation in section:
            _append_entry(text, (keys, words, explanation), (key_cells, word_cells), indent, width)
    return text


def _append_entry(
    text: Text, entry: Entry, cells: tuple[int, int], indent: int, width: int
) -> None:
    """One entry: keys and words padded to their columns, then the wrapped explanation."""
    keys, words, explanation = entry
    key_cells, word_cells = cells
    text.append(fit_cells(keys, key_cells) + " " * GAP, style="bold")
    head = cell_len(fit_cells(keys, key_cells)) + GAP
    words_fit = fit_cells(words, word_cells) if indent > key_cells + GAP else words
    text.append(words_fit)
    head += cell_len(words_fit)
    pieces = wrap_cells(explanation, max(width - indent, NARROWEST_EXPLANATION)) or [""]
    if head + GAP > indent:
        text.append("\n")
        head = 0
    for piece in pieces:
        text.append(" " * (indent - head))
        text.append(f"{piece}\n", style="dim")
        head = 0


class KeyColumns(Widget):
    """The sections laid out for the widget's own width, again on every resize."""

    DEFAULT_CSS = """
    KeyColumns {
        height: auto;
    }
    """

    def __init__(self, sections: list[Section], *, id: str | None = None) -> None:
        """Show these sections."""
        super().__init__(id=id)
        self.sections = sections

    def render(self) -> Text:
        """The columns at the current width."""
        return columns_text(self.sections, max(self.size.width, 40))


class HelpScreen(ModalScreen[None]):
    """Lists the keys; any of Escape, `?` or `q` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,q",
            "close",
            N_("Close"),
            tooltip=N_("Close the help"),
            id="help-close",
        ),
    ]

    def __init__(self, bindings: Iterable[BindingType]) -> None:
        """Show these bindings (the review screen's), with those of the panes and dialogs."""
        super().__init__()
        self.sections = help_sections(bindings)

    def compose(self) -> ComposeResult:
        """A scrollable list of keys."""
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield KeyColumns(self.sections, id="help-keys")

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
