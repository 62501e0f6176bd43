"""Index the timer log by session, kind and id, so a session's last heartbeat is one lookup.

SQLite keeps each row's id in every index, so (session, kind) already answered "the
newest heartbeat of this session" at once. PostgreSQL does not: it walked the whole
log backwards by id instead, and a programme of 200 sessions waited 17 seconds for
its dashboard. Naming the id in the index gives both databases the same single lookup.

Revision ID: 0015
Revises: 0014
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_timer_event_session_kind_id", "timer_event", ["session_id", "kind", "id"])
    op.drop_index("ix_timer_event_session_kind", "timer_event")


def downgrade() -> None:
    op.create_index("ix_timer_event_session_kind", "timer_event", ["session_id", "kind"])
    op.drop_index("ix_timer_event_session_kind_id", "timer_event")
