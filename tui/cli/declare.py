"""Decorators that declare translated commands and options, and the --lang and --version options.

Help texts given to them are `N_`-marked templates; the classes of `tui.cli.translated` look them
up in the catalog when help is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from typing import Any, TypeVar

import click

from store.i18n import LANGUAGE_ENV, N_, _
from tui.cli.language import LANGUAGE_PARAMETER
from tui.cli.translated import TranslatedCommand, TranslatedOption

Decorated = Callable[..., Any]
Function = TypeVar("Function", bound=Decorated)


def language_parameter() -> TranslatedOption:
    """Return the `--lang zh|en` option (env GZREVIEW_LANG; default: the locale)."""
    return TranslatedOption(
        ["--lang", LANGUAGE_PARAMETER],
        metavar="zh|en",
        expose_value=False,
        help=N_(
            "Language of messages and help: zh (Chinese) or en (English) "
            "[env {variable}; default: zh for a zh_* locale, else en]."
        ),
        help_fields={"variable": LANGUAGE_ENV},
    )


def language_option(function: Function) -> Function:
    """Add `--lang` to a command function, where its other option decorators stand."""
    vars(function).setdefault("__click_params__", []).append(language_parameter())
    return function


def option(*declarations: str, **settings: Any) -> Callable[[Function], Function]:
    """Declare an option whose `help` is an `N_` template (see TranslatedOption)."""
    return click.option(*declarations, cls=TranslatedOption, **settings)


def command(name: str, help: str) -> Callable[[Decorated], TranslatedCommand]:
    """Declare a command whose `help` is an `N_` template; it also takes --lang."""

    def decorate(function: Decorated) -> TranslatedCommand:
        declared = click.command(name, cls=TranslatedCommand, help=help)(function)
        declared.params.append(language_parameter())
        return declared

    return decorate


def version_option(command: Function) -> Function:
    """Add `--version`, which prints the installed version in the active language."""

    def show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        program = ctx.find_root().info_name or "gzreview"
        click.echo(
            _("{program}, version {version}").format(program=program, version=version("gzreview"))
        )
        ctx.exit()

    return click.option(
        "--version",
        cls=TranslatedOption,
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=show_version,
        help=N_("Show the version and exit."),
    )(command)
