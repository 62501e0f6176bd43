"""A row per running mirror, so the driver knows the room can see the session.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_watch",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("user", sa.String(255), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON room_watch FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    op.drop_table("room_watch")
