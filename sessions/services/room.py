"""What the room sees of the item it is on: the prompt, and the answers so far that it may see."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sessions.activities.registry import activity_for
from sessions.domain.lookup import session_row
from sessions.errors import FacilitatorError
from sessions.models import AgendaItem
from sessions.store import Store


def room_markdown(store: Store, session_id: int, position: int, today: date) -> str:
    """The Markdown the projector and the mirror show in the prompt's place, from the item's
    activity; an item with none (a discussion), or one the activity cannot show, shows its
    own prompt."""
    with store.reading() as db:
        session = session_row(db, session_id)
        item = db.scalar(
            select(AgendaItem).where(
                AgendaItem.session_id == session_id, AgendaItem.position == position
            )
        )
        if item is None:
            return ""
        activity = activity_for(item.kind)
        if activity is None:
            return item.prompt
        try:
            return activity.room_markdown(db, session, item, today)
        except FacilitatorError:
            return item.prompt  # the item's own prompt says what the room is doing
