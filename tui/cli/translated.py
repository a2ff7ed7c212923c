"""Click commands and options whose help is translated when it is shown, not when it is declared.

Click stores help texts when the decorators run, at import, before `--lang` is read. Here help
texts are `N_`-marked English templates, looked up in the catalog each time help is formatted, and
every command chooses its language (`tui.cli.language`) before it parses anything else, so help,
errors and output all come out in the chosen language wherever `--lang` stands.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

import click

from store.i18n import N_, _
from tui.cli.cells import cell_width, wrap
from tui.cli.click_messages import click_text
from tui.cli.help_format import CellHelpFormatter
from tui.cli.language import speak_chosen_language

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
