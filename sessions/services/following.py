"""What the mirror asks when no session is named: the front door to `sessions.domain.following`."""

from __future__ import annotations

from sessions.domain.following import latest_session
from sessions.store import Store


def latest_session_id(store: Store) -> int | None:
    """The session touched last: its newest clock event, or its creation if it has none."""
    with store.reading() as db:
        return latest_session(db)
