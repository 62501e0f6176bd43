"""Whether anything the room's door counts has changed: one number a session, raised by
the database's own triggers (schema 0035) on each write to the room, its phones, their
answers and questions, the results shown, the current item, and the session finishing.

A commit notice says only that someone committed. The door reads this number first and
counts the phones again only when it has moved, so the facilitator's notes, which touch
none of it, cost the door one statement rather than ten.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.models import RoomTally


def room_tally(db: DbSession, session_id: int) -> int:
    """How many times the session's room has changed; nought before the first change."""
    return db.scalar(select(RoomTally.tally).where(RoomTally.session_id == session_id)) or 0
