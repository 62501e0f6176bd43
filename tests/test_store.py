"""Opening the database: pragmas, privacy, migrations, and refusing what is not ours."""

from __future__ import annotations

import re
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import event, text

from sessions.errors import SchemaTooNewError, StoreError
from sessions.migrations import HEAD
from sessions.models import Base
from sessions.services.programmes import create_programme, list_programmes
from sessions.store import Store, database_url
from tests.schema_at import schema_at


@pytest.mark.sqlite_only  # about SQLite's file
def test_new_database_is_private_and_durable(store: Store, db_path: Path) -> None:
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    with store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") > 0


def test_head_constant_matches_the_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "sessions:migrations")
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_migrations_build_exactly_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    # The search index is each database's own (SQLite's FTS5 and its shadow tables,
    # PostgreSQL's index of an expression), not a model.
    def include_name(name, type_, _parent) -> bool:
        return not (
            (type_ == "table" and name.startswith("note_fts"))
            or (type_ == "index" and name == "ix_note_search")
        )

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def _plain_condition(sql: str) -> str:
    # PostgreSQL gives a condition back bracketed and with casts: `((kind)::text <> ...)`.
    return re.sub(r"::[a-z ]+|[()\s]", "", sql).lower()


def test_the_partial_indexes_hold_the_models_condition(store: Store) -> None:
    """Alembic's comparison above leaves out an index's condition, so it is compared here."""
    partial = [
        index
        for table in Base.metadata.tables.values()
        for index in table.indexes
        if "where" in index.info
    ]
    assert {index.name for index in partial} == {"ix_session_waiting", "ix_timer_event_replayed"}
    postgresql = store.engine.dialect.name == "postgresql"
    query = (
        "SELECT indexdef FROM pg_indexes WHERE indexname = :name"
        if postgresql
        else "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name"
    )
    with store.engine.connect() as connection:
        for index in partial:
            built = connection.execute(text(query), {"name": index.name}).scalar_one()
            _, found, condition = built.partition(" WHERE ")
            assert found, f"{index.name} is built whole, not partial"
            assert _plain_condition(condition) == _plain_condition(str(index.info["where"]))


def test_reopening_keeps_data(db_path: Path) -> None:
    first = Store.open(db_path)
    create_programme(first, "Harbour", "Harbour PCN")
    first.close()
    second = Store.open(str(db_path))
    assert [p.name for p in list_programmes(second)] == ["Harbour"]
    second.close()


@pytest.mark.sqlite_only  # about SQLite's file
def test_a_sqlalchemy_url_works_where_a_path_does(db_path: Path) -> None:
    store = Store.open(f"sqlite:///{db_path}")
    create_programme(store, "Via URL")
    assert store.location == str(db_path)
    store.close()


