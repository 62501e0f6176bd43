"""Who is watching: a mirror says, by a heartbeat row, that the room can see a session.

A mirror only reads the session; this row is the one thing it writes, so that the
driver can keep private answers off its own screen while the room may be looking.
The row is kept fresh as the lease is, and goes when the mirror stops; a mirror that
crashed stops counting once nothing has been heard of it for WATCH_STALE_SECONDS.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import HEARTBEAT_SECONDS
from sessions.domain.leases import Holder
from sessions.models import RoomWatch

# As a lease: a busy machine may miss one heartbeat, not three.
WATCH_STALE_SECONDS = 4 * HEARTBEAT_SECONDS


def _fresh_since(now: datetime) -> datetime:
    return now - timedelta(seconds=WATCH_STALE_SECONDS)


def watch(db: DbSession, holder: Holder, session_id: int | None, now: datetime) -> None:
    """Say that `holder` shows `session_id` to the room (None: whichever session runs).

    Rows of mirrors long silent are cleared on the way, so crashed mirrors leave nothing.
    """
    db.execute(delete(RoomWatch).where(RoomWatch.seen_at < _fresh_since(now)))
    row = db.get(RoomWatch, holder.token)
    if row is None:
        row = RoomWatch(token=holder.token, since=now)
        db.add(row)
    row.session_id = session_id
    row.user, row.host, row.pid = holder.user, holder.host, holder.pid
    row.seen_at = now


def stop_watching(db: DbSession, holder: Holder) -> None:
    db.execute(delete(RoomWatch).where(RoomWatch.token == holder.token))


def watched(db: DbSession, session_id: int, now: datetime) -> bool:
    """Whether a mirror, heard of lately, shows this session or follows whichever runs."""
    return bool(
        db.scalar(
            select(
                exists().where(
                    RoomWatch.seen_at >= _fresh_since(now),
                    or_(RoomWatch.session_id == session_id, RoomWatch.session_id.is_(None)),
                )
            )
        )
    )


def anyone_watching(db: DbSession, now: datetime) -> bool:
    """Whether a mirror, heard of lately, shows any session to the room."""
    return bool(db.scalar(select(exists().where(RoomWatch.seen_at >= _fresh_since(now)))))
