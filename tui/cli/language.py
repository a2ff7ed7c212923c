"""Which language a command speaks: its own --lang, else its parent's choice, else env and locale.

Every command reads `--lang` among its own arguments before click parses them, so `--help --lang
zh` and `--lang zh --help` agree, and errors about the other arguments are already translated.
"""

from __future__ import annotations

import os

import click

from store.i18n import LanguageError, choose_language, environment_language, language, set_language
from tui.cli.errors import UserError

LANGUAGE_PARAMETER = "lang"
"""The name of the `--lang` parameter in click's parsed options."""


def speak_chosen_language(command: click.Command, ctx: click.Context, args: list[str]) -> None:
    """Set the language: this command's --lang, else the parent's choice, else env and locale."""
    requested = _requested_language(command, ctx, args)
    if requested is None and ctx.parent is not None:
        return
    try:
        set_language(choose_language(os.environ, requested))
    except LanguageError as error:
        set_language(language() if ctx.parent else environment_language(os.environ))
        raise UserError(str(error)) from error


def _requested_language(command: click.Command, ctx: click.Context, args: list[str]) -> str | None:
    """Return the --lang value among a command's own arguments, if one is given."""
    try:
        options, _rest, _order = command.make_parser(ctx).parse_args(args=list(args))
    except click.UsageError:
        return None  # reported, in the language from the environment, by the real parse
    value = options.get(LANGUAGE_PARAMETER)
    return value if isinstance(value, str) else None
