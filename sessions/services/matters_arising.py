"""Matters arising's front door: the actions to review, and what the room made of each."""

from __future__ import annotations

from datetime import date, datetime

from sessions.activities import matters_arising
from sessions.activities.matters_arising import OUTCOME_LABELS, ReviewEntry, due_moved
from sessions.db_types import utcnow
from sessions.domain.lookup import session_row
from sessions.store import Store
from sessions.views import ActivityChange

__all__ = ["OUTCOME_LABELS", "ReviewEntry", "due_moved", "review_action", "review_entries"]


def review_entries(store: Store, session_id: int, today: date | None = None) -> list[ReviewEntry]:
    """The actions for this session to review, soonest due first; reviewed ones stay listed."""
    with store.reading() as db:
        return matters_arising.entries_for(db, session_row(db, session_id), today or date.today())


def review_action(
    store: Store,
    session_id: int,
    action_id: int,
    outcome: str,
    *,
    new_due: date | None = None,
    now: datetime | None = None,
) -> ActivityChange:
    """Record what the room made of an action: done, kept open (maybe with a new date), dropped."""
    with store.transaction("record the review") as db:
        return matters_arising.record_review(
            db, session_id, action_id, outcome, new_due, now or utcnow()
        )
