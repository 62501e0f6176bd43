"""Agenda items remember the time an accepted rebalance gave them, beside their plan.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("agenda_item", sa.Column("rebalanced_seconds", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agenda_item") as batch:
        batch.drop_column("rebalanced_seconds")
