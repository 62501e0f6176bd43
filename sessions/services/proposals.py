"""Fist of five at the keyboard: putting a proposal to the room, counting hands, closing it."""

from __future__ import annotations

from datetime import datetime

from sessions.db_types import utcnow
from sessions.domain import proposals
from sessions.domain.proposals import (
    FINGER_WORDS,
    FINGERS,
    ProposalOutcome,
    ProposalView,
    Spread,
)
from sessions.store import Store

__all__ = [
    "FINGERS",
    "FINGER_WORDS",
    "ProposalOutcome",
    "ProposalView",
    "Spread",
    "close_proposal",
    "count_hands",
    "open_proposal",
    "proposals_of",
    "put_proposal",
]


def put_proposal(
    store: Store, session_id: int, position: int, text: str, now: datetime | None = None
) -> ProposalView:
    """Put a proposal to the room at the item at `position`, for phones to answer."""
    with store.transaction("put the proposal") as db:
        return proposals.put_proposal(db, session_id, position, text, now or utcnow())


def open_proposal(store: Store, session_id: int) -> ProposalView | None:
    with store.reading() as db:
        return proposals.open_proposal(db, session_id)


def proposals_of(store: Store, session_id: int) -> list[ProposalView]:
    with store.reading() as db:
        return proposals.proposals_of(db, session_id)


def count_hands(
    store: Store, session_id: int, fingers: int, now: datetime | None = None
) -> ProposalView:
    """One show of fingers counted in the room at the keyboard, on the open proposal:
    nobody's, as the hands of a room are counted."""
    with store.transaction("count the show of fingers") as db:
        found = proposals.open_proposal(db, session_id)
        if found is None:
            raise proposals.InputError("No proposal is open.")
        return proposals.answer(db, found.id, fingers, None, now or utcnow())


def close_proposal(
    store: Store, session_id: int, outcome: ProposalOutcome, now: datetime | None = None
) -> ProposalView:
    """Close the open proposal with the room's outcome; the minutes keep it as a decision."""
    with store.transaction("close the proposal") as db:
        return proposals.close_proposal(db, session_id, outcome, now or utcnow())
