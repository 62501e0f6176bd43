"""A programme's members, who came to each session, and the interests they declared."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.db_types import utcnow
from sessions.domain.approval import refuse_if_approved
from sessions.domain.interests import interest_of_member, register_interest
from sessions.domain.lookup import member_of_programme, session_row, unfinished_session_row
from sessions.errors import InputError, NotFoundError
from sessions.models import (
    AgendaItem,
    Attendance,
    Declaration,
    Member,
    Programme,
)
from sessions.views import AttendanceView, DeclarationView, MemberView
from sessions.vocabulary import AttendanceStatus, Handling, OrganisationKind

MAX_FIELD = 255
MAX_EMAIL = 254
"""The longest address mail can carry (RFC 5321's path, less its brackets)."""


def member_view(member: Member) -> MemberView:
    return MemberView(
        id=member.id,
        name=member.name,
        organisation=member.organisation,
        organisation_kind=member.organisation_kind,
        role=member.role,
        email=member.email,
    )


def _field(value: str, what: str, required: bool = False) -> str:
    value = " ".join(value.split())
    if required and not value:
        raise InputError(f"A member needs a {what}.")
    if len(value) > MAX_FIELD:
        raise InputError(f"A member's {what} can be at most {MAX_FIELD} characters.")
    return value


def _kind(kind: str) -> str:
    kind = " ".join(kind.split()).lower()
    if kind not in tuple(OrganisationKind):
        raise InputError(f"An organisation is one of: {', '.join(OrganisationKind)}.")
    return kind


def _declaration_view(declaration: Declaration) -> DeclarationView:
    item = declaration.left_room_item
    return DeclarationView(
        id=declaration.id,
        member=member_view(declaration.member),
        interest=declaration.interest,
        left_room_position=item.position if item else None,
        left_room_item=item.title if item else "",
        kind=declaration.kind,
        handling=declaration.handling,
    )


def enrol_member(
    db: DbSession,
    programme_id: int,
    name: str,
    organisation: str,
    organisation_kind: str,
    role: str,
) -> MemberView:
    """A new member of the programme; names are unique within it, ignoring case."""
    member = Member(
        programme_id=programme_id,
        name=_field(name, "name", required=True),
        organisation=_field(organisation, "organisation"),
        organisation_kind=_kind(organisation_kind),
        role=_field(role, "role"),
    )
    if db.get(Programme, programme_id) is None:
        raise NotFoundError("That programme no longer exists.")
    names = db.scalars(select(Member.name).where(Member.programme_id == programme_id))
    if member.name.casefold() in {name.casefold() for name in names}:
        raise InputError(f"{member.name!r} is already a member of this programme.")
    db.add(member)
    db.flush()
    return member_view(member)


def email_address(value: str) -> str:
    """The address as typed, checked to be one mail can go to; "" for none."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    value = value.strip()
    if not value:
        return ""
    problem = f"{value!r} is not an e-mail address like asha.patel@nhs.net."
    if len(value) > MAX_EMAIL:
        raise InputError(f"An e-mail address can be at most {MAX_EMAIL} characters.")
    try:
        address = Address(addr_spec=value)
    except (ValueError, IndexError, HeaderParseError):
        raise InputError(problem) from None
    # A domain without a dot (`localhost`) is no address a colleague can be sent to.
    if "." not in address.domain.strip("."):
        raise InputError(problem)
    return address.addr_spec


def set_email(db: DbSession, member_id: int, email: str) -> MemberView:
    """Give the member an e-mail address, or with "" take it off."""
    member = db.get(Member, member_id)
    if member is None:
        raise NotFoundError("That member no longer exists.")
    member.email = email_address(email)
    return member_view(member)


def current_members(db: DbSession, programme_id: int) -> list[MemberView]:
    """Current members, by name."""
    members = db.scalars(
        select(Member)
        .where(Member.programme_id == programme_id, Member.archived_at.is_(None))
        .order_by(Member.name)
    )
    return [member_view(member) for member in members]


def archive_member_row(db: DbSession, member_id: int, now: datetime | None) -> None:
    """Someone who has left the partnership: off the lists, still in past minutes."""
    member = db.get(Member, member_id)
    if member is None:
        raise NotFoundError("That member no longer exists.")
    member.archived_at = now or utcnow()


def session_attendance(db: DbSession, session_id: int) -> list[AttendanceView]:
    """Every current member with their status for the session ('absent' until marked)."""
    session = session_row(db, session_id)
    marked = {
        row.member_id: row
        for row in db.scalars(select(Attendance).where(Attendance.session_id == session_id))
    }
    members = db.scalars(
        select(Member).where(Member.programme_id == session.programme_id).order_by(Member.name)
    )
    return [
        AttendanceView(
            member_view(member),
            marked[member.id].status if member.id in marked else AttendanceStatus.ABSENT,
        )
        for member in members
        # Someone archived since still shows where they were marked.
        if member.archived_at is None or member.id in marked
    ]


def mark_attendance(db: DbSession, session_id: int, member_id: int, status: str) -> None:
    # Attendance may be put right after the finish, until the minutes are approved.
    session = refuse_if_approved(db, session_id, "who attended can no longer change")
    member_of_programme(db, member_id, session.programme_id)
    row = db.scalar(
        select(Attendance).where(
            Attendance.session_id == session_id, Attendance.member_id == member_id
        )
    )
    if row is None:
        db.add(Attendance(session_id=session_id, member_id=member_id, status=status))
    else:
        row.status = status


def record_declaration(
    db: DbSession,
    session_id: int,
    member_id: int,
    interest: str,
    left_room_position: int | None,
    now: datetime | None,
    *,
    kind: str = "",
    handling: str | None = None,
    interest_id: int | None = None,
) -> DeclarationView:
    """Record a declared interest and how it was managed: noted, or for the item at
    `left_room_position` the member left the room or took no part in the decision.

    A standing interest from the register (`interest_id`) is declared as the register
    words it; a new one of a named `kind` goes on the register from today.
    """
    session = unfinished_session_row(db, session_id, "declarations can no longer be added")
    member = member_of_programme(db, member_id, session.programme_id)
    if handling is None:
        handling = Handling.NOTED if left_room_position is None else Handling.LEFT_ROOM
    if handling not in tuple(Handling):
        raise InputError(f"An interest is managed as one of: {', '.join(Handling)}.")
    if handling == Handling.NOTED:
        left_room_position = None
    elif left_room_position is None:
        raise InputError("Say which item the member left the room for, or took no decision in.")
    if interest_id is not None:
        standing = interest_of_member(db, interest_id, member)
        interest, kind = standing.description, standing.kind
    elif kind:
        day = (now or utcnow()).date()
        interest_id = register_interest(db, member_id, interest, kind, day, now=now).id
    item_id = None
    if left_room_position is not None:
        item_id = db.scalar(
            select(AgendaItem.id).where(
                AgendaItem.session_id == session_id,
                AgendaItem.position == left_room_position,
            )
        )
        if item_id is None:
            raise NotFoundError(f"There is no item {left_room_position + 1}.")
    declaration = Declaration(
        session_id=session_id,
        member_id=member_id,
        interest=interest.strip(),
        left_room_item_id=item_id,
        created_at=now or utcnow(),
        kind=kind,
        handling=handling,
        interest_id=interest_id,
    )
    db.add(declaration)
    db.flush()
    return _declaration_view(declaration)


def session_declarations(db: DbSession, session_id: int) -> list[DeclarationView]:
    rows = db.scalars(
        select(Declaration)
        .where(Declaration.session_id == session_id, Declaration.deleted_at.is_(None))
        .order_by(Declaration.created_at, Declaration.id)
    )
    return [_declaration_view(row) for row in rows]


def withdraw_declaration_row(db: DbSession, declaration_id: int, now: datetime | None) -> None:
    """A declaration entered by mistake: hidden from the minutes, kept in the database."""
    declaration = db.get(Declaration, declaration_id)
    if declaration is None:
        raise NotFoundError("That declaration no longer exists.")
    refuse_if_approved(db, declaration.session_id, "its declarations can no longer change")
    declaration.deleted_at = now or utcnow()
