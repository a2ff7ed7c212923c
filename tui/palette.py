"""The command palette in the active language, Textual's own commands and words included.

Textual writes its palette's words (the placeholder, "No matches found", the system commands) in
English; they are marked here for the catalog and shown translated. Textual's key panel is left
out of the palette: it would list the keys in English, and `?` lists them all in either language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from store.i18n import N_, _

TEXTUAL_WORDS = frozenset(
    {
        N_("Theme"),
        N_("Change the current theme"),
        N_("Quit"),
        N_("Quit the application as soon as possible"),
        N_("Maximize"),
        N_("Maximize the focused widget"),
        N_("Minimize"),
        N_("Minimize the widget and restore to normal size"),
        N_("Screenshot"),
        N_("Save an SVG 'screenshot' of the current screen"),
    }
)
"""The titles and help of Textual's system commands, as Textual 8 writes them."""

COMMANDS_PLACEHOLDER = N_("Search for commands…")
THEMES_PLACEHOLDER = N_("Search for themes…")


def textual_word(text: str) -> str:
    """Return one of Textual's words in the active language (others as Textual wrote them)."""
    return _(text) if text in TEXTUAL_WORDS else text


def system_commands(app: App[Any], commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's system commands with their words translated, without its key panel."""
    key_panel = {app.action_show_help_panel, app.action_hide_help_panel}
    for command in commands:
        if command.callback in key_panel:
            continue
        title, help_text = textual_word(command.title), textual_word(command.help)
        yield SystemCommand(title, help_text, command.callback, command.discover)


class TranslatedPalette(CommandPalette):
    """Textual's command palette saying its own words in the active language."""

    def __init__(self, placeholder: str = COMMANDS_PLACEHOLDER, **options: Any) -> None:
        """Open the palette with `placeholder` (an `N_` template) in its search field."""
        super().__init__(placeholder=_(placeholder), **options)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """After a moment without matches for what was typed, say so (Textual's own step, with
        the sentence translated)."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            self._list_visible = bool(search_value)
            if search_value:
                sentence = Text(_("No matches found"), style="not bold")
                option = Option(Align.center(sentence), disabled=True, id=self._NO_MATCHES)
                self.query_one(CommandList).add_option(option)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
