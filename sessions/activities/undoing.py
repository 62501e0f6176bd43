"""Putting an item back exactly as it was before one change an activity key made.

Every kind whose answers are rows (votes, ratings, role marks, private answers) undoes
a change the same way: the answers it added are taken back, and those it took back
stand again. Nothing is removed: a vote undone is kept, marked withdrawn, as a vote
taken back by hand is. A change is undone only while the item still holds what it left.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.activities.answers import activity_item
from sessions.domain.lookup import session_row
from sessions.errors import FacilitatorError
from sessions.models import ActivityResult, Session
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

SHOWN_AT_MOST = 60
"""Characters of an option, statement or action quoted in a change's words; the line
that says it was made or undone is one line."""


class UndoRefusedError(FacilitatorError):
    """A change that can no longer be undone as it was made; the message says why."""


def quoted(text: str) -> str:
    """`“Shared vision”`: what a change was about, on one line and cut short if long."""
    line = " ".join(text.split())
    if len(line) > SHOWN_AT_MOST:
        line = line[: SHOWN_AT_MOST - 1].rstrip() + "…"
    return f"“{line}”"


def refuse(change: ActivityChange, why: str) -> UndoRefusedError:
    return UndoRefusedError(f"Cannot undo {change.said}: {why}.")


def open_session(db: DbSession, change: ActivityChange) -> Session:
    """The change's session, if its changes can still be undone."""
    session = session_row(db, change.session_id)
    if session.finished_at is not None:
        raise UndoRefusedError("This session has finished; its changes can no longer be undone.")
    return session


def undo_answers(db: DbSession, change: ActivityChange, now: datetime) -> None:
    """Take back the answers the change added and bring back those it took back."""
    open_session(db, change)
    if change.position is None:
        raise refuse(change, "it names no item")
    item = activity_item(db, change.session_id, change.position, ItemKind(change.kind))
    rows = {
        row.id: row
        for row in db.scalars(
            select(ActivityResult).where(
                ActivityResult.id.in_((*change.added, *change.withdrawn)),
                ActivityResult.agenda_item_id == item.id,
            )
        )
    }
    if len(rows) != len({*change.added, *change.withdrawn}):
        raise refuse(change, "its answers are not this item's")
    for answer in change.added:
        if rows[answer].deleted_at is not None:
            raise refuse(change, "it has been taken back since")
    for answer in change.withdrawn:
        # Withdrawn at another moment means put back and taken back again since.
        if rows[answer].deleted_at != change.at:
            raise refuse(change, "what it took back has changed since")
    for answer in change.added:
        rows[answer].deleted_at = now
    for answer in change.withdrawn:
        rows[answer].deleted_at = None
