"""Launch: from starting the app until its home screen is up, against the barest Textual app.

The facilitator opens on a database holding one programme with one session, so
the home screen has a programme to list but nothing to read at length. Two
moments are timed: its first frame (the home screen's heading), drawn before
the database layer is loaded, and the programme listed, read from the file
through the `sqlite3` module while the store (SQLAlchemy and all) opens behind
the list. The baseline is a Textual app with a Header, a Static and a
Footer and nothing else (`bare_apps.py framed`): Python's start-up, Textual's
import and a first frame of the same shape. The baseline's resident memory at
its highest is kept too, as the floor the app's own memory is read against.

Two more apps tell the app's own cost from what it is built on: the bare app
after importing SQLAlchemy's ORM (`bare_apps.py framed-orm`), which every
other screen of the app reads through, and one drawing the home screen's widgets, empty
(`home-shaped`), which is what Textual takes for that screen's first frame.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bare_apps import FRAMED_TEXT
from benchmarks.ptyapp import PtyApp, python_module
from benchmarks.room import Room, prepare_room
from benchmarks.screen_open import SHOWN_WITHIN_SECONDS

# The home screen's heading, in its first frame; the programme prepare_room creates,
# listed once the file is read.
HOME_TEXTS = ("Programmes", "Benchmark programme")


@dataclass
class LaunchResult:
    shown_ms: list[float] = field(default_factory=list)
    """Until the first of the app's texts reached the terminal: its first frame."""
    complete_ms: list[float] = field(default_factory=list)
    """Until the last of them did: for the facilitator, the programme listed."""
    peak_kib: list[int] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.shown_ms)

    @property
    def complete_median_ms(self) -> float:
        return statistics.median(self.complete_ms)

    @property
    def peak_median_mib(self) -> float:
        return statistics.median(self.peak_kib) / 1024


@dataclass(frozen=True)
class LaunchMeasurement:
    facilitator: LaunchResult
    baseline: LaunchResult
    """The bare Textual app with a Header, a Static and a Footer."""
    stack: LaunchResult
    """The same after importing SQLAlchemy's ORM."""
    shaped: LaunchResult
    """A bare app drawing the home screen's widgets, empty."""


def _launch_once(
    argv: list[str], texts: tuple[str, ...], result: LaunchResult, env: dict[str, str] | None = None
) -> None:
    app = PtyApp(argv, env=env)
    # Watched before launch: the first frame may carry them all.
    sightings = [app.watch(text) for text in texts]
    launched = time.monotonic()
    with app:
        seen = [app.seen(sighting, SHOWN_WITHIN_SECONDS) for sighting in sightings]
        result.shown_ms.append((seen[0] - launched) * 1000)
        result.complete_ms.append((max(seen) - launched) * 1000)
        result.peak_kib.append(app.peak_memory_kib())


def measure_launch(folder: Path, samples: int, rng: random.Random) -> LaunchMeasurement:
    """The four apps launched in turn, in random order, one new process each time."""
    room: Room = prepare_room(folder)
    facilitator, baseline, stack, shaped = (
        LaunchResult(),
        LaunchResult(),
        LaunchResult(),
        LaunchResult(),
    )
    turns = [
        (
            python_module("facilitator", "--db", str(room.db_path)),
            HOME_TEXTS,
            facilitator,
            room.env(),
        ),
        (python_module("benchmarks.bare_apps", "framed"), (FRAMED_TEXT,), baseline, None),
        (python_module("benchmarks.bare_apps", "framed-orm"), (FRAMED_TEXT,), stack, None),
        (python_module("benchmarks.bare_apps", "home-shaped"), (FRAMED_TEXT,), shaped, None),
    ]
    for _ in range(samples):
        rng.shuffle(turns)
        for argv, texts, result, env in turns:
            _launch_once(argv, texts, result, env)
    return LaunchMeasurement(facilitator, baseline, stack, shaped)
