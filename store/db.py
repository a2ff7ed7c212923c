"""The only database-specific module: engine creation, SQLite pragmas, schema version checks."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import platformdirs
from sqlalchemy import JSON, Connection, Engine, Table, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlmodel import SQLModel

from store.changes import install_change_counter
from store.errors import DatabaseUnavailableError, SchemaTooNewError, SchemaTooOldError, StoreError
from store.findings import fill_findings
from store.i18n import _
from store.invariants import fill_noise_spans
from store.models import DOCUMENTS, EDIT_LOG, KNOWN_NAMES, META, POSITION_STEP, PROJECTS
from store.pg_errors import missing_driver, postgres_error
from store.postgres import (
    DEFAULT_POSTGRES_DRIVER,
    copy_rows,
    postgres_engine,
    schema_lock,
    with_postgres_driver,
)

SCHEMA_VERSION = 5
"""Bump when the tables change, and register the step that upgrades the previous version below."""

BUSY_TIMEOUT_SECONDS = 10.0
LOCK_ATTEMPTS = 4
"""How often a write waits out the busy timeout before telling the user the database is busy."""
WRITE_OPTION = "gzreview_write"
"""Execution option marking a writing transaction, so SQLite takes the write lock up front."""

Migration = Callable[[Connection], None]


def _add_noise_and_absorbed_names(connection: Connection) -> None:
    """Version 2: documents keep their noise spans, projects the names merged into them."""
    for table, column in (("documents", "noise_spans"), ("projects", "absorbed_names")):
        if column not in {found["name"] for found in inspect(connection).get_columns(table)}:
            connection.exec_driver_sql(
                f"ALTER TABLE {table} ADD COLUMN {column} JSON NOT NULL DEFAULT '[]'"
            )
    connection.execute(PROJECTS.update().values(position=PROJECTS.c.position * POSITION_STEP))
    fill_noise_spans(connection)


def _add_findings_and_derive_verified_names(connection: Connection) -> None:
    """Version 3: documents keep their findings; verified names are read from projects instead."""
    if "findings" not in {found["name"] for found in inspect(connection).get_columns("documents")}:
        connection.exec_driver_sql(
            "ALTER TABLE documents ADD COLUMN findings JSON NOT NULL DEFAULT '[]'"
        )
    fill_findings(connection)
    connection.execute(KNOWN_NAMES.delete().where(KNOWN_NAMES.c.source == "verified"))


def _add_verification_provenance(connection: Connection) -> None:
    """Version 4: a project keeps who verified it and when, read back from the edit log."""
    present = {found["name"] for found in inspect(connection).get_columns("projects")}
    for column in ("verified_by", "verified_at"):
        if column not in present:
            kind = PROJECTS.c[column].type.compile(dialect=connection.dialect)
            connection.exec_driver_sql(f"ALTER TABLE projects ADD COLUMN {column} {kind}")
    verified = select(PROJECTS.c.key).where(PROJECTS.c.status == "verified")
    keys = set(connection.execute(verified).scalars())
    entries = select(EDIT_LOG.c.reviewer, EDIT_LOG.c.time, EDIT_LOG.c.project_keys).where(
        EDIT_LOG.c.action == "verify", EDIT_LOG.c.undone.is_(False)
    ).order_by(EDIT_LOG.c.id)
    latest = {entry.project_keys[0]: entry for entry in connection.execute(entries)
              if entry.project_keys and entry.project_keys[0] in keys}
    for key, entry in latest.items():
        connection.execute(
            PROJECTS.update().where(PROJECTS.c.key == key)
            .values(verified_by=entry.reviewer, verified_at=entry.time)
        )


def _add_claims_and_change_counter(connection: Connection) -> None:
    """Version 5: claims (a table only) and the change counter's row and triggers."""
    install_change_counter(connection)


MIGRATIONS: dict[int, Migration] = {
    1: _add_noise_and_absorbed_names,
    2: _add_findings_and_derive_verified_names,
    3: _add_verification_provenance,
    4: _add_claims_and_change_counter,
}
"""`MIGRATIONS[n]` upgrades a version-n database to n+1 (after missing tables are created)."""


def default_database_path() -> Path:
    """Return where gzreview keeps its database when neither --db nor GZREVIEW_DB says otherwise."""
    return Path(platformdirs.user_data_dir("gzreview")) / "gzreview.db"


def database_url(url_or_path: str | Path) -> str:
    """Return a SQLAlchemy URL for a URL or a file path (creating the file's folder if needed)."""
    text = str(url_or_path)
    if "://" in text:
        return with_postgres_driver(text)
    path = Path(text).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"{path}: cannot create the database folder ({error.strerror}); choose another --db"
        ) from error
    return f"sqlite:///{path}"


