"""The programme's actions across all its sessions: listing them and marking them."""

from __future__ import annotations

from datetime import date, datetime

from sessions.domain.actions import edit_action, mark_action, programme_actions
from sessions.errors import InputError
from sessions.store import Store
from sessions.utc import utcnow
from sessions.views import ActionView
from sessions.vocabulary import ActionField, ActionStatus


def list_actions(
    store: Store,
    programme_id: int,
    *,
    owner: str = "",
    status: str | None = None,
    today: date | None = None,
) -> list[ActionView]:
    """Actions of the programme, soonest due first (undated last); deleted notes left out.

    `owner` matches any part of the owner's name, ignoring case; an open action
    whose due date has passed is marked overdue.
    """
    today = today or date.today()
    if status is not None and status not in tuple(ActionStatus):
        raise InputError(f"An action is one of: {', '.join(ActionStatus)}.")
    with store.reading() as db:
        return programme_actions(db, programme_id, owner, status, today)


def set_action_status(
    store: Store, action_id: int, status: str, now: datetime | None = None
) -> None:
    """Mark an action done, dropped, or open again; nothing is ever removed, and the
    change is kept in the action's history."""
    if status not in tuple(ActionStatus):
        raise InputError(f"An action is one of: {', '.join(ActionStatus)}.")
    with store.transaction("update the action") as db:
        mark_action(db, action_id, status, now or utcnow())


def update_action(
    store: Store,
    action_id: int,
    *,
    text: str,
    owner: str,
    due: date | None,
    now: datetime | None = None,
) -> list[ActionField]:
    """Change an action's words, owner and due date; the fields that moved (none: nothing
    to save). Each change is kept, and the minutes of a finished session still say what
    stood when it finished."""
    with store.transaction("update the action") as db:
        return edit_action(db, action_id, text, owner, due, now or utcnow())
