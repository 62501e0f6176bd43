"""Looking without touching: the read-only store, the change watch and which session to follow."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path

import pytest

from sessions.change_watch import ChangeWatch
from sessions.errors import SchemaTooNewError, StoreError
from sessions.models import Base
from sessions.services import calendar, notes, planning, running
from sessions.services.following import latest_session_id
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.row_counts import row_counts


def digest(path_or_url) -> str | dict[str, int]:
    """The file's bytes; on a server, where there is no file, every table's rows."""
    if isinstance(path_or_url, Path):
        return hashlib.sha256(path_or_url.read_bytes()).hexdigest()
    return row_counts(path_or_url, Base.metadata.tables)


def sees_a_change(watch: ChangeWatch) -> bool:
    """A commit's notice reaches a PostgreSQL listener a moment after the commit returns;
    SQLite's counter has moved by then. Either way, a change is seen within seconds."""
    deadline = time.monotonic() + 10
    while not watch.changed():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


@pytest.fixture
def started(store: Store, small_agenda, clock) -> int:
    programme = create_programme(store, "Harbour", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    running.toggle_clock(store, session_id, clock())
    return session_id


def test_a_read_only_store_reads_and_refuses_every_write(store, db_path, started, clock) -> None:
    notes.add_note(store, started, 0, "Written by the driver", "deal", now=clock())
    store.close()
    before = digest(db_path)
    mirror = Store.open(db_path, read_only=True)
    assert [n.text for n in notes.list_notes(mirror, started, 0)] == ["Written by the driver"]
    with pytest.raises(StoreError, match="read-only"):
        notes.add_note(mirror, started, 0, "Never kept", "deal", now=clock())
    with pytest.raises(StoreError, match="read-only"):
        running.toggle_clock(mirror, started, clock())
    mirror.close()
    assert digest(db_path) == before


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "facilitator.db"
    with pytest.raises(StoreError, match=r"There is no database at .* start a session"):
        Store.open(missing, read_only=True)
    assert not missing.parent.exists()


def test_an_empty_file_is_not_migrated(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="has no facilitator data yet"):
        Store.open(empty, read_only=True)
    assert empty.stat().st_size == 0


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE patients (id INTEGER)")
    before = digest(foreign)
    with pytest.raises(StoreError, match="not a facilitator database"):
        Store.open(foreign, read_only=True)
    assert digest(foreign) == before


def set_version(db_path: Path, version: str) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (version,))


@pytest.mark.sqlite_only  # rewrites the file's schema stamp
def test_newer_and_older_schemas_are_explained_not_changed(store, db_path) -> None:
    store.close()
    set_version(db_path, "0999")
    with pytest.raises(SchemaTooNewError, match="newer version of facilitator"):
        Store.open(db_path, read_only=True)
    set_version(db_path, "0001")
    with pytest.raises(StoreError, match="older version of facilitator: open it once"):
        Store.open(db_path, read_only=True)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_the_watch_sees_other_writers_and_only_them(store, db_path, started, clock) -> None:
    mirror = Store.open(db_path, read_only=True)
    watch = ChangeWatch(mirror)
    assert watch.changed()  # the first look always counts as a change
    assert not watch.changed()
    running.get_session(mirror, started)  # the mirror's own reads change nothing
    assert not watch.changed()
    notes.add_note(store, started, 0, "A new note", "deal", now=clock())
    assert sees_a_change(watch)
    assert not watch.changed()
    running.heartbeat(store, started, clock.advance(5))
    assert sees_a_change(watch)
    watch.close()
    mirror.close()


def test_the_summary_watch_for_other_databases_sees_the_same_changes(
    store, db_path, started, clock
) -> None:
    mirror = Store.open(db_path, read_only=True)
    watch = ChangeWatch(mirror)
    watch._backend = "other"  # as for a database with neither PRAGMA data_version nor NOTIFY
    assert watch.changed()
    assert not watch.changed()
    notes.add_note(store, started, 0, "A new note", "deal", now=clock())
    assert sees_a_change(watch)
    running.move(store, started, +1, clock.advance(60))
    assert sees_a_change(watch)
    assert not watch.changed()
    mirror.close()


