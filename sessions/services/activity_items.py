"""What every activity shares: finding its item, and taking the latest answer back.

Answers are rows of `activity_result`, one an entry; a slip is withdrawn
(marked, never removed), so what the room said stays on record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.db_types import utcnow
from sessions.errors import InputError, NotFoundError
from sessions.models import ActivityResult, AgendaItem
from sessions.services.lookup import unfinished_session_row
from sessions.store import Store


def activity_item(db: DbSession, session_id: int, position: int, kind: str) -> AgendaItem:
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


def withdraw_last(
    store: Store,
    session_id: int,
    position: int,
    kind: str,
    subject: str,
    now: datetime | None = None,
) -> int | None:
    """Withdraw the latest answer about `subject`; its score, or None if there was none."""
    with store.transaction("take the answer back") as db:
        unfinished_session_row(db, session_id, f"its {kind} can no longer change")
        item = activity_item(db, session_id, position, kind)
        last = db.scalar(
            select(ActivityResult)
            .where(ActivityResult.agenda_item_id == item.id, ActivityResult.subject == subject,
                   ActivityResult.deleted_at.is_(None))
            .order_by(ActivityResult.id.desc())
            .limit(1)
        )
        if last is None:
            return None
        last.deleted_at = now or utcnow()
        return last.score
