"""Which session a mirror with no session named should show: the one the room is in."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.meetings import MEETS
from sessions.models import Programme, Session, TimerEvent


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
