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


def test_the_plain_launch_builds_no_command_parsers_and_loads_nothing_it_does_not_draw(
    tmp_path,
) -> None:
    """`facilitator --db DB` starts the app without the subcommands' parsers, the findings'
    patterns (wanted only when a document is refused) or the clock's module (wanted only
    once a waiting session is listed)."""
    code = (
        "import sys\n"
        "import facilitator.cli as cli\n"
        "from facilitator.app import FacilitatorApp\n"
        "def refuse():\n"
        "    raise AssertionError('the full parser was built')\n"
        "cli.build_parser = refuse\n"
        "FacilitatorApp.run = lambda self: print('ran', self.database == sys.argv[1])\n"
        "cli.main(['--db', sys.argv[1]])\n"
        "import facilitator.screens.home\n"
        "print(sorted(m for m in ('sessions.governance.findings', 'sessions.clock') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "t.db")],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.split("\n")[:2] == ["ran True", "[]"]


@pytest.mark.parametrize(
    ("argv", "db"),
    [([], None), (["--db", "a.db"], "a.db"), (["--db=sqlite:///a.db"], "sqlite:///a.db")],
)
def test_the_plain_launch_is_read_without_the_parser(argv, db) -> None:
    from facilitator.cli import _plain_launch, build_parser

    plain = _plain_launch(argv)
    assert plain is not None and plain.command is None and plain.db == db
    parsed = build_parser().parse_args(argv)  # what the full parser makes of it
    assert (parsed.command, parsed.db) == (plain.command, plain.db)


@pytest.mark.parametrize(
    "argv", [["--db"], ["--db="], ["--db", "-x"], ["agenda", "list"], ["--db", "a.db", "present"]]
)
def test_anything_else_goes_to_the_full_parser(argv) -> None:
    from facilitator.cli import _plain_launch

    assert _plain_launch(argv) is None


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
