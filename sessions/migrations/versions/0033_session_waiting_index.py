"""Index the sessions not finished nor cancelled, so the home screen reads only those.

Revision ID: 0033
Revises: 0032
"""

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

# Written out rather than imported, so this step stays what it was when the models move on.
WAITING = sa.text("finished_at IS NULL AND cancelled_at IS NULL")


def upgrade() -> None:
    # The home screen lists the sessions still to start or resume: one or two a
    # programme among all the sessions they ever ran. Read from the whole table, a
    # national database of 25,000 sessions kept the home screen waiting; partial, the
    # index holds only the waiting ones, in the order they are listed.
    op.create_index(
        "ix_session_waiting",
        "session",
        ["created_at", "id"],
        sqlite_where=WAITING,
        postgresql_where=WAITING,
    )


def downgrade() -> None:
    op.drop_index("ix_session_waiting", "session")
