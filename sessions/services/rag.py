"""The RAG item's front door: areas rated and taken back, next steps raised, and the areas as
they stand."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import rag
from sessions.activities.rag import RATINGS, AreaRating
from sessions.db_types import utcnow
from sessions.store import Store
from sessions.views import ActivityChange

__all__ = ["RATINGS", "AreaRating", "next_step", "rag_results", "rate_area", "withdraw_rating"]


def rate_area(
    store: Store,
    session_id: int,
    position: int,
    index: int,
    score: int,
    now: datetime | None = None,
) -> ActivityChange:
    """Rate area `index` (counting from 0) red (1), amber (2) or green (3), in place of the
    rating it had."""
    with store.transaction("save the rating") as db:
        return rag.set_rating(db, session_id, position, index, score, now or utcnow())


def withdraw_rating(
    store: Store, session_id: int, position: int, index: int, now: datetime | None = None
) -> ActivityChange | None:
    """Take back the area's rating (kept, marked withdrawn); None if it has none."""
    with store.transaction("take the rating back") as db:
        return rag.withdraw_rating(db, session_id, position, index, now or utcnow())


def next_step(
    store: Store,
    session_id: int,
    position: int,
    index: int,
    member_id: int,
    text: str,
    now: datetime | None = None,
) -> ActivityChange:
    """Raise the area's next step as an action of the item, owned by the member."""
    with store.transaction("save the next step") as db:
        return rag.add_next_step(db, session_id, position, index, member_id, text, now or utcnow())


def rag_results(store: Store, session_id: int, position: int) -> list[AreaRating]:
    """Every area of the item with its rating, owners and next steps."""
    with store.reading() as db:
        return rag.results_for(db, rag.rag_item(db, session_id, position))
