"""INSERT … ON CONFLICT in the back end's form; PostgreSQL's dialect loads only on PostgreSQL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects import sqlite

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql


def conflict_insert(bind: Connection | Engine, table: Table) -> sqlite.Insert | postgresql.Insert:
    """Return an INSERT into `table` that takes `on_conflict_do_nothing` / `…_do_update`."""
    if bind.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    return sqlite.insert(table)
