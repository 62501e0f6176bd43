"""Keep the driver's choice of note kind and speaker, so a resumed session types on as it left.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_capture",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("member.id"), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON session_capture FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    op.drop_table("session_capture")
