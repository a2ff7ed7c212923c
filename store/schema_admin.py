"""Looking after the tables themselves: which schema version a database has, and upgrading it.

Opening a shared server never changes its tables (`store.db.prepare_schema`); this is the one
deliberate way to, run once by whoever looks after the database, with the others' apps closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from store.db import (
    SCHEMA_VERSION,
    create_store_engine,
    damage_reported,
    display_location,
    schema_version,
    upgrade_schema,
    with_lock_retries,
    writer,
)
from store.errors import DatabaseBusyError, DatabaseUnavailableError, SchemaTooNewError
from store.i18n import _
from store.pg_errors import postgres_error
from store.postgres import schema_lock

UPGRADE_LOCK_TIMEOUT = "60s"
"""How long an upgrade waits for open sessions' table locks before it gives up (changes nothing)."""


@dataclass(frozen=True)
class SchemaState:
    """A database's schema version (None: no tables yet) against the one this gzreview uses."""

    location: str
    found: int | None
    expected: int = SCHEMA_VERSION

    @property
    def current(self) -> bool:
        """Whether the database has exactly the tables this gzreview uses."""
        return self.found == self.expected


@contextmanager
def _engine(url_or_path: str | Path) -> Iterator[Engine]:
    """Yield an engine on the database; its errors leave as one sentence; disposed after."""
    engine = create_store_engine(url_or_path)
    location = display_location(str(engine.url))
    try:
        with damage_reported(location, opening=True):
            yield engine
    except DBAPIError as error:
        if engine.dialect.name == "postgresql":
            raise postgres_error(error, location) from error
        raise DatabaseUnavailableError(
            _("{location}: cannot open the database ({reason}); check --db or GZREVIEW_DB")
            .format(location=location, reason=error.orig)
        ) from error
    finally:
        engine.dispose()


def schema_state(url_or_path: str | Path) -> SchemaState:
    """Return the database's schema version, reading only."""
    with _engine(url_or_path) as engine, engine.connect() as connection:
        return SchemaState(display_location(str(engine.url)), schema_version(connection))


def upgrade_database(url_or_path: str | Path) -> tuple[SchemaState, SchemaState]:
    """Create or upgrade the tables to this gzreview's version; return the state before and after.

    On PostgreSQL the upgrade holds the schema's advisory lock and waits up to a minute for
    sessions still reading; all of it is one transaction, so a failure changes nothing.
    """
    with _engine(url_or_path) as engine:
        location = display_location(str(engine.url))
        return with_lock_retries(lambda: _upgrade(engine, location), location)


def _upgrade(engine: Engine, location: str) -> tuple[SchemaState, SchemaState]:
    """Run the upgrade in one writing transaction (see `upgrade_database`)."""
    shared = engine.dialect.name == "postgresql"
    try:
        with writer(engine).begin() as connection:
            if shared:
                schema_lock(connection)
                connection.execute(text(f"SET LOCAL lock_timeout = '{UPGRADE_LOCK_TIMEOUT}'"))
            found = schema_version(connection)
            if found is not None and found > SCHEMA_VERSION:
                raise SchemaTooNewError(location, found, SCHEMA_VERSION)
            if found != SCHEMA_VERSION:
                upgrade_schema(connection)
            after = schema_version(connection)
    except DBAPIError as error:
        failure = postgres_error(error, location) if shared else None
        if isinstance(failure, DatabaseBusyError):
            raise DatabaseBusyError(
                _(
                    "{location}: reviewers' apps kept the tables in use for {wait}; nothing was "
                    "changed — ask them to close gzreview, then run `gzreview db upgrade` again"
                ).format(location=location, wait=UPGRADE_LOCK_TIMEOUT)
            ) from error
        raise
    return SchemaState(location, found), SchemaState(location, after)
