"""Idle CPU: what an open session with its clock running costs while nobody types.

Three apps run side by side over the same window, so they share the machine's
conditions: the facilitator's session screen with its clock running (redrawn
twice a second, a heartbeat committed every 5 s), the read-only mirror of that
session (it sees each heartbeat as a change and redraws), and the baseline, a
bare Textual app with one Static widget.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.ptyapp import PtyApp, python_module
from benchmarks.room import Room, prepare_room
from sessions.models import TimerEvent
from sessions.services import running
from sessions.store import Store

RESUME = b"r"
TOGGLE_CLOCK = b"\x14"  # ctrl+t


@dataclass
class CpuResult:
    cpu_seconds: float
    wall_seconds: float
    terminal_bytes: int

    @property
    def cpu_percent(self) -> float:
        """CPU seconds per wall second, as a percentage of one core."""
        return 100 * self.cpu_seconds / self.wall_seconds

    @property
    def terminal_bytes_per_second(self) -> float:
        return self.terminal_bytes / self.wall_seconds


@dataclass
class IdleResult:
    session: CpuResult
    mirror: CpuResult
    baseline: CpuResult
    heartbeats: int
    """Heartbeats the session committed during the window: proof its clock was running."""


def _until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up waiting for {what}")
        time.sleep(0.05)


def _heartbeats(store: Store, session_id: int) -> int:
    with store.reading() as db:
        return db.scalar(
            select(func.count()).where(
                TimerEvent.session_id == session_id, TimerEvent.kind == "heartbeat"
            )
        )


def _run_the_clock(app: PtyApp, room: Room, store: Store) -> None:
    """Resume the session from the home screen and start its clock, as the facilitator would."""
    app.wait_for("Sessions to start or resume")

    def clock_running() -> bool:
        return running.clock_state(store, room.session_id).running

    # Opening a session pauses a clock left running, so the pause shows the screen is open.
    app.send(RESUME)
    _until(lambda: not clock_running(), 15, "the session to open")
    app.send(TOGGLE_CLOCK)
    _until(clock_running, 15, "the clock to start")


def _window(apps: dict[str, PtyApp], seconds: float) -> dict[str, CpuResult]:
    cpu = {name: app.cpu_seconds() for name, app in apps.items()}
    written = {name: app.bytes_written for name, app in apps.items()}
    started = time.monotonic()
    time.sleep(seconds)
    wall = time.monotonic() - started
    return {
        name: CpuResult(app.cpu_seconds() - cpu[name], wall, app.bytes_written - written[name])
        for name, app in apps.items()
    }


def measure_idle(folder: Path, seconds: float, warmup: float) -> IdleResult:
    room = prepare_room(folder, clock_running=True)
    app_argv = python_module("facilitator", "--db", str(room.db_path))
    mirror_argv = python_module(
        "facilitator", "--db", str(room.db_path), "present", str(room.session_id)
    )
    store = Store.open(room.db_path, read_only=True)
    try:
        # Started together, so their start-ups overlap instead of adding up.
        with (
            PtyApp(python_module("benchmarks.bare_apps", "static")) as baseline,
            PtyApp(app_argv, env=room.env()) as session,
            PtyApp(mirror_argv, env=room.env()) as mirror,
        ):
            baseline.wait_for("Nothing happens here.")
            mirror.wait_for("read-only mirror")
            _run_the_clock(session, room, store)
            # Past start-up: imports, first layout and the first frames are not idling.
            time.sleep(warmup)
            beats_before = _heartbeats(store, room.session_id)
            window = _window({"session": session, "mirror": mirror, "baseline": baseline}, seconds)
            beats = _heartbeats(store, room.session_id) - beats_before
            if not running.clock_state(store, room.session_id).running:
                raise RuntimeError("the session's clock stopped during the measurement")
            for app in (session, mirror, baseline):
                if not app.running():
                    raise RuntimeError(f"{' '.join(app.argv[1:])} exited during the measurement")
            for app in (session, mirror, baseline):
                app.quit()
    finally:
        store.close()
    return IdleResult(window["session"], window["mirror"], window["baseline"], beats)
