"""The `gzreview` command: a bare call opens the review app, subcommands run headless."""

from __future__ import annotations

import click

from store.i18n import N_
from tui.cli.claims_commands import claims_group
from tui.cli.click_messages import route_click_messages
from tui.cli.db_commands import db_group
from tui.cli.declare import language_option, version_option
from tui.cli.export_command import export_command
from tui.cli.history_commands import apply_command, history_command, redo_command, undo_command
from tui.cli.known_commands import known_group
from tui.cli.options import db_option, reviewer_option
from tui.cli.parse_command import parse_command
from tui.cli.reparse_command import reparse_command
from tui.cli.review_command import review_command, run_bare
from tui.cli.store_commands import import_command, stats_command
from tui.cli.translated import TranslatedGroup
from tui.cli.verify_command import verify_command

route_click_messages()


@click.group(
    cls=TranslatedGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_(
        "Review and correct project records extracted from budget performance-target tables."
        "\n\n"
        "Without a command, open the review app (an empty database starts with the bundled "
        "sample). --db, --reviewer and --lang given here also apply to the command that follows."
    ),
)
@version_option
@db_option
@reviewer_option
@language_option
@click.pass_context
def main(context: click.Context, db: str | None, reviewer: str | None) -> None:
    """Run the review app when no command is given; the chosen command runs after this."""
    if context.invoked_subcommand is None:
        run_bare(db, reviewer)


for subcommand in (
    parse_command,
    review_command,
    import_command,
    stats_command,
    known_group,
    export_command,
    history_command,
    undo_command,
    redo_command,
    apply_command,
    verify_command,
    reparse_command,
    claims_group,
    db_group,
):
    main.add_command(subcommand)
