"""What the room answered in an activity: a scorecard's ratings, to begin with.

Revision ID: 0007
Revises: 0006

One row an answer, so a rating typed in error is withdrawn (deleted_at) rather
than overwritten, and checklists, roles and reflections can add their own
answers to the same table.
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity_result",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("area", sa.String(255), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_activity_result_session_id", "activity_result", ["session_id"])
    op.create_index("ix_activity_result_agenda_item_id", "activity_result", ["agenda_item_id"])


def downgrade() -> None:
    op.drop_index("ix_activity_result_agenda_item_id", "activity_result")
    op.drop_index("ix_activity_result_session_id", "activity_result")
    op.drop_table("activity_result")
