"""Killed at random moments, over and over: every note reported saved is there, and the clock
loses no more than the time since its last heartbeat."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sessions.services import notes, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

KILLS = 12
ROOT = Path(__file__).resolve().parent.parent


def drive_and_kill(db_path: Path, session_id: int, run: int, after: float) -> list[str]:
    """Run the driver, kill it `after` seconds into its work, and return what it reported."""
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", str(db_path), str(session_id), str(run)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in driver.stdout:
            lines.append(line.rstrip("\n"))
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    # Startup takes a while on a loaded machine; the random moment counts from the first note.
    assert ready.wait(120), driver.stderr.read()
    threading.Event().wait(after)
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    reader.join(10)
    assert driver.returncode == -signal.SIGKILL, driver.stderr.read()
    return lines


def test_notes_and_heartbeats_survive_sigkill_at_random_moments(
    db_path: Path, small_agenda
) -> None:
    store = Store.open(db_path)
    programme = create_programme(store, "Crash programme")
    session_id = planning.start_session(store, programme.id, small_agenda)
    store.close()
    rng = random.Random(20261123)
    reported: list[str] = []
    for run in range(1, KILLS + 1):
        lines = drive_and_kill(db_path, session_id, run, rng.uniform(0.0, 0.4))
        reported += [line.removeprefix("saved ") for line in lines if line.startswith("saved ")]
        beats = [float(line.removeprefix("beat ")) for line in lines if line.startswith("beat ")]
        store = Store.open(db_path)
        try:
            kept = {note.text for note in notes.list_notes(store, session_id, 0)}
            assert set(reported) <= kept, f"run {run} lost {sorted(set(reported) - kept)}"
            state = running.clock_state(store, session_id)
            if beats:
                assert state.session_elapsed >= beats[-1] - 1e-6  # float sums, not time lost
        finally:
            store.close()
    assert len(reported) >= KILLS  # the driver did get to work between kills
    # And the session still opens to carry on, clock paused at its last heartbeat.
    store = Store.open(db_path)
    try:
        _, state = running.open_session(store, session_id)
        assert not state.running
    finally:
        store.close()


def test_a_mirror_reading_beside_a_writer_never_meets_a_lock(db_path: Path, small_agenda) -> None:
    """The mirror's reads while another process commits notes as fast as it can."""
    import time

    store = Store.open(db_path)
    programme = create_programme(store, "Two copies")
    session_id = planning.start_session(store, programme.id, small_agenda)
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", str(db_path), str(session_id), "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert driver.stdout.readline().strip() == "ready", driver.stderr.read()
        # Drained as it comes, so a full pipe never slows the writer down.
        threading.Thread(target=driver.stdout.read, daemon=True).start()
        reads, seen = 0, 0
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline:
            # What the mirror reads on each change: any lock error would raise here.
            running.get_session(store, session_id)
            running.clock_state(store, session_id)
            seen = max(seen, len(notes.list_notes(store, session_id, 0)))
            reads += 1
        assert driver.poll() is None, driver.stderr.read()  # the writer never failed either
    finally:
        driver.kill()
        driver.wait()
        store.close()
    assert reads > 10 and seen > 10
