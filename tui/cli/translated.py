"""Click commands and options whose help is translated when it is shown, not when it is declared.

Click stores help texts when the decorators run, at import, before `--lang` is read. Here help
texts are `N_`-marked English templates, looked up in the catalog each time help is formatted, and
every command reads `--lang` (or GZREVIEW_LANG, or the locale) before it parses anything else, so
help, errors and output all come out in the chosen language wherever `--lang` stands.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Callable, Mapping
from importlib.metadata import version
from typing import Any, TypeVar

import click

from store.i18n import (
    LANGUAGE_ENV,
    N_,
    LanguageError,
    _,
    choose_language,
    environment_language,
    language,
    set_language,
)
from tui.cli.cells import cell_width, wrap
from tui.cli.click_messages import click_text
from tui.cli.errors import UserError
from tui.cli.help_format import CellHelpFormatter

LANGUAGE_PARAMETER = "lang"

_USAGE_WORDS = {
    "[OPTIONS]": N_("[OPTIONS]"),
    "COMMAND [ARGS]...": N_("COMMAND [ARGS]..."),
    "[COMMAND] [ARGS]...": N_("[COMMAND] [ARGS]..."),
}
"""Click's usage placeholders (not in click's catalog) and their templates."""

_FIRST_SENTENCE = re.compile(r".*?(?:[。！？]|[.!?](?=\s|$))", re.DOTALL)


class TranslatedContext(click.Context):
    """A click context whose help is laid out in terminal cells."""

    formatter_class = CellHelpFormatter


class TranslatedOption(click.Option):
    """An option whose help (an `N_` template, with `help_fields` filled in) is shown translated."""

    def __init__(
        self, *args: Any, help_fields: Mapping[str, object] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.help_fields = dict(help_fields or {})

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        """Return the option's help line in the active language."""
        shown = copy.copy(self)
        if self.help:
            fields = {name: _field(value) for name, value in self.help_fields.items()}
            shown.help = _(self.help).format(**fields) if fields else _(self.help)
        if isinstance(self.show_default, str):
            shown.show_default = _(self.show_default)
        return click.Option.get_help_record(shown, ctx)


def _field(value: object) -> object:
    """Return a help field's value, calling it when it is computed (such as a default path)."""
    return value() if callable(value) else value


class TranslatedPath(click.Path):
    """A click path type that names its kind (file, directory, path) in the active language.

    Click names it when the type is created, at import, so its errors would stay English.
    """

    @property
    def name(self) -> str:
        """Return the kind of path this type accepts, translated now."""
        if self.file_okay and not self.dir_okay:
            return click_text("file")
        if self.dir_okay and not self.file_okay:
            return click_text("directory")
        return click_text("path")

    @name.setter
    def name(self, _kind: str) -> None:
        """Ignore click's name, fixed at import; the property above derives it when asked."""


class TranslatedCommand(click.Command):
    """A command that speaks the chosen language in its help, its errors and its output."""

    context_class = TranslatedContext

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Choose the language from --lang (wherever it stands) before parsing the rest."""
        speak_chosen_language(self, ctx, args)
        return super().parse_args(ctx, args)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the command's help paragraph(s), translated."""
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_(self.help))

    def get_short_help_str(self, limit: int = 45) -> str:
        """Return the first sentence of the translated help, cut to `limit` cells."""
        text = (_(self.help) if self.help else "").split("\n\n")[0].strip()
        first = _FIRST_SENTENCE.match(text)
        sentence = " ".join((first.group(0) if first else text).split())
        if cell_width(sentence) <= limit:
            return sentence
        return wrap(sentence, limit - 3)[0] + "..."

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """Return the usage line's pieces with click's placeholders translated."""
        pieces = super().collect_usage_pieces(ctx)
        return [_(_USAGE_WORDS[piece]) if piece in _USAGE_WORDS else piece for piece in pieces]

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Return the help option, its text in the active language (click caches the option)."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = click_text("Show this message and exit.")
        return option


class TranslatedGroup(TranslatedCommand, click.Group):
    """A group of translated commands; its subcommands and subgroups are translated too."""

    command_class = TranslatedCommand
    group_class = type


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
