"""When and where a planned session meets, as its papers say it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sessions.minutes.wording import long_date
from sessions.models import Session

TO_BE_CONFIRMED = "to be confirmed"


@dataclass(frozen=True)
class PackHeader:
    """When and where the session meets; what is not yet known is "to be confirmed"."""

    day: date | None
    starts: time | None = None
    ends: time | None = None
    place: str = ""
    day_to_confirm: bool = False
    """The day is the plan's guide, not yet agreed with the room."""

    @property
    def date_line(self) -> str:
        if self.day is None:
            return TO_BE_CONFIRMED
        if self.day_to_confirm:
            return f"{long_date(self.day)} ({TO_BE_CONFIRMED})"
        return long_date(self.day)

    @property
    def time_line(self) -> str:
        """'14:00 to 16:00', 'from 14:00', or to be confirmed."""
        if self.starts is None:
            return TO_BE_CONFIRMED
        if self.ends is None:
            return f"from {self.starts:%H:%M}"
        return f"{self.starts:%H:%M} to {self.ends:%H:%M}"

    @property
    def place_line(self) -> str:
        return self.place or TO_BE_CONFIRMED


def pack_header(session: Session) -> PackHeader:
    """The one place a planned session's day, times and place are read for its papers;
    what the facilitator has not set yet is to be confirmed."""
    return PackHeader(
        day=session.planned_for,
        starts=session.start_time,
        ends=session.end_time,
        place=session.place,
        day_to_confirm=session.date_to_confirm,
    )
