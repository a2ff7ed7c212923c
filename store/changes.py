"""The change counter and log: what the database bumps and notes whenever a change commits.

Triggers on the edit log (a new action; an undo or redo flipping `undone`) and on documents
(imports) bump the counter inside the writing transaction and note the change under the new
number: the action and the projects it named. Every writer counts, older clients and `gzreview
apply` included, and a change becomes visible exactly when it commits. Since each bump waits
for the counter's row lock, the numbers follow commit order on PostgreSQL too, with no gaps. An
open app polls the counter (one indexed row) and reads only the changes after the number it saw.
On PostgreSQL the trigger also sends a NOTIFY on `CHANGES_CHANNEL` at commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, event, func, select
from sqlmodel import SQLModel

from store.key_sets import among
from store.models import CHANGE_LOG, CHANGES, EDIT_LOG, PROJECTS

CHANGES_CHANNEL = "gzreview_changes"
KEPT_CHANGES = 1000
"""Changes older than this many are dropped; an app further behind reloads everything."""
IMPORT = "import"
PROJECTS_MOVED = frozenset({"merge_with_next", "split_at_indicator", "split_target", "reparse",
                            IMPORT})
"""Changes that add or remove projects; every other verb changes projects where they stand."""

_SQLITE_BODY = (
    "UPDATE changes SET counter = counter + 1 WHERE id = 1; "
    "INSERT INTO change_log (seq, action, project_keys) SELECT counter, {action}, {keys} "
    "FROM changes WHERE id = 1; "
    f"DELETE FROM change_log WHERE seq <= (SELECT counter FROM changes WHERE id = 1) - "
    f"{KEPT_CHANGES};"
)
_EDIT = {"action": "NEW.action", "keys": "NEW.project_keys"}
_IMPORT = {"action": f"'{IMPORT}'", "keys": "'[]'"}
SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS changes_after_edit_log_insert AFTER INSERT ON edit_log "
    f"BEGIN {_SQLITE_BODY.format(**_EDIT)} END",
    "CREATE TRIGGER IF NOT EXISTS changes_after_edit_log_undone AFTER UPDATE OF undone ON "
    f"edit_log WHEN OLD.undone IS NOT NEW.undone BEGIN {_SQLITE_BODY.format(**_EDIT)} END",
    "CREATE TRIGGER IF NOT EXISTS changes_after_documents_insert AFTER INSERT ON documents "
    f"BEGIN {_SQLITE_BODY.format(**_IMPORT)} END",
)

POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION gzreview_log_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE new_seq bigint; BEGIN "
    "UPDATE changes SET counter = counter + 1 WHERE id = 1 RETURNING counter INTO new_seq; "
    "IF TG_TABLE_NAME = 'edit_log' THEN INSERT INTO change_log (seq, action, project_keys) "
    "VALUES (new_seq, NEW.action, NEW.project_keys); "
    f"ELSE INSERT INTO change_log (seq, action, project_keys) VALUES (new_seq, '{IMPORT}', "
    "'[]'); END IF; "
    f"DELETE FROM change_log WHERE seq <= new_seq - {KEPT_CHANGES}; "
    f"PERFORM pg_notify('{CHANGES_CHANNEL}', ''); RETURN NULL; END $$",
    "CREATE OR REPLACE TRIGGER changes_after_edit_log_insert AFTER INSERT ON edit_log "
    "FOR EACH ROW EXECUTE FUNCTION gzreview_log_change()",
    "CREATE OR REPLACE TRIGGER changes_after_edit_log_undone AFTER UPDATE OF undone ON edit_log "
    "FOR EACH ROW WHEN (OLD.undone IS DISTINCT FROM NEW.undone) "
    "EXECUTE FUNCTION gzreview_log_change()",
    "CREATE OR REPLACE TRIGGER changes_after_documents_insert AFTER INSERT ON documents "
    "FOR EACH ROW EXECUTE FUNCTION gzreview_log_change()",
)

RECENT_ENTRIES = 500
"""How far back the edit log is searched for where a vanished project went."""


@dataclass(frozen=True)
class Change:
    """One committed change: its number, the action (a verb, or "import") and its projects."""

    seq: int
    action: str
    project_keys: tuple[str, ...]

    @property
    def moves_projects(self) -> bool:
        """Whether projects were added or removed (so list positions changed)."""
        return self.action in PROJECTS_MOVED


def install_change_counter(connection: Connection) -> None:
    """Create the counter's row and the triggers if missing (safe to run again)."""
    statements = {"sqlite": SQLITE_TRIGGERS, "postgresql": POSTGRES_TRIGGERS}
    for statement in statements.get(connection.dialect.name, ()):
        connection.exec_driver_sql(statement)
    present = connection.execute(select(CHANGES.c.id).where(CHANGES.c.id == 1)).first()
    if present is None:
        newest = connection.execute(select(func.max(CHANGE_LOG.c.seq))).scalar()
        connection.execute(CHANGES.insert().values(id=1, counter=newest or 0))


def _install_when_created(_metadata: Any, connection: Connection, **settings: Any) -> None:
    """After `create_all` made the counter's table (a new or older database), install it."""
    if CHANGES in settings.get("tables", ()):
        install_change_counter(connection)


event.listen(SQLModel.metadata, "after_create", _install_when_created)


def change_count(connection: Connection) -> int:
    """Return the counter: it grows with every committed action, undo, redo or import."""
    found = connection.execute(select(CHANGES.c.counter).where(CHANGES.c.id == 1)).scalar()
    return int(found or 0)


def changes_since(connection: Connection, seen: int) -> list[Change] | None:
    """Return the changes numbered after `seen`, oldest first; None if some were dropped."""
    rows = connection.execute(
        select(CHANGE_LOG.c.seq, CHANGE_LOG.c.action, CHANGE_LOG.c.project_keys)
        .where(CHANGE_LOG.c.seq > seen).order_by(CHANGE_LOG.c.seq)
    )
    found = [Change(seq, action, tuple(keys)) for seq, action, keys in rows]
    if [change.seq for change in found] != list(range(seen + 1, seen + 1 + len(found))):
        return None
    return found


def successor(connection: Connection, key: str) -> int | None:
    """Return the id of the project a vanished one went into, from the newest action naming it.

    A merge names the project it kept first; undoing a split names the project split from.
    """
    recent = select(EDIT_LOG.c.project_keys).order_by(EDIT_LOG.c.id.desc()).limit(RECENT_ENTRIES)
    for keys in connection.execute(recent).scalars():
        if key not in keys:
            continue
        others = [other for other in keys if other != key]
        rows = connection.execute(
            select(PROJECTS.c.key, PROJECTS.c.id).where(among(connection, PROJECTS.c.key, others))
        )
        found = {found_key: project_id for found_key, project_id in rows}
        return next((found[other] for other in others if other in found), None)
    return None


def statuses(
    connection: Connection, keys: Sequence[str], document_id: int | None
) -> dict[int, str]:
    """Return the status of each named project that exists (in one document, if given), by id."""
    statement = select(PROJECTS.c.id, PROJECTS.c.status).where(
        among(connection, PROJECTS.c.key, keys)
    )
    if document_id is not None:
        statement = statement.where(PROJECTS.c.document_id == document_id)
    return {project_id: status for project_id, status in connection.execute(statement)}
