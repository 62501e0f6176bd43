"""What every activity's front door shares: whom to ask."""

from __future__ import annotations

from sessions.activities.answers import people_to_ask
from sessions.domain.lookup import session_row
from sessions.store import Store


def people_asked(store: Store, session_id: int) -> list[tuple[int, str]]:
    """(member id, name) of those an activity asks in this session, by name."""
    with store.reading() as db:
        return [(m.id, m.name) for m in people_to_ask(db, session_row(db, session_id))]
