"""Launching the app: the home screen's frame first, the database opened straight after it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from textual.widgets import OptionList

from benchmarks.ptyapp import PtyApp, python_module
from facilitator.screens.session import SessionScreen
from sessions.errors import SchemaTooNewError
from sessions.services import planning
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import static_text

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="the launch is driven on a pseudo-terminal"
)


def newer_database(db_path: Path) -> bytes:
    """A database a later version wrote; its bytes once all of it is in the main file."""
    Store.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as connection:
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db_path.read_bytes()


def test_the_first_frame_needs_no_database_layer() -> None:
    """What the app loads before its first frame leaves SQLAlchemy out: it takes as long
    to load as Textual itself."""
    code = (
        "import sys\n"
        "from facilitator.factory import make_app\n"
        "from facilitator.screens.home import HomeScreen\n"
        "app = make_app('unused.db', open_later=True)\n"
        "HomeScreen()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.strip() == "[]"


async def test_the_home_screen_lists_the_programmes_once_the_database_is_open(
    db_path, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    create_programme(store, "Harbour programme", "Harbour PCN")
    store.close()
    app = make_facilitator_app(open_later=True)
    assert not app.store_is_open
    # Listed from the file first where it can be; the store opens a moment after.
    app.database = None
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.store_is_open
        listed = app.screen.query_one("#programmes", OptionList)
        assert "Harbour programme" in str(listed.get_option_at_index(0).prompt)
        assert "Enter opens" in static_text(app.screen, "#programmes-hint")


async def test_a_key_pressed_before_the_lists_are_read_acts_on_them(
    db_path, small_agenda, make_facilitator_app
) -> None:
    """`r` in the moment between the first frame and the database opening resumes the
    session waiting, rather than finding an empty list."""
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme")
    session_id = planning.start_session(store, programme.id, small_agenda)
    store.close()
    app = make_facilitator_app(open_later=True)
    app._open_then_list = lambda: None  # the key comes first
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not app.store_is_open
        assert app.screen.query_one("#home").has_class("-opening")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.session_id == session_id


@pytest.mark.sqlite_only  # a damaged or newer file, left as it was
async def test_a_database_it_cannot_use_closes_the_app_and_keeps_why(
    db_path, make_facilitator_app
) -> None:
    before = newer_database(db_path)
    app = make_facilitator_app(open_later=True)
    async with app.run_test() as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert isinstance(app.open_error, SchemaTooNewError)
    assert db_path.read_bytes() == before


def damaged_database(db_path: Path) -> bytes:
    """A database file whose pages were overwritten: its header survives, its tables do not."""
    newer_database(db_path)
    data = bytearray(db_path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    db_path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize(
    ("spoil", "explained"),
    [(newer_database, "newer version of facilitator"), (damaged_database, "damaged")],
)
@pytest.mark.sqlite_only  # a damaged or newer file, left as it was
def test_the_command_line_reports_it_in_one_line_after_the_terminal_is_back(
    db_path, tmp_path, spoil, explained
) -> None:
    before = spoil(db_path)
    home = tmp_path / "home"
    app = PtyApp(
        python_module("facilitator", "--db", str(db_path)),
        env={"FACILITATOR_HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    with app:
        deadline = time.monotonic() + 60
        while app.running() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.process.wait(5) == 2
        shown = app.screen_text()
    assert explained in shown and str(db_path.name) in shown
    assert "Traceback" not in shown
    assert db_path.read_bytes() == before
