"""Schema version 5: documents, projects, indicators, known names, edit log, claims, changes.

Made by the steps gzreview ran on open before Alembic (`store.db.legacy_upgrade`), so an empty
database and one at any earlier version both arrive here. Later revisions change the tables
with `op` and set `meta.schema_version` to their own number.
"""

from __future__ import annotations

from alembic import op

revision = "5"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create or bring the tables to schema version 5."""
    from store.db import legacy_upgrade

    legacy_upgrade(op.get_bind())


def downgrade() -> None:
    """There is nothing before the baseline to go back to."""
    raise NotImplementedError("gzreview does not downgrade; restore a backup instead")
