"""The reflection's front door: private answers given and taken back, and what the minutes show."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import reflection
from sessions.activities.answers import activity_item
from sessions.activities.reflection import ReflectionAnswer, Reflections
from sessions.db_types import utcnow
from sessions.domain.lookup import session_row
from sessions.store import Store
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

__all__ = [
    "ReflectionAnswer",
    "Reflections",
    "answer",
    "reflections",
    "session_sharing",
    "set_in_minutes",
    "share_all",
    "withdraw",
]


def answer(
    store: Store,
    session_id: int,
    position: int,
    member_id: int | None,
    text: str,
    now: datetime | None = None,
) -> ActivityChange:
    """Save a person's answer; one from someone unnamed is added beside the others."""
    with store.transaction("save the answer") as db:
        return reflection.add_answer(db, session_id, position, member_id, text, now or utcnow())


def withdraw(
    store: Store,
    session_id: int,
    position: int,
    member_id: int | None,
    now: datetime | None = None,
) -> ActivityChange | None:
    """Take back the person's answer (kept, marked withdrawn); None if there was none."""
    with store.transaction("take the answer back") as db:
        return reflection.withdraw_answer(db, session_id, position, member_id, now or utcnow())


def set_in_minutes(store: Store, session_id: int, position: int, shown: bool) -> None:
    """Whether the item's answers go in the minutes: the facilitator's call, even after the end,
    since it changes what is shared, not what was said."""
    with store.transaction("change what the minutes show") as db:
        activity_item(db, session_id, position, ItemKind.REFLECTION).answers_in_minutes = shown


def session_sharing(store: Store, session_id: int) -> bool | None:
    """Whether the session's reflections are all in the minutes; None if it has none."""
    with store.reading() as db:
        return reflection.sharing(db, session_row(db, session_id))


def share_all(store: Store, session_id: int, shown: bool) -> None:
    """Put every reflection of the session in the minutes, or keep them all out."""
    with store.transaction("change what the minutes show") as db:
        for item in reflection.reflection_items(db, session_row(db, session_id)):
            item.answers_in_minutes = shown


def reflections(store: Store, session_id: int, position: int) -> Reflections:
    with store.reading() as db:
        session = session_row(db, session_id)
        item = activity_item(db, session_id, position, ItemKind.REFLECTION)
        return reflection.reflections_for(db, session, item)
