"""Throwaway databases for tests on either back end: a SQLite file, or a PostgreSQL database.

Tests that touch the store ask for the `databases` (or `database_url`) fixture, which is
parametrized over both back ends; the PostgreSQL half runs when `GZREVIEW_TEST_POSTGRES` names a
server (an admin URL such as postgresql://postgres@127.0.0.1:5432/postgres) and is left out,
with one line saying so, otherwise. Every PostgreSQL test database is created from a template
holding the empty schema (faster than creating the tables again) and dropped in the background
after its test.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Select
from sqlalchemy.engine import URL, make_url

from store.repository import Repository

if TYPE_CHECKING:
    import psycopg

POSTGRES_ENV = "GZREVIEW_TEST_POSTGRES"
SKIP_REASON = (
    f"PostgreSQL half of the suite: set {POSTGRES_ENV}=postgresql://postgres@127.0.0.1:5432/postgres"
    " to run it (docs/testing.md)"
)
PREFIX = "gzt"
"""Every test database is named gzt_<pid>_<n>, so a run cleans up only what dead runs left."""

Builder = Callable[[str], object]
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "000_a843d2df25de4824.txt"


def import_sample(url: str) -> None:
    """Import the bundled sample into the new database at `url` (a path or URL)."""
    with Repository.open(url, "importer") as repository:
        report = repository.import_file(SAMPLE)
        assert report.outcome == "imported", report


class Databases(Protocol):
    """Makes new databases of one back end for one test; each is a file path or a URL."""

    backend: str

    def new(self, name: str) -> str:
        """Return where a new, empty database `name` lives (nothing made yet for SQLite)."""
        ...

    def copy(self, source: str, name: str) -> str:
        """Return a new database holding what `source` holds (nobody may have `source` open)."""
        ...


@dataclass
class SqliteDatabases:
    """SQLite files in a temporary folder of the test's own."""

    folder: Path
    backend: str = "sqlite"

    def new(self, name: str) -> str:
        """Return the path of a file that does not exist yet."""
        return str(self.folder / f"{name}.db")

    def copy(self, source: str, name: str) -> str:
        """Copy the file."""
        target = self.new(name)
        shutil.copy(source, target)
        return target


def _admin_connection(admin_url: str) -> psycopg.Connection[Any]:
    """Connect in autocommit mode (CREATE and DROP DATABASE refuse transactions)."""
    import psycopg  # imported here: the SQLite half runs without the driver

    return psycopg.connect(admin_url, autocommit=True)


class PostgresServer:
    """One worker's handle on the server: names, the empty-schema template, background drops."""

    def __init__(self, admin_url: str) -> None:
        self._server_url: URL = make_url(admin_url).set(drivername="postgresql")
        self.admin_url = self._server_url.render_as_string(hide_password=False)
        self._numbers = count()
        self._admin = _admin_connection(self.admin_url)
        self._dropping = _admin_connection(self.admin_url)  # its own, so creating never waits
        self._drops: queue.Queue[str | None] = queue.Queue()
        self._dropper = threading.Thread(target=self._drop_loop, name="drop-databases", daemon=True)
        self._dropper.start()
        self._drop_abandoned()
        self.empty = self._create(None)
        with Repository.open(self.url(self.empty), "tests"):
            pass  # creates the tables, triggers and schema version once per worker

    def url(self, name: str) -> str:
        """Return the store's URL of database `name` on this server."""
        return self._server_url.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        """Create a database from `template` (default: the empty schema) and return its URL."""
        return self.url(self._create(self.name_of(template) if template else self.empty))

    def create_blank(self) -> str:
        """Create a database with no tables at all (for first opens and upgrades); its URL."""
        return self.url(self._create("template0"))

    def drop_later(self, url: str) -> None:
        """Drop the database of `url` in the background, so the next test need not wait."""
        self._drops.put(self.name_of(url))

    def close(self) -> None:
        """Drop every database this process made (templates included) and disconnect."""
        self._drops.put(None)
        self._dropper.join(timeout=120)
        self._dropping.close()
        rows = self._admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            (f"{PREFIX}\\_{os.getpid()}\\_%",),
        ).fetchall()
        for (name,) in rows:
            self._drop(name)
        self._admin.close()

    @staticmethod
    def name_of(url: str) -> str:
        """Return the database name in a URL."""
        name = make_url(url).database
        assert name, url
        return name

    def _create(self, template: str | None) -> str:
        name = f"{PREFIX}_{os.getpid()}_{next(self._numbers)}"
        clause = f' TEMPLATE "{template}"' if template else ""
        self._admin.execute(f'CREATE DATABASE "{name}"{clause}')
        return name

    def _drop(self, name: str) -> None:
        self._admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _drop_loop(self) -> None:
        while (name := self._drops.get()) is not None:
            self._dropping.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _drop_abandoned(self) -> None:
        """Drop test databases of runs whose process is gone (killed before cleaning up)."""
        rows = self._admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (f"{PREFIX}\\_%",)
        ).fetchall()
        for (name,) in rows:
            found = re.fullmatch(rf"{PREFIX}_(\d+)_\d+", name)
            if found and not _alive(int(found.group(1))):
                self._drop(name)


