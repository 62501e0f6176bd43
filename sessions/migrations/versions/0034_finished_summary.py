"""Keep each finished session summed up, so a large programme's dashboard need not replay it.

Revision ID: 0034
Revises: 0033
"""

import sqlalchemy as sa
from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finished_summary",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), primary_key=True),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_seconds", sa.Float, nullable=False),
        sa.Column("planned_seconds", sa.Integer, nullable=False),
        sa.Column("deal_notes", sa.Integer, nullable=False),
        sa.Column("relationship_notes", sa.Integer, nullable=False),
        sa.Column("steps_covered", sa.JSON, nullable=False),
        sa.Column("stopped_in_step", sa.Boolean, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Every table tells listening mirrors of its changes, as migration 0013 set up.
        op.execute(
            "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            "ON finished_summary FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )
    _sum_up_finished_sessions()


def _sum_up_finished_sessions() -> None:
    """Every session already finished, summed up by the app's own rule.

    Imported rather than written out, unlike other steps: a summary must say what the live
    figures say, so it is worked out by the rule they follow, as it stands when this runs.
    It reads only long-standing columns of the session, its agenda items, notes and clock.
    """
    from sqlalchemy.orm import Session as DbSession

    from sessions.domain.summaries import keep_every_summary

    db = DbSession(bind=op.get_bind())
    keep_every_summary(db)
    db.close()  # the migration's own transaction carries the rows: close leaves it be


def downgrade() -> None:
    op.drop_table("finished_summary")
