"""The register of interests as a session's papers give it, for members to check: every
current member, with the interests on the register on the meeting's day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.interests import KIND_WORDS
from sessions.minutes.wording import short_date
from sessions.models import Interest, Member
from sessions.vocabulary import InterestKind


@dataclass(frozen=True)
class PackInterest:
    kind: str
    description: str
    from_on: date | None
    to_on: date | None

    @property
    def since(self) -> str:
        """'from 1 Apr 2026', 'until …', both, or "" where no date was given."""
        parts = []
        if self.from_on:
            parts.append(f"from {short_date(self.from_on)}")
        if self.to_on:
            parts.append(f"until {short_date(self.to_on)}")
        return " ".join(parts)


@dataclass(frozen=True)
class PackMember:
    name: str
    organisation: str
    role: str
    interests: list[PackInterest]


def register_on(db: DbSession, programme_id: int, day: date) -> list[PackMember]:
    """Every current member, with the interests on the register on the meeting's day."""
    members = db.scalars(
        select(Member)
        .where(Member.programme_id == programme_id, Member.archived_at.is_(None))
        .order_by(Member.name)
    ).all()
    interests: dict[int, list[PackInterest]] = {}
    rows = db.scalars(
        select(Interest)
        .join(Member, Interest.member_id == Member.id)
        .where(Member.programme_id == programme_id, Interest.deleted_at.is_(None))
        .order_by(Interest.created_at, Interest.id)
    )
    for row in rows:
        if (row.from_on is None or row.from_on <= day) and (row.to_on is None or day <= row.to_on):
            interests.setdefault(row.member_id, []).append(
                PackInterest(
                    KIND_WORDS.get(cast(InterestKind, row.kind), row.kind),
                    row.description,
                    row.from_on,
                    row.to_on,
                )
            )
    ordered = sorted(members, key=lambda member: member.name.casefold())
    return [PackMember(m.name, m.organisation, m.role, interests.get(m.id, [])) for m in ordered]
