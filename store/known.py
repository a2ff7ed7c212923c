"""Adding known project names, which the rename picker offers and verified projects feed."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select, tuple_

from store.models import KNOWN_NAMES as KNOWN


def add_known_names(connection: Connection, pairs: Iterable[tuple[str, str]], source: str) -> int:
    """Insert the (name, unit) pairs not yet known, trimmed; return how many were new."""
    trimmed = ((name.strip(), unit.strip()) for name, unit in pairs)
    wanted = list(dict.fromkeys(pair for pair in trimmed if pair[0]))
    if not wanted:
        return 0
    existing: set[tuple[str, str]] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = connection.execute(
            select(KNOWN.c.name, KNOWN.c.unit).where(tuple_(KNOWN.c.name, KNOWN.c.unit).in_(chunk))
        )
        existing.update((row[0], row[1]) for row in rows)
    new = [
        {"name": name, "unit": unit, "source": source}
        for name, unit in wanted
        if (name, unit) not in existing
    ]
    if new:
        connection.execute(KNOWN.insert(), new)
    return len(new)
