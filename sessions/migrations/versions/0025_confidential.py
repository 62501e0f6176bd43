"""Items and notes taken in private: left out of the public minutes and report.

Revision ID: 0025
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch copy of either table would trip the foreign keys held on it.
    for table in ("agenda_item", "note"):
        op.add_column(
            table,
            sa.Column("confidential", sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:
    for table in ("note", "agenda_item"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("confidential")
