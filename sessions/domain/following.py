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
    """The session whose clock moved last, unless sessions were set up since: then the one
    of those that meets next (soonest planned, then first in its programme).

    A session just finished stays on the wall until the next one is set up or started; a
    session resumed from last month takes the wall the moment its clock moves. A plan sets
    up all its sessions at once, and the room's is its first, not its last.
    """
    last_event = (
        select(TimerEvent.session_id, func.max(TimerEvent.at).label("at"))
        .group_by(TimerEvent.session_id)
        .subquery()
    )
    # A session called off never meets: there is no room in it to follow.
    shown = (Programme.archived_at.is_(None), MEETS)
    ran = db.execute(
        select(Session.id, last_event.c.at)
        .join(Programme)
        .join(last_event, last_event.c.session_id == Session.id)
        .where(*shown)
        .order_by(last_event.c.at.desc(), Session.id.desc())
        .limit(1)
    ).first()
    never_run = ~select(TimerEvent.id).where(TimerEvent.session_id == Session.id).exists()
    set_up = select(Session.id).join(Programme).where(*shown, never_run)
    if ran is not None:
        set_up = set_up.where(Session.created_at > ran.at)
    waiting_next = db.scalar(
        set_up.order_by(
            Session.planned_for.is_(None), Session.planned_for, Session.number, Session.id
        ).limit(1)
    )
    if waiting_next is not None:
        return waiting_next
    return ran.id if ran is not None else None
