"""Home screen and dashboard shown: what the facilitator waits for with a year's history.

The app is launched on its own terminal against a database holding one large
programme (hundreds of sessions, each with its notes and the timer log a real
run leaves) beside a few small ones. Two waits are timed: from launch until the
home screen lists the programmes, and from Enter on the highlighted programme
until its dashboard has drawn its figures. The baseline is the same two waits
on a database holding one programme with one session: the cost of starting the
app and drawing the screens, with nothing to read.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.home_and_dashboard import HomeAndDashboard
from benchmarks.note_save import build_history
from benchmarks.ptyapp import PtyApp, python_module
from benchmarks.room import Room, prepare_room
from sessions.services.dashboard import programme_dashboard
from sessions.services.programmes import list_programmes
from sessions.services.running import list_unfinished
from sessions.store import Store

# The name prepare_room gives its programme too, so both databases are waited on
# for the same text.
PROGRAMME = "Benchmark programme"

# Created before the large programme, so it is the newest, listed first and highlighted.
OTHER_PROGRAMMES = (
    ("Northfield partnership", "Northfield PCN"),
    ("Eastgate partnership", "Eastgate PCN"),
    ("Riverside partnership", "Riverside PCN"),
)
OTHER_SESSIONS = 4

# A dashboard taking many seconds is a finding, not a failure; a minute is a hang.
SHOWN_WITHIN_SECONDS = 60.0

ENTER = b"\r"


def dashboard_line(sessions: int) -> str:
    """The dashboard's count of sessions by state: drawn only once its data is read.

    Every session but the last is finished; the last was set up and never started.
    """
    if sessions == 1:
        return "1 session: 1 not started"
    return f"{sessions} sessions: {sessions - 1} finished, 1 not started"


@dataclass
class OpenResult(HomeAndDashboard):
    peak_kib: list[int] = field(default_factory=list)
    """The app's resident memory at its highest, once the dashboard was shown."""

    @property
    def peak_median_mib(self) -> float:
        return statistics.median(self.peak_kib) / 1024


@dataclass(frozen=True)
class OpenMeasurement:
    facilitator: OpenResult
    baseline: OpenResult
    sessions: int
    notes: int
    other_notes: int
    timer_events: int
    read_home_ms: float
    """The home screen's two service calls alone, in the benchmark's own process."""
    read_dashboard_ms: float
    """The dashboard's service call alone, in the benchmark's own process."""


def build_programmes(db_path: Path, sessions: int, notes: int, rng: random.Random) -> Room:
    """A few small programmes, then the large one: a room whose newest programme is large."""
    # The small ones keep the large one's notes to a session, so no session stands out.
    per_session = max(1, notes // sessions)
    for name, pcn in OTHER_PROGRAMMES:
        build_history(
            db_path,
            per_session * OTHER_SESSIONS,
            rng,
            sessions=OTHER_SESSIONS,
            programme_name=name,
            pcn_name=pcn,
            clock_log=True,
        )
    _, last = build_history(
        db_path, notes, rng, sessions=sessions, programme_name=PROGRAMME, clock_log=True
    )
    home = db_path.parent / "home"
    home.mkdir(parents=True, exist_ok=True)
    return Room(home=home, db_path=db_path, session_id=last)


def _first_listed(db_path: Path) -> str:
    store = Store.open(db_path, read_only=True)
    try:
        return list_programmes(store)[0].name
    finally:
        store.close()


def open_once(room: Room, sessions: int, result: OpenResult) -> None:
    """Launch, wait for home, press Enter, wait for the dashboard, quit."""
    app = PtyApp(python_module("facilitator", "--db", str(room.db_path)), env=room.env())
    # Watched before launch: the first frame may carry both.
    heading = app.watch("Programmes")
    name = app.watch(PROGRAMME)
    launched = time.monotonic()
    with app:
        shown = max(app.seen(heading, SHOWN_WITHIN_SECONDS), app.seen(name, SHOWN_WITHIN_SECONDS))
        result.home_ms.append((shown - launched) * 1000)
        # The lists are drawn before the store opens: Enter's time is the dashboard's own.
        app.settle(SHOWN_WITHIN_SECONDS)
        figures = app.watch(dashboard_line(sessions))
        pressed = time.monotonic()
        app.send(ENTER)
        result.dashboard_ms.append((app.seen(figures, SHOWN_WITHIN_SECONDS) - pressed) * 1000)
        result.peak_kib.append(app.peak_memory_kib())


def _reading_ms(db_path: Path, samples: int) -> tuple[float, float]:
    """Median time of the services each screen calls, without a terminal or a frame."""
    store = Store.open(db_path)
    home, dashboard = [], []
    try:
        programme_id = list_programmes(store)[0].id
        for _ in range(samples):
            started = time.perf_counter()
            list_programmes(store)
            list_unfinished(store)
            between = time.perf_counter()
            programme_dashboard(store, programme_id, date.today())
            home.append((between - started) * 1000)
            dashboard.append((time.perf_counter() - between) * 1000)
    finally:
        store.close()
    return statistics.median(home), statistics.median(dashboard)


def _count(db_path: Path, table: str, *, programme: str | None = None) -> int:
    where, args = "", ()
    if programme is not None:
        where = (
            " WHERE session_id IN (SELECT session.id FROM session JOIN programme "
            "ON programme.id = session.programme_id WHERE programme.name = ?)"
        )
        args = (programme,)
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}{where}", args).fetchone()[0]


def measure_open(
    folder: Path, sessions: int, notes: int, samples: int, rng: random.Random
) -> OpenMeasurement:
    """Both databases, one launch each per sample, in turn and in random order.

    Every sample is a new process, as when the facilitator opens the app: the
    first dashboard of a session of use, the one that has everything to load.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "large").mkdir(exist_ok=True)
    large = build_programmes(folder / "large" / "facilitator.db", sessions, notes, rng)
    if _first_listed(large.db_path) != PROGRAMME:
        raise RuntimeError("the large programme is not the one the home screen highlights")
    empty = prepare_room(folder / "empty")

    results = {"facilitator": OpenResult(), "baseline": OpenResult()}
    turns = [("facilitator", large, sessions), ("baseline", empty, 1)]
    for _ in range(samples):
        rng.shuffle(turns)
        for name, room, count in turns:
            open_once(room, count, results[name])

    read_home, read_dashboard = _reading_ms(large.db_path, samples)
    all_notes = _count(large.db_path, "note")
    return OpenMeasurement(
        facilitator=results["facilitator"],
        baseline=results["baseline"],
        sessions=sessions,
        notes=notes,
        other_notes=all_notes - notes,
        timer_events=_count(large.db_path, "timer_event", programme=PROGRAMME),
        read_home_ms=read_home,
        read_dashboard_ms=read_dashboard,
    )