def _without_password(url: str) -> str:
    """Return a URL fit to print: its password hidden, or the text itself if it is no URL."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def database_file(url_or_path: str | Path) -> Path | None:
    """Return the file a SQLite path or URL names, or None (an in-memory or server database)."""
    text = str(url_or_path)
    if "://" not in text:
        return Path(text).expanduser()
    try:
        parsed = make_url(text)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def display_location(url: str) -> str:
    """Return the database's location for people: the file path, or the URL without its password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    if parsed.drivername == DEFAULT_POSTGRES_DRIVER:
        parsed = parsed.set(drivername="postgresql")  # as the user wrote it
    return parsed.render_as_string(hide_password=True)


def create_store_engine(url_or_path: str | Path) -> Engine:
    """Create an engine; for SQLite: WAL, foreign keys, a busy timeout and early write locks."""
    url = database_url(url_or_path)
    try:
        backend = make_url(url).get_backend_name()
        if backend == "postgresql":
            return postgres_engine(url)
        if backend != "sqlite":
            return create_engine(url, pool_pre_ping=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
    except (ArgumentError, ImportError) as error:  # an unknown dialect, a driver not installed
        if isinstance(error, ImportError) and url.startswith(DEFAULT_POSTGRES_DRIVER + ":"):
            raise missing_driver(_without_password(url)) from error
        raise DatabaseUnavailableError(
            _(
                "{url}: gzreview cannot open this database ({reason}); give a file path, or a "
                "URL whose database driver is installed (e.g. pip install -e '.[postgres]' "
                "for postgresql://)"
            ).format(url=_without_password(url), reason=error)
        ) from error
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    """Set the pragmas every SQLite connection needs and let SQLAlchemy issue BEGIN itself."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    """Begin IMMEDIATE for writes so two reviewers queue on the busy timeout instead of failing."""
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


Started = TypeVar("Started")


def is_busy(error: OperationalError) -> bool:
    """Return True when SQLite refused a lock because another connection holds it."""
    reason = str(error.orig).lower()
    return "database is locked" in reason or "database is busy" in reason


SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
"""SQLite's primary result codes for a damaged file and for a file that is no database."""


def is_damaged(error: DBAPIError, codes: frozenset[int]) -> bool:
    """Return True when SQLite's error is one of `codes` (the database file is damaged)."""
    if not isinstance(error.orig, sqlite3.Error):  # a server's error is never about a file
        return False
    code = getattr(error.orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in codes  # an extended code keeps the primary one in its low byte
    return SQLITE_CORRUPT in codes and "malformed" in str(error.orig).lower()


@contextmanager
def damage_reported(location: str, *, opening: bool = False) -> Iterator[None]:
    """Turn a read or write that meets a damaged database file into one sentence on recovery.

    When `opening`, a file that is no database at all is left to the caller ("check --db"); once
    open, the same error means the file was damaged since.
    """
    codes = frozenset({SQLITE_CORRUPT} if opening else {SQLITE_CORRUPT, SQLITE_NOTADB})
    try:
        yield
    except DBAPIError as error:
        if not is_damaged(error, codes):
            raise
        raise DatabaseUnavailableError(
            _(
                "{location}: the database file is damaged ({reason}); nothing was changed — "
                "see what is hurt with `sqlite3 {location} 'PRAGMA integrity_check'`, then put "
                "back a backup copy of the file or import your documents into a new database "
                "(your last good export still holds the reviewed projects)"
            ).format(location=location, reason=error.orig)
        ) from error


@contextmanager
def write_failures_reported(location: str, backend: str = "sqlite") -> Iterator[None]:
    """Turn a write the database refused (disk full, read-only file, a server's lock timeout…)
    into one clear sentence for that kind of database."""
    try:
        yield
    except OperationalError as error:
        if backend != "sqlite":
            raise postgres_error(error, location) from error
        raise StoreError(
            f"{location}: the database could not be written ({error.orig}); nothing of this "
            "action was saved — check the free disk space and that the file is writable"
        ) from error


def with_lock_retries(start: Callable[[], Started], location: str) -> Started:
    """Run `start` (which takes the write lock first), waiting again while another writer has it."""
    for attempt in range(1, LOCK_ATTEMPTS + 1):
        try:
            return start()
        except OperationalError as error:
            if not is_busy(error):
                raise
            if attempt == LOCK_ATTEMPTS:
                waited = round(LOCK_ATTEMPTS * BUSY_TIMEOUT_SECONDS)
                raise StoreError(
                    f"{location}: another program has kept the database busy for over {waited} s; "
                    "nothing was changed — try again once it has finished (e.g. a long import)"
                ) from error
    raise AssertionError("unreachable: the last attempt returns or raises")


def bulk_insert(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many rows with the same keys straight through the driver, for speed (COPY on
    PostgreSQL); JSON values are encoded once here, unless an import worker encoded them."""
    if not rows:
        return
    names = list(rows[0])
    processors = [
        (index, process)
        for index, name in enumerate(names)
        if (process := _bind_processor(table.c[name].type, connection)) is not None
    ]
    values_of = itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    parameters: list[tuple[Any, ...]] = []
    for row in rows:
        values = list(values_of(row))
        for index, process in processors:
            if values[index] is not None:
                values[index] = process(values[index])
        parameters.append(tuple(values))
    if connection.dialect.name == "postgresql":
        copy_rows(connection, table.name, names, parameters)
        return
    if connection.dialect.name != "sqlite":
        connection.execute(table.insert(), [dict(zip(names, values, strict=True))
                                            for values in parameters])
        return
    placeholders = ", ".join("?" * len(names))
    statement = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({placeholders})"
    connection.exec_driver_sql(statement, parameters)


def _bind_processor(column_type: Any, connection: Connection) -> Callable[[Any], Any] | None:
    """Return how a column's values go to the driver (JSON text, booleans as ints…), or None."""
    if isinstance(column_type, JSON):
        return _json_text
    processor: Callable[[Any], Any] | None = column_type.bind_processor(connection.dialect)
    return processor


class EncodedJson(str):
    """JSON text encoded already (by an import worker process), stored as it is."""


def _json_text(value: Any) -> str:
    """Return a value as JSON text; empty lists, the most common value, without the encoder."""
    if isinstance(value, EncodedJson):
        return str(value)
    return "[]" if isinstance(value, list | tuple) and not value else json.dumps(value)


def writer(engine: Engine) -> Engine:
    """Return a view of the engine whose transactions take the write lock when they begin."""
    return engine.execution_options(**{WRITE_OPTION: True})


def prepare_schema(engine: Engine) -> None:
    """Make a database ready to use, or refuse it with a sentence.

    A SQLite file is created or upgraded in place (one reviewer's own file). A shared server's
    database is only created when it is empty (first opens wait for each other on an advisory
    lock); an older schema there is refused until `gzreview db upgrade`, so a client never
    changes the tables under the others' feet. A newer schema is refused everywhere.
    """
    location = display_location(str(engine.url))
    if engine.dialect.name == "sqlite":
        with damage_reported(location, opening=True), writer(engine).begin() as connection:
            found = _stored_version(connection)
            _refuse_newer(location, found)
            if found != SCHEMA_VERSION:
                upgrade_schema(connection)
        return
    with engine.connect() as connection:
        found = _stored_version(connection)
    if found is None:
        with engine.begin() as connection:
            schema_lock(connection)
            found = _stored_version(connection)  # another client may have created it meanwhile
            if found is None:
                upgrade_schema(connection)
                return
    _refuse_newer(location, found)
    if found < SCHEMA_VERSION:
        raise SchemaTooOldError(location, found, SCHEMA_VERSION)


def _refuse_newer(location: str, found: int | None) -> None:
    """Refuse a database written by a newer gzreview: opening it could lose its data."""
    if found is not None and found > SCHEMA_VERSION:
        raise SchemaTooNewError(location, found, SCHEMA_VERSION)


def schema_version(connection: Connection) -> int | None:
    """Return the schema version the database has (None: empty, 0: from before versions)."""
    return _stored_version(connection)


def upgrade_schema(connection: Connection) -> None:
    """Bring the database's tables to SCHEMA_VERSION with the Alembic revisions, in `connection`'s
    transaction (so a failed step leaves the database as it was)."""
    from store.migrations import upgrade_to_head  # Alembic is loaded only when it has work

    upgrade_to_head(connection)


def legacy_upgrade(connection: Connection) -> None:
    """Create missing tables and run the steps up to version 5, as gzreview did before Alembic.

    The baseline revision runs this, so an empty database, one from before version 5 and one at
    version 5 made without Alembic all arrive at version 5 (every step checks what exists).
    """
    found = _stored_version(connection)
    SQLModel.metadata.create_all(connection)
    for version in range(found if found is not None else 5, 5):
        if version in MIGRATIONS:
            MIGRATIONS[version](connection)
    install_change_counter(connection)
    store_version(connection, 5)


def _stored_version(connection: Connection) -> int | None:
    """Return the schema version recorded in the database, or None for an empty database."""
    if not inspect(connection).has_table(META.name):
        has_documents = inspect(connection).has_table(DOCUMENTS.name)
        return 0 if has_documents else None
    value = connection.execute(
        select(META.c.value).where(META.c.key == "schema_version")
    ).scalar_one_or_none()
    return int(value) if value is not None else 0


def store_version(connection: Connection, version: int) -> None:
    """Record the schema version the database now has (written only when it changes)."""
    updated = connection.execute(
        META.update().where(META.c.key == "schema_version").values(value=str(version))
    )
    if updated.rowcount == 0:
        connection.execute(META.insert().values(key="schema_version", value=str(version)))
