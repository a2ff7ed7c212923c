"""Alembic's entry point: run the revisions on the connection gzreview hands over."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import store.models  # noqa: F401  (the tables, for revisions that compare against them)


def run_migrations() -> None:
    """Run the pending revisions in the transaction of the connection in the configuration."""
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=SQLModel.metadata)
    with context.begin_transaction():
        context.run_migrations()


if getattr(context, "_proxy", None) is not None:  # run by Alembic, not merely imported
    run_migrations()
