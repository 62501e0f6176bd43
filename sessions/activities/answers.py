"""What every activity shares: finding its item, whom to ask, and taking the latest answer back.

Answers are rows of `activity_result`, one an entry; a slip is withdrawn
(marked, never removed), so what the room said stays on record.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVarTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from sessions.errors import InputError, NotFoundError
from sessions.models import ActivityResult, AgendaItem, Attendance, Member, Session
from sessions.vocabulary import AttendanceStatus, ItemKind

Columns = TypeVarTuple("Columns")


def activity_item(db: DbSession, session_id: int, position: int, kind: ItemKind) -> AgendaItem:
    item = db.scalar(
        select(AgendaItem).where(
            AgendaItem.session_id == session_id, AgendaItem.position == position
        )
    )
    if item is None:
        raise NotFoundError(f"Session {session_id} has no item {position + 1}.")
    if item.kind != kind:
        raise InputError(f"This item is not a {kind}.")
    return item


def first_item_position(db: DbSession, session_id: int, kind: ItemKind) -> int | None:
    """Where the session's first item of `kind` stands in its agenda; None without one."""
    return db.scalar(
        select(AgendaItem.position)
        .where(AgendaItem.session_id == session_id, AgendaItem.kind == kind)
        .order_by(AgendaItem.position)
        .limit(1)
    )


def programme_answers(
    query: Select[*Columns], kind: ItemKind, programme_id: int
) -> Select[*Columns]:
    """`query` over the answers still standing in the programme's items of `kind`, with
    Session joined for its number: what every comparison across sessions reads."""
    return (
        query.join(Session, ActivityResult.session_id == Session.id)
        .join(AgendaItem, ActivityResult.agenda_item_id == AgendaItem.id)
        .where(
            AgendaItem.kind == kind,
            Session.programme_id == programme_id,
            ActivityResult.deleted_at.is_(None),
        )
    )


def people_to_ask(db: DbSession, session: Session) -> list[Member]:
    """Those an activity asks one by one: the members marked present, or, before anyone
    is marked, every current member, so the activity never waits on the register."""
    present = db.scalars(
        select(Member)
        .join(Attendance, Attendance.member_id == Member.id)
        .where(Attendance.session_id == session.id, Attendance.status == AttendanceStatus.PRESENT)
        .order_by(Member.name)
    ).all()
    if present:
        return list(present)
    return list(
        db.scalars(
            select(Member)
            .where(Member.programme_id == session.programme_id, Member.archived_at.is_(None))
            .order_by(Member.name)
        )
    )


def listed_people(
    db: DbSession, session: Session, answered: dict[int, str], extra: list[Member] | None = None
) -> list[tuple[int, str]]:
    """(member id, name) of everyone an activity lists, by name: those who answered (`answered`
    maps them to their names), those to ask, and any members added by hand."""
    names = dict(answered)
    for member in [*people_to_ask(db, session), *(extra or ())]:
        names.setdefault(member.id, member.name)
    return sorted(names.items(), key=lambda pair: (pair[1].casefold(), pair[0]))


def withdraw_latest(
    db: DbSession,
    item: AgendaItem,
    subject: str,
    now: datetime,
    member_id: int | None = None,
    *,
    nobodys: bool = False,
) -> ActivityResult | None:
    """Withdraw the latest answer about `subject` on `item` (by `member_id`, if given; or
    with `nobodys`, the latest given by no one in particular); the answer, or None if
    there was none."""
    query = select(ActivityResult).where(
        ActivityResult.agenda_item_id == item.id,
        ActivityResult.subject == subject,
        ActivityResult.deleted_at.is_(None),
    )
    if member_id is not None:
        query = query.where(ActivityResult.member_id == member_id)
    elif nobodys:
        query = query.where(ActivityResult.member_id.is_(None))
    last = db.scalar(query.order_by(ActivityResult.id.desc()).limit(1))
    if last is None:
        return None
    last.deleted_at = now
    return last
