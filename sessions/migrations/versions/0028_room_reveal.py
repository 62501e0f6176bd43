"""The room's running results, hidden from it until the facilitator reveals them.

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_reveal",
        sa.Column(
            "agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), primary_key=True
        ),
        sa.Column("revealed_at", UTCDateTime(), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # A mirror on another computer learns of a reveal as of any other change.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR "
            "TRUNCATE ON room_reveal FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    op.drop_table("room_reveal")
