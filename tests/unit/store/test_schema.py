"""The schema version: new databases get it, older ones are upgraded, newer ones are refused.

SQLite only: these build and read SQLite files by hand, and only SQLite files upgrade in place when
opened (a shared PostgreSQL server is upgraded explicitly, by `gzreview db upgrade`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import db
from store.errors import SchemaTooNewError
from store.repository import Repository


def _version(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return str(row[0])


def test_new_database_is_in_wal_mode_with_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Repository.open(path, "alice").close()
    assert _version(path) == str(db.SCHEMA_VERSION)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_database_is_upgraded_with_missing_tables_and_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    Repository.open(path, "alice").close()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE ui_state")
        connection.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    ran: list[int] = []
    monkeypatch.setitem(db.MIGRATIONS, 0, lambda _connection: ran.append(0))
    with Repository.open(path, "alice") as repo:
        repo.set_ui_state("k", "v")
    assert ran == [0] and _version(path) == str(db.SCHEMA_VERSION)


def test_newer_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Repository.open(path, "alice").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(SchemaTooNewError, match=r"schema version 99 .* upgrade gzreview"):
        Repository.open(path, "alice")


def test_database_url_accepts_paths_and_urls(tmp_path: Path) -> None:
    assert db.database_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert db.database_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert db.database_url("postgresql+psycopg2://h/db") == "postgresql+psycopg2://h/db"
    assert db.database_url(tmp_path / "x" / "y.db") == f"sqlite:///{tmp_path}/x/y.db"
    assert db.display_location("postgresql://u:secret@h/db") == "postgresql://u:***@h/db"
    assert db.display_location("postgresql+psycopg://u:s@h/db") == "postgresql://u:***@h/db"
    assert db.default_database_path().name == "gzreview.db"


def test_db_status_and_upgrade_on_a_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tui.cli import main

    path = tmp_path / "old.db"
    Repository.open(path, "alice").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    runner = CliRunner()
    status = runner.invoke(main, ["db", "status", "--db", str(path)])
    assert status.exit_code == 0 and "schema version 4, older" in status.output
    upgrade = runner.invoke(main, ["db", "upgrade", "--db", str(path)])
    assert upgrade.exit_code == 0 and "from schema version 4 to 5" in upgrade.output
    assert _version(path) == str(db.SCHEMA_VERSION)
    missing = runner.invoke(main, ["db", "status", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no such database file" in missing.output
