"""The question queue: what phones send to the facilitator, waiting, accepted or set aside.

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_question",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("asked_at", UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("note.id"), nullable=True),
    )
    op.create_index("ix_room_question_session_id", "room_question", ["session_id"])
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR "
            "TRUNCATE ON room_question FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    op.drop_index("ix_room_question_session_id", "room_question")
    op.drop_table("room_question")
