"""The next session: a date it is planned for, and the review of actions carried into it.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.add_column(sa.Column("planned_for", sa.Date(), nullable=True))
    op.create_table(
        "action_review",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("action_id", sa.Integer(), sa.ForeignKey("action.id"), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("due_before", sa.Date(), nullable=True),
        sa.Column("due_after", sa.Date(), nullable=True),
        sa.Column("reviewed_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("session_id", "action_id"),
    )
    op.create_index("ix_action_review_session_id", "action_review", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_action_review_session_id", "action_review")
    op.drop_table("action_review")
    with op.batch_alter_table("session") as batch:
        batch.drop_column("planned_for")
