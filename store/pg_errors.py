"""PostgreSQL's errors as one sentence each that says what to do, in the interface language.

The driver reports a refused connection, a wrong password or a missing database as plain
messages (no SQLSTATE before the session exists), a failed statement with its SQLSTATE; both are
read here so that no PostgreSQL error reaches a user as a traceback or as SQLite's advice.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from store.errors import DatabaseBusyError, DatabaseUnavailableError, StoreError, WriteConflictError
from store.i18n import _

LOCK_TIMEOUT_MS = 5000
"""How long a statement waits for a row or table lock another reviewer holds."""
STATEMENT_TIMEOUT_MS = 300_000
"""How long one statement may run before the server stops it (a runaway query, a stuck server)."""
IDLE_IN_TRANSACTION_MS = 600_000
"""How long a session may sit idle inside a transaction before the server ends it, freeing its
locks (a client that hung while holding them)."""

RETRIED_STATES = frozenset({"40P01", "40001"})
"""Deadlock detected and serialization failure: the transaction is run again from the start."""
_LOCK_NOT_AVAILABLE = "55P03"
_QUERY_CANCELED = "57014"
_DISK_STATES = frozenset({"53100", "53000"})
_PERMISSION_STATES = frozenset({"42501"})
_AUTH_STATES = frozenset({"28P01", "28000"})
_NO_DATABASE = "3D000"
_LOST_PREFIXES = ("08", "57P")  # connection exceptions; operator intervention (server shut down)

_UNREACHABLE_WORDS = (
    "connection refused", "could not translate host name", "timeout expired", "no route to host",
    "name or service not known", "network is unreachable", "could not connect",
    "is the server running",
)
_LOST_WORDS = (
    "server closed the connection", "connection is closed", "consuming input failed",
    "terminating connection", "the connection is lost", "ssl syscall error", "connection reset",
    "eof detected",
)


def sqlstate(error: BaseException) -> str | None:
    """Return the SQLSTATE of a driver error (wrapped by SQLAlchemy or not), if it has one."""
    original = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None)
    return state if isinstance(state, str) else None


def is_retried(error: BaseException) -> bool:
    """Return True for a deadlock or serialization failure: running the action again may pass."""
    return sqlstate(error) in RETRIED_STATES


def _reason(error: BaseException) -> str:
    """Return the server's first line of the error, without the driver's prefixes."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    text = lines[0] if lines else type(original).__name__
    return text.removeprefix("connection failed: ").strip()


def _database_name(location: str) -> tuple[str, str]:
    """Return the database name and the host of a URL, for the sentence on creating it."""
    try:
        url = make_url(location)
    except ArgumentError:
        return "gzreview", "localhost"
    return url.database or "gzreview", url.host or "localhost"


def postgres_error(error: DBAPIError, location: str) -> StoreError:
    """Return the one-sentence store error for a PostgreSQL driver error met at `location`."""
    state = sqlstate(error) or ""
    reason = _reason(error)
    lowered = str(getattr(error, "orig", None) or error).lower()
    if state in RETRIED_STATES:
        return WriteConflictError(location)
    if state == _LOCK_NOT_AVAILABLE or "lock timeout" in lowered:
        return DatabaseBusyError(
            _(
                "{location}: another reviewer is changing these projects; nothing was applied — "
                "try again in a moment"
            ).format(location=location)
        )
    if state == _QUERY_CANCELED or "statement timeout" in lowered:
        return DatabaseBusyError(
            _(
                "{location}: the database server took over {seconds} s for this action and "
                "stopped it; nothing was saved — try again, and if it recurs ask whoever runs "
                "the server to check its load"
            ).format(location=location, seconds=STATEMENT_TIMEOUT_MS // 1000)
        )
    if state in _DISK_STATES or "no space left" in lowered or "could not extend file" in lowered:
        return DatabaseUnavailableError(
            _(
                "{location}: the database server has no space left ({reason}); nothing was "
                "saved — ask whoever runs the server to free disk space, then try again"
            ).format(location=location, reason=reason)
        )
    if state in _PERMISSION_STATES or "permission denied" in lowered:
        return DatabaseUnavailableError(
            _(
                "{location}: the database role may not do this ({reason}); nothing was saved — "
                "ask whoever set up the database to grant the role its rights "
                "(docs/postgresql.md shows the GRANT)"
            ).format(location=location, reason=reason)
        )
    if state == _NO_DATABASE or ("database" in lowered and "does not exist" in lowered):
        name, host = _database_name(location)
        return DatabaseUnavailableError(
            _(
                "{location}: the server has no database {name}; create it with "
                "`createdb -h {host} -U postgres {name}` (or CREATE DATABASE in psql), or fix "
                "the name in --db or GZREVIEW_DB"
            ).format(location=location, name=name, host=host)
        )
    if state in _AUTH_STATES or "authentication failed" in lowered or (
        "role" in lowered and "does not exist" in lowered
    ) or "no password supplied" in lowered:
        return DatabaseUnavailableError(
            _(
                "{location}: the server refused the user name or password ({reason}); check "
                "them in --db or GZREVIEW_DB (or in ~/.pgpass)"
            ).format(location=location, reason=reason)
        )
    if state.startswith(_LOST_PREFIXES) or any(word in lowered for word in _LOST_WORDS):
        return DatabaseUnavailableError(
            _(
                "{location}: the connection to the database server was lost ({reason}); "
                "nothing of this action was saved — check the network and try again"
            ).format(location=location, reason=reason)
        )
    if any(word in lowered for word in _UNREACHABLE_WORDS):
        return DatabaseUnavailableError(
            _(
                "{location}: the PostgreSQL server does not answer ({reason}); check the host "
                "and port in --db or GZREVIEW_DB and that the server is running"
            ).format(location=location, reason=reason)
        )
    return DatabaseUnavailableError(
        _(
            "{location}: the database server refused this action ({reason}); nothing of it was "
            "saved — try again, and report it if it recurs"
        ).format(location=location, reason=reason)
    )


def missing_driver(location: str) -> StoreError:
    """Return the sentence for a PostgreSQL URL when the psycopg driver is not installed."""
    return DatabaseUnavailableError(
        _(
            "{location}: the PostgreSQL driver is not installed; install it with "
            "pip install -e '.[postgres]' (or pip install 'psycopg[binary]') and try again"
        ).format(location=location)
    )
