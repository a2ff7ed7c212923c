"""`among` selects exactly the given keys or ids, however many, on both back ends."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

from store.key_sets import among

ROWS = 40_000
"""More than SQLite's 32,766 bound parameters, the limit a plain IN list would hit."""


def test_among_takes_more_values_than_a_statement_has_parameters(database_url: str) -> None:
    url = database_url if "://" in database_url else f"sqlite:///{database_url}"
    engine = create_engine(url)
    table = Table("items", MetaData(), Column("id", Integer, primary_key=True),
                  Column("key", String, nullable=False))
    table.create(engine)
    with engine.begin() as connection:
        connection.execute(insert(table), [{"id": n, "key": f"k{n}·项目"} for n in range(ROWS)])
        wanted = [f"k{n}·项目" for n in range(ROWS) if n % 7] + ["missing"]  # 34,286 values
        keys = connection.execute(select(table.c.key).where(among(connection, table.c.key, wanted)))
        assert sorted(keys.scalars()) == sorted(wanted[:-1])
        ids = connection.execute(select(table.c.id).where(among(connection, table.c.id, [3, 5])))
        assert sorted(ids.scalars()) == [3, 5]
        none = connection.execute(select(table.c.id).where(among(connection, table.c.id, [])))
        assert none.all() == []
    engine.dispose()
