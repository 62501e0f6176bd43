"""The checklist's front door: votes added and taken back, and the options as they stand."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import checklist
from sessions.activities.answers import activity_item
from sessions.activities.checklist import (
    MAX_VOTES_AT_ONCE,
    OptionResult,
    OptionTrend,
    option_trends,
    ranked,
)
from sessions.db_types import utcnow
from sessions.store import Store
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

__all__ = [
    "MAX_VOTES_AT_ONCE",
    "OptionResult",
    "OptionTrend",
    "checklist_results",
    "option_trends",
    "ranked",
    "vote",
    "withdraw_last",
]


def vote(
    store: Store,
    session_id: int,
    position: int,
    index: int,
    count: int = 1,
    now: datetime | None = None,
) -> ActivityChange:
    """Add `count` votes for option `index` (counting from 0) of the checklist at `position`."""
    with store.transaction("save the votes") as db:
        return checklist.add_votes(db, session_id, position, index, count, now or utcnow())


def withdraw_last(
    store: Store, session_id: int, position: int, index: int, now: datetime | None = None
) -> ActivityChange | None:
    """Take back the option's latest counted entry (kept, marked withdrawn): never a
    member's own dots from their phone; None if it has none."""
    with store.transaction("take the answer back") as db:
        return checklist.withdraw_votes(db, session_id, position, index, now or utcnow())


def checklist_results(store: Store, session_id: int, position: int) -> list[OptionResult]:
    """Every option in the agenda's order, with its votes and rank."""
    with store.reading() as db:
        item = activity_item(db, session_id, position, ItemKind.CHECKLIST)
        return checklist.results_for(db, item)
