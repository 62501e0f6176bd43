"""Where a programme is in its plan, from the days its sessions were held.

Each planned session counts from the one before it, so once a session has been held
the rest count from the day it really met, not the day it was planned for: a kick-off
moved by a week moves the whole plan with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sessions.plan.model import Interval, Plan, PlannedDate


@dataclass(frozen=True)
class PlanProgress:
    title: str
    held: int
    """How many of the plan's sessions have been held (sessions beyond the plan are not counted)."""
    total: int
    next: PlannedDate | None
    """The next session to hold, dated to confirm; None once the plan is done."""

    @property
    def done(self) -> bool:
        return self.next is None


def _gaps(plan: Plan) -> list[Interval | None]:
    """The interval before each laid-out session, repeats expanded."""
    gaps: list[Interval | None] = []
    for session in plan.sessions:
        gaps.append(session.after)
        if session.repeat:
            gaps.extend([session.repeat.every] * (session.repeat.times - 1))
    return gaps


def plan_progress(plan: Plan, start: date, held_on: list[date]) -> PlanProgress:
    """The plan as it stands after sessions held on `held_on` (in order), from `start`."""
    laid = plan.layout(start)
    held = min(len(held_on), len(laid))
    if held == len(laid):
        return PlanProgress(plan.title, held, len(laid), None)
    upcoming = laid[held]
    if held:
        gap = _gaps(plan)[held]
        day = held_on[held - 1]
        upcoming = PlannedDate(
            upcoming.title, upcoming.agenda, gap.after(day) if gap else day, upcoming.number
        )
    return PlanProgress(plan.title, held, len(laid), upcoming)
