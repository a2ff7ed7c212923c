"""Shared click options (`--db`, `--reviewer`) and opening the repository with clear errors."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from store.db import default_database_path
from store.errors import StoreError
from store.repository import Repository
from tui.cli.errors import UserError

DB_ENV = "GZREVIEW_DB"
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
    return click.option(
        "--db",
        "db",
        envvar=DB_ENV,
        default=None,
        metavar="PATH|URL",
        help=(
            f"Database file or SQLAlchemy URL [env {DB_ENV}; default: {default_database_path()}]."
        ),
    )(command)


def reviewer_option(command: Command) -> Command:
    """Add `--reviewer NAME` (env GZREVIEW_REVIEWER; default the OS user) to a command."""
    return click.option(
        "--reviewer",
        "reviewer",
        envvar=REVIEWER_ENV,
        default=default_reviewer,
        show_default="the OS user",
        help=f"Name recorded in the edit log for your actions [env {REVIEWER_ENV}].",
    )(command)


@contextmanager
def open_repository(db: str | None, reviewer: str) -> Iterator[Repository]:
    """Open the database for a command; any store error becomes one clear message and exit 2."""
    try:
        repository = Repository.open(db or default_database_path(), reviewer)
    except StoreError as error:
        raise UserError(str(error)) from error
    with repository:
        try:
            yield repository
        except StoreError as error:
            raise UserError(str(error)) from error
