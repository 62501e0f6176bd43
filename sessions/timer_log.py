"""Reading a session's timer log, the one source every clock reading is replayed from."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import ClockEvent
from sessions.models import TimerEvent


def replayed_events(*sessions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The events a replay needs: all but the heartbeats, and each session's last heartbeat.

    A heartbeat only splits a running interval in two, so dropping it changes no
    total; the last one still matters, as the end of an interval a crash left
    open. A three-hour session logs some two thousand heartbeats; reading only
    what counts keeps every key, every reopening and the dashboard quick.
    """
    last_beats = (
        select(func.max(TimerEvent.id))
        .where(TimerEvent.kind == "heartbeat", *sessions)
        .group_by(TimerEvent.session_id)
    )
    return or_(TimerEvent.kind != "heartbeat", TimerEvent.id.in_(last_beats))


def load_events(db: DbSession, session_id: int) -> list[ClockEvent]:
    in_session = TimerEvent.session_id == session_id
    rows = db.execute(
        select(TimerEvent.kind, TimerEvent.at, TimerEvent.position, TimerEvent.seconds)
        .where(in_session, replayed_events(in_session))
        .order_by(TimerEvent.id)
    ).all()
    return [ClockEvent(kind, at, position, seconds) for kind, at, position, seconds in rows]
