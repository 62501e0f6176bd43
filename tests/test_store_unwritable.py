"""A database that cannot be written opens for watching only, and says so at once."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from facilitator.screens.home import HomeScreen
from facilitator.screens.mirror import MirrorScreen
from sessions.errors import StoreError
from sessions.services import notes, planning, running
from sessions.services.leases import Holder
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import settled


def read_only_url(path: Path) -> str:
    """SQLite's own way to open a file for reading only, which holds even for root."""
    return f"sqlite:///file:{path}?mode=ro&uri=true"


@pytest.fixture
def running_session(tmp_path: Path, small_agenda, clock) -> tuple[Path, int]:
    path = tmp_path / "db" / "facilitator.db"
    store = Store.open(path)
    programme = create_programme(store, "Harbour", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    holder = Holder.this_process()
    running.open_session(store, session_id, holder, clock())
    notes.add_note(store, session_id, 0, "Written while it could be", "deal", now=clock())
    running.release_session(store, session_id, holder, clock())
    store.close()
    return path, session_id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_a_file_sqlite_may_only_read_opens_for_watching(running_session, clock) -> None:
    path, session_id = running_session
    before = digest(path)
    store = Store.open(read_only_url(path))
    try:
        assert store.read_only
        assert store.cannot_write == "SQLite opens it read-only"
        (notice,) = store.notices
        assert notice.startswith(f"{path} cannot be written")
        assert "watching only" in notice
        assert [n.text for n in notes.list_notes(store, session_id, 0)] == [
            "Written while it could be"
        ]
        with pytest.raises(StoreError, match="read-only"):
            notes.add_note(store, session_id, 0, "Refused", "deal", now=clock())
    finally:
        store.close()
    assert digest(path) == before


@pytest.mark.sqlite_only
@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_is_named_as_such(running_session) -> None:
    path, _ = running_session
    path.chmod(0o400)
    try:
        store = Store.open(path)
        try:
            assert store.cannot_write == "the file is read-only"
        finally:
            store.close()
    finally:
        path.chmod(0o600)


@pytest.mark.sqlite_only
def test_a_writable_file_is_not_marked(running_session) -> None:
    path, _ = running_session
    store = Store.open(path)
    try:
        assert not store.read_only and store.cannot_write is None and store.notices == []
    finally:
        store.close()


@pytest.mark.postgresql_only
def test_a_server_that_takes_no_changes_opens_for_watching(db_path, small_agenda) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour", "Harbour PCN")
    session_id = planning.start_session(store, programme.id, small_agenda)
    store.close()
    separator = "&" if "?" in str(db_path) else "?"
    url = f"{db_path}{separator}options=-c%20default_transaction_read_only%3Don"
    store = Store.open(url)
    try:
        assert store.read_only
        assert store.cannot_write == "the server takes no changes"
        assert running.get_session(store, session_id).id == session_id
    finally:
        store.close()


@pytest.mark.sqlite_only
async def test_the_app_says_so_and_resuming_watches(running_session, clock, built_apps) -> None:
    path, _ = running_session
    app = built_apps.app(read_only_url(path), now=clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        told = [n.message for n in app._notifications]
        assert any(f"{path} cannot be written" in message for message in told)
        await pilot.press("r")
        await settled(pilot, lambda: isinstance(app.screen, MirrorScreen))
        watching = app.screen
        assert isinstance(watching, MirrorScreen)
        assert watching.watcher is None  # no row can say the room watches
        await pilot.press("escape")
        await settled(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert not any("Could not" in n.message for n in app._notifications)
