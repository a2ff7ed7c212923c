"""${message}

Revision ${up_revision} (schema version ${up_revision}), after ${down_revision | comma,n}.
"""

from __future__ import annotations

from alembic import op
${imports if imports else ""}
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade() -> None:
    """${message}"""
    ${upgrades if upgrades else "pass"}
    op.get_bind().exec_driver_sql(
        "UPDATE meta SET value = '${up_revision}' WHERE key = 'schema_version'"
    )
