"""Fist of five: proposals the facilitator puts to the room, and each show of fingers.

Revision ID: 0029
Revises: 0028
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

TABLES = ("proposal", "proposal_answer")


def upgrade() -> None:
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("put_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=False),
    )
    op.create_index("ix_proposal_session_id", "proposal", ["session_id"])
    op.create_table(
        "proposal_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("proposal_id", sa.Integer(), sa.ForeignKey("proposal.id"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("fingers", sa.Integer(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_proposal_answer_proposal_id", "proposal_answer", ["proposal_id"])
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        for table in TABLES:
            op.execute(
                "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR "
                f"TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
            )


def downgrade() -> None:
    op.drop_index("ix_proposal_answer_proposal_id", "proposal_answer")
    op.drop_table("proposal_answer")
    op.drop_index("ix_proposal_session_id", "proposal")
    op.drop_table("proposal")
