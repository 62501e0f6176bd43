"""Undoing one change an activity key made: the front door to each kind's own rules."""

from __future__ import annotations

from datetime import datetime

from sessions.activities import registry
from sessions.activities.undoing import UndoRefusedError
from sessions.db_types import utcnow
from sessions.store import Store
from sessions.views import ActivityChange

__all__ = ["UndoRefusedError", "undo_change"]


def undo_change(store: Store, change: ActivityChange, now: datetime | None = None) -> str:
    """Put the item back exactly as it was before `change`; the sentence to show.

    Refused (UndoRefusedError, saying why) once the session has finished, or when the
    item no longer holds what the change left, as when its vote has been taken back since.
    """
    with store.transaction("undo the change") as db:
        registry.undo(db, change, now or utcnow())
    return f"Undone: {change.said}."
