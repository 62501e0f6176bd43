"""Index notes with their deletion, so a programme's notes are counted from the indexes alone.

The indexes by session alone and by item alone go: each new one starts with the same column.

Revision ID: 0011
Revises: 0010
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Covers the dashboard's count of each session's notes by kind, so a year of notes
    # is counted without reading one note's text.
    op.create_index("ix_note_session_kind", "note", ["session_id", "kind", "deleted_at"])
    op.drop_index("ix_note_session_id", "note")
    # Covers "does this item hold a note still standing", asked of every item a programme has.
    op.create_index("ix_note_item_deleted", "note", ["agenda_item_id", "deleted_at"])
    op.drop_index("ix_note_agenda_item_id", "note")


def downgrade() -> None:
    op.create_index("ix_note_agenda_item_id", "note", ["agenda_item_id"])
    op.drop_index("ix_note_item_deleted", "note")
    op.create_index("ix_note_session_id", "note", ["session_id"])
    op.drop_index("ix_note_session_kind", "note")
