"""What only a PostgreSQL server does: its schema stamp and refusals, change notices, reaching it.

Everything else the app does runs on PostgreSQL through the same tests as on SQLite.
"""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import create_engine, text

from sessions.change_watch import ChangeWatch
from sessions.errors import SchemaTooNewError, StoreError
from sessions.migrations import HEAD
from sessions.models import Base
from sessions.services import notes, planning
from sessions.services.programmes import create_programme, list_programmes
from sessions.store import Store, database_url
from tests.postgresql import NO_SERVER, Databases
from tests.row_counts import row_counts
from tests.schema_at import schema_at
from tests.sent_statements import sent_statements

pytestmark = pytest.mark.postgresql_only


def run_sql(url, statement: str):
    engine = create_engine(database_url(url))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement))
            return result.all() if result.returns_rows else None
    finally:
        engine.dispose()


@pytest.fixture
def server(postgresql_databases) -> Databases:
    if postgresql_databases is None:
        pytest.skip(NO_SERVER)
    return postgresql_databases


@pytest.fixture
def empty_database(server) -> str:
    """A database on the server with nothing in it, not even the app's schema."""
    return server.create(migrated=False).render_as_string(hide_password=False)


def test_an_empty_database_gets_the_whole_schema(empty_database) -> None:
    Store.open(empty_database).close()
    assert run_sql(empty_database, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    assert set(row_counts(empty_database, Base.metadata.tables)) == set(Base.metadata.tables)


def test_a_database_at_the_first_schema_is_upgraded_and_keeps_its_rows(
    empty_database, small_agenda
) -> None:
    """The same Alembic scripts bring a server's database up, from the very first revision."""
    from sessions.services.search import search_notes

    schema_at(
        empty_database,
        "0001",
        "INSERT INTO programme (name, slug, pcn_name, created_at) "
        "VALUES ('Old', 'old', '', '2026-01-01 09:00:00+00')",
    )
    store = Store.open(empty_database)
    try:
        [programme] = list_programmes(store)
        assert programme.name == "Old"
        assert run_sql(empty_database, "SELECT version_num FROM alembic_version") == [(HEAD,)]
        sid = planning.start_session(store, programme.id, small_agenda)
        notes.add_note(store, sid, 0, "Written after the upgrade", "deal")
        assert [h.text for h in search_notes(store, programme.id, "upgr")] == [
            "Written after the upgrade"
        ]
    finally:
        store.close()


def test_a_database_from_a_newer_version_is_refused_and_left_alone(db_path, small_agenda) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour")
    sid = planning.start_session(store, programme.id, small_agenda)
    notes.add_note(store, sid, 0, "kept as it was", "deal")
    store.close()
    run_sql(db_path, "UPDATE alembic_version SET version_num = '9999'")
    before = row_counts(db_path, Base.metadata.tables)
    with pytest.raises(
        SchemaTooNewError, match=r"newer version of facilitator.*Nothing was changed"
    ):
        Store.open(db_path)
    assert row_counts(db_path, Base.metadata.tables) == before
    assert run_sql(db_path, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_another_programs_database_is_refused(empty_database) -> None:
    run_sql(empty_database, "CREATE TABLE invoices (id integer)")
    with pytest.raises(StoreError, match="not a facilitator database"):
        Store.open(empty_database)
    tables = run_sql(
        empty_database, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
    )
    assert tables == [("invoices",)]


def test_a_server_that_cannot_be_reached_gets_one_clear_message(server) -> None:
    with socket.socket() as probe:  # a port nothing listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        url = server.server.set(port=probe.getsockname()[1], database="nowhere")
        with pytest.raises(StoreError, match="cannot be reached; check the URL") as refused:
            Store.open(url)
    assert "Traceback" not in str(refused.value) and "\n" not in str(refused.value)


def test_a_database_missing_on_the_server_is_named(server) -> None:
    url = server.server.set(database="facilitator_never_made")
    with pytest.raises(StoreError, match="no such database on the server"):
        Store.open(url)


def test_every_table_tells_listeners_of_its_changes(store) -> None:
    """A table without the trigger would change without the mirror hearing of it."""
    with store.engine.connect() as connection:
        told = {
            row[0]
            for row in connection.execute(
                text(
                    "SELECT event_object_table FROM information_schema.triggers "
                    "WHERE trigger_name = 'facilitator_changed'"
                )
            )
        }
    assert told == set(Base.metadata.tables)


def test_a_listener_the_server_dropped_is_replaced(store, monkeypatch, small_agenda) -> None:
    from sessions import change_watch

    programme = create_programme(store, "Harbour")
    sid = planning.start_session(store, programme.id, small_agenda)
    mirror = Store.open(store.url, read_only=True)
    watch = ChangeWatch(mirror)
    assert watch.changed()
    run_sql(
        store.url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE query = 'LISTEN facilitator_changes'",
    )
    monkeypatch.setattr(change_watch, "CHECK_SECONDS", 0.0)  # ask the server at once
    with pytest.raises(StoreError, match="Could not watch the session"):
        watch.changed()
    notes.add_note(store, sid, 0, "written while the mirror was cut off", "deal")
    assert watch.changed()  # a new listener: everything counts as changed once
    watch.close()
    mirror.close()


def test_two_machines_claiming_one_session_at_once_take_turns(store, small_agenda) -> None:
    """The second claim waits for the first to commit, then finds it and is refused."""
    import threading

    from sessions.domain import leases
    from sessions.errors import SessionLeasedError
    from sessions.services import running
    from sessions.services.leases import Holder
    from sessions.utc import utcnow

    programme = create_programme(store, "Harbour")
    sid = planning.start_session(store, programme.id, small_agenda)
    first = Holder("first", "ana", "laptop-ana", 101)
    second = Holder("second", "ben", "laptop-ben", 202)
    other_machine = Store.open(store.url)
    outcome: list[BaseException | None] = []

    def claim_from_the_other_machine() -> None:
        try:
            running.open_session(other_machine, sid, second)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    try:
        with store.transaction() as db:
            leases.claim(db, sid, first, utcnow())
            rival = threading.Thread(target=claim_from_the_other_machine)
            rival.start()
            rival.join(timeout=0.5)
            assert rival.is_alive(), "the second claim went ahead while the first was open"
        rival.join(timeout=30)
        assert not rival.is_alive()
        assert len(outcome) == 1 and isinstance(outcome[0], SessionLeasedError), outcome
        assert "ana on laptop-ana" in str(outcome[0])
        with store.reading() as db:
            assert leases.current_lease(db, sid, utcnow()).host == "laptop-ana"
    finally:
        other_machine.close()


def test_search_asks_the_servers_text_index(store, small_agenda) -> None:
    """The search's condition is the very expression the index holds, so the server can
    answer it from the index once a programme's notes make that the quicker way."""
    from sessions.services.search import search_notes

    programme = create_programme(store, "Harbour")
    sid = planning.start_session(store, programme.id, small_agenda)
    notes.add_note(store, sid, 0, "Café culture at the front door", "deal")
    notes.add_note(store, sid, 0, "Back office rota", "deal")
    with sent_statements(store.engine) as sent:
        assert [h.text for h in search_notes(store, programme.id, "cafe FRONT")] == [
            "Café culture at the front door"
        ]
    condition = "facilitator_search_vector(note.text) @@ facilitator_search_query("
    assert any(condition in statement for statement, _ in sent), sent
    with store.engine.connect() as connection:
        # Two rows read faster whole; this asks whether the index could answer at all.
        connection.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in connection.exec_driver_sql(
                "EXPLAIN SELECT id FROM note WHERE facilitator_search_vector(note.text) "
                "@@ facilitator_search_query($$'cafe':*$$)"
            )
        )
    assert "ix_note_search" in plan, plan


def test_a_long_timer_log_is_read_through_its_indexes(store, small_agenda) -> None:
    """Each session's last heartbeat is one index lookup. Without the id in the index,
    PostgreSQL walked the whole log backwards for it: 17 s for a year's dashboard."""
    from sessions.timer_log import load_logs

    programme = create_programme(store, "Harbour")
    sessions = [planning.start_session(store, programme.id, small_agenda) for _ in range(100)]
    # A year of fortnightly sessions' heartbeats: each session's logged together, one
    # session after another, as the clock wrote them.
    run_sql(
        store.url,
        "INSERT INTO timer_event (session_id, kind, at, position, detail, seconds) "
        f"SELECT (ARRAY{sessions})[1 + n / 500], 'heartbeat', now(), 0, '', 0 "
        "FROM generate_series(0, 49999) AS n ORDER BY n",
    )
    run_sql(store.url, "ANALYZE timer_event")
    with sent_statements(store.engine) as sent, store.reading() as db:
        logs = load_logs(db, sessions)
    assert [len(log) for log in logs.values()] == [1] * 100  # each session's last heartbeat
    ((statement, parameters),) = [(s, p) for s, p in sent if "timer_event" in s]
    with store.engine.connect() as connection:
        plan = "\n".join(
            row[0] for row in connection.exec_driver_sql("EXPLAIN " + statement, parameters)
        )
    assert "Backward using ix_timer_event_session_kind_id" in plan, plan
    assert "Backward using timer_event_pkey" not in plan, plan
