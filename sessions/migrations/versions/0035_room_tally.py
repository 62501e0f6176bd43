"""Count each change to what a room's door shows, so a door told of a commit need not count
the phones again when the commit was only a note.

A commit notice says that someone committed, never what. The door on the session screen
counted the phones and their answers again on every one: ten statements or so, for every
note the facilitator typed. `room_tally` holds one number a session, raised by the database
itself on every write to what the door reads, so the door reads that one number first.
Triggers rather than the app's own code, so every writer raises it: the web room's threads,
another copy of the app, the command line, a hand at the SQL prompt.

What the door reads, and so what raises the tally:

- the room itself (opened, given a fresh code, closed) and the session finishing: always,
  so a door hears that its room was closed or opened again elsewhere;
- while the session's room is open, its phones (joined, turned out), their answers
  (`activity_result`, `room_answered`), the results shown (`room_reveal`), the questions
  sent (`room_question`), the clock moving to another item (`timer_event`, heartbeats
  apart) and the agenda's items (which item is current, and its kind); and the proposals
  put to the room and their answers, which the door's count shows the projector afresh.

Without an open room nothing is raised: planning a session, importing a programme or
running one from the keyboard alone writes no tally at all.

On PostgreSQL the triggers are deferred to the commit: the tally's row is then locked only
for the moment the transaction commits, after every other lock it takes, so phones
answering at once never wait on each other for longer than that, nor deadlock over it.

Revision ID: 0035
Revises: 0034
"""

import sqlalchemy as sa
from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

HEARTBEAT = "heartbeat"

# Each table the door reads: the column that leads to its session, and how.
#   session       the column is the session's id: raised always
#   open_session  the column is the session's id: raised while its room is open
#   open_room     the column is a room's id: raised while that room is open
#   open_item     the column is an agenda item's id: raised while its session's room is open
#   open_proposal the column is a proposal's id: raised while its session's room is open
WATCHED = (
    ("room", "session_id", "session"),
    ("room_device", "room_id", "open_room"),
    ("room_answered", "agenda_item_id", "open_item"),
    ("room_reveal", "agenda_item_id", "open_item"),
    ("room_question", "session_id", "open_session"),
    ("activity_result", "session_id", "open_session"),
    ("timer_event", "session_id", "open_session"),
    ("agenda_item", "session_id", "open_session"),
    ("proposal", "session_id", "open_session"),
    ("proposal_answer", "proposal_id", "open_proposal"),
    ("session", "id", "session"),
)
OPERATIONS = ("insert", "update", "delete")
# Where a column leads through another table to its session.
THROUGH = {"open_item": "agenda_item", "open_proposal": "proposal"}


def _operations(table: str) -> tuple[str, ...]:
    # Only a session finishing changes what the door reads of it: the session row is
    # written for other reasons too (its planned day, its minutes' approval).
    return ("update",) if table == "session" else OPERATIONS


def _event(table: str, operation: str) -> str:
    return "UPDATE OF finished_at" if table == "session" else operation.upper()


def _when(table: str, operation: str) -> str:
    # The heartbeat is written every few seconds while the clock runs and moves no item.
    if table != "timer_event":
        return ""
    row = "OLD" if operation == "delete" else "NEW"
    return f"WHEN ({row}.kind <> '{HEARTBEAT}') "


def trigger_name(table: str, operation: str) -> str:
    return f"room_tally_{table}_{operation}"


def _sqlite_session(row: str, column: str, how: str) -> str:
    """A SELECT of the session to raise, with no row when none is to be."""
    if how == "session":
        return f"SELECT {row}.{column}, 1 WHERE {row}.{column} IS NOT NULL"
    if how == "open_room":
        return f"SELECT session_id, 1 FROM room WHERE id = {row}.{column} AND closed_at IS NULL"
    session = (
        f"(SELECT session_id FROM {THROUGH[how]} WHERE id = {row}.{column})"
        if how in THROUGH
        else f"{row}.{column}"
    )
    return (
        f"SELECT session_id, 1 FROM room WHERE session_id = {session} AND closed_at IS NULL LIMIT 1"
    )


def _sqlite_triggers() -> None:
    for table, column, how in WATCHED:
        for operation in _operations(table):
            row = "OLD" if operation == "delete" else "NEW"
            op.execute(
                f"CREATE TRIGGER {trigger_name(table, operation)} "
                f"AFTER {_event(table, operation)} ON {table} {_when(table, operation)}"
                "BEGIN "
                f"INSERT INTO room_tally (session_id, tally) {_sqlite_session(row, column, how)} "
                "ON CONFLICT (session_id) DO UPDATE SET tally = room_tally.tally + 1; "
                "END"
            )


_POSTGRESQL_RAISE = """
CREATE FUNCTION room_tally_raise() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    written jsonb;
    leads_to integer;
    raised integer;
BEGIN
    IF TG_OP = 'DELETE' THEN
        written := to_jsonb(OLD);
    ELSE
        written := to_jsonb(NEW);
    END IF;
    leads_to := (written ->> TG_ARGV[0])::integer;
    IF TG_ARGV[1] = 'session' THEN
        raised := leads_to;
    ELSIF TG_ARGV[1] = 'open_room' THEN
        SELECT session_id INTO raised FROM room WHERE id = leads_to AND closed_at IS NULL;
    ELSE
        IF TG_ARGV[1] = 'open_item' THEN
            SELECT session_id INTO leads_to FROM agenda_item WHERE id = leads_to;
        ELSIF TG_ARGV[1] = 'open_proposal' THEN
            SELECT session_id INTO leads_to FROM proposal WHERE id = leads_to;
        END IF;
        SELECT session_id INTO raised FROM room
            WHERE session_id = leads_to AND closed_at IS NULL LIMIT 1;
    END IF;
    IF raised IS NOT NULL THEN
        INSERT INTO room_tally (session_id, tally) VALUES (raised, 1)
            ON CONFLICT (session_id) DO UPDATE SET tally = room_tally.tally + 1;
    END IF;
    RETURN NULL;
END $$
"""


def _postgresql_triggers() -> None:
    # Every table tells listening mirrors of its changes, as migration 0013 set up.
    op.execute(
        "CREATE TRIGGER facilitator_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        "ON room_tally FOR EACH STATEMENT EXECUTE FUNCTION facilitator_changed()"
    )
    op.execute(_POSTGRESQL_RAISE)
    for table, column, how in WATCHED:
        for operation in _operations(table):
            op.execute(
                f"CREATE CONSTRAINT TRIGGER {trigger_name(table, operation)} "
                f"AFTER {_event(table, operation)} ON {table} "
                "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                f"{_when(table, operation)}"
                f"EXECUTE FUNCTION room_tally_raise('{column}', '{how}')"
            )


def upgrade() -> None:
    op.create_table(
        "room_tally",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), primary_key=True),
        sa.Column("tally", sa.Integer, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table, _column, _how in WATCHED:
        for operation in _operations(table):
            name = trigger_name(table, operation)
            op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgresql else ""))
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS room_tally_raise()")
    op.drop_table("room_tally")
