"""Whether an item's private answers (a reflection's) go in the minutes: no, unless chosen.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of agenda_item would trip the foreign keys that
    # notes and answers hold on it.
    op.add_column(
        "agenda_item",
        sa.Column("answers_in_minutes", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("agenda_item") as batch:
        batch.drop_column("answers_in_minutes")
