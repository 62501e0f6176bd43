"""What a calendar invitation says of each planned session, read from the database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.calendar import Meeting, meeting_of
from sessions.domain.lookup import session_row
from sessions.domain.programmes import programme_named
from sessions.errors import InputError
from sessions.models import Session, TimerEvent


@dataclass(frozen=True)
class InviteItem:
    title: str
    seconds: int
    confidential: bool


@dataclass(frozen=True)
class InviteEvent:
    """One planned session, as its invitation has it."""

    uid: str
    sequence: int
    programme: str
    number: int
    agenda_title: str
    meeting: Meeting
    cancelled: bool
    items: tuple[InviteItem, ...]


@dataclass(frozen=True)
class Invitation:
    programme_slug: str
    events: tuple[InviteEvent, ...]
    undated: tuple[int, ...] = ()
    """The numbers of the planned sessions left out, having no day yet."""

    @property
    def only_cancellations(self) -> bool:
        return all(event.cancelled for event in self.events)


def _event(session: Session) -> InviteEvent:
    return InviteEvent(
        uid=session.calendar_uid,
        sequence=session.calendar_sequence,
        programme=session.programme.name,
        number=session.number,
        agenda_title=session.agenda_title,
        meeting=meeting_of(session),
        cancelled=session.cancelled_at is not None,
        items=tuple(InviteItem(i.title, i.planned_seconds, i.confidential) for i in session.items),
    )


def _not_started() -> ColumnElement[bool]:
    return (Session.finished_at.is_(None)) & ~exists().where(TimerEvent.session_id == Session.id)


def session_invitation(db: DbSession, session_id: int) -> Invitation:
    """The invitation to one session planned ahead, or its cancellation."""
    session = session_row(db, session_id)
    started = db.scalar(select(~_not_started()).where(Session.id == session_id))
    if started:
        raise InputError(
            f"Session {session.number} has started: an invitation is for a session still to meet."
        )
    if session.planned_for is None:
        raise InputError(
            f"Session {session.number} has no day yet: plan it first "
            f"(facilitator session plan {session.programme.slug}/{session.number} --date …)."
        )
    return Invitation(session.programme.slug, (_event(session),))


def programme_invitation(db: DbSession, name_or_slug: str) -> Invitation:
    """One invitation to every session of the programme still to meet, its cancelled ones
    as cancellations; sessions without a day yet are left out, and named."""
    programme = programme_named(db, name_or_slug)
    sessions = db.scalars(
        select(Session)
        .where(Session.programme_id == programme.id, _not_started())
        .order_by(Session.number)
    ).all()
    dated = tuple(_event(s) for s in sessions if s.planned_for is not None)
    undated = tuple(s.number for s in sessions if s.planned_for is None)
    if not dated:
        raise InputError(
            f"{programme.name!r} has no session planned on a day yet: "
            "plan one first (facilitator session plan PROGRAMME/N --date …)."
        )
    return Invitation(programme.slug, dated, undated)
