"""The front door to the room's tally: whether the room's door has anything new to count."""

from __future__ import annotations

from sessions.domain import room_tally as tally
from sessions.store import Store

__all__ = ["room_tally"]


def room_tally(store: Store, session_id: int) -> int:
    """A number that moves on each change to what the room's door counts, and on nothing
    else: the same number twice means nothing it counts has changed in between."""
    with store.reading() as db:
        return tally.room_tally(db, session_id)
