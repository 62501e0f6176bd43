"""What every activity's front door shares: whom to ask, and taking the latest answer back."""

from __future__ import annotations

from datetime import datetime

from sessions.activities.answers import activity_item, people_to_ask, withdraw_latest
from sessions.db_types import utcnow
from sessions.domain.lookup import session_row, unfinished_session_row
from sessions.store import Store
from sessions.vocabulary import ItemKind


def people_asked(store: Store, session_id: int) -> list[tuple[int, str]]:
    """(member id, name) of those an activity asks in this session, by name."""
    with store.reading() as db:
        return [(m.id, m.name) for m in people_to_ask(db, session_row(db, session_id))]


def withdraw_last(
    store: Store,
    session_id: int,
    position: int,
    kind: ItemKind,
    subject: str,
    now: datetime | None = None,
    member_id: int | None = None,
) -> int | None:
    """Withdraw the latest answer about `subject` (by `member_id`, if given); its score, or
    None if there was none."""
    with store.transaction("take the answer back") as db:
        unfinished_session_row(db, session_id, f"its {kind} can no longer change")
        item = activity_item(db, session_id, position, kind)
        return withdraw_latest(db, item, subject, now or utcnow(), member_id)
