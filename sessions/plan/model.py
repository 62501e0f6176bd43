"""What a parsed plan holds, and the dates it lays out from a start: plain data, no parsing."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sessions.agenda.model import AgendaError, AgendaProblem


class Unit(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Interval:
    """A stretch of calendar time: months and years keep the day of the month where they can."""

    count: int
    unit: Unit

    def after(self, day: date) -> date:
        if self.unit is Unit.DAY:
            return day + timedelta(days=self.count)
        if self.unit is Unit.WEEK:
            return day + timedelta(weeks=self.count)
        months = self.count * (12 if self.unit is Unit.YEAR else 1)
        year, month = divmod(day.month - 1 + months, 12)
        year += day.year
        month += 1
        # 31 January and one month: the last day of February, not an error.
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

    def __str__(self) -> str:
        return f"{self.count} {self.unit}{'s' if self.count != 1 else ''}"


@dataclass(frozen=True)
class Repeat:
    """`every 6 months, 2 times`: the session happens `times` times in all, `every` apart."""

    every: Interval
    times: int

    def __str__(self) -> str:
        return f"every {self.every}, {self.times} times"


@dataclass(frozen=True)
class PlanSession:
    title: str
    agenda: str
    """An agenda as the library names it: a name, `bundled:NAME` or a file path."""
    after: Interval | None = None
    """Time since the previous session (for the first, since the programme's start)."""
    repeat: Repeat | None = None
    notes: str = ""
    line: int = 0
    """1-based line of the session's heading."""
    agenda_line: int = 0


@dataclass(frozen=True)
class PlannedDate:
    """One session the plan lays out: its title, agenda and the date to confirm."""

    title: str
    agenda: str
    on: date
    number: int
    """1-based place in the whole plan."""


@dataclass(frozen=True)
class Plan:
    title: str
    notes: str = ""
    sessions: tuple[PlanSession, ...] = ()
    source: str = ""
    """Where the plan came from: a file path or 'bundled:NAME'."""

    @property
    def count(self) -> int:
        """How many sessions the plan lays out, repeats counted."""
        return sum(s.repeat.times if s.repeat else 1 for s in self.sessions)

    def layout(self, start: date) -> list[PlannedDate]:
        """Every session in order with its date: each counted from the one before it."""
        laid: list[PlannedDate] = []
        day = start
        for session in self.sessions:
            if session.after is not None:
                day = session.after.after(day)
            times = session.repeat.times if session.repeat else 1
            for time in range(times):
                if time and session.repeat:
                    day = session.repeat.every.after(day)
                title = session.title if times == 1 else f"{session.title} ({time + 1} of {times})"
                laid.append(PlannedDate(title, session.agenda, day, len(laid) + 1))
        return laid


PlanProblem = AgendaProblem
"""One thing wrong with a plan file, in the same FILE:LINE: what — fix form as an agenda's."""


class PlanError(AgendaError):
    """A plan file has problems; all of them are carried, in file order."""


@dataclass
class PlanSummary:
    """A line of `plan list`."""

    name: str
    path: str
    title: str
    sessions: int = 0
    bundled: bool = True
    problems: int = 0
