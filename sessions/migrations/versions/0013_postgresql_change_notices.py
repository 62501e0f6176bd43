"""On PostgreSQL, every committed change tells those listening, so a mirror need not poll tables.

SQLite has its own cheap counter (`PRAGMA data_version`) and gets nothing here.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

CHANNEL = "facilitator_changes"
# Every table at this revision. A later migration that adds a table gives it the same
# trigger; a test on PostgreSQL checks that none lacks it.
TABLES = (
    "action",
    "action_review",
    "activity_result",
    "agenda_item",
    "attendance",
    "declaration",
    "member",
    "note",
    "note_revision",
    "programme",
    "session",
    "session_lease",
    "timer_event",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # NOTIFY is sent when the transaction commits, once however many rows it wrote:
    # the listener learns only that something changed, and reads what it shows.
    op.execute(
        "CREATE FUNCTION facilitator_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$"
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS facilitator_changed ON {table}")
    op.execute("DROP FUNCTION IF EXISTS facilitator_changed()")
