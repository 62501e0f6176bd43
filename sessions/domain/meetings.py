"""Which sessions met, or will: a cancelled session is passed over.

A session called off stays in the record under its number, but it never meets, so it has
no minutes to approve, no actions, no register and no day to meet on. Whatever asks for
"the last meeting" or "the next meeting" asks here, so the numbering's gap is skipped the
same way everywhere.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session as DbSession

from sessions.models import Session

MEETS: ColumnElement[bool] = Session.cancelled_at.is_(None)
"""A session not called off: one that met, meets, or is still to meet."""


def meeting_before(db: DbSession, session: Session) -> Session | None:
    """The latest session before this one in its programme that was not cancelled."""
    return db.scalar(
        select(Session)
        .where(
            Session.programme_id == session.programme_id,
            Session.number < session.number,
            MEETS,
        )
        .order_by(Session.number.desc())
        .limit(1)
    )


def meeting_after(db: DbSession, session: Session) -> Session | None:
    """The first session after this one in its programme that is not cancelled."""
    return db.scalar(
        select(Session)
        .where(
            Session.programme_id == session.programme_id,
            Session.number > session.number,
            MEETS,
        )
        .order_by(Session.number)
        .limit(1)
    )


def last_meeting_number(db: DbSession, programme_id: int) -> int | None:
    """The number of the programme's latest session not cancelled; None where there is none."""
    return db.scalar(
        select(Session.number)
        .where(Session.programme_id == programme_id, MEETS)
        .order_by(Session.number.desc())
        .limit(1)
    )
