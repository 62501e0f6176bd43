"""Copies of the database: daily and before an upgrade, private, rotated, and restored."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from facilitator.cli import main
from sessions import backups
from sessions.errors import InputError, SchemaTooNewError, StoreError
from sessions.migrations import HEAD
from sessions.services import notes, planning, running
from sessions.services.backups import back_up, database_file, list_copies, restore
from sessions.services.leases import LEASE_STALE_SECONDS, Holder
from sessions.services.programmes import create_programme, list_programmes
from sessions.store import Store
from tests.schema_at import schema_at

DAY = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "db" / "facilitator.db"


@pytest.fixture
def with_work(database: Path) -> Path:
    """A database holding a programme: something to lose."""
    store = Store.open(database)
    create_programme(store, "Harbour", "Harbour PCN")
    store.close()
    return database


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def kinds(database: Path) -> list[str]:
    return [copy.kind for copy in backups.list_backups(database)]


def schema_of(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def programme_names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM programme ORDER BY id")]
    finally:
        connection.close()


def test_opening_a_database_with_work_keeps_one_copy_a_day(with_work: Path) -> None:
    Store.open(with_work).close()
    Store.open(with_work).close()
    copies = backups.list_backups(with_work)
    assert [copy.kind for copy in copies] == ["daily"]
    assert copies[0].path.parent == with_work.parent / "facilitator.db.backups"
    assert programme_names(copies[0].path) == ["Harbour"]


def test_a_new_or_empty_database_is_not_copied(database: Path) -> None:
    Store.open(database).close()
    Store.open(database).close()
    assert not backups.backups_folder(database).exists()


def test_copies_are_private_whatever_the_umask(with_work: Path, umask: int) -> None:
    Store.open(with_work).close()  # the daily copy
    back_up(with_work)  # one by hand
    folder = backups.backups_folder(with_work)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert len(files) == 2
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_copy_is_one_file_without_a_write_ahead_log(with_work: Path) -> None:
    copy = back_up(with_work)
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def test_only_the_last_seven_daily_copies_are_kept(with_work: Path) -> None:
    back_up(with_work, now=DAY - timedelta(days=30))  # by hand: never removed
    connection = sqlite3.connect(with_work)
    try:
        backups.take_backup(connection, with_work, "schema-0020", DAY - timedelta(days=20))
        for day in range(10):
            assert backups.take_daily_copy(connection, with_work, DAY + timedelta(days=day))
            # Once a day: a second opening that day takes none.
            later = DAY + timedelta(days=day, hours=3)
            assert backups.take_daily_copy(connection, with_work, later) is None
    finally:
        connection.close()
    copies = backups.list_backups(with_work)
    assert [copy.kind for copy in copies] == ["manual", "schema-0020"] + ["daily"] * 7
    daily = [copy.taken_at for copy in copies if copy.kind == "daily"]
    assert daily == [DAY + timedelta(days=day) for day in range(3, 10)]


def test_two_copies_within_one_second_are_both_kept(with_work: Path) -> None:
    first, second = back_up(with_work, now=DAY), back_up(with_work, now=DAY)
    assert first != second and first.exists() and second.exists()
    assert [copy.path for copy in list_copies(with_work)] == [first, second]


def test_an_upgrade_keeps_a_copy_of_the_older_schema_first(database: Path) -> None:
    database.parent.mkdir(parents=True)
    schema_at(
        database,
        "0024",
        "INSERT INTO programme (name, slug, pcn_name, created_at) "
        "VALUES ('Old', 'old', '', '2026-01-01 09:00:00')",
    )
    store = Store.open(database)
    store.close()
    assert schema_of(database) == HEAD
    (before,) = [c for c in backups.list_backups(database) if c.kind != "daily"]
    assert before.kind == "schema-0024"
    assert before.reason == "before an upgrade (schema 0024)"
    assert schema_of(before.path) == "0024"
    assert programme_names(before.path) == ["Old"]


def test_an_upgrade_whose_copy_fails_is_stopped_with_nothing_changed(database: Path) -> None:
    database.parent.mkdir(parents=True)
    schema_at(database, "0024")
    backups.backups_folder(database).write_text("in the way")  # no folder can be made there
    with pytest.raises(StoreError, match=r"needs its schema upgraded.*nothing was changed"):
        Store.open(database)
    assert schema_of(database) == "0024"


def test_a_daily_copy_that_fails_is_one_warning_and_work_goes_on(
    with_work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups.backups_folder(with_work).write_text("in the way")
    store = Store.open(with_work)
    try:
        assert [p.name for p in list_programmes(store)] == ["Harbour"]
        (warning,) = store.notices
        assert "Today's backup" in warning and "work goes on" in warning
    finally:
        store.close()
    # A command says it once on stderr, and does its work.
    assert main(["--db", str(with_work), "export", "harbour", "--output", "-"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "Today's backup" in line] == [f"facilitator: {warning}"]


@pytest.fixture
def session(with_work: Path, small_agenda, clock) -> int:
    store = Store.open(with_work)
    try:
        programme = list_programmes(store)[0]
        sid = planning.start_session(store, programme.id, small_agenda)
        notes.add_note(store, sid, 0, "We want one front door", "deal", now=clock())
        notes.add_note(store, sid, 0, "d: Ana chairs", "deal", now=clock.advance(5))
    finally:
        store.close()
    return sid


def note_texts(database: Path, session_id: int) -> list[str]:
    store = Store.open(database)
    try:
        return [note.text for note in notes.list_notes(store, session_id)]
    finally:
        store.close()


def test_a_restore_brings_the_notes_back_and_keeps_what_it_replaced(
    with_work: Path, session: int, clock
) -> None:
    kept_before = note_texts(with_work, session)
    copy = back_up(with_work)
    store = Store.open(with_work)
    try:
        notes.add_note(store, session, 0, "Written after the copy", "deal", now=clock.advance(5))
    finally:
        store.close()
    restored = restore(with_work, copy, now=clock())
    assert note_texts(with_work, session) == kept_before
    assert restored.database == with_work and restored.schema == HEAD
    assert restored.kept is not None and restored.kept.name.endswith("-before-restore.db")
    # The restore itself can be undone.
    restore(with_work, restored.kept, now=clock())
    assert note_texts(with_work, session) == [*kept_before, "Written after the copy"]
    connection = sqlite3.connect(with_work)
    try:  # still the durable database the app keeps
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_a_restore_is_refused_while_a_session_is_being_run(
    with_work: Path, session: int, clock
) -> None:
    copy = back_up(with_work)
    store = Store.open(with_work)
    try:
        running.open_session(store, session, Holder("ana", "ana", "laptop-ana", 0), clock())
        notes.add_note(store, session, 0, "Said while driven", "deal", now=clock.advance(5))
    finally:
        store.close()
    with pytest.raises(InputError, match=r"is being run by ana on laptop-ana.*Nothing was changed"):
        restore(with_work, copy, now=clock())
    assert "Said while driven" in note_texts(with_work, session)
    assert "before-restore" not in kinds(with_work)
    # A driver not heard from for long enough is gone: then the copy comes back.
    restore(with_work, copy, now=clock.advance(LEASE_STALE_SECONDS + 1))
    assert "Said while driven" not in note_texts(with_work, session)


def test_a_copy_from_a_newer_version_is_refused_before_anything_changes(
    with_work: Path, tmp_path: Path
) -> None:
    copy = back_up(with_work, tmp_path / "newer.db")
    connection = sqlite3.connect(copy)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    with pytest.raises(SchemaTooNewError, match=r"newer version.*9999.*Nothing was changed"):
        restore(with_work, copy)
    assert schema_of(with_work) == HEAD
    assert "before-restore" not in kinds(with_work)


def test_an_older_copy_is_restored_and_brought_up_to_date_on_opening(
    with_work: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.db"
    schema_at(
        older,
        "0024",
        "INSERT INTO programme (name, slug, pcn_name, created_at) "
        "VALUES ('Old', 'old', '', '2026-01-01 09:00:00')",
    )
    restored = restore(with_work, older)
    assert restored.schema == "0024" and restored.older
    store = Store.open(with_work)
    try:
        assert [p.name for p in list_programmes(store)] == ["Old"]
    finally:
        store.close()
    assert "schema-0024" in kinds(with_work)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all" * 100],
    ids=["empty", "text"],
)
def test_what_is_not_a_facilitator_database_is_refused(
    with_work: Path, tmp_path: Path, content: bytes
) -> None:
    copy = tmp_path / "other.db"
    copy.write_bytes(content)
    with pytest.raises(InputError, match="not a facilitator database"):
        restore(with_work, copy)
    assert programme_names(with_work) == ["Harbour"]


def test_another_programs_database_is_refused(with_work: Path, tmp_path: Path) -> None:
    copy = tmp_path / "other.db"
    connection = sqlite3.connect(copy)
    with connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")
    connection.close()
    with pytest.raises(InputError, match="not a facilitator database"):
        restore(with_work, copy)


def test_a_restore_over_no_database_makes_a_private_one(
    with_work: Path, tmp_path: Path, umask: int
) -> None:
    copy = back_up(with_work)
    fresh = tmp_path / "elsewhere" / "facilitator.db"
    restored = restore(fresh, copy)
    assert restored.kept is None
    assert programme_names(fresh) == ["Harbour"]
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert stat.S_IMODE(fresh.parent.stat().st_mode) == 0o700


def test_a_database_is_not_restored_from_itself(with_work: Path) -> None:
    with pytest.raises(InputError, match="is the database itself"):
        restore(with_work, with_work)


@pytest.mark.parametrize(
    "url", ["postgresql://ana:secret@db.example.org/facilitator", "postgresql+psycopg://db/x"]
)
def test_a_postgresql_database_is_pointed_to_the_servers_own_backups(url: str) -> None:
    for attempt in (
        lambda: database_file(url),
        lambda: back_up(url),
        lambda: list_copies(url),
        lambda: restore(url, Path("copy.db")),
    ):
        with pytest.raises(InputError, match=r"PostgreSQL database.*pg_dump") as refused:
            attempt()
        assert "secret" not in str(refused.value)


def test_a_copy_taken_while_another_copy_writes_holds_only_what_was_committed(
    with_work: Path,
) -> None:
    writer = sqlite3.connect(with_work, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO programme (name, slug, pcn_name, created_at) "
            "VALUES ('Half written', 'half', '', '2026-01-01 09:00:00')"
        )
        copy = back_up(with_work)  # the online backup does not wait for the writer
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert programme_names(copy) == ["Harbour"]
    assert programme_names(with_work) == ["Harbour", "Half written"]
