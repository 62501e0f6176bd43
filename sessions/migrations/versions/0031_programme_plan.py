"""The plan a programme follows, and which of its sessions the plan laid out.

The plan's name and title are kept as they were when the programme was made: the plan's
file may change or vanish later. Each session the plan laid out keeps its place and title
in the plan, and whether its date is still to confirm.

Revision ID: 0031
Revises: 0030
"""

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch copy of either table would trip the foreign keys held on it.
    op.add_column(
        "programme", sa.Column("plan_source", sa.String(1000), nullable=False, server_default="")
    )
    op.add_column(
        "programme", sa.Column("plan_title", sa.String(500), nullable=False, server_default="")
    )
    op.add_column("session", sa.Column("plan_place", sa.Integer(), nullable=True))
    op.add_column(
        "session", sa.Column("planned_as", sa.String(500), nullable=False, server_default="")
    )
    op.add_column(
        "session",
        sa.Column("date_to_confirm", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.drop_column("date_to_confirm")
        batch.drop_column("planned_as")
        batch.drop_column("plan_place")
    with op.batch_alter_table("programme") as batch:
        batch.drop_column("plan_title")
        batch.drop_column("plan_source")
