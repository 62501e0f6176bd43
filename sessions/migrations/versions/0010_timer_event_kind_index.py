"""Index the timer log by session and kind, so a replay skips the heartbeats it does not need.

The index by session alone goes: the new one starts with the session.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_timer_event_session_kind", "timer_event", ["session_id", "kind"])
    # Its first column serves every lookup by session; left in place, the old index is
    # what SQLite picks for a replay, which then walks every heartbeat.
    op.drop_index("ix_timer_event_session_id", "timer_event")


def downgrade() -> None:
    op.create_index("ix_timer_event_session_id", "timer_event", ["session_id"])
    op.drop_index("ix_timer_event_session_kind", "timer_event")
