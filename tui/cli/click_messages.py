"""Click's own sentences (Usage:, Options, Error: …) in the interface language, from our catalog.

Click marks its messages with the standard library's global `gettext`, which follows the process
locale and the default text domain, not `--lang`/`GZREVIEW_LANG`. Each click module binds that
function as `_` (and `ngettext`) when imported, so routing those names to the `click` catalog of
the active language (`store/locale/*/LC_MESSAGES/click.po`) makes click speak it too.
"""

from __future__ import annotations

import importlib

from store.i18n import language, translations

CLICK_DOMAIN = "click"

CLICK_MODULES = (
    "click._termui_impl",
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.shell_completion",
    "click.termui",
    "click.types",
    "click.utils",
)
"""Every click module that imports `gettext` (a test checks the list against click's source)."""


def click_text(message: str) -> str:
    """Return one of click's messages in the active language."""
    return translations(CLICK_DOMAIN, language()).gettext(message)


def click_plural(singular: str, plural: str, count: int) -> str:
    """Return one of click's plural messages in the active language."""
    return translations(CLICK_DOMAIN, language()).ngettext(singular, plural, count)


def route_click_messages() -> None:
    """Make every click module translate through `click_text` / `click_plural`."""
    for name in CLICK_MODULES:
        names = vars(importlib.import_module(name))
        names["_"] = click_text
        if "ngettext" in names:
            names["ngettext"] = click_plural
