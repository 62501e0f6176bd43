"""Whether a session's minutes are still a draft or approved as the record, and what amends them.

Minutes are approved by the room at a later session of the programme, as they stand
or with amendments, each kept with who proposed it. Approved minutes are locked: what
they record no longer changes, and a correction found later is kept as an erratum
beside them, never written over them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.lookup import session_row
from sessions.errors import InputError
from sessions.models import MinutesAmendment, Session, TimerEvent
from sessions.views import meeting_day
from sessions.vocabulary import AmendmentKind, TimerEventKind


@dataclass(frozen=True)
class AmendmentView:
    id: int
    kind: str
    text: str
    proposer: str
    made_in: int
    """The number of the session whose room agreed it."""
    made_on: date
    """The day that session met."""


@dataclass(frozen=True)
class MinutesStatus:
    """One session's minutes as a record: a draft, or approved, and what amends them."""

    session_id: int
    number: int
    held_on: date
    finished: bool
    approved_in: int | None = None
    """The number of the session that approved them; None while they are a draft."""
    approved_on: date | None = None
    """The day that session met."""
    amendments: tuple[AmendmentView, ...] = ()
    """Agreed while approving them, before the approval (or, while still a draft, so far)."""
    errata: tuple[AmendmentView, ...] = ()
    """Corrections agreed at later meetings, once they were approved."""

    @property
    def approved(self) -> bool:
        return self.approved_in is not None


def meeting_days(db: DbSession, sessions: Iterable[Session]) -> dict[int, date]:
    """The day each session met, by session id, read in one query."""
    rows = list(sessions)
    started = dict(
        db.execute(
            select(TimerEvent.session_id, func.min(TimerEvent.at))
            .where(
                TimerEvent.session_id.in_([s.id for s in rows]),
                TimerEvent.kind == TimerEventKind.START,
            )
            .group_by(TimerEvent.session_id)
        ).all()
    )
    return {s.id: meeting_day(started.get(s.id), s.created_at, s.planned_for) for s in rows}


def programme_minutes(db: DbSession, programme_id: int) -> list[MinutesStatus]:
    """Every session of the programme, by number, with its minutes' standing as a record."""
    sessions = list(
        db.scalars(
            select(Session).where(Session.programme_id == programme_id).order_by(Session.number)
        )
    )
    days = meeting_days(db, sessions)
    day_of = {s.number: days[s.id] for s in sessions}
    changes: dict[int, list[MinutesAmendment]] = {}
    for row in db.scalars(
        select(MinutesAmendment)
        .where(
            MinutesAmendment.session_id.in_([s.id for s in sessions]),
            MinutesAmendment.deleted_at.is_(None),
        )
        .order_by(MinutesAmendment.made_at, MinutesAmendment.id)
    ):
        changes.setdefault(row.session_id, []).append(row)
    statuses = []
    for s in sessions:
        views = [
            AmendmentView(
                row.id,
                row.kind,
                row.text,
                row.proposer,
                row.made_in,
                day_of.get(row.made_in, days[s.id]),
            )
            for row in changes.get(s.id, [])
        ]
        statuses.append(
            MinutesStatus(
                session_id=s.id,
                number=s.number,
                held_on=days[s.id],
                finished=s.finished_at is not None,
                approved_in=s.minutes_approved_in,
                approved_on=(
                    day_of.get(s.minutes_approved_in) if s.minutes_approved_in is not None else None
                ),
                amendments=tuple(v for v in views if v.kind == AmendmentKind.AMENDMENT),
                errata=tuple(v for v in views if v.kind == AmendmentKind.ERRATUM),
            )
        )
    return statuses


def minutes_status(db: DbSession, session_id: int) -> MinutesStatus:
    session = session_row(db, session_id)
    return next(
        status
        for status in programme_minutes(db, session.programme_id)
        if status.session_id == session_id
    )


def awaiting_approval(db: DbSession, programme_id: int) -> list[int]:
    """The numbers of the programme's finished sessions whose minutes are still drafts."""
    return list(
        db.scalars(
            select(Session.number)
            .where(
                Session.programme_id == programme_id,
                Session.finished_at.is_not(None),
                Session.minutes_approved_in.is_(None),
            )
            .order_by(Session.number)
        )
    )


def refuse_if_approved(db: DbSession, session_id: int, refused: str) -> Session:
    """The session, if its minutes are not yet approved; `refused` says what can no longer
    happen once they are."""
    session = session_row(db, session_id)
    if session.minutes_approved_in is not None:
        raise InputError(
            f"The minutes of session {session.number} were approved at session "
            f"{session.minutes_approved_in}, so {refused}. A correction is kept as an "
            "erratum, at the minutes item of a later session."
        )
    return session
