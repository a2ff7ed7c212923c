"""The one place sentences are translated: gettext catalogs for Chinese, English as the source.

Every sentence a user reads is written in English in the code, marked with `_` (translated where
it is written) or `N_` (only marked; translated where it is shown), and looked up in the
`gzreview` catalog of the active language. Templates use named fields (`{name}`) filled with
`str.format` after translation, so a translator can reorder them.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "gzreview"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "zh")
"""The interface languages: English (the source text) and Simplified Chinese."""

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(language: str) -> None:
    """Make `language` ("en" or "zh") the language of every sentence shown from now on."""
    global _active, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown interface language {language!r}; use one of {LANGUAGES}")
    _language = language
    if language == "en":
        _active = gettext.NullTranslations()
    else:
        _active = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def language() -> str:
    """Return the active interface language."""
    return _language


def _(message: str) -> str:
    """Return `message` in the active language (unchanged when the catalog lacks it)."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the singular or plural form for `count` in the active language."""
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it; it is translated where shown."""
    return message
