"""The store's base: one engine, read and write transactions, and driver errors made sentences.

Everything that touches the database goes through `read()` or `write()`; whatever the driver
raises leaves as a `StoreError` naming the database and what to do, so the app and the CLI
catch one error family and no SQLAlchemy type escapes the store.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session

from store.db import (
    create_store_engine,
    damage_reported,
    display_location,
    prepare_schema,
    with_lock_retries,
    write_failures_reported,
    writer,
)
from store.errors import DatabaseUnavailableError, StoreError, WriteConflictError
from store.i18n import _
from store.pg_errors import postgres_error

CONFLICT_ATTEMPTS = 4
"""How often an action the server aborted for a deadlock is run before the user is told."""

Done = TypeVar("Done")


class StoreBase:
    """Owns the engine and the transactions of one reviewer's connection to the data."""

    def __init__(self, engine: Engine, reviewer: str) -> None:
        self._engine = engine
        self.reviewer = reviewer

    @classmethod
    def open(cls, url_or_path: str | Path, reviewer: str) -> Self:
        """Open (creating or upgrading) the database at a file path or SQLAlchemy URL."""
        engine = create_store_engine(url_or_path)
        location = display_location(str(engine.url))
        try:
            with_lock_retries(lambda: prepare_schema(engine), location)
        except SQLAlchemyError as error:
            engine.dispose()
            if isinstance(error, DBAPIError) and engine.dialect.name == "postgresql":
                raise postgres_error(error, location) from error
            reason = getattr(error, "orig", None) or error
            raise DatabaseUnavailableError(
                _("{location}: cannot open the database ({reason}); check --db or GZREVIEW_DB")
                .format(location=location, reason=reason)
            ) from error
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, reviewer)

    @property
    def location(self) -> str:
        """Return where the data lives: a file path, or a URL without its password."""
        return display_location(str(self._engine.url))

    @property
    def on_server(self) -> bool:
        """Tell whether the data lives on a database server shared by a team (not in a file)."""
        return self._engine.dialect.name != "sqlite"

    def close(self) -> None:
        """Release every connection."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """Yield a session for reading; nothing is committed."""
        with self._errors_reported(), Session(self._engine) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """Yield a session in one write transaction: committed on success, rolled back on error."""
        with self._errors_reported():
            session, transaction = with_lock_retries(self._begin_write, self.location)
            backend = self._engine.dialect.name
            with write_failures_reported(self.location, backend), session, transaction:
                yield session

    def writing(self, work: Callable[[Session], Done]) -> Done:
        """Run `work` in one write transaction, again from the start when the server aborted it
        for a deadlock or a serialization failure with another reviewer's action (PostgreSQL)."""
        for attempt in range(1, CONFLICT_ATTEMPTS + 1):
            try:
                with self.write() as session:
                    return work(session)
            except WriteConflictError:
                if attempt == CONFLICT_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0.05, 0.2) * attempt)  # let the other one finish
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _begin_write(self) -> tuple[Session, SessionTransaction]:
        """Begin a write transaction now, so waiting for another writer happens before any work."""
        session = Session(writer(self._engine), expire_on_commit=False)
        try:
            transaction = session.begin()
            session.connection()
        except BaseException:
            session.close()
            raise
        return session, transaction

    @contextmanager
    def _errors_reported(self) -> Iterator[None]:
        """Turn any error the database reported that was not made a sentence yet into one.

        Only the driver's errors are the database's; anything else is a bug and stays one.
        """
        try:
            with damage_reported(self.location):  # a damaged file: say how to recover
                yield
        except StoreError:
            raise
        except DBAPIError as error:
            if self._engine.dialect.name == "postgresql":
                raise postgres_error(error, self.location) from error
            reason = getattr(error, "orig", None) or error
            raise DatabaseUnavailableError(
                _(
                    "{location}: the database failed ({reason}); nothing of this action was "
                    "saved — check that the database is reachable and undamaged"
                ).format(location=self.location, reason=reason)
            ) from error
