"""What the room may see while phones answer: who has answered the item, never what,
and whether the facilitator has shown the room its running results."""

from __future__ import annotations

from datetime import datetime

from sessions.db_types import utcnow
from sessions.domain import room_answers as answering
from sessions.domain.room_answers import HiddenResults, PhoneAnswered, Revealing, RoomAnswers
from sessions.store import Store
from sessions.views import ItemView

__all__ = [
    "HiddenResults",
    "PhoneAnswered",
    "Revealing",
    "RoomAnswers",
    "hidden_results",
    "room_answers",
    "toggle_reveal",
]


def room_answers(store: Store, session_id: int) -> RoomAnswers:
    """Which of the room's phones have answered the item the meeting is on: whether, never what."""
    with store.reading() as db:
        return answering.room_answers(db, session_id)


def hidden_results(store: Store, session_id: int, item: ItemView) -> HiddenResults | None:
    """How many phones have answered, where the room may not yet see the item's running
    results; None where it may see them."""
    if item.kind not in answering.RESULTS_KINDS:
        return None  # the mirror asks on every change: most items cost no reading at all
    with store.reading() as db:
        return answering.hidden_results(db, session_id, item.id, item.kind)


def toggle_reveal(
    store: Store, session_id: int, position: int, now: datetime | None = None
) -> Revealing:
    """Show the room the running results of the item at `position`, or hide them again."""
    with store.transaction("show the room the results") as db:
        return answering.toggle_reveal(db, session_id, position, now or utcnow())
