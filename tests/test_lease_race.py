"""Two copies opening one session at the same moment: exactly one drives, every time.

Each copy is a process of its own with its own connection, as two terminals are; both
wait at a barrier and then open the session through the front door together. The one
that loses is told who drives and offered to watch, never shown a database error.
"""

from __future__ import annotations

import multiprocessing
import queue
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import Any

import pytest

from sessions.errors import SessionLeasedError
from sessions.services import planning, running
from sessions.services.leases import Holder
from sessions.services.programmes import create_programme
from sessions.store import Store

# Each kind of session the two copies may meet, as many times as these rounds make.
ROUNDS = 24


def claimer(database: str, barrier: Any, rounds: Any, results: Any) -> None:
    """One copy of the app: opens each session it is sent at the barrier's signal."""
    store = Store.open(database)
    holder = Holder.this_process()
    try:
        results.put(("ready", holder.pid, ""))
        for session_id in iter(rounds.get, None):
            barrier.wait()
            try:
                running.open_session(store, session_id, holder)
            except SessionLeasedError as exc:
                results.put(("watch", exc.lease.pid, str(exc)))
            except Exception as exc:  # the very thing the test is for: say what it was
                results.put(("error", 0, f"{type(exc).__name__}: {exc}"))
            else:
                results.put(("drive", holder.pid, ""))
    finally:
        store.close()


class Copies:
    """Two claimers started once, sent one session a round."""

    def __init__(self, database: str):
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(2)
        self.results = context.Queue()
        self.rounds = [context.Queue(), context.Queue()]
        self.processes: list[SpawnProcess] = [
            context.Process(target=claimer, args=(database, barrier, rounds, self.results))
            for rounds in self.rounds
        ]
        for process in self.processes:
            process.start()
        self.pids = {self._next()[1] for _ in self.processes}

    def _next(self) -> tuple[str, int, str]:
        while True:
            try:
                return self.results.get(timeout=1)
            except queue.Empty:
                # Waiting is fine, however slow the machine; a copy that died is not.
                dead = [p.exitcode for p in self.processes if not p.is_alive()]
                assert not dead, f"a copy ended with exit code {dead}"

    def race(self, session_id: int) -> list[tuple[str, int, str]]:
        for rounds in self.rounds:
            rounds.put(session_id)
        return sorted(self._next() for _ in self.processes)

    def stop(self) -> None:
        for rounds in self.rounds:
            rounds.put(None)
        for process in self.processes:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()


@pytest.fixture
def copies(db_path: Path | str, store: Store) -> Iterator[Copies]:
    started = Copies(str(db_path))
    try:
        yield started
    finally:
        started.stop()


@pytest.fixture
def dead_pid() -> int:
    """A process of this machine that has ended: a copy that crashed."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return ended.pid


def test_two_copies_opening_at_once_leave_exactly_one_driver(
    store: Store, copies: Copies, small_agenda, dead_pid: int
) -> None:
    programme = create_programme(store, "Harbour")
    earlier = Holder("earlier", "ana", "laptop-ana", 0)
    crashed = Holder("crashed", "ana", Holder.this_process().host, dead_pid)
    for round_ in range(ROUNDS):
        session_id = planning.start_session(store, programme.id, small_agenda)
        kind = ("never opened", "released", "left by a crash")[round_ % 3]
        if kind == "released":
            running.open_session(store, session_id, earlier)
            running.release_session(store, session_id, earlier, datetime.now(UTC))
        elif kind == "left by a crash":
            running.open_session(store, session_id, crashed)

        (drove, driver, _), (watched, named, told) = copies.race(session_id)

        assert (drove, watched) == ("drive", "watch"), f"round {round_} ({kind}): {told}"
        assert driver in copies.pids
        assert named == driver, f"round {round_} ({kind}): the watcher was not told who drives"
        assert "has been running this session since" in told
