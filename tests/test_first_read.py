"""The home screen's first read: the same lists as the services, before the store is open."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList

from sessions.migrations import HEAD
from sessions.plan.library import find_plan
from sessions.services import planning, running
from sessions.services.calendar import cancel_session
from sessions.services.home import home_lists_before_opening
from sessions.services.plans import programme_from_plan
from sessions.services.programmes import archive_programme, create_programme, list_programmes
from sessions.services.running import list_unfinished
from sessions.store import Store
from tests.schema_at import schema_at

START = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def busy_database(store: Store, agenda) -> None:
    """Programmes of every kind the home screen lists or leaves out, and sessions at every
    point of their clock."""
    create_programme(store, "Empty programme", "Empty PCN")
    harbour = create_programme(store, "Harbour programme", "Harbour PCN")
    archived = create_programme(store, "Archived programme")
    planning.start_session(store, archived.id, agenda)
    archive_programme(store, archived.id, at(0))
    finished = planning.start_session(store, harbour.id, agenda)
    running.toggle_clock(store, finished, at(0))
    running.finish_session(store, finished, at(60))
    cancelled = planning.start_session(store, harbour.id, agenda)
    cancel_session(store, cancelled, at(70))
    started = planning.start_session(store, harbour.id, agenda)
    running.toggle_clock(store, started, at(100))
    running.heartbeat(store, started, at(105))
    running.move(store, started, 1, at(130))
    running.extend(store, started, 120, at(140))
    running.heartbeat(store, started, at(145))
    running.heartbeat(store, started, at(150.5))  # left running: a crash, say
    planning.start_session(store, harbour.id, agenda)  # never started
    # Sessions a plan set up on days still to confirm with the room.
    programme_from_plan(store, "Planned programme", find_plan("pcn-development"), START.date())


def test_the_first_read_lists_what_the_services_list(store, db_path, backend, small_agenda):
    busy_database(store, small_agenda)
    lists = home_lists_before_opening(str(db_path))
    if backend == "postgresql":
        assert lists is None  # a server is read through the store, once it is open
        return
    assert lists is not None
    assert lists.programmes == list_programmes(store)
    assert lists.unfinished == list_unfinished(store)
    names = ["Planned programme", "Harbour programme", "Empty programme"]
    assert [p.name for p in lists.programmes] == names
    started = [w for w in lists.unfinished if w.started]
    assert len(started) == 1 and started[0].position == 1 and started[0].elapsed_seconds > 50
    assert any(w.to_confirm for w in lists.unfinished)


@pytest.mark.sqlite_only  # files as an older or a newer version left them
def test_a_file_only_the_store_can_open_is_not_read_first(tmp_path: Path) -> None:
    missing = tmp_path / "new.db"
    assert home_lists_before_opening(str(missing)) is None
    assert not missing.exists()  # a new database is the store's to create, privately

    older = tmp_path / "older.db"
    schema_at(older, "0031")
    assert home_lists_before_opening(str(older)) is None

    newer = tmp_path / "newer.db"
    Store.open(newer).close()
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert home_lists_before_opening(str(newer)) is None

    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as connection, connection:
        connection.execute("CREATE TABLE programme (id INTEGER)")
    assert home_lists_before_opening(str(other)) is None

    damaged = tmp_path / "damaged.db"
    Store.open(damaged).close()
    with closing(sqlite3.connect(damaged)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(damaged.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    damaged.write_bytes(bytes(data))
    assert home_lists_before_opening(str(damaged)) is None


@pytest.mark.sqlite_only  # the first read is of a file
def test_the_first_read_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "quiet.db"
    store = Store.open(path)
    create_programme(store, "Harbour programme")
    store.close()
    before = path.read_bytes()
    lists = home_lists_before_opening(f"sqlite:///{path}")
    assert lists is not None and [p.name for p in lists.programmes] == ["Harbour programme"]
    assert path.read_bytes() == before


async def test_the_lists_show_before_the_store_opens_and_stay_once_it_has(
    db_path, backend, small_agenda, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    busy_database(store, small_agenda)
    store.close()
    app = make_facilitator_app(open_later=True)
    shown_before_opening: list[int] = []

    opened = asyncio.Event()

    def record_then_open() -> None:
        shown = app.screen.query_one("#programmes", OptionList).option_count
        shown_before_opening.append((shown, app.store_is_open))
        open_after_lists()
        opened.set()

    open_after_lists = app._open_after_lists
    app._open_after_lists = record_then_open
    async with app.run_test() as pilot:
        await pilot.pause()
        if backend != "postgresql":  # the store opens a moment after the lists show
            await asyncio.wait_for(opened.wait(), 120)  # fails, not hangs, if broken
            await pilot.pause()
        assert app.store_is_open
        listed = app.screen.query_one("#programmes", OptionList)
        assert [str(listed.get_option_at_index(i).prompt) for i in range(1, 3)] == [
            "Harbour programme · Harbour PCN · 4 sessions",
            "Empty programme · Empty PCN · 0 sessions",
        ]
        waiting = app.screen.query_one("#unfinished", OptionList)
        assert waiting.option_count == len(list_unfinished(app.store))
        assert not app.screen.query_one("#home").has_class("-opening")
    # A file at this version's schema is listed before the store opens; a server after.
    assert shown_before_opening == ([] if backend == "postgresql" else [(3, False)])


@pytest.mark.sqlite_only  # a file as an older version left it
async def test_a_database_needing_an_upgrade_opens_through_the_full_path(
    db_path, make_facilitator_app
) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    schema_at(db_path, "0031")
    app = make_facilitator_app(open_later=True)
    opened_after_lists: list[bool] = []
    app._open_after_lists = lambda: opened_after_lists.append(True)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.store_is_open
        assert "Press n to create" in str(
            app.screen.query_one("#programmes-hint").render()  # type: ignore[attr-defined]
        )
    with closing(sqlite3.connect(db_path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    assert opened_after_lists == []  # opened, and upgraded, before anything was listed


async def test_a_key_on_the_lists_before_the_store_opens_waits_for_it(
    db_path, small_agenda, make_facilitator_app
) -> None:
    """Enter on a programme listed from the file opens the store, then the dashboard."""
    from facilitator.screens.dashboard import DashboardScreen

    store = Store.open(db_path)
    busy_database(store, small_agenda)
    store.close()
    app = make_facilitator_app(open_later=True)
    app._open_after_lists = lambda: None  # the key comes first
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.store_is_open
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.programme_id == list_programmes(app.store)[0].id


@pytest.mark.sqlite_only  # the first read is of a file
def test_the_lists_are_shown_before_the_orm_is_loaded(tmp_path: Path) -> None:
    """What the app has loaded when the home screen's lists are shown from a file: no
    SQLAlchemy, no Alembic; the store opens behind them."""
    path = tmp_path / "home.db"
    store = Store.open(path)
    create_programme(store, "Harbour programme")
    store.close()
    code = (
        "import asyncio, sys\n"
        "from facilitator.factory import make_app\n"
        f"app = make_app({str(path)!r}, open_later=True)\n"
        "seen = []\n"
        "def listed():\n"
        "    listing = app.screen.query_one('#programmes')\n"
        "    loaded = {m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'}\n"
        "    seen.append((listing.option_count, sorted(loaded)))\n"
        "    done.set()\n"
        "app._open_after_lists = listed\n"
        "async def run():\n"
        "    global done\n"
        "    done = asyncio.Event()\n"
        "    async with app.run_test():\n"
        "        # Not a time limit: only so a broken first read fails rather than hangs.\n"
        "        await asyncio.wait_for(done.wait(), 120)\n"
        "asyncio.run(run())\n"
        "print(seen)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.strip() == "[(1, [])]"


@pytest.mark.parametrize(
    ("database", "read_first"),
    [
        ("sqlite:////tmp/home.db", "/tmp/home.db"),
        ("/tmp/home.db", "/tmp/home.db"),
        ("sqlite:///:memory:", None),
        ("sqlite:////tmp/home.db?mode=ro", None),
        ("sqlite:////tmp/my%20home.db", None),
        ("postgresql://server/facilitator", None),
    ],
)
def test_only_a_plain_file_is_read_first(database: str, read_first: str | None) -> None:
    from sessions.first_read import sqlite_file

    found = sqlite_file(database)
    assert (str(found) if found else None) == read_first
