"""Refusing a database choice that cannot be what the user meant, before anything is created."""

from __future__ import annotations

import os

import click

from store.db import database_file
from store.i18n import _
from tui.cli.errors import UserError

DB_ENV = "GZREVIEW_DB"
"""The environment variable naming the database when --db is not given."""


def refuse_empty_database_choice(db: str | None) -> None:
    """Refuse `--db ""` and an empty GZREVIEW_DB: either would silently open the default one."""
    context = click.get_current_context(silent=True)
    given = [db, context.find_root().params.get("db") if context else None]
    if any(value is not None and not value.strip() for value in given):
        raise UserError(_("--db is empty; give a database file or URL, or leave --db out"))
    if not any(given) and DB_ENV in os.environ and not os.environ[DB_ENV].strip():
        raise UserError(
            _("{variable} is set but empty; set it to a database file or URL, or unset it")
            .format(variable=DB_ENV)
        )


def refuse_missing_database(location: str) -> None:
    """Refuse a database file that does not exist (a mistyped --db), creating nothing."""
    path = database_file(location)
    if path is not None and not path.exists():
        raise UserError(
            _(
                "{path}: no such database file; check --db or {variable}, or import documents "
                "into it first with `gzreview import FILE… --db {path}`"
            ).format(path=path, variable=DB_ENV)
        )
