"""A planned session's start and end times and place, and its calendar invitation's UID,
sequence and cancellation.

Revision ID: 0032
Revises: 0031
"""

from uuid import uuid4

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.add_column(sa.Column("start_time", sa.Time(), nullable=True))
        batch.add_column(sa.Column("end_time", sa.Time(), nullable=True))
        batch.add_column(sa.Column("place", sa.String(500), nullable=False, server_default=""))
        # Not null from the start, with a stand-in filled in below: making a column not null
        # afterwards would have SQLite copy the table, which the keys naming it forbid.
        batch.add_column(
            sa.Column("calendar_uid", sa.String(255), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("calendar_sequence", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("cancelled_at", UTCDateTime(), nullable=True))
    # Each session already there gets its own UID now, made as a new session's is.
    session = sa.table("session", sa.column("id", sa.Integer()), sa.column("calendar_uid"))
    bind = op.get_bind()
    for (session_id,) in bind.execute(sa.select(session.c.id)).all():
        bind.execute(
            session.update()
            .where(session.c.id == session_id)
            .values(calendar_uid=f"{uuid4()}@facilitator")
        )
    if bind.dialect.name == "postgresql":
        # SQLite cannot drop a default without copying the table; the app always gives one.
        op.alter_column("session", "calendar_uid", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("session") as batch:
        batch.drop_column("cancelled_at")
        batch.drop_column("calendar_sequence")
        batch.drop_column("calendar_uid")
        batch.drop_column("place")
        batch.drop_column("end_time")
        batch.drop_column("start_time")
