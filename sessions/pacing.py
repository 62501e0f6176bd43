"""Where the session as a whole is heading: planned finish, projected finish, how late.

Projected finish = now + what is left of the current item + the time of every
item not yet run. Paused time and overruns both push it later, which is the
truth the room needs to hear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sessions.clock import ClockState

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


def pace(state: ClockState, planned: list[int], now: datetime) -> Pace:
    """The pace of a session whose items are planned as given, read at `now`."""
    live = state.at(now)
    position = live.position
    current_left = max(
        0.0, planned[position] + live.extra_for(position) - live.elapsed_for(position)
    )
    not_yet_run = sum(
        seconds + live.extra_for(index)
        for index, seconds in enumerate(planned)
        if index != position and live.elapsed_for(index) == 0 and index not in live.skipped
    )
    projected = now + timedelta(seconds=current_left + not_yet_run)
    planned_finish = None
    if live.first_started_at is not None:
        planned_finish = live.first_started_at + timedelta(seconds=sum(planned))
    return Pace(planned_finish=planned_finish, projected_finish=projected)
