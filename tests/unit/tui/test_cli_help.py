"""Every `gzreview` command and option explains itself in `--help`, however deep it is nested."""

from __future__ import annotations

from collections.abc import Iterator

import click

from tui.cli import main


def _commands(command: click.Command, path: str) -> Iterator[tuple[str, click.Command]]:
    """The command and, for a group, every command below it, each with its full name."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, f"{path} {name}")


def _undocumented(path: str, command: click.Command) -> list[str]:
    """What of this command `--help` would show without a word of explanation."""
    missing = [] if (command.help or "").strip() else [path]
    context = click.Context(command, info_name=path)
    for param in command.get_params(context):
        if isinstance(param, click.Option) and not (param.help or "").strip():
            missing.append(f"{path} {'/'.join(param.opts)}")
    return missing


def test_the_walk_reaches_nested_commands() -> None:
    names = [path for path, _ in _commands(main, "gzreview")]
    assert {"gzreview", "gzreview import", "gzreview known list"} <= set(names)


def test_every_command_and_option_has_help_text() -> None:
    missing = [item for path, command in _commands(main, "gzreview")
               for item in _undocumented(path, command)]
    assert missing == []
