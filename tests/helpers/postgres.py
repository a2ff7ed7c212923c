"""A fresh PostgreSQL database per test, on the server GZREVIEW_TEST_POSTGRES names.

Without the variable the tests that use `fresh_postgres` are skipped with a line saying how to
run them; with it, each gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

SERVER_ENV = "GZREVIEW_TEST_POSTGRES"
SKIP_REASON = (
    f"no PostgreSQL server: set {SERVER_ENV}=postgresql://postgres@127.0.0.1:5432/postgres "
    "to run the PostgreSQL tests"
)


def server_url() -> str:
    """Return the maintenance database's URL, or skip the test when none is configured."""
    url = os.environ.get(SERVER_ENV, "").strip()
    if not url:
        pytest.skip(SKIP_REASON)
    return url


def create_database(prefix: str = "gzt") -> tuple[str, str]:
    """Create a uniquely named database; return its name and its URL."""
    url = server_url()
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"),
                           isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return name, make_url(url).set(database=name).render_as_string(hide_password=False)


def drop_database(name: str) -> None:
    """Drop a database made by `create_database`, ending sessions a test left open."""
    engine = create_engine(make_url(server_url()).set(drivername="postgresql+psycopg"),
                           isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture
def fresh_postgres() -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL database; drop it after the test."""
    name, url = create_database()
    try:
        yield url
    finally:
        drop_database(name)
