"""The time the running app reads: the wall clock once, then a monotonic clock from there.

Event times are stored as UTC so another process (a restarted app, the mirror)
can replay them, but a wall clock can be stepped while the session runs (a time
server correcting it, someone changing it by hand). Reading the wall clock once
and adding monotonic seconds keeps every interval the room lived through exact.

A laptop lid closed while the clock runs must show the real elapsed time on
waking. Linux's CLOCK_BOOTTIME counts suspended time, so it is used where it
exists. Elsewhere the monotonic clock may stand still during sleep, so a wall
clock that has run ahead of it by more than SLEEP_GAP_SECONDS is taken as a sleep
and believed; a wall clock that moved backwards is never believed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from sessions.utc import utcnow

SLEEP_GAP_SECONDS = 2.0


def _boot_time() -> tuple[Callable[[], float], bool]:
    """The best monotonic source and whether it keeps counting while the machine sleeps."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            time.clock_gettime(boottime)
            return (lambda: time.clock_gettime(boottime)), True
        except OSError:
            pass
    return time.monotonic, False


class SteadyClock:
    """A callable giving aware UTC datetimes that never jump back and never miss a sleep."""

    def __init__(
        self,
        wall: Callable[[], datetime] = utcnow,
        monotonic: Callable[[], float] | None = None,
        *,
        counts_sleep: bool | None = None,
    ):
        if monotonic is None:
            monotonic, found_counts_sleep = _boot_time()
            counts_sleep = found_counts_sleep if counts_sleep is None else counts_sleep
        self._wall = wall
        self._monotonic = monotonic
        self._counts_sleep = bool(counts_sleep)
        self._anchor(wall(), monotonic())
        self._last = self._anchor_wall

    def _anchor(self, wall: datetime, mono: float) -> None:
        self._anchor_wall = wall
        self._anchor_mono = mono

    def __call__(self) -> datetime:
        mono = self._monotonic()
        steady = self._anchor_wall + timedelta(seconds=mono - self._anchor_mono)
        if not self._counts_sleep:
            wall = self._wall()
            if (wall - steady).total_seconds() > SLEEP_GAP_SECONDS:
                # The monotonic clock stood still while the wall clock went on: a sleep.
                self._anchor(wall, mono)
                steady = wall
        # Never hand out a time earlier than one already given.
        self._last = max(self._last, steady)
        return self._last
