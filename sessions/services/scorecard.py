"""The scorecard's front door: ratings given and taken back, and the statements as they stand."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import scorecard
from sessions.activities.scorecard import StatementResult
from sessions.activities.scorecard_trends import (
    AreaTrend,
    StatementTrend,
    area_trends,
    statement_trends,
)
from sessions.db_types import utcnow
from sessions.domain.lookup import session_row
from sessions.store import Store
from sessions.views import ActivityChange

__all__ = [
    "AreaTrend",
    "StatementResult",
    "StatementTrend",
    "area_trends",
    "rate",
    "scorecard_results",
    "statement_trends",
    "withdraw_last",
]


def rate(
    store: Store,
    session_id: int,
    position: int,
    index: int,
    score: int,
    now: datetime | None = None,
    member_id: int | None = None,
) -> ActivityChange:
    """Add one rating of statement `index` (counting from 0) of the scorecard at `position`;
    a named member's replaces their earlier rating of the same statement."""
    with store.transaction("save the rating") as db:
        return scorecard.add_rating(
            db, session_id, position, index, score, now or utcnow(), member_id
        )


def withdraw_last(
    store: Store,
    session_id: int,
    position: int,
    index: int,
    now: datetime | None = None,
    member_id: int | None = None,
) -> ActivityChange | None:
    """Take back the statement's latest rating (the member's, if given), kept but marked
    withdrawn; None if it has none."""
    with store.transaction("take the answer back") as db:
        return scorecard.withdraw_rating(
            db, session_id, position, index, now or utcnow(), member_id
        )


def scorecard_results(store: Store, session_id: int, position: int) -> list[StatementResult]:
    """Every statement of the scorecard with its ratings and the change since last time."""
    with store.reading() as db:
        session = session_row(db, session_id)
        item = scorecard.scorecard_item(db, session_id, position)
        return scorecard.results_for(db, session, item)