def test_paths_with_a_tilde_are_expanded(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert database_url("~/x.db").database == str(tmp_path / "x.db")


@pytest.mark.sqlite_only  # about SQLite's file
def test_database_from_a_newer_version_is_refused_and_left_alone(db_path: Path) -> None:
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(
        SchemaTooNewError, match=r"newer version of facilitator.*Nothing was changed"
    ):
        Store.open(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.sqlite_only  # about SQLite's file
def test_another_programs_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="not a facilitator database"):
        Store.open(db_path)
    with sqlite3.connect(db_path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


@pytest.mark.sqlite_only  # about SQLite's file
def test_a_file_that_is_not_a_database_gets_one_clear_message(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"these are my notes, not a database" * 200)
    with pytest.raises(StoreError, match="not a facilitator database, or it is damaged"):
        Store.open(db_path)
    assert db_path.read_bytes().startswith(b"these are my notes")


def test_a_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(StoreError, match="Cannot create the database"):
        Store.open(blocker / "sub" / "facilitator.db")


def test_nonsense_url_is_reported() -> None:
    with pytest.raises(StoreError, match="no database driver"):
        Store.open("nosuchdriver+x://")


def make_disk_full(store: Store) -> None:
    """Simulate a full disk at the SQLite layer: no page may be added to the file."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def make_read_only(store: Store) -> None:
    """Simulate a database whose file or folder lost its write permission, as root can't
    with chmod: SQLite refuses every write exactly as it would then."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _lock(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")


@pytest.mark.sqlite_only  # about SQLite's file
def test_a_full_disk_gives_one_clear_message_and_keeps_earlier_work(store: Store) -> None:
    create_programme(store, "Kept")
    make_disk_full(store)
    with pytest.raises(StoreError, match="disk is full"):
        for n in range(200):  # enough rows to need a new page
            create_programme(store, f"Programme {n} " + "x" * 150)
    assert "Kept" in [p.name for p in list_programmes(store)]


@pytest.mark.sqlite_only  # about SQLite's file
def test_the_latest_upgrades_run_on_a_database_full_of_work(db_path: Path) -> None:
    """Notes and answers point at agenda items: an upgrade must not trip over them."""
    from sessions.agenda.library import find_agenda
    from sessions.services import notes, participants, planning, running
    from sessions.services.checklist import vote
    from sessions.services.room_tally import room_tally

    store = Store.open(db_path)
    programme = create_programme(store, "Full programme")
    sid = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
    notes.add_note(store, sid, 0, "kept through the upgrade", "deal")
    at = next(i.position for i in running.get_session(store, sid).items if i.kind == "checklist")
    vote(store, sid, at, 0, 3)
    store.close()
    # Back to revision 0008: what 0009 to the head added undone, by hand.
    with sqlite3.connect(db_path) as connection:
        # The room's tally first: its triggers name tables and columns dropped below.
        for (trigger,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'room_tally_%'"
        ).fetchall():
            connection.execute(f"DROP TRIGGER {trigger}")
        connection.execute("DROP TABLE room_tally")
        # SQLite drops no column a foreign key names: the table is made again without them.
        connection.executescript(
            """
            CREATE TABLE declaration_before (
                id INTEGER PRIMARY KEY,
                session_id INTEGER NOT NULL REFERENCES session (id),
                member_id INTEGER NOT NULL REFERENCES member (id),
                interest TEXT NOT NULL,
                left_room_item_id INTEGER REFERENCES agenda_item (id),
                created_at DATETIME NOT NULL,
                deleted_at DATETIME
            );
            INSERT INTO declaration_before SELECT id, session_id, member_id, interest,
                left_room_item_id, created_at, deleted_at FROM declaration;
            DROP TABLE declaration;
            ALTER TABLE declaration_before RENAME TO declaration;
            CREATE INDEX ix_declaration_session_id ON declaration (session_id);
            DROP TABLE interest;
            """
        )
        for table in (
            "proposal_answer",
            "proposal",
            "room_question",
            "room_reveal",
            "room_answered",
            "room_device",
            "room",
        ):
            connection.execute(f"DROP TABLE {table}")
        connection.execute("ALTER TABLE member DROP COLUMN email")
        connection.execute("DROP INDEX ix_session_waiting")
        connection.execute("DROP TABLE finished_summary")

        for column in ("plan_place", "planned_as", "date_to_confirm"):
            connection.execute(f"ALTER TABLE session DROP COLUMN {column}")
        for column in ("plan_source", "plan_title"):
            connection.execute(f"ALTER TABLE programme DROP COLUMN {column}")
        for column in (
            "start_time",
            "end_time",
            "place",
            "calendar_uid",
            "calendar_sequence",
            "cancelled_at",
        ):
            connection.execute(f"ALTER TABLE session DROP COLUMN {column}")
        connection.execute("ALTER TABLE note DROP COLUMN confidential")
        connection.execute("ALTER TABLE agenda_item DROP COLUMN confidential")
        connection.execute("DROP TABLE kept_identifier")
        connection.execute("DROP TABLE minutes_amendment")
        connection.execute("ALTER TABLE session DROP COLUMN minutes_approved_in")
        connection.execute("ALTER TABLE session DROP COLUMN minutes_approved_at")
        for table in ("programme", "session"):
            connection.execute(f"ALTER TABLE {table} DROP COLUMN quorum_count")
            connection.execute(f"ALTER TABLE {table} DROP COLUMN quorum_of")
        connection.execute("DROP INDEX ix_action_owner_member_id")
        connection.execute("ALTER TABLE action DROP COLUMN owner_member_id")
        connection.execute("DROP TABLE session_capture")
        connection.execute("DROP TABLE room_watch")
        connection.execute("DROP TABLE action_change")
        connection.execute("DROP INDEX ix_timer_event_replayed")
        connection.execute("ALTER TABLE agenda_item DROP COLUMN answers_in_minutes")
        connection.execute("DROP INDEX ix_timer_event_session_kind_id")
        connection.execute("CREATE INDEX ix_timer_event_session_id ON timer_event (session_id)")
        connection.execute("DROP INDEX ix_note_session_kind")
        connection.execute("DROP INDEX ix_note_item_deleted")
        connection.execute("CREATE INDEX ix_note_session_id ON note (session_id)")
        connection.execute("CREATE INDEX ix_note_agenda_item_id ON note (agenda_item_id)")
        connection.execute("UPDATE alembic_version SET version_num = '0008'")
    store = Store.open(db_path)
    try:
        assert [n.text for n in notes.list_notes(store, sid, 0)] == ["kept through the upgrade"]
        # The room's tally counts from the upgrade on.
        participants.join_room(store, participants.open_room(store, sid).code)
        assert room_tally(store, sid) == 2
        with store.engine.connect() as connection:
            assert (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == HEAD
            )
    finally:
        store.close()


@pytest.mark.sqlite_only  # about SQLite's file
def test_an_older_database_is_upgraded_and_keeps_its_data(db_path: Path) -> None:
    """A database left at the first schema opens with the newest, its rows intact."""
    db_path.parent.mkdir(parents=True)
    schema_at(
        db_path,
        "0001",
        "INSERT INTO programme (name, slug, pcn_name, created_at) "
        "VALUES ('Old', 'old', '', '2026-01-01 09:00:00')",
    )
    store = Store.open(db_path)
    assert [p.name for p in list_programmes(store)] == ["Old"]
    with store.engine.connect() as connection:
        assert (
            connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        )
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(timer_event)")]
    assert "seconds" in columns
    store.close()


def test_a_plain_postgresql_url_uses_the_driver_that_comes_with_the_app() -> None:
    """SQLAlchemy's default for postgresql:// is a driver the app does not install."""
    url = database_url("postgresql://ana:secret@db.example.org/facilitator")
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.password, url.host, url.database) == (
        "ana",
        "secret",
        "db.example.org",
        "facilitator",
    )
    assert database_url("postgresql+psycopg2://db/x").drivername == "postgresql+psycopg2"
