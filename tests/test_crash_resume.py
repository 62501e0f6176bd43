"""A real app process killed mid-session, then the session resumed exactly where it stood."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from benchmarks.ptyapp import PtyApp
from facilitator.screens.session import SessionScreen
from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def wait_until(condition, what: str, seconds: float = 60.0):
    """Poll the database until the app has written what the test waits for."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"the app never {what}")


async def test_kill_the_app_mid_session_and_resume(
    db_path: Path, small_agenda, isolated_home, make_facilitator_app
) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme")
    session_id = planning.start_session(store, programme.id, small_agenda)
    running.move(store, session_id, +1)  # the second item, so "where it stood" means something
    env = dict(os.environ, FACILITATOR_HOME=str(isolated_home))
    with PtyApp([sys.executable, "-m", "facilitator", "--db", str(db_path)], env=env) as app:
        app.wait_for("Sessions to start or resume")
        app.send("r")
        app.wait_for("What can we only do together?")
        app.send("\x14")  # ctrl+t: the clock runs
        wait_until(
            lambda: any(e.kind == "heartbeat" for e in _events(store, session_id)),
            "logged a heartbeat",
        )
        app.send("Typed before the crash\r")
        wait_until(lambda: notes.list_notes(store, session_id), "saved the note")
        app.process.kill()  # no goodbye: no pause, no lease released
        app.process.wait()
    before = running.clock_state(store, session_id)
    assert before.running  # the log still says running: the app died mid-item
    store.close()

    resumed = make_facilitator_app()
    # Reopened at once, on this machine: the dead process's lease does not stand in the way.
    async with resumed.run_test() as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = resumed.screen
        assert isinstance(screen, SessionScreen)
        assert screen.state.position == 1 and not screen.state.running
        # Every heartbeat of running time is kept; nothing after the last one is counted.
        assert screen.state.session_elapsed == pytest.approx(before.session_elapsed)
        assert [n.text for n in notes.list_notes(resumed.store, session_id, 1)] == [
            "Typed before the crash"
        ]


def _events(store, session_id):
    from sessions.timer_log import load_events

    with store.reading() as db:
        return load_events(db, session_id)
