"""Two copies of the app driving two sessions of one programme at once, and a third reading.

On SQLite they take turns at the file; on a shared PostgreSQL server they write side by side.
Either way no row is lost, none is written twice, and nobody meets a lock error.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from sessions.models import Note, TimerEvent
from sessions.services import planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 3.0


class Driver:
    """tests.crash_driver on one session, its report of what it saved read as it comes."""

    def __init__(self, database: str, session_id: int, run: int):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_driver", database, str(session_id), str(run)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            self.ready.set()

    def stop(self) -> str:
        """Kill it; what it wrote to stderr, had it failed on its own before."""
        failed = self.process.poll() is not None
        self.process.kill()
        self.process.wait()
        self._reader.join(10)
        return self.process.stderr.read() if failed else ""

    @property
    def saved(self) -> list[str]:
        return [line.removeprefix("saved ") for line in self.lines if line.startswith("saved ")]


def test_two_sessions_driven_at_once_lose_and_double_nothing(db_path, small_agenda) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Two rooms")
    sessions = [planning.start_session(store, programme.id, small_agenda) for _ in range(2)]
    watcher = Store.open(db_path, read_only=True)
    drivers = [Driver(str(db_path), sid, run) for run, sid in enumerate(sessions, start=1)]
    reads = 0
    try:
        for driver in drivers:
            assert driver.ready.wait(120), driver.process.stderr.read()
        deadline = time.monotonic() + SECONDS
        while time.monotonic() < deadline:
            for sid in sessions:  # what a projector mirror reads on each change
                running.get_session(watcher, sid)
                running.clock_state(watcher, sid)
            reads += 1
        failures = [driver.stop() for driver in drivers]
    finally:
        for driver in drivers:
            driver.process.kill()
        watcher.close()
    assert failures == ["", ""], failures  # neither driver stopped on an error of its own
    with store.reading() as db:
        written = db.execute(select(Note.session_id, Note.text)).all()
        logged = Counter(db.scalars(select(TimerEvent.session_id)))
    store.close()
    texts = Counter(text for _, text in written)
    assert [text for text, count in texts.items() if count > 1] == []  # nothing written twice
    for run, (sid, driver) in enumerate(zip(sessions, drivers, strict=False), start=1):
        assert len(driver.saved) > 10, driver.lines[:5]
        kept = {text for session_id, text in written if session_id == sid}
        assert set(driver.saved) <= kept  # every note reported saved is there, in its session
        # At most the one a kill cut off between its commit and its report.
        assert len(kept - set(driver.saved)) <= 1
        assert all(text.startswith(f"run {run} ") for text in kept)
        assert logged[sid] >= 3  # start, heartbeats: each session's clock in its own log
    assert reads > 3