def _alive(pid: int) -> bool:
    """Tell whether a process of this machine still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass
class PostgresDatabases:
    """Databases of one test on the server, dropped after it."""

    server: PostgresServer
    backend: str = "postgresql"
    created: list[str] = field(default_factory=list)

    def new(self, name: str) -> str:
        """Create a database holding the empty schema."""
        url = self.server.create()
        self.created.append(url)
        return url

    def copy(self, source: str, name: str) -> str:
        """Create a database from `source` as template."""
        url = self.server.create(source)
        self.created.append(url)
        return url

    def drop_all(self) -> None:
        """Drop every database of this test (in the background)."""
        for url in self.created:
            self.server.drop_later(url)


@dataclass
class Templates:
    """Databases built once per run and back end (e.g. the imported sample), copied per test."""

    folder: Path
    server: Callable[[], PostgresServer]
    built: dict[tuple[str, str], str] = field(default_factory=dict)
    failed: dict[tuple[str, str], BaseException] = field(default_factory=dict)

    def copy(self, databases: Databases, name: str, build: Builder) -> str:
        """Return a new database of the test's back end holding what `build` put in `name`."""
        key = (databases.backend, name)
        if key in self.failed:  # built once per run: a failure is not retried for every test
            raise self.failed[key]
        if key not in self.built:
            if databases.backend == "sqlite":
                source = str(self.folder / f"{name}.db")
            else:
                source = self.server().create()
            try:
                build(source)
            except Exception as error:
                self.failed[key] = error
                raise
            self.built[key] = source
        return databases.copy(self.built[key], name)


def execute_raw(database: str, *statements: str) -> None:
    """Run SQL straight on a database (a path or URL), bypassing the store, e.g. to damage it."""
    from sqlalchemy import create_engine, text

    from store.db import database_url

    engine = create_engine(database_url(database))
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def table_rows(
    database: str, without: frozenset[str] = frozenset()
) -> dict[str, list[tuple[object, ...]]]:
    """Return every table's rows (JSON decoded) in primary-key order, leaving out the columns
    `without` names: two states of a database, or two databases, compare on either back end."""
    from sqlalchemy import MetaData, create_engine, select

    from store.db import database_url

    engine = create_engine(database_url(database))
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        dumped: dict[str, list[tuple[object, ...]]] = {}
        with engine.connect() as connection:
            for name, table in sorted(metadata.tables.items()):
                kept = [column for column in table.columns if column.name not in without]
                order = list(table.primary_key.columns) or kept
                query = select(*kept).order_by(*order)
                dumped[name] = [tuple(row) for row in connection.execute(query)]
        return dumped
    finally:
        engine.dispose()


def select_rows(database: str, query: Select[Any]) -> list[tuple[Any, ...]]:
    """Run one query of the store's tables straight on a database (JSON columns decoded)."""
    from sqlalchemy import create_engine

    from store.db import database_url

    engine = create_engine(database_url(database))
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(query)]
    finally:
        engine.dispose()


def examples(backend: str, count: int) -> int:
    """How many examples a property draws on this back end: a quarter of them on PostgreSQL.

    The properties test the store's logic, which is the same on both back ends; what PostgreSQL
    adds (its types, transactions and constraints) shows in the first few examples, and the
    SQLite half keeps drawing them all.
    """
    return count if backend == "sqlite" else max(3, count // 4)
