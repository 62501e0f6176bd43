"""A member's e-mail address, for the reminders of their actions the facilitator sends.

Revision ID: 0030
Revises: 0029
"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("email", sa.String(254), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.drop_column("email")
