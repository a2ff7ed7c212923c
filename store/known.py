"""Adding known project names, which the rename picker offers and verified projects feed."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from store.models import KNOWN_NAMES as KNOWN
from store.upsert import conflict_insert

CHUNK = 1000
"""Names per statement: three parameters each stays under SQLite's limit on parameters."""


def add_known_names(connection: Connection, pairs: Iterable[tuple[str, str]], source: str) -> int:
    """Insert the (name, unit) pairs not yet known, trimmed; return how many were new.

    A pair already known is skipped by the database itself (ON CONFLICT DO NOTHING), so two
    imports of names at once never trip over each other's new rows.
    """
    trimmed = ((name.strip(), unit.strip()) for name, unit in pairs)
    wanted = list(dict.fromkeys(pair for pair in trimmed if pair[0]))
    if not wanted:
        return 0
    added = 0
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        statement = (
            conflict_insert(connection, KNOWN)
            .values([{"name": name, "unit": unit, "source": source} for name, unit in chunk])
            .on_conflict_do_nothing(index_elements=[KNOWN.c.name, KNOWN.c.unit])
            .returning(KNOWN.c.id)
        )
        added += len(connection.execute(statement).all())
    return added
