"""A programme's quorum, and the quorum each finished session was held to.

Revision ID: 0020
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("programme") as batch:
        batch.add_column(sa.Column("quorum_count", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("quorum_of", sa.String(20), nullable=False, server_default="members")
        )
    with op.batch_alter_table("session") as batch:
        batch.add_column(sa.Column("quorum_count", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("quorum_of", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.drop_column("quorum_of")
        batch.drop_column("quorum_count")
    with op.batch_alter_table("programme") as batch:
        batch.drop_column("quorum_of")
        batch.drop_column("quorum_count")
