"""Members, attendance and declarations; note edits kept as revisions; full-text search.

Revision ID: 0004
Revises: 0003

The search index is SQLite FTS5, kept in step with the note table by triggers. A
SQLite built without FTS5 (or another database) simply has no index, and search
falls back to a plain scan.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FTS_STATEMENTS = (
    "CREATE VIRTUAL TABLE note_fts USING fts5("
    "text, content='note', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
    "INSERT INTO note_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN "
    "INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER note_fts_update AFTER UPDATE OF text ON note BEGIN "
    "INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO note_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO note_fts(note_fts) VALUES ('rebuild')",
)


def _has_fts5(connection: sa.engine.Connection) -> bool:
    if connection.dialect.name != "sqlite":
        return False
    try:
        connection.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        connection.exec_driver_sql("DROP TABLE temp.fts5_probe")
    except sa.exc.OperationalError:
        return False
    return True


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("programme_id", sa.Integer(), sa.ForeignKey("programme.id"), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("organisation", sa.String(255), nullable=False),
        sa.Column("organisation_kind", sa.String(40), nullable=False),
        sa.Column("role", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("programme_id", "name"),
    )
    op.create_index("ix_member_programme_id", "member", ["programme_id"])
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.UniqueConstraint("session_id", "member_id"),
    )
    op.create_index("ix_attendance_session_id", "attendance", ["session_id"])
    op.create_table(
        "declaration",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_id", sa.Integer(), sa.ForeignKey("session.id"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("interest", sa.Text(), nullable=False),
        sa.Column(
            "left_room_item_id", sa.Integer(), sa.ForeignKey("agenda_item.id"), nullable=True
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_declaration_session_id", "declaration", ["session_id"])
    op.create_table(
        "note_revision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note_id", sa.Integer(), sa.ForeignKey("note.id"), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_note_revision_note_id", "note_revision", ["note_id"])
    # SQLite rebuilds the note table to add a foreign key; the index comes after.
    with op.batch_alter_table("note") as batch:
        batch.add_column(sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("member_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_note_member_id_member", "member", ["member_id"], ["id"])
        batch.create_index("ix_note_member_id", ["member_id"])
    connection = op.get_bind()
    if _has_fts5(connection):
        for statement in FTS_STATEMENTS:
            connection.exec_driver_sql(statement)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for name in ("note_fts_insert", "note_fts_delete", "note_fts_update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS note_fts")
    with op.batch_alter_table("note") as batch:
        batch.drop_index("ix_note_member_id")
        batch.drop_constraint("fk_note_member_id_member", type_="foreignkey")
        batch.drop_column("member_id")
        batch.drop_column("edited_at")
    for table in ("note_revision", "declaration", "attendance", "member"):
        op.drop_table(table)
