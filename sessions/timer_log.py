"""Reading a session's timer log, the one source every clock reading is replayed from."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import ClockEvent
from sessions.models import TimerEvent


def load_events(db: DbSession, session_id: int) -> list[ClockEvent]:
    rows = db.execute(
        select(TimerEvent.kind, TimerEvent.at, TimerEvent.position, TimerEvent.seconds)
        .where(TimerEvent.session_id == session_id)
        .order_by(TimerEvent.id)
    ).all()
    return [ClockEvent(kind, at, position, seconds) for kind, at, position, seconds in rows]
