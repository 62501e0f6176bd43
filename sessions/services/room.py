"""What the room sees of the item it is on: the prompt, and the answers so far that it may see."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from sessions.activities.registry import activity_for
from sessions.errors import FacilitatorError
from sessions.models import AgendaItem
from sessions.store import Store
from sessions.views import ItemView


def room_markdown(store: Store, session_id: int, item: ItemView, today: date) -> str:
    """The Markdown the projector and the mirror show in the prompt's place, from the item's
    activity; an item with none (a discussion), or one its activity cannot show, shows its
    own prompt."""
    activity = activity_for(item.kind)
    if activity is None:
        # The mirror asks on every heartbeat: a discussion costs no reading at all.
        return item.prompt
    with store.reading() as db:
        row = db.scalar(
            select(AgendaItem)
            .where(AgendaItem.session_id == session_id, AgendaItem.position == item.position)
            .options(joinedload(AgendaItem.session))
        )
        if row is None or row.kind != item.kind:
            return item.prompt
        try:
            return activity.room_markdown(db, row.session, row, today)
        except FacilitatorError:
            return item.prompt  # the item's own prompt says what the room is doing
