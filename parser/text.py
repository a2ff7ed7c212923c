"""Marks the parser's sentences for the translation catalog without translating them here.

The parser is pure (no files, no locale), so it only marks its English templates with `N_`; the
store and the app look them up in the catalog (`store.i18n`) when they show them.
"""

from __future__ import annotations


def N_(template: str) -> str:
    """Return `template` unchanged; Babel's extraction collects it into the catalog."""
    return template
