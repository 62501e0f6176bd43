"""Approving minutes at the next session: who approved them, and the amendments and errata.

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.add_column(sa.Column("minutes_approved_in", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("minutes_approved_at", UTCDateTime(), nullable=True))
    op.create_table(
        "minutes_amendment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("made_in", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("proposer", sa.String(200), nullable=False),
        sa.Column("proposer_member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("made_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_minutes_amendment_session_id", "minutes_amendment", ["session_id"])
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON minutes_amendment FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    op.drop_index("ix_minutes_amendment_session_id", "minutes_amendment")
    op.drop_table("minutes_amendment")
    with op.batch_alter_table("session") as batch:
        batch.drop_column("minutes_approved_at")
        batch.drop_column("minutes_approved_in")
