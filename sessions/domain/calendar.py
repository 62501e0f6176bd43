"""When and where a planned session meets, and changing that or calling it off.

A session planned ahead has a day; it may also have a start and an end time on that day,
as clocks in the United Kingdom read them, and a place. Each change to any of them, and
calling the session off, raises its calendar sequence, so an invitation written after
replaces the one sent before. Once its clock has started, a session met: its plan is
history and no longer changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import session_row
from sessions.domain.planning import name_last_meeting
from sessions.errors import InputError
from sessions.models import AgendaItem, Session, TimerEvent

PLACE_MAX = 500
# A meeting booked for its agenda's length ends on the next quarter hour, as diaries book.
ROUND_TO_MINUTES = 15


@dataclass(frozen=True)
class Meeting:
    """A planned session's day, start and end times and place, as the facilitator set them."""

    on: date | None
    start: time | None
    end: time | None
    place: str


@dataclass(frozen=True)
class PlannedMeeting:
    """What an invitation and the re-planning dialog show of a session."""

    session_id: int
    number: int
    agenda_title: str
    meeting: Meeting
    agenda_seconds: int
    """The agenda's planned length, the default for the meeting's."""
    calendar_uid: str
    calendar_sequence: int
    cancelled_at: datetime | None
    started: bool
    """Its clock has started (or it has finished): it is no longer a plan."""


def meeting_of(session: Session) -> Meeting:
    return Meeting(session.planned_for, session.start_time, session.end_time, session.place)


def has_started(db: DbSession, session: Session) -> bool:
    return session.finished_at is not None or bool(
        db.scalar(select(exists().where(TimerEvent.session_id == session.id)))
    )


def agenda_seconds(db: DbSession, session_id: int) -> int:
    return (
        db.scalar(
            select(func.sum(AgendaItem.planned_seconds)).where(AgendaItem.session_id == session_id)
        )
        or 0
    )


def planned_meeting(db: DbSession, session_id: int) -> PlannedMeeting:
    session = session_row(db, session_id)
    return PlannedMeeting(
        session_id=session.id,
        number=session.number,
        agenda_title=session.agenda_title,
        meeting=meeting_of(session),
        agenda_seconds=agenda_seconds(db, session.id),
        calendar_uid=session.calendar_uid,
        calendar_sequence=session.calendar_sequence,
        cancelled_at=session.cancelled_at,
        started=has_started(db, session),
    )


def clock_minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def at_minutes(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def default_end(start: time, seconds: int) -> time:
    """The start plus the agenda's length, up to the next quarter hour; never past 23:59."""
    minutes = clock_minutes(start) + -(-seconds // 60)
    minutes = -(-minutes // ROUND_TO_MINUTES) * ROUND_TO_MINUTES
    return at_minutes(min(minutes, 24 * 60 - 1))


def moved(
    current: Meeting,
    seconds: int,
    *,
    on: date | None = None,
    start: time | None = None,
    end: time | None = None,
    place: str | None = None,
) -> Meeting:
    """The meeting with what was given changed (None leaves a part as it is). A new start
    without a new end keeps the meeting's length; with no end before, the agenda's."""
    new_end = end
    if start is not None and end is None:
        if current.start is not None and current.end is not None:
            length = clock_minutes(current.end) - clock_minutes(current.start)
            new_end = at_minutes(min(clock_minutes(start) + length, 24 * 60 - 1))
        else:
            new_end = default_end(start, seconds)
    return Meeting(
        on=current.on if on is None else on,
        start=current.start if start is None else start,
        end=current.end if new_end is None else new_end,
        place=current.place if place is None else place,
    )


def clean_place(place: str) -> str:
    place = " ".join(place.split())
    if len(place) > PLACE_MAX:
        raise InputError(f"The place is {len(place):,} characters; keep it to {PLACE_MAX}.")
    return place


def checked(meeting: Meeting, seconds: int) -> Meeting:
    """The meeting as it will be kept, refused where its parts do not fit together. A start
    with no end ends after the agenda's length."""
    meeting = replace(meeting, place=clean_place(meeting.place))
    start, end = meeting.start, meeting.end
    if start is None:
        if end is not None:
            raise InputError("An end time needs a start time: give the start too.")
        return meeting
    if meeting.on is None:
        raise InputError("A start time needs a day: give the date the session meets.")
    if end is None:
        end = default_end(start, seconds)
    if end <= start:
        raise InputError(
            f"The session cannot end at {end:%H:%M} if it starts at "
            f"{start:%H:%M}: give an end later the same day."
        )
    return replace(meeting, end=end)


def _still_a_plan(db: DbSession, session: Session, doing: str) -> None:
    if session.cancelled_at is not None:
        raise InputError(
            f"Session {session.number} was cancelled, so there is nothing to {doing}: "
            "set up a new session instead."
        )
    if has_started(db, session):
        raise InputError(
            f"Session {session.number} has started: it met when its clock first ran, "
            f"so there is nothing to {doing}."
        )


def refuse_past_day(day: date, today: date) -> None:
    """A session still to meet meets today or later: a day gone by is refused."""
    if day < today:
        raise InputError(
            f"{day.day} {day:%B %Y} has passed: give a day from today "
            f"({today.day} {today:%B %Y}) on."
        )


def replan(
    db: DbSession, session_id: int, meeting: Meeting, *, day_given: bool, today: date
) -> bool:
    """Give a session not yet started a new day, times or place; False where nothing changed.

    Each change raises the calendar sequence, so the next invitation updates the one sent.
    Where the facilitator gave the day (`day_given`), a day a plan counted is now agreed; a
    day given that has passed is refused.
    """
    session = session_row(db, session_id)
    _still_a_plan(db, session, "re-plan")
    if day_given and meeting.on is not None:
        refuse_past_day(meeting.on, today)
    meeting = checked(meeting, agenda_seconds(db, session_id))
    if day_given and meeting.on is not None:
        session.date_to_confirm = False
    if meeting == meeting_of(session):
        return False
    session.planned_for = meeting.on
    session.start_time = meeting.start
    session.end_time = meeting.end
    session.place = meeting.place
    session.calendar_sequence += 1
    return True


def cancel(db: DbSession, session_id: int, now: datetime) -> None:
    """Call off a session not yet started: it stays in the record, marked cancelled."""
    session = session_row(db, session_id)
    _still_a_plan(db, session, "cancel")
    session.cancelled_at = now
    session.calendar_sequence += 1
    name_last_meeting(db, session)
