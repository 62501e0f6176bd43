"""What the room sees of the item it is on: the prompt, and the answers so far that it may see."""

from __future__ import annotations

from datetime import date

from sessions.activities.registry import activity_for, room_part
from sessions.store import Store
from sessions.views import ItemView


def room_markdown(store: Store, session_id: int, item: ItemView, today: date) -> str:
    """The Markdown the projector and the mirror show in the prompt's place, from the item's
    activity; an item with none (a discussion), or one its activity cannot show, shows its
    own prompt."""
    if activity_for(item.kind) is None:
        # The mirror asks on every heartbeat: a discussion costs no reading at all.
        return item.prompt
    with store.reading() as db:
        shown = room_part(db, session_id, item.position, item.kind, today)
    return item.prompt if shown is None else shown
