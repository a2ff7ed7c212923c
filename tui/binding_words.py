"""A key binding's words in the active language, looked up each time they are shown.

Textual builds a class's bindings once, when the class is created, so words translated there
would stay in whatever language was active at import. Bindings therefore hold the English
`N_` templates, and the key bar, the help screen and the command palette read them through
these functions; the keys themselves never change with the language.
"""

from __future__ import annotations

from textual.binding import Binding

from store.i18n import _


def translated(template: str) -> str:
    """Return a binding's template in the active language ("" stays "": gettext of "" is the
    catalog's header)."""
    return _(template) if template else ""


def binding_label(binding: Binding) -> str:
    """Return what the binding does, in a word or two."""
    return translated(binding.description)


def binding_help(binding: Binding) -> str:
    """Return the sentence that explains the binding."""
    return translated(binding.tooltip)


def group_label(group: Binding.Group) -> str:
    """Return the name of a group of bindings shown as one entry."""
    return translated(group.description)
