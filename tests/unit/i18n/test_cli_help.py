"""`--help` of every command in both languages: all of it translated, and laid out in cells."""

from __future__ import annotations

import re

import click
import pytest

from store.i18n import set_language, translations
from tests.unit.i18n.cli_runs import run
from tui.cli import main
from tui.cli.cells import cell_width
from tui.cli.translated import TranslatedOption

WIDTH = 80
"""The help width click's test runner sets."""

TECHNICAL_WORDS = {
    "gzreview", "SQLAlchemy", "URL", "JSON", "Lines", "UTF", "BOM", "CSV", "CPU", "Frictionless",
    "jsonl", "csv", "xlsx", "datapackage", "table", "txt", "zh", "en", "x",
    "root", "local", "share", "db",  # the default database path
    "PostgreSQL", "SQLite",  # the two databases, by name
}  # fmt: skip
"""Words allowed in the Chinese help: names of formats, tools, files and languages."""

ENGLISH_CHROME = ("Usage:", "Options:", "Commands:", "Show this message", "[default:")


def _command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [()]
    for name, command in main.commands.items():
        paths.append((name,))
        if isinstance(command, click.Group):
            paths += [(name, sub) for sub in command.commands]
    return paths


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _templates(command: click.Command) -> list[str]:
    """The command's help and its options' help, as the English templates in the code."""
    options = [p.help for p in command.params if isinstance(p, TranslatedOption) and p.help]
    return [command.help or "", *options]


def _own_words(command: click.Command) -> set[str]:
    """Words of the command line itself: command, option and metavar names, choices."""
    names = " ".join(command.commands) if isinstance(command, click.Group) else ""
    words = set(re.findall(r"[A-Za-z]+", names))
    help_option = command.get_help_option(click.Context(command))
    for param in [*command.params, *([help_option] if help_option else [])]:
        pieces = [*param.opts, str(param.metavar or ""), param.type.name.upper()]
        pieces += list(getattr(param.type, "choices", ()))
        fields = getattr(param, "help_fields", {}).values()
        pieces += [field for field in fields if isinstance(field, str)]  # environment variables
        words.update(re.findall(r"[A-Za-z]+", " ".join(pieces)))
    return words | {"FILE", "PATHS", "OPERATIONS", "INTEGER", "RANGE", "TEXT"}


PATHS = _command_paths()
IDS = [" ".join(path) or "gzreview" for path in PATHS]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_chinese_help_translates_every_sentence(path: tuple[str, ...]) -> None:
    command = _command(path)
    result = run(*path, "--help", language="zh")
    assert result.exit_code == 0, result.output
    output = _compact(result.stdout)
    catalog = translations("gzreview", "zh")
    for template in _templates(command):
        translated = catalog.gettext(template)
        assert translated != template, f"no Chinese for {template!r}"
        assert _compact(translated.split("{")[0]) in output
        assert _compact(template.split("{")[0])[:30] not in output
    assert not [chrome for chrome in ENGLISH_CHROME if chrome in result.stdout]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_chinese_help_has_no_english_words_of_its_own(path: tuple[str, ...]) -> None:
    result = run(*path, "--help", language="zh")
    literal = re.findall(r"`[^`]*`|--?[a-z][a-z-]*", result.stdout)  # commands, options
    quoted = set(re.findall(r"[A-Za-z]+", " ".join([*literal, *path])))
    words = set(re.findall(r"[A-Za-z]+", result.stdout))
    assert words - quoted - _own_words(_command(path)) - TECHNICAL_WORDS == set()


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_english_help_is_all_english(path: tuple[str, ...]) -> None:
    result = run(*path, "--help", language="en")
    assert result.exit_code == 0, result.output
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", result.stdout)
    set_language("en")
    for template in _templates(_command(path)):
        assert _compact(template.split("{")[0]) in _compact(result.stdout)
    assert result.stdout.startswith(f"Usage: gzreview {' '.join(path)}".rstrip())


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_help_fits_the_terminal_and_its_columns_align(path: tuple[str, ...], language: str) -> None:
    text = run(*path, "--help", language=language).stdout
    assert max(cell_width(line) for line in text.splitlines()) <= WIDTH
    sections = re.findall(r"^(?:Options:|Commands:|选项：|命令：)\n((?:  .*\n)+)", text, re.M)
    assert sections
    for section in sections:
        starts = {_description_start(line) for line in section.splitlines()}
        assert len(starts - {None}) == 1, section


def _description_start(line: str) -> int | None:
    """Return the cell where a list row's description starts (its indentation if it continues)."""
    row = re.match(r"(  \S.*?  +)\S", line)
    if line.startswith("   "):
        return len(line) - len(line.lstrip())
    return cell_width(row.group(1)) if row else None
