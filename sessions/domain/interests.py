"""The register of members' standing interests: kept on the programme, offered at each meeting.

An interest lasts from its start to its end date; one ended stays on the register
(the minutes of the meetings it was declared at still name it), and one entered by
mistake is withdrawn, never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.db_types import utcnow
from sessions.errors import InputError, NotFoundError
from sessions.models import Interest, Member
from sessions.vocabulary import InterestKind

KIND_WORDS = {
    InterestKind.FINANCIAL: "Financial",
    InterestKind.PROFESSIONAL: "Non-financial professional",
    InterestKind.PERSONAL: "Non-financial personal",
    InterestKind.INDIRECT: "Indirect",
}


@dataclass(frozen=True)
class InterestView:
    id: int
    member_id: int
    description: str
    kind: str
    from_on: date | None
    to_on: date | None

    def current_on(self, day: date) -> bool:
        return (self.from_on is None or self.from_on <= day) and (
            self.to_on is None or day <= self.to_on
        )


def _view(row: Interest) -> InterestView:
    return InterestView(row.id, row.member_id, row.description, row.kind, row.from_on, row.to_on)


def member_interests(db: DbSession, member_id: int) -> list[InterestView]:
    """The member's interests on the register, current and ended, in the order declared."""
    rows = db.scalars(
        select(Interest)
        .where(Interest.member_id == member_id, Interest.deleted_at.is_(None))
        .order_by(Interest.created_at, Interest.id)
    )
    return [_view(row) for row in rows]


def register_interest(
    db: DbSession,
    member_id: int,
    description: str,
    kind: str,
    from_on: date | None,
    to_on: date | None = None,
    now: datetime | None = None,
) -> InterestView:
    if db.get(Member, member_id) is None:
        raise NotFoundError("That member no longer exists.")
    description = " ".join(description.split())
    if not description:
        raise InputError("Say what the interest is: the register keeps it as written.")
    if kind not in tuple(InterestKind):
        raise InputError(f"An interest is one of: {', '.join(InterestKind)}.")
    if from_on is not None and to_on is not None and to_on < from_on:
        raise InputError("An interest cannot end before it starts.")
    row = Interest(
        member_id=member_id,
        description=description,
        kind=kind,
        from_on=from_on,
        to_on=to_on,
        created_at=now or utcnow(),
    )
    db.add(row)
    db.flush()
    return _view(row)


def interest_row(db: DbSession, interest_id: int) -> Interest:
    row = db.get(Interest, interest_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError("That interest is no longer on the register.")
    return row


def end_interest(db: DbSession, interest_id: int, on: date) -> InterestView:
    """The interest ended on `on`: it stays on the register, no longer offered after it."""
    row = interest_row(db, interest_id)
    if row.from_on is not None and on < row.from_on:
        raise InputError("An interest cannot end before it starts.")
    row.to_on = on
    return _view(row)


def withdraw_interest(db: DbSession, interest_id: int, now: datetime | None = None) -> None:
    """Entered by mistake: off the register, kept in the database."""
    interest_row(db, interest_id).deleted_at = now or utcnow()


def interest_of_member(db: DbSession, interest_id: int, member: Member) -> Interest:
    row = interest_row(db, interest_id)
    if row.member_id != member.id:
        raise InputError(f"That interest is not {member.name}'s.")
    return row
