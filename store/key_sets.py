"""`column IN (values)` for any number of values, sent as one bound value.

A JSON array read by `json_each` on SQLite, an array compared with `= ANY` on PostgreSQL: a bulk
action over 33,512 projects compiled and sent 33,512 parameters per statement before (in chunks
under SQLite's limit of 32,766), which cost more than the lookups themselves (on PostgreSQL
0.3-0.4 s per pass over the keys, 0.06-0.08 s as one array).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, Connection, any_, bindparam, func, select


def among(
    connection: Connection, column: ColumnElement[Any], values: Iterable[str | int]
) -> ColumnElement[bool]:
    """Return a condition true where `column` is one of `values` (keys or ids)."""
    wanted = list(values)
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(None, wanted, type_=ARRAY(column.type)))
    each = func.json_each(json.dumps(wanted, ensure_ascii=False)).table_valued("value")
    return column.in_(select(each.c.value))
