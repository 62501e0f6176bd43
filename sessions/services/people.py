"""What the screens ask about members, attendance and declarations: the front door to
`sessions.domain.people`, where the rules are."""

from __future__ import annotations

from datetime import datetime

from sessions.domain.lookup import session_row
from sessions.domain.owners import owner_names
from sessions.domain.people import (
    archive_member_row,
    current_members,
    enrol_member,
    mark_attendance,
    record_declaration,
    session_attendance,
    session_declarations,
    set_email,
    withdraw_declaration_row,
)
from sessions.errors import InputError
from sessions.store import Store
from sessions.views import AttendanceView, DeclarationView, MemberView
from sessions.vocabulary import AttendanceStatus, OrganisationKind


def add_member(
    store: Store,
    programme_id: int,
    name: str,
    organisation: str = "",
    organisation_kind: str = OrganisationKind.OTHER,
    role: str = "",
) -> MemberView:
    with store.transaction("add the member") as db:
        return enrol_member(db, programme_id, name, organisation, organisation_kind, role)


def set_member_email(store: Store, member_id: int, email: str) -> MemberView:
    """Give a member the address reminders of their actions are written to ("" for none)."""
    with store.transaction("save the e-mail address") as db:
        return set_email(db, member_id, email)


def session_owner_names(store: Store, session_id: int) -> list[str]:
    """The names an action's `@` can be completed to in the session: its programme's current
    members, then the named guests it has kept."""
    with store.reading() as db:
        return owner_names(db, session_row(db, session_id).programme_id)


def list_members(store: Store, programme_id: int) -> list[MemberView]:
    """Current members, by name."""
    with store.reading() as db:
        return current_members(db, programme_id)


def archive_member(store: Store, member_id: int, now: datetime | None = None) -> None:
    """Someone who has left the partnership: off the lists, still in past minutes."""
    with store.transaction("archive the member") as db:
        archive_member_row(db, member_id, now)


def attendance(store: Store, session_id: int) -> list[AttendanceView]:
    """Every current member with their status for the session ('absent' until marked)."""
    with store.reading() as db:
        return session_attendance(db, session_id)


def set_attendance(store: Store, session_id: int, member_id: int, status: str) -> None:
    if status not in tuple(AttendanceStatus):
        raise InputError(f"Attendance is one of: {', '.join(AttendanceStatus)}.")
    with store.transaction("record attendance") as db:
        mark_attendance(db, session_id, member_id, status)


def add_declaration(
    store: Store,
    session_id: int,
    member_id: int,
    interest: str,
    left_room_position: int | None = None,
    now: datetime | None = None,
    *,
    kind: str = "",
    handling: str | None = None,
    interest_id: int | None = None,
) -> DeclarationView:
    """Record a declared interest and how it was managed (`record_declaration` says how)."""
    if interest_id is None and not interest.strip():
        raise InputError("Say what the interest is: it goes in the minutes as written.")
    with store.transaction("record the declaration") as db:
        return record_declaration(
            db,
            session_id,
            member_id,
            interest,
            left_room_position,
            now,
            kind=kind,
            handling=handling,
            interest_id=interest_id,
        )


def list_declarations(store: Store, session_id: int) -> list[DeclarationView]:
    with store.reading() as db:
        return session_declarations(db, session_id)


def withdraw_declaration(store: Store, declaration_id: int, now: datetime | None = None) -> None:
    """A declaration entered by mistake: hidden from the minutes, kept in the database."""
    with store.transaction("withdraw the declaration") as db:
        withdraw_declaration_row(db, declaration_id, now)
