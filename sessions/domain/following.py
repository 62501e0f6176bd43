"""Which session a mirror with no session named should show: the one the room is in."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.leases import LEASE_STALE_SECONDS
from sessions.domain.meetings import MEETS
from sessions.models import Programme, Session, SessionLease, TimerEvent


def followed_session(db: DbSession, now: datetime) -> int | None:
    """The session being driven now, else the session touched last.

    A driver takes a session's lease as it opens it, before the clock starts: the room is
    in that session from then, not in the one whose clock moved last (last week's, or the
    one the driver has just left). Two copies driving two sessions: the one opened last.
    """
    return driven_session(db, now) or latest_session(db)


def driven_session(db: DbSession, now: datetime) -> int | None:
    """The session a copy of the app holds now (a lease not let go, heard from lately),
    the newest hold first."""
    heard_since = now - timedelta(seconds=LEASE_STALE_SECONDS)
    return db.scalar(
        select(Session.id)
        .join(SessionLease, SessionLease.session_id == Session.id)
        .join(Programme)
        .where(
            SessionLease.released_at.is_(None),
            SessionLease.seen_at >= heard_since,
            Session.finished_at.is_(None),
            Programme.archived_at.is_(None),
            MEETS,
        )
        .order_by(SessionLease.since.desc(), Session.id.desc())
        .limit(1)
    )


def latest_session(db: DbSession) -> int | None:
    """The session touched last: its newest clock event, or its creation if it has none.

    A session just finished is still the latest, so the room keeps seeing it until
    the next one is started; a session resumed from last month becomes the latest
    the moment its clock moves.
    """
    last_event = (
        select(TimerEvent.session_id, func.max(TimerEvent.at).label("at"))
        .group_by(TimerEvent.session_id)
        .subquery()
    )
    touched = func.coalesce(last_event.c.at, Session.created_at)
    return db.scalar(
        select(Session.id)
        .join(Programme)
        .outerjoin(last_event, last_event.c.session_id == Session.id)
        # A session called off never meets: there is no room in it to follow.
        .where(Programme.archived_at.is_(None), MEETS)
        .order_by(touched.desc(), Session.id.desc())
        .limit(1)
    )
