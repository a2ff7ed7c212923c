"""The `?` screen: every key of the review screen with what it does."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_text(bindings: Iterable[BindingType]) -> Text:
    """One line per binding: its keys, its description and its tooltip."""
    text = Text()
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = binding.key_display or binding.key
        text.append(f"{keys:>12}  ", style="bold")
        text.append(f"{binding.description:<16}")
        text.append(f"{binding.tooltip}\n", style="dim")
    text.append(f"{'ctrl+p':>12}  ", style="bold")
    text.append(f"{'Commands':<16}")
    text.append("Command palette with every action\n", style="dim")
    return text


class HelpScreen(ModalScreen[None]):
    """Lists the keys; any of Escape, `?` or `q` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,q", "close", "Close", tooltip="Close the help", id="help-close"
        ),
    ]

    def __init__(self, bindings: Iterable[BindingType]) -> None:
        """Show these bindings."""
        super().__init__()
        self.bindings = list(bindings)

    def compose(self) -> ComposeResult:
        """A scrollable list of keys."""
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(Text("Keys", style="bold underline"))
            yield Static(help_text(self.bindings), id="help-keys")

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
