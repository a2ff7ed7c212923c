"""The one place sentences are translated: gettext catalogs for Chinese, English as the source.

Every sentence a user reads is written in English in the code, marked with `_` (translated where
it is written) or `N_` (only marked; translated where it is shown), and looked up in the
`gzreview` catalog of the active language. Templates use named fields (`{name}`) filled with
`str.format` after translation, so a translator can reorder them. The language is chosen once per
run: `--lang`, else `GZREVIEW_LANG`, else the locale (`zh_*` is Chinese, anything else English).
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

DOMAIN = "gzreview"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "zh")
"""The interface languages: English (the source text) and Simplified Chinese."""

LANGUAGE_ENV = "GZREVIEW_LANG"
"""Environment variable that chooses the language over the locale (`zh` or `en`)."""

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The locale variables in POSIX order: the first one set decides."""

_CHINESE_LOCALE = re.compile(r"zh(?:[_.@-]|$)", re.IGNORECASE)

_language = "en"
_active: gettext.NullTranslations = gettext.NullTranslations()


class LanguageError(ValueError):
    """A language value gzreview does not speak, with where it came from (`--lang` or env)."""

    def __init__(self, value: str, source: str) -> None:
        super().__init__(value, source)
        self.value = value
        self.source = source

    def __str__(self) -> str:
        if self.source == LANGUAGE_ENV:
            return _(
                "{variable}={value} is not a language gzreview speaks; "
                "set {variable} to zh (Chinese) or en (English), or unset it."
            ).format(variable=LANGUAGE_ENV, value=self.value)
        return _(
            "{option} {value} is not a language gzreview speaks; "
            "use {option} zh (Chinese) or {option} en (English)."
        ).format(option=self.source, value=self.value)


def locale_language(environ: Mapping[str, str]) -> str:
    """Return "zh" when the first locale variable set names a `zh_*` locale, else "en"."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return "zh" if _CHINESE_LOCALE.match(value) else "en"
    return "en"


def checked_language(value: str, source: str) -> str:
    """Return `value` as a language code ("zh"/"en", any case), or raise LanguageError."""
    code = value.strip().lower()
    if code not in LANGUAGES:
        raise LanguageError(value, source)
    return code


def environment_language(environ: Mapping[str, str]) -> str:
    """Return GZREVIEW_LANG's language when it is valid, else the locale's (never raises)."""
    try:
        return choose_language(environ)
    except LanguageError:
        return locale_language(environ)


def choose_language(environ: Mapping[str, str], requested: str | None = None) -> str:
    """Return the language to speak: `requested` (--lang), else GZREVIEW_LANG, else the locale."""
    if requested is not None:
        return checked_language(requested, "--lang")
    from_environment = environ.get(LANGUAGE_ENV, "")
    if from_environment:
        return checked_language(from_environment, LANGUAGE_ENV)
    return locale_language(environ)


@cache
def translations(domain: str, language: str) -> gettext.NullTranslations:
    """Return the compiled catalog of `domain` for `language` (no-op for English or none found)."""
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, LOCALE_DIR, languages=[language], fallback=True)


def set_language(language: str) -> None:
    """Make `language` ("en" or "zh") the language of every sentence shown from now on."""
    global _active, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown interface language {language!r}; use one of {LANGUAGES}")
    _language = language
    _active = translations(DOMAIN, language)


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
