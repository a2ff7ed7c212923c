"""The `gzreview` command: a bare call opens the review app, subcommands run headless."""

from __future__ import annotations

import click

from tui.cli.parse_command import parse_command


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gzreview")
@click.pass_context
def main(context: click.Context) -> None:
    """Review and correct project records extracted from budget performance-target tables."""
    if context.invoked_subcommand is None:
        click.echo(context.get_help())


main.add_command(parse_command)
