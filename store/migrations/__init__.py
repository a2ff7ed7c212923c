"""Alembic revisions of gzreview's tables, one per schema version, and running them.

Revision ids are the schema versions ("5", "6", …) and the `meta` table's `schema_version`
stays the one truth every gzreview reads (older clients too): before upgrading, Alembic's own
record is set from it, so a database made before Alembic or by an older gzreview upgrades from
where it stands. See docs/postgresql.md for how a team's server is upgraded.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

BASELINE = 5
"""The first revision: everything up to schema version 5, made by the steps gzreview had before."""


def _config(connection: Connection | None = None) -> Config:
    """Return an Alembic configuration for the revisions in this package, on `connection`."""
    config = Config()
    config.set_main_option("script_location", "store:migrations")
    config.attributes["connection"] = connection
    return config


def head_version() -> int:
    """Return the schema version the newest revision makes."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    return int(head or BASELINE)


def upgrade_to_head(connection: Connection) -> None:
    """Run every revision the database lacks, in `connection`'s transaction."""
    from store.db import schema_version

    config = _config(connection)
    found = schema_version(connection)
    if found is not None and found >= BASELINE:
        command.stamp(config, str(found), purge=True)
    else:  # empty, or from before version 5: the baseline brings it there from what it finds
        command.stamp(config, "base", purge=True)
    command.upgrade(config, "head")