def test_following_picks_the_session_touched_last(store, small_agenda, clock) -> None:
    assert latest_session_id(store, clock()) is None
    harbour = create_programme(store, "Harbour")
    first = planning.start_session(store, harbour.id, small_agenda)
    assert latest_session_id(store, clock()) == first
    second = planning.start_session(store, harbour.id, small_agenda)
    # Neither has met: the room's is the one that meets first.
    assert latest_session_id(store, clock()) == first
    # Session 1 is resumed: its clock moving makes it the one the room is in.
    running.toggle_clock(store, first, clock())
    running.toggle_clock(store, second, clock.advance(-3600))
    assert latest_session_id(store, clock()) == first
    running.finish_session(store, first, clock.advance(7200))
    assert (
        latest_session_id(store, clock()) == first
    )  # the room still sees the session just finished
    # Set up after it: the room is to meet in it next. Called off, it never meets, so the
    # room goes on seeing the first.
    third = planning.start_session(store, harbour.id, small_agenda)
    assert latest_session_id(store, clock()) == third
    calendar.cancel_session(store, third, clock())
    assert latest_session_id(store, clock()) == first


def test_after_a_failed_reading_the_next_one_counts_as_a_change(store, db_path) -> None:
    mirror = Store.open(db_path, read_only=True)
    watch = ChangeWatch(mirror)
    assert watch.changed()
    watch.close()  # as after a database error: the kept connection is dropped
    assert watch.changed()
    assert not watch.changed()
    mirror.close()


def test_following_picks_the_session_a_driver_has_open_before_its_clock_starts(
    store, small_agenda, clock
) -> None:
    from datetime import timedelta

    from sessions.domain.following import driven_session
    from sessions.domain.leases import LEASE_STALE_SECONDS, Holder

    harbour = create_programme(store, "Harbour")
    first = planning.start_session(store, harbour.id, small_agenda)
    second = planning.start_session(store, harbour.id, small_agenda)
    assert latest_session_id(store, clock()) == first  # it meets first; nobody driving
    laptop = Holder(token="laptop", user="kate", host="laptop", pid=0)
    running.open_session(store, first, laptop, clock())
    # Opened, its clock not yet started: the room is in it.
    assert latest_session_id(store, clock()) == first
    running.heartbeat(store, first, clock.advance(5), holder=laptop)
    assert latest_session_id(store, clock()) == first
    # Nothing heard from the laptop for longer than a lease lasts: it is no longer driving.
    stale = clock() + timedelta(seconds=LEASE_STALE_SECONDS + 1)
    running.open_session(store, second, laptop, clock())
    assert latest_session_id(store, clock()) == second
    assert latest_session_id(store, stale) == first  # no clock has moved: first to meet
    running.release_session(store, second, laptop, clock())  # left for Home
    assert latest_session_id(store, clock()) == first
    # Driven and finished: its lease no longer counts (the session touched last decides).
    running.open_session(store, first, laptop, clock())
    running.toggle_clock(store, first, clock.advance(60), holder=laptop)
    with store.reading() as db:
        assert driven_session(db, clock()) == first
    running.finish_session(store, first, clock.advance(600), holder=laptop)
    with store.reading() as db:
        assert driven_session(db, clock()) is None


def test_following_with_nobody_driving_picks_the_session_set_up_that_meets_next(
    store, small_agenda, clock
) -> None:
    from datetime import date

    harbour = create_programme(store, "Harbour")
    # As a plan sets them up: all at once, the last set up meeting last.
    planned = [
        planning.start_session(store, harbour.id, small_agenda, planned_for=date(2027, 1, day))
        for day in (11, 25, 18)
    ]
    assert latest_session_id(store, clock()) == planned[0]
    calendar.cancel_session(store, planned[0], clock())
    assert latest_session_id(store, clock()) == planned[2]  # the 18th, before the 25th
