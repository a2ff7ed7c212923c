"""`gzreview db upgrade` and `gzreview db status`: the tables' schema version, changed at will."""

from __future__ import annotations

import click

from store.errors import StoreError
from store.i18n import N_, _
from store.schema_admin import SchemaState, schema_state, upgrade_database
from tui.cli.database_choice import refuse_missing_database
from tui.cli.declare import command, language_option
from tui.cli.errors import UserError
from tui.cli.options import db_option, resolve_db
from tui.cli.output import echo_line
from tui.cli.translated import TranslatedGroup


@click.group(
    "db",
    cls=TranslatedGroup,
    help=N_("Look after the database's tables: their schema version, and upgrading them."),
)
@language_option
def db_group() -> None:
    """Group the commands that read and change the schema version."""


@command(
    "upgrade",
    help=N_(
        "Create the tables in an empty database, or upgrade them to this gzreview's schema "
        "version. A shared PostgreSQL database is only ever upgraded this way, once, by whoever "
        "looks after it (back it up with `pg_dump` first; the reviewers' apps closed); a SQLite "
        "file is also upgraded when it is opened."
    ),
)
@db_option
def upgrade_command(db: str | None) -> None:
    """Upgrade the tables and say from which version to which."""
    location = resolve_db(db)
    try:
        before, after = upgrade_database(location)
    except StoreError as error:
        raise UserError(str(error)) from error
    if before.found == after.found:
        message = _("{location}: the tables are at schema version {version} already; nothing "
                    "to do.")
        echo_line(message.format(location=after.location, version=after.found))
    elif before.found is None:
        echo_line(_("{location}: created the tables at schema version {version}.")
                  .format(location=after.location, version=after.found))
    else:
        echo_line(_("{location}: upgraded the tables from schema version {old} to {new}.")
                  .format(location=after.location, old=before.found, new=after.found))


@command(
    "status",
    help=N_("Show the database's schema version next to the one this gzreview uses, and whether "
            "`gzreview db upgrade` is needed."),
)
@db_option
def status_command(db: str | None) -> None:
    """Print the schema version found and expected, and what to do."""
    location = resolve_db(db)
    refuse_missing_database(location)
    try:
        state = schema_state(location)
    except StoreError as error:
        raise UserError(str(error)) from error
    echo_line(_status_sentence(state))
    if state.found is not None and state.found > state.expected:
        raise click.exceptions.Exit(1)


def _status_sentence(state: SchemaState) -> str:
    """Return the one line `db status` prints for a state."""
    if state.found is None:
        return _(
            "{location}: no gzreview tables yet (this gzreview uses schema version {expected}); "
            "`gzreview db upgrade` or the first `gzreview import` creates them."
        ).format(location=state.location, expected=state.expected)
    if state.current:
        return _("{location}: schema version {found}, the one this gzreview uses; up to date.") \
            .format(location=state.location, found=state.found)
    if state.found < state.expected:
        return _(
            "{location}: schema version {found}, older than this gzreview's {expected}; run "
            "`gzreview db upgrade` once (after a backup)."
        ).format(location=state.location, found=state.found, expected=state.expected)
    return _(
        "{location}: schema version {found}, newer than this gzreview's {expected}; upgrade "
        "gzreview (pip install -U gzreview) before using this database."
    ).format(location=state.location, found=state.found, expected=state.expected)


db_group.add_command(upgrade_command)
db_group.add_command(status_command)
