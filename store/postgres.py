"""What a shared PostgreSQL server needs besides SQL: the driver, session limits, COPY, one lock.

Every session waits at most `LOCK_TIMEOUT_MS` for another reviewer's locks and runs a statement
for at most `STATEMENT_TIMEOUT_MS`, so nobody's action hangs behind a forgotten transaction; the
errors these limits raise become sentences in `store.pg_errors`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text

from store.pg_errors import IDLE_IN_TRANSACTION_MS, LOCK_TIMEOUT_MS, STATEMENT_TIMEOUT_MS

DEFAULT_POSTGRES_DRIVER = "postgresql+psycopg"
"""psycopg 3, the driver of `pip install -e '.[postgres]'` (SQLAlchemy's default is psycopg2)."""
SCHEMA_LOCK_KEY = 0x677A7265  # "gzre"
"""The advisory lock that creating or upgrading the tables holds, so two clients never race."""
APPLICATION_NAME = "gzreview"
"""How gzreview's sessions show in pg_stat_activity, for whoever runs the server."""
CONNECT_TIMEOUT_S = 10
"""How long connecting to a server that does not answer may take before it is reported."""


def with_postgres_driver(url: str) -> str:
    """Return a URL naming psycopg 3 when it names PostgreSQL without a driver (or postgres://)."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        return DEFAULT_POSTGRES_DRIVER + url.removeprefix("postgresql")
    return url


def session_options() -> str:
    """Return the libpq `options` that set every gzreview session's limits on the server."""
    return (
        f"-c lock_timeout={LOCK_TIMEOUT_MS} -c statement_timeout={STATEMENT_TIMEOUT_MS} "
        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"
    )


def postgres_engine(url: str) -> Engine:
    """Create an engine whose sessions carry gzreview's limits and name (ImportError: no driver)."""
    return create_engine(
        url,
        pool_pre_ping=True,
        connect_args={
            "options": session_options(),
            "application_name": APPLICATION_NAME,
            "connect_timeout": CONNECT_TIMEOUT_S,
        },
    )


def schema_lock(connection: Connection) -> None:
    """Hold the schema's advisory lock until this transaction ends (others creating it wait)."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})


def commit_without_waiting_for_disk(connection: Connection) -> None:
    """Let this transaction's commit return before the server has flushed it to disk.

    Used for imports only: a server crash in the next moments can lose the last documents
    imported (never damage anything), and importing the files again puts them back, duplicates
    skipped, as with SQLite's synchronous=NORMAL. It makes an import ~1.6x faster on a server
    whose disk takes a few milliseconds per flush. Reviewers' actions always wait for the disk.
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")


def copy_rows(
    connection: Connection, table: str, names: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert rows with COPY through psycopg, in the connection's transaction (the fastest way).

    Values go as text, so JSON columns take the encoded JSON and the server parses it once.
    """
    driver_connection: Any = connection.connection.driver_connection
    columns = ", ".join(names)
    with (
        driver_connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
