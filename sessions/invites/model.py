"""What a calendar invitation says of each planned session, read from the database."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.calendar import Meeting, meeting_of
from sessions.domain.lookup import session_row
from sessions.domain.people import email_address
from sessions.domain.programmes import programme_named
from sessions.errors import InputError
from sessions.models import Member, Session, TimerEvent


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
class Attendee:
    name: str
    email: str


@dataclass(frozen=True)
class Invitation:
    programme_slug: str
    events: tuple[InviteEvent, ...]
    undated: tuple[int, ...] = ()
    """The numbers of the planned sessions left out, having no day yet."""
    attendees: tuple[Attendee, ...] = ()
    """The programme's current members with an e-mail address, by name."""
    organiser: str = ""
    """The facilitator's own e-mail address, to which replies go; "" for none given."""
    cancelled_left_out: tuple[int, ...] = ()
    """Sessions called off, left out of a meeting request, which cannot carry them."""

    @property
    def only_cancellations(self) -> bool:
        return all(event.cancelled for event in self.events)

    @property
    def requests_replies(self) -> bool:
        """A meeting request (or its cancellation) to named attendees, which needs an
        organiser and at least one attendee (RFC 5546, 3.2.2 and 3.2.5); else a calendar
        entry to copy, naming no one."""
        return bool(self.organiser and self.attendees)

    @property
    def method(self) -> str:
        """CANCEL for cancellations alone, which must name their organiser (RFC 5546,
        3.2.5); without one, PUBLISH, each session saying STATUS:CANCELLED (3.2.1), as the
        entry it replaces was published."""
        if self.only_cancellations and self.organiser:
            return "CANCEL"
        return "REQUEST" if self.requests_replies else "PUBLISH"


def with_organiser(invitation: Invitation, organiser: str) -> Invitation:
    """The invitation sent by `organiser` (checked as an e-mail address). A request cannot
    also call sessions off, so a programme's cancelled sessions are left out of one, to be
    sent on their own."""
    address = email_address(organiser)
    sent = replace(invitation, organiser=address)
    if not sent.requests_replies or sent.only_cancellations:
        return sent
    kept = tuple(event for event in sent.events if not event.cancelled)
    left = tuple(event.number for event in sent.events if event.cancelled)
    return replace(sent, events=kept, cancelled_left_out=left)


def _attendees(db: DbSession, programme_id: int) -> tuple[Attendee, ...]:
    """Who is asked: the programme's current members who have an e-mail address. Those who
    have left are not; nor those with no address, whom the facilitator tells another way."""
    members = db.scalars(
        select(Member)
        .where(
            Member.programme_id == programme_id,
            Member.archived_at.is_(None),
            Member.email != "",
        )
        .order_by(Member.name)
    ).all()
    return tuple(Attendee(member.name, member.email) for member in members)


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
    return Invitation(
        session.programme.slug,
        (_event(session),),
        attendees=_attendees(db, session.programme_id),
    )


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
    return Invitation(programme.slug, dated, undated, attendees=_attendees(db, programme.id))
