"""The `gzreview` command: a bare call opens the review app, subcommands run headless."""

from __future__ import annotations

import click

from tui.cli.export_command import export_command
from tui.cli.history_commands import apply_command, history_command, redo_command, undo_command
from tui.cli.known_commands import known_group
from tui.cli.options import db_option, reviewer_option
from tui.cli.parse_command import parse_command
from tui.cli.review_command import review_command, run_bare
from tui.cli.store_commands import import_command, stats_command


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gzreview")
@db_option
@reviewer_option
@click.pass_context
def main(context: click.Context, db: str | None, reviewer: str | None) -> None:
    """Review and correct project records extracted from budget performance-target tables.

    Without a command, open the review app (an empty database starts with the bundled sample).
    --db and --reviewer given here also apply to the command that follows.
    """
    if context.invoked_subcommand is None:
        run_bare(db, reviewer)


main.add_command(parse_command)
main.add_command(review_command)
main.add_command(import_command)
main.add_command(stats_command)
main.add_command(known_group)
main.add_command(export_command)
main.add_command(history_command)
main.add_command(undo_command)
main.add_command(redo_command)
main.add_command(apply_command)
