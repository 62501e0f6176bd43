"""The plan a programme follows, as it was kept when the programme was made.

A plan file can change or vanish after a programme is made from it, so what the
dashboard shows comes from the store: the plan's name and title on the programme, and
on each session the plan laid out its place and title in the plan and whether its day
is still to confirm. A day the plan counted is a guide, not a day agreed; it is
confirmed when the facilitator sets it or keeps it (`confirm_day`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import session_row
from sessions.errors import InputError
from sessions.models import Programme, Session, TimerEvent


@dataclass(frozen=True)
class PlannedNext:
    """The first session the plan laid out whose clock has never started."""

    number: int
    """The session's number in the programme."""
    place: int
    """Its 1-based place in the plan."""
    title: str
    """Its title in the plan."""
    on: date | None
    to_confirm: bool


@dataclass(frozen=True)
class PlanPlace:
    """Where a programme is in the plan it was made from."""

    source: str
    """The plan's name as it was found: `bundled:NAME` or the path of its file."""
    title: str
    count: int
    """How many sessions the plan laid out."""
    next: PlannedNext | None
    """None once every session the plan laid out has started or been cancelled."""
    cancelled: int = 0
    """How many of the sessions the plan laid out were cancelled."""


def follow_plan(
    db: DbSession,
    programme: Programme,
    source: str,
    title: str,
    laid: Sequence[tuple[int, int, str]],
) -> None:
    """Keep the plan on `programme`, and (session id, place, title) on each session it laid
    out, each day to confirm."""
    programme.plan_source = source
    programme.plan_title = title
    for session_id, place, planned_as in laid:
        session = session_row(db, session_id)
        session.plan_place = place
        session.planned_as = planned_as
        session.date_to_confirm = True


def plan_place(db: DbSession, programme: Programme) -> PlanPlace | None:
    """Where the programme is in its plan; None for a programme made without one."""
    if not programme.plan_title and not programme.plan_source:
        return None
    rows = db.execute(
        select(
            Session.number,
            Session.plan_place,
            Session.planned_as,
            Session.planned_for,
            Session.date_to_confirm,
            exists().where(TimerEvent.session_id == Session.id),
            Session.finished_at,
            Session.cancelled_at,
        )
        .where(Session.programme_id == programme.id, Session.plan_place.is_not(None))
        .order_by(Session.number)
    ).all()
    waiting = next(
        (
            PlannedNext(number, place, planned_as, on, to_confirm)
            for number, place, planned_as, on, to_confirm, started, finished, cancelled in rows
            # Every row has a place: the query asked for none without. A session called
            # off is not the next to meet.
            if place is not None and not started and finished is None and cancelled is None
        ),
        None,
    )
    cancelled = sum(1 for row in rows if row.cancelled_at is not None)
    return PlanPlace(programme.plan_source, programme.plan_title, len(rows), waiting, cancelled)


def confirm_day(db: DbSession, session_id: int, on: date | None, today: date) -> date:
    """Confirm the day a session set up ahead meets: `on`, or the day planned if None.

    The session's day, confirmed. Refused for a session whose clock has started, which is
    dated by the day it met, and for a day before `today`.
    """
    from sessions.domain.calendar import refuse_past_day

    session = session_row(db, session_id)
    started = db.scalar(select(exists().where(TimerEvent.session_id == session_id)))
    if started or session.finished_at is not None:
        raise InputError(
            f"Session {session.number} has started: it is dated by the day it met, "
            "which needs no confirming."
        )
    if session.cancelled_at is not None:
        raise InputError(f"Session {session.number} was cancelled: it has no day to confirm.")
    day = on if on is not None else session.planned_for
    if day is None:
        raise InputError(f"Session {session.number} has no day planned: give the day it meets.")
    refuse_past_day(day, today)
    if day != session.planned_for:
        # A new day is a change to the invitation: calendars update the one they hold.
        session.calendar_sequence += 1
    session.planned_for = day
    session.date_to_confirm = False
    return day
