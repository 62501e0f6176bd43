"""Baseline: programmes, sessions with their agenda snapshot, notes, actions, the timer log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from sessions.db_types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("slug", sa.String(255), nullable=False, unique=True),
        sa.Column("pcn_name", sa.String(255), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("archived_at", UTCDateTime(), nullable=True),
    )
    op.create_table(
        "session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("programme_id", sa.Integer(), sa.ForeignKey("programme.id"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("agenda_title", sa.String(500), nullable=False),
        sa.Column("agenda_source", sa.String(1000), nullable=False),
        sa.Column("agenda_notes", sa.Text(), nullable=False),
        sa.Column("agenda_text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("minutes_path", sa.String(1000), nullable=True),
        sa.UniqueConstraint("programme_id", "number"),
    )
    op.create_index("ix_session_programme_id", "session", ["programme_id"])
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section_title", sa.String(500), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("planned_seconds", sa.Integer(), nullable=False),
        sa.Column("activity", sa.JSON(), nullable=True),
        sa.UniqueConstraint("session_id", "position"),
    )
    op.create_index("ix_agenda_item_session_id", "agenda_item", ["session_id"])
    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_note_session_id", "note", ["session_id"])
    op.create_index("ix_note_agenda_item_id", "note", ["agenda_item_id"])
    op.create_table(
        "action",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("programme_id", sa.Integer(), sa.ForeignKey("programme.id"), nullable=False),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("note.id"), nullable=False, unique=True),
        sa.Column("owner", sa.String(255), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
    )
    op.create_index("ix_action_programme_id", "action", ["programme_id"])
    op.create_table(
        "timer_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("detail", sa.String(255), nullable=False),
    )
    op.create_index("ix_timer_event_session_id", "timer_event", ["session_id"])


def downgrade() -> None:
    for table in ("timer_event", "action", "note", "agenda_item", "session", "programme"):
        op.drop_table(table)
