"""What a launch to the dashboard, and a quit from it, load on a current SQLite file: in a
fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sessions.services.programmes import create_programme
from sessions.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Neither is needed to open a file already at this version's schema and read it: Alembic
# only to upgrade one, PostgreSQL's dialect only on a server. Each held memory for the
# whole of a run.
NOT_LOADED = ("alembic", "sqlalchemy.dialects.postgresql")
# Nor is the session screen (with Markdown and Pygments beneath it) to learn, at quit, that
# no session screen is open.
NOT_LOADED_AT_QUIT = (*NOT_LOADED, "facilitator.screens.session")


@pytest.mark.sqlite_only  # a file at this version's schema
def test_the_dashboard_opens_and_quits_loading_only_what_it_uses(tmp_path: Path) -> None:
    path = tmp_path / "current.db"
    store = Store.open(path)
    create_programme(store, "Harbour programme")
    store.close()
    code = (
        "import asyncio, sys\n"
        "from facilitator.factory import make_app\n"
        "from facilitator.screens.dashboard import DashboardScreen\n"
        f"NOT_LOADED, NOT_LOADED_AT_QUIT = {NOT_LOADED!r}, {NOT_LOADED_AT_QUIT!r}\n"
        "def loaded(names):\n"
        "    return sorted(m for m in sys.modules\n"
        "        if any(m == n or m.startswith(n + '.') for n in names))\n"
        f"app = make_app({str(path)!r}, open_later=True)\n"
        "async def run():\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        await pilot.press('enter')\n"
        "        await pilot.pause()\n"
        "        assert isinstance(app.screen, DashboardScreen), app.screen\n"
        "        assert app.screen.programme_id is not None\n"
        "        print(loaded(NOT_LOADED))\n"
        "        await pilot.press('ctrl+q')\n"
        "        await pilot.pause()\n"
        "    print(loaded(NOT_LOADED_AT_QUIT))\n"
        "asyncio.run(run())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["[]", "[]"]
