"""A shared server's tables: created once by racing first opens, upgraded only on purpose, and
its errors told as sentences."""

from __future__ import annotations

import sys
import threading
import uuid

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from store.db import SCHEMA_VERSION, create_store_engine, database_url
from store.errors import DatabaseUnavailableError, SchemaTooNewError, SchemaTooOldError
from store.migrations import head_version
from store.pg_errors import postgres_error
from store.repository import Repository
from tests.databases import PostgresServer
from tui.cli import main


def _sql(url: str, statement: str) -> list[tuple[object, ...]]:
    """Run one statement on the database as its own transaction; return its rows, if any."""
    engine = create_engine(database_url(url))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def _gzreview(url: str, *args: str) -> tuple[int, str]:
    """Run `gzreview ARGS --db URL`; return the exit code and everything it printed."""
    result = CliRunner().invoke(main, [*args, "--db", url], catch_exceptions=False)
    return result.exit_code, result.output


def test_the_newest_revision_is_the_schema_version() -> None:
    assert head_version() == SCHEMA_VERSION


@pytest.mark.postgres
def test_first_opens_at_once_create_the_tables_once(fresh_postgres: str) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_it(reviewer: str) -> None:
        try:
            start.wait()
            Repository.open(fresh_postgres, reviewer).close()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=open_it, args=(f"r{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert _sql(fresh_postgres, "SELECT value FROM meta") == [(str(SCHEMA_VERSION),)]
    assert _sql(fresh_postgres, "SELECT version_num FROM alembic_version") == [("5",)]


@pytest.mark.postgres
def test_opening_writes_nothing_to_the_schema_version(fresh_postgres: str) -> None:
    Repository.open(fresh_postgres, "alice").close()
    before = _sql(fresh_postgres, "SELECT xmin::text FROM meta")
    for reviewer in ("bob", "carol"):
        Repository.open(fresh_postgres, reviewer).close()
    assert _sql(fresh_postgres, "SELECT xmin::text FROM meta") == before  # the row never rewritten


@pytest.mark.postgres
def test_an_older_shared_schema_is_refused_until_db_upgrade(fresh_postgres: str) -> None:
    Repository.open(fresh_postgres, "alice").close()
    _sql(fresh_postgres, "UPDATE meta SET value = '4'")
    with pytest.raises(SchemaTooOldError, match=r"with `gzreview db upgrade --db URL`"):
        Repository.open(fresh_postgres, "alice")
    assert _sql(fresh_postgres, "SELECT value FROM meta") == [("4",)]  # opening changed nothing
    code, output = _gzreview(fresh_postgres, "db", "status")
    assert code == 0 and "older than this gzreview's 5; run `gzreview db upgrade`" in output
    code, output = _gzreview(fresh_postgres, "db", "upgrade")
    assert code == 0 and "upgraded the tables from schema version 4 to 5" in output
    Repository.open(fresh_postgres, "alice").close()


@pytest.mark.postgres
def test_a_newer_schema_is_refused_by_open_and_by_upgrade(fresh_postgres: str) -> None:
    Repository.open(fresh_postgres, "alice").close()
    _sql(fresh_postgres, "UPDATE meta SET value = '99'")
    with pytest.raises(SchemaTooNewError, match=r"schema version 99 .* upgrade gzreview"):
        Repository.open(fresh_postgres, "alice")
    code, output = _gzreview(fresh_postgres, "db", "upgrade")
    assert code == 2 and "upgrade gzreview" in output and "Traceback" not in output
    code, output = _gzreview(fresh_postgres, "db", "status")
    assert code == 1 and "newer than this gzreview's 5" in output


@pytest.mark.postgres
def test_db_upgrade_creates_an_empty_database_then_has_nothing_to_do(fresh_postgres: str) -> None:
    code, output = _gzreview(fresh_postgres, "db", "status")
    assert code == 0 and "no gzreview tables yet" in output
    code, output = _gzreview(fresh_postgres, "db", "upgrade")
    assert code == 0 and "created the tables at schema version 5" in output
    code, output = _gzreview(fresh_postgres, "db", "upgrade")
    assert code == 0 and "at schema version 5 already; nothing to do" in output
    code, output = _gzreview(fresh_postgres, "db", "status")
    assert code == 0 and "up to date" in output


@pytest.mark.postgres
def test_a_database_made_before_alembic_upgrades_to_the_baseline(fresh_postgres: str) -> None:
    Repository.open(fresh_postgres, "alice").close()
    _sql(fresh_postgres, "DROP TABLE alembic_version")
    Repository.open(fresh_postgres, "alice").close()  # version 5 without Alembic's record: fine
    code, output = _gzreview(fresh_postgres, "db", "upgrade")
    assert code == 0 and "nothing to do" in output


@pytest.mark.postgres
def test_server_errors_are_one_sentence_that_says_what_to_do(
    fresh_postgres: str, postgres_server: PostgresServer
) -> None:
    base = postgres_server.admin_url
    host_url = base.rsplit("@", 1)[0] + "@127.0.0.1:1/gzreview"
    cases = {
        host_url: "does not answer",
        fresh_postgres + "_missing": "createdb",
        fresh_postgres.replace("postgres@", "gzt_nobody@"): "refused the user name or password",
    }
    for url, words in cases.items():
        code, output = _gzreview(url, "stats")
        assert code == 2 and words in output and "Traceback" not in output, output
        assert len(output.strip().splitlines()) == 1 and "disk space" not in output


@pytest.mark.postgres
def test_a_role_without_rights_is_told_to_ask_for_a_grant(fresh_postgres: str) -> None:
    Repository.open(fresh_postgres, "alice").close()
    role = f"gzt_{uuid.uuid4().hex[:8]}"
    _sql(fresh_postgres, f"CREATE ROLE {role} LOGIN")
    try:
        url = fresh_postgres.replace("postgres@", f"{role}@", 1)
        code, output = _gzreview(url, "stats")
        assert code == 2 and "may not do this" in output and "grant" in output
    finally:
        _sql(fresh_postgres, f"DROP OWNED BY {role}")
        _sql(fresh_postgres, f"DROP ROLE {role}")


class _ServerError(Exception):
    """A driver error as psycopg raises it: a message and a SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def test_a_full_disk_on_the_server_is_not_about_the_local_disk() -> None:
    error = OperationalError("INSERT …", {}, _ServerError("could not extend file", "53100"))
    sentence = str(postgres_error(error, "postgresql://h/db"))
    assert "server has no space left" in sentence and "free disk space" in sentence
    assert "check the free disk space" not in sentence


def test_a_missing_driver_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(DatabaseUnavailableError, match=r"pip install -e '\.\[postgres\]'"):
        create_store_engine("postgresql://someone@db.example/gzreview")
