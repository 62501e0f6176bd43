"""Index the timer events that are not heartbeats, whole, so clocks replay from the index alone.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Written out rather than imported, so this step stays what it was when the models move on.
NOT_HEARTBEAT = sa.text("kind <> 'heartbeat'")


def upgrade() -> None:
    # A programme's few hundred start, next and finish events lie scattered among
    # hundreds of thousands of heartbeats; fetched row by row from the table, they
    # kept a year's dashboard waiting. Partial, so it stays a few thousand rows.
    op.create_index(
        "ix_timer_event_replayed",
        "timer_event",
        ["session_id", "id", "kind", "at", "position", "seconds"],
        sqlite_where=NOT_HEARTBEAT,
        postgresql_where=NOT_HEARTBEAT,
    )


def downgrade() -> None:
    op.drop_index("ix_timer_event_replayed", "timer_event")
