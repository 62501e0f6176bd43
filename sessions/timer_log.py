"""Reading a session's timer log, the one source every clock reading is replayed from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import Select, func, select, union_all
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import aliased

from sessions.clock import ClockEvent
from sessions.models import TIMER_EVENT_KINDS, Session, TimerEvent

HEARTBEAT = "heartbeat"
REPLAYED_KINDS = tuple(kind for kind in TIMER_EVENT_KINDS if kind != HEARTBEAT)


def load_logs(db: DbSession, session_ids: Collection[int] | Select) -> dict[int, list[ClockEvent]]:
    """Several sessions' logs in one read, each in the order it was written.

    `session_ids` may be a query for them, so the ids need not be fetched first.

    Only the events a replay needs are read: all but the heartbeats, and each
    session's last heartbeat. A heartbeat only splits a running interval in two,
    so dropping it changes no total; the last one still matters, as the end of an
    interval a crash left open. A three-hour session logs some two thousand
    heartbeats. Both halves are looked up through the (session, kind) index
    rather than filtered from every event, which kept a dashboard of 200
    sessions waiting a third of a second.
    """
    columns = (TimerEvent.session_id, TimerEvent.id, TimerEvent.kind, TimerEvent.at,
               TimerEvent.position, TimerEvent.seconds)
    kept = select(*columns).where(
        TimerEvent.session_id.in_(session_ids), TimerEvent.kind.in_(REPLAYED_KINDS)
    )
    beat = aliased(TimerEvent)
    last_beat = (
        select(func.max(beat.id))
        .where(beat.session_id == Session.id, beat.kind == HEARTBEAT)
        .scalar_subquery()
    )
    last_beats = select(*columns).where(
        TimerEvent.id.in_(select(last_beat).where(Session.id.in_(session_ids)))
    )
    both = union_all(kept, last_beats).subquery()
    logs: dict[int, list[ClockEvent]] = defaultdict(list)
    for session_id, _, kind, at, position, seconds in db.execute(
        select(*both.c).order_by(both.c.session_id, both.c.id)
    ):
        logs[session_id].append(ClockEvent(kind, at, position, seconds))
    return logs


def load_events(db: DbSession, session_id: int) -> list[ClockEvent]:
    return load_logs(db, [session_id]).get(session_id, [])
