"""Where the session as a whole is heading: planned finish, projected finish, how late.

Projected finish = now + what is left of the current item + the time of every
item not yet run. Paused time and overruns both push it later, which is the
truth the room needs to hear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sessions.clock import ClockState, current_countdown

ON_TIME_SECONDS = 60


@dataclass(frozen=True)
class Pace:
    planned_finish: datetime | None
    """First start plus the planned total; None before the clock has started."""
    projected_finish: datetime

    @property
    def late_seconds(self) -> float:
        if self.planned_finish is None:
            return 0.0
        return (self.projected_finish - self.planned_finish).total_seconds()

    @property
    def verdict(self) -> str:
        late = self.late_seconds
        if abs(late) < ON_TIME_SECONDS:
            return "on time"
        minutes = round(abs(late) / 60)
        return f"{minutes} min late" if late > 0 else f"{minutes} min ahead"


def not_yet_run(live: ClockState, count: int) -> list[int]:
    """Positions of the items still to come: not current, not skipped, no time spent on them."""
    return [
        index
        for index in range(count)
        if index != live.position and live.elapsed_for(index) == 0 and index not in live.skipped
    ]


def current_left(live: ClockState, seconds: list[int]) -> float:
    """What is left of the current item's time (nothing once it has overrun)."""
    return max(0.0, current_countdown(live, seconds).remaining)


def pace(
    state: ClockState, seconds: list[int], now: datetime, planned_total: int | None = None
) -> Pace:
    """The pace of a session read at `now`.

    `seconds` are the items' times as they stand (rebalanced where they were);
    `planned_total` is the original plan the finish is measured against
    (by default the sum of `seconds`).
    """
    live = state.at(now)
    to_come = sum(seconds[i] + live.extra_for(i) for i in not_yet_run(live, len(seconds)))
    projected = now + timedelta(seconds=current_left(live, seconds) + to_come)
    planned_finish = None
    if live.first_started_at is not None:
        total = sum(seconds) if planned_total is None else planned_total
        planned_finish = live.first_started_at + timedelta(seconds=total)
    return Pace(planned_finish=planned_finish, projected_finish=projected)
