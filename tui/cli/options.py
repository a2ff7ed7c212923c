"""Shared click options (`--db`, `--reviewer`) and opening the repository with clear errors."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from store.db import default_database_path
from store.errors import StoreError
from store.i18n import N_
from store.repository import Repository
from tui.cli.database_choice import (
    DB_ENV,
    refuse_empty_database_choice,
    refuse_missing_database,
)
from tui.cli.declare import option
from tui.cli.errors import UserError

REVIEWER_ENV = "GZREVIEW_REVIEWER"

Command = TypeVar("Command", bound=Callable[..., object])


def default_reviewer() -> str:
    """Return the OS user name, the reviewer unless --reviewer or GZREVIEW_REVIEWER is given."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def db_option(command: Command) -> Command:
    """Add `--db PATH|URL` (env GZREVIEW_DB; default in the user's data folder) to a command."""
    return option(
        "--db",
        "db",
        default=None,
        metavar="PATH|URL",
        help=N_("Database file or SQLAlchemy URL [env {variable}; default: {default}]."),
        help_fields={"variable": DB_ENV, "default": default_database_path},
    )(command)


def reviewer_option(command: Command) -> Command:
    """Add `--reviewer NAME` (env GZREVIEW_REVIEWER; default the OS user) to a command."""
    return option(
        "--reviewer",
        "reviewer",
        default=None,
        metavar="NAME",
        help=N_(
            "Name recorded in the edit log for your actions "
            "[env {variable}; default: the OS user]."
        ),
        help_fields={"variable": REVIEWER_ENV},
    )(command)


def _root_option(name: str) -> str | None:
    """Return an option given to the top-level `gzreview` (e.g. `gzreview --db X import …`)."""
    context = click.get_current_context(silent=True)
    value = context.find_root().params.get(name) if context else None
    return value if isinstance(value, str) and value else None


def resolve_db(db: str | None) -> str:
    """The database to open: the command's --db, else the top-level --db, else env, else default."""
    refuse_empty_database_choice(db)
    return db or _root_option("db") or os.environ.get(DB_ENV) or str(default_database_path())


def resolve_reviewer(reviewer: str | None) -> str:
    """The reviewer to log: --reviewer here or on `gzreview`, else env, else the OS user."""
    from_env = os.environ.get(REVIEWER_ENV)
    return reviewer or _root_option("reviewer") or from_env or default_reviewer()


@contextmanager
def open_repository(
    db: str | None, reviewer: str | None, *, create: bool = False
) -> Iterator[Repository]:
    """Open the database for a command; any store error becomes one clear message and exit 2.

    A database file that is not there is refused (a mistyped --db creates nothing) unless the
    command brings data to put in it (`create`: import, known import, the bundled sample).
    """
    location = resolve_db(db)
    if not create:
        refuse_missing_database(location)
    try:
        repository = Repository.open(location, resolve_reviewer(reviewer))
    except StoreError as error:
        raise UserError(str(error)) from error
    with repository:
        try:
            yield repository
        except StoreError as error:
            raise UserError(str(error)) from error
