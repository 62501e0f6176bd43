"""Reading a session's timer log, the one source every clock reading is replayed from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from sqlalchemy import Select, func, select, union_all
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import aliased

from sessions.clock import ClockEvent
from sessions.models import NOT_HEARTBEAT, REPLAYED_COLUMNS, Session, TimerEvent
from sessions.vocabulary import TimerEventKind


def load_logs(
    db: DbSession, session_ids: Collection[int] | Select[int]
) -> dict[int, list[ClockEvent]]:
    """Several sessions' logs in one read, each in the order it was written.

    `session_ids` may be a query for them, so the ids need not be fetched first.

    Only the events a replay needs are read: all but the heartbeats, and each
    session's last heartbeat. A heartbeat only splits a running interval in two,
    so dropping it changes no total; the last one still matters, as the end of an
    interval a crash left open. A three-hour session logs some two thousand
    heartbeats. The first half is read from the partial index of the events that
    are not heartbeats, which holds every column read; the last heartbeats come
    through the (session, kind, id) index, one lookup each. Filtered from every
    event, a dashboard of 200 sessions waited a third of a second; fetched from
    the table row by row, a tenth.
    """
    columns = tuple(getattr(TimerEvent, name) for name in REPLAYED_COLUMNS)
    # The partial index is used only where the query's condition implies its own: say the same.
    kept = select(*columns).where(TimerEvent.session_id.in_(session_ids), NOT_HEARTBEAT)
    beat = aliased(TimerEvent)
    last_beat = (
        select(func.max(beat.id))
        .where(beat.session_id == Session.id, beat.kind == TimerEventKind.HEARTBEAT)
        .scalar_subquery()
    )
    last_beats = select(*columns).where(
        TimerEvent.id.in_(select(last_beat).where(Session.id.in_(session_ids)))
    )
    both = union_all(kept, last_beats).subquery()
    logs: dict[int, list[ClockEvent]] = defaultdict(list)
    # Through the connection: thousands of plain rows need none of the ORM's loading.
    # All at once: thousands of rows fetched one by one pay SQLAlchemy's call for each.
    for session_id, _, kind, at, position, seconds in (
        db.connection().execute(select(*both.c).order_by(both.c.session_id, both.c.id)).all()
    ):
        logs[session_id].append(ClockEvent(kind, at, position, seconds))
    return logs


def load_events(db: DbSession, session_id: int) -> list[ClockEvent]:
    return load_logs(db, [session_id]).get(session_id, [])
