"""What the mirror asks when no session is named: the front door to `sessions.domain.following`."""

from __future__ import annotations

from datetime import datetime

from sessions.domain.following import followed_session
from sessions.store import Store


def latest_session_id(store: Store, now: datetime) -> int | None:
    """The session a driver has open now (clock started or not), else the one touched last:
    its newest clock event, or its creation if it has none."""
    with store.reading() as db:
        return followed_session(db, now)
