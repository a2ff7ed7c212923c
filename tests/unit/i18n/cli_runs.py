"""Run `gzreview` in-process in a chosen language, as a reviewer's shell would start it."""

from __future__ import annotations

from click.testing import CliRunner, Result

from tui.cli import main

LOCALES = {"en": "C.UTF-8", "zh": "zh_CN.UTF-8"}
"""A locale per interface language, set the way a reviewer's terminal sets it."""


def run(
    *args: str, language: str = "en", env: dict[str, str | None] | None = None, input: str = ""
) -> Result:
    """Run `gzreview ARGS` under the locale of `language`, no GZREVIEW_LANG, 80 columns."""
    environment: dict[str, str | None] = {
        "LANG": LOCALES[language],
        "LC_ALL": None,
        "LC_MESSAGES": None,
        "GZREVIEW_LANG": None,
        "COLUMNS": "80",
    }
    environment.update(env or {})
    return CliRunner().invoke(main, list(args), env=environment, input=input, prog_name="gzreview")
