"""Where the benchmark keeps its databases: files in the work folder, or a PostgreSQL server.

Each measurement asks for a fresh database by name; on a server that is a new database
`gzbench_<pid>_<name>`, and every one made is dropped when the run ends, so a run leaves the
server as it found it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Protocol

from measure import Unavailable


class Store(Protocol):
    """Makes the databases one benchmark run measures on."""

    kind: str

    def fresh(self, name: str) -> str:
        """Return the location (path or URL) of a new, empty database called `name`."""
        ...

    def copy(self, source: str, name: str) -> str:
        """Return the location of a new database called `name` holding what `source` holds."""
        ...

    def close(self) -> None:
        """Remove what the run made elsewhere than the work folder."""
        ...


class FileStore:
    """SQLite files in the work folder (kept with --keep)."""

    kind = "sqlite"

    def __init__(self, workdir: Path) -> None:
        """Keep databases in `workdir`."""
        self.workdir = workdir

    def fresh(self, name: str) -> str:
        """Remove any file left by an earlier run of that name; return its path."""
        path = self.workdir / f"{name}.db"
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        return str(path)

    def copy(self, source: str, name: str) -> str:
        """Copy the database file."""
        target = self.fresh(name)
        shutil.copyfile(source, target)
        return target

    def close(self) -> None:
        """Nothing to remove: the work folder goes (or is kept) as a whole."""


class ServerStore:
    """Databases on the PostgreSQL server `url` names (its maintenance database, e.g. postgres)."""

    kind = "postgresql"

    def __init__(self, url: str) -> None:
        """Connect to the server as `url` says; fail with a reason if it cannot be reached."""
        try:
            from sqlalchemy import create_engine
            from sqlalchemy.engine import make_url
        except ImportError as error:
            raise Unavailable(f"SQLAlchemy cannot be imported ({error})") from error
        self._url = make_url(url).set(drivername="postgresql+psycopg")
        self._engine = create_engine(self._url, isolation_level="AUTOCOMMIT")
        self._made: list[str] = []
        self._prefix = f"gzbench_{os.getpid()}"
        try:
            self._run("SELECT 1")
        except Exception as error:
            raise Unavailable(f"the PostgreSQL server cannot be reached ({error})") from error

    def _run(self, statement: str) -> None:
        """Run one statement outside a transaction (CREATE and DROP DATABASE need that)."""
        from sqlalchemy import text

        with self._engine.connect() as connection:
            connection.execute(text(statement))

    def _location(self, database: str) -> str:
        """Return the URL of one of the run's databases, as gzreview takes it."""
        url = self._url.set(drivername="postgresql", database=database)
        return url.render_as_string(hide_password=False)

    def fresh(self, name: str) -> str:
        """Create an empty database (dropping one of the same name from this run)."""
        database = f"{self._prefix}_{name}"
        self._run(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self._run(f'CREATE DATABASE "{database}"')
        self._made.append(database)
        return self._location(database)

    def copy(self, source: str, name: str) -> str:
        """Create a database from `source` as its template (nobody may be connected to it)."""
        from sqlalchemy.engine import make_url

        database = f"{self._prefix}_{name}"
        self._run(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self._run(f'CREATE DATABASE "{database}" TEMPLATE "{make_url(source).database}"')
        self._made.append(database)
        return self._location(database)

    def close(self) -> None:
        """Drop every database this run made."""
        for database in dict.fromkeys(self._made):
            self._run(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self._engine.dispose()
