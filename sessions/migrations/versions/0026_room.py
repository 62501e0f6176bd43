"""The room joins in: a session opened to phones, the devices that joined, what they answered.

Revision ID: 0026
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

TABLES = ("room", "room_device", "room_answered")


def upgrade() -> None:
    op.create_table(
        "room",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("anonymous_allowed", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("opened_by", sa.String(200), nullable=False),
        sa.Column("opened_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_room_session_id", "room", ["session_id"])
    op.create_table(
        "room_device",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("room_id", sa.Integer(), sa.ForeignKey("room.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.Column("removed_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_room_device_room_id", "room_device", ["room_id"])
    op.create_table(
        "room_answered",
        sa.Column("device_id", sa.Integer(), sa.ForeignKey("room_device.id"), primary_key=True),
        sa.Column(
            "agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), primary_key=True
        ),
        sa.Column("subject", sa.Text(), primary_key=True),
        # Kept in key order, not the order written, so neither lines up with the answers'.
        sqlite_with_rowid=False,
    )
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        for table in TABLES:
            op.execute(
                "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR "
                f"TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
            )


def downgrade() -> None:
    op.drop_table("room_answered")
    op.drop_index("ix_room_device_room_id", "room_device")
    op.drop_table("room_device")
    op.drop_index("ix_room_session_id", "room")
    op.drop_table("room")
