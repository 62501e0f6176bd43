"""Reading a session's timer log, the one source every clock reading is replayed from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import ColumnElement, Select, func, or_, select
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


def load_logs(db: DbSession, session_ids: Collection[int] | Select) -> dict[int, list[ClockEvent]]:
    """Several sessions' logs in one read, each in the order it was written.

    `session_ids` may be a query for them, so the ids need not be fetched first.
    """
    in_sessions = TimerEvent.session_id.in_(session_ids)
    logs: dict[int, list[ClockEvent]] = defaultdict(list)
    for session_id, kind, at, position, seconds in db.execute(
        select(TimerEvent.session_id, TimerEvent.kind, TimerEvent.at, TimerEvent.position,
               TimerEvent.seconds)
        .where(in_sessions, replayed_events(in_sessions))
        .order_by(TimerEvent.session_id, TimerEvent.id)
    ):
        logs[session_id].append(ClockEvent(kind, at, position, seconds))
    return logs


def load_events(db: DbSession, session_id: int) -> list[ClockEvent]:
    return load_logs(db, [session_id]).get(session_id, [])
