"""Being told of a commit by the operating system, and managing without where it cannot."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from sessions.change_watch import ChangeWatch
from sessions.commit_notices import CommitNotices
from sessions.services import notes, planning
from sessions.services.programmes import create_programme
from sessions.store import Store

GUARD_SECONDS = 60
"""Not how fast: only long enough that a notice which came would have been seen."""

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="notices come from inotify")


def started_session(store: Store, agenda) -> int:
    programme = create_programme(store, "Harbour", "Harbour PCN")
    return planning.start_session(store, programme.id, agenda)


class Seen:
    """Counts the notices, and what the watch made of each: the change itself must be
    there to be seen once the notices have come, not only a write on its way."""

    def __init__(self, watch: ChangeWatch):
        self.watch = watch
        self.notices = 0
        self.changes = 0
        self.changed = asyncio.Event()

    async def change(self) -> None:
        """Wait for a notice to find the change; a guard fails the test rather than hang it."""
        await asyncio.wait_for(self.changed.wait(), GUARD_SECONDS)

    def __call__(self) -> bool:
        self.notices += 1
        if not self.watch.changed():
            return False  # told of a write before its commit had finished: asked again
        self.changes += 1
        self.changed.set()
        return True


@linux_only
async def test_a_commit_by_another_store_is_told_without_asking(
    db_path, small_agenda, clock
) -> None:
    if not isinstance(db_path, Path):
        pytest.skip("a file database")
    writer = Store.open(db_path)
    session_id = started_session(writer, small_agenda)
    reader = Store.open(db_path, read_only=True)
    watch = ChangeWatch(reader)
    assert watch.changed()  # the first look, before any notice
    seen = Seen(watch)
    notices = CommitNotices(reader, seen)
    try:
        assert notices.start()
        await asyncio.sleep(0)
        assert seen.notices == 0  # nothing written, nothing told
        notes.add_note(writer, session_id, 0, "Told, not polled", "deal", now=clock())
        # Nothing else here ever asks the watch: only a notice can set this.
        await seen.change()
        assert seen.changes == 1
    finally:
        notices.stop()
        watch.close()
        reader.close()
        writer.close()


@linux_only
async def test_a_log_made_after_the_watch_began_is_heard(db_path, small_agenda, clock) -> None:
    if not isinstance(db_path, Path):
        pytest.skip("a file database")
    writer = Store.open(db_path)
    session_id = started_session(writer, small_agenda)
    writer.close()  # the last connection to close folds the log into the database
    log = db_path.with_name(db_path.name + "-wal")
    assert not log.exists()
    reader = Store.open(db_path, read_only=True)
    watch = ChangeWatch(reader)
    assert watch.changed()
    seen = Seen(watch)
    notices = CommitNotices(reader, seen)
    writer = Store.open(db_path)
    try:
        assert notices.start()
        notes.add_note(writer, session_id, 0, "Into a new log", "deal", now=clock())
        await seen.change()
        assert log.exists()
    finally:
        notices.stop()
        watch.close()
        reader.close()
        writer.close()


@pytest.mark.postgresql_only
async def test_the_loop_waits_on_the_servers_notices(store, small_agenda, clock) -> None:
    session_id = started_session(store, small_agenda)
    reader = Store.open(store.url, read_only=True)
    watch = ChangeWatch(reader)
    assert watch.changed()  # makes the listener
    seen = Seen(watch)
    notices = CommitNotices(reader, seen, watch.listening)
    try:
        assert notices.start()
        notes.add_note(store, session_id, 0, "Told by the server", "deal", now=clock())
        await seen.change()
        seen.changed.clear()
        # Heard once, the socket is waited on again for the next.
        notes.add_note(store, session_id, 0, "And told again", "deal", now=clock())
        await seen.change()
        assert seen.changes == 2
    finally:
        notices.stop()
        watch.close()
        reader.close()


async def test_without_notifications_it_says_so_and_starts_nothing(
    store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "inotify_simple", None)  # as if it could not load
    notices = CommitNotices(store, lambda: pytest.fail("no notice can come"))
    assert not notices.start()
    notices.stop()  # and stopping what never started is harmless


async def test_a_server_is_waited_on_only_through_its_listener(store) -> None:
    """PostgreSQL tells its listeners of commits itself: its files are not watched."""
    notices = CommitNotices(store, lambda: True)
    on_file = sys.platform == "linux" and store.url.get_backend_name() == "sqlite"
    assert notices.start() == on_file
    notices.stop()
