"""What looks like patient-identifiable data, kept in a document on purpose: who and when.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_identifier",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("programme_id", sa.Integer(), sa.ForeignKey("programme.id"), nullable=False),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("where", sa.Text(), nullable=False),
        sa.Column("kept_by", sa.String(200), nullable=False),
        sa.Column("kept_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_kept_identifier_programme_id", "kept_identifier", ["programme_id"])
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON kept_identifier FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    op.drop_index("ix_kept_identifier_programme_id", "kept_identifier")
    op.drop_table("kept_identifier")
