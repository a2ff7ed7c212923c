"""The bottom line: the keys of the focused pane and the screen, as many as the width holds.

Textual's footer lists shown bindings left to right and cuts the line wherever the width ends
(`F Filte▏`), and shows one binding per action whatever key the focused pane took over. Here each
entry names only the keys that really do its action now, Help and Quit always stay, and an
entry that does not fit is left out whole while later, shorter ones still get in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.widget import Widget
from textual.widgets import Input

from store.i18n import _
from tui.binding_words import binding_label, group_label

PINNED_IDS = ("help", "quit")
"""Entries kept whatever the width: the way to every other key, and the way out."""
GAP = 1
SLASHES = {"slash": "/", "backslash": "\\"}
"""Keys Textual's `key_to_character` does not name (their Unicode names are SOLIDUS ones)."""


@dataclass(frozen=True)
class KeyEntry:
    """One action on the bar: the keys that do it now and what it does."""

    keys: tuple[str, ...]
    shown_keys: str
    label: str

    @property
    def cells(self) -> int:
        """Cells the entry takes: ` keys ` then `label`."""
        return cell_len(self.shown_keys) + cell_len(self.label) + 2


def key_entries(app: App[object], active: dict[str, ActiveBinding]) -> list[KeyEntry]:
    """Shown bindings grouped by the node and action they run, in binding order; a key another
    node took over is absent, so each entry lists only the keys that do its action now.
    Bindings sharing a `Binding.Group` become one entry under the group's description; the
    words are read in the active language."""
    actions: dict[tuple[DOMNode, str], list[Binding]] = {}
    typing = isinstance(app.focused, Input)
    for node, binding, enabled, _tooltip in active.values():
        if typing and _types_a_character(binding.key):
            continue  # a text field takes the character: the key does not run its action
        if binding.show and enabled:
            actions.setdefault((node, binding.action), []).append(binding)
    entries: list[KeyEntry] = []
    groups: dict[str, int] = {}
    for bindings in actions.values():
        keys = tuple(binding.key for binding in bindings)
        shown = "/".join(_key_display(app, binding) for binding in bindings)
        group = bindings[0].group
        if group is not None and group.description in groups:
            index = groups[group.description]
            merged = entries[index]
            entries[index] = KeyEntry(
                merged.keys + keys, f"{merged.shown_keys} {shown}", merged.label
            )
            continue
        if group is not None:
            groups[group.description] = len(entries)
        label = group_label(group) if group is not None else binding_label(bindings[0])
        entries.append(KeyEntry(keys, shown, label))
    return entries


def _types_a_character(key: str) -> bool:
    """Whether a key types a printable character (`/`, `\\`, `g`), not `ctrl+r` or `down`."""
    character = key_to_character(key) or SLASHES.get(key)
    return character is not None and character.isprintable()


def _key_display(app: App[object], binding: Binding) -> str:
    """How one key is written (`↓`, `j`, `^r`): a binding's `key_display` names all its keys."""
    return app.get_key_display(replace(binding, key_display=None))


def fit_entries(entries: list[KeyEntry], width: int, pinned: set[str]) -> list[KeyEntry]:
    """The entries that fit in `width` cells, in order: pinned ones first, then every other one
    that still fits (one too long is skipped, not cut)."""
    room = width - sum(entry.cells + GAP for entry in entries if pinned & set(entry.keys))
    chosen = []
    for entry in entries:
        if pinned & set(entry.keys):
            chosen.append(entry)
        elif entry.cells + GAP <= room:
            chosen.append(entry)
            room -= entry.cells + GAP
    return chosen


class KeyBar(Widget):
    """Redrawn when the screen's bindings change (focus moved, a modal opened) or on resize."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--label"}
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $footer-background;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $foreground 12%;
        text-style: bold;
    }
    KeyBar > .key-bar--label {
        color: $footer-description-foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty; the screen's bindings fill it once mounted."""
        super().__init__(id=id)
        self.entries: list[KeyEntry] = []
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        """Follow the screen's bindings."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed()

    def on_unmount(self) -> None:
        """Stop following them."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object = None) -> None:
        """Collect the entries again and redraw."""
        entries = key_entries(self.app, self.screen.active_bindings)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            key = _key_display(self.app, palette.binding)
            entries.append(KeyEntry((palette.binding.key,), key, _("Commands")))
        self.entries = entries
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        """Fit the entries to the new width."""
        self.refresh()

    def shown_entries(self) -> list[KeyEntry]:
        """The entries drawn at the current width."""
        pinned = {
            key
            for key, active in self.screen.active_bindings.items()
            if active.binding.id in PINNED_IDS
        }
        return fit_entries(self.entries, self.size.width, pinned)

    def render(self) -> Text:
        """One line of ` keys label` entries; remembers where each is, for clicks."""
        key_style = self.get_component_rich_style("key-bar--key")
        label_style = self.get_component_rich_style("key-bar--label")
        text = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for entry in self.shown_entries():
            start = text.cell_len
            text.append(f" {entry.shown_keys} ", key_style)
            text.append(entry.label, label_style)
            self._spans.append((start, text.cell_len, entry.keys[0]))
            text.append(" " * GAP)
        return text

    def on_click(self, event: events.Click) -> None:
        """A click on an entry presses its key."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
