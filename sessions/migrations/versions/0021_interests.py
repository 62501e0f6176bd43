"""The register of members' standing interests, and how each declaration was managed.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interest",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("from_on", sa.Date(), nullable=True),
        sa.Column("to_on", sa.Date(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_interest_member_id", "interest", ["member_id"])
    with op.batch_alter_table("declaration") as batch:
        batch.add_column(sa.Column("kind", sa.String(40), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("handling", sa.String(20), nullable=False, server_default="noted")
        )
        batch.add_column(sa.Column("interest_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_declaration_interest_id", "interest", ["interest_id"], ["id"])
    # Before, leaving the room was the one way of managing an interest the app knew.
    op.execute("UPDATE declaration SET handling = 'left-room' WHERE left_room_item_id IS NOT NULL")
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON interest FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    with op.batch_alter_table("declaration") as batch:
        batch.drop_constraint("fk_declaration_interest_id", type_="foreignkey")
        batch.drop_column("interest_id")
        batch.drop_column("handling")
        batch.drop_column("kind")
    op.drop_index("ix_interest_member_id", "interest")
    op.drop_table("interest")
