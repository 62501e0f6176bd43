"""The programme's actions across all its sessions: who owes what, by when, and what is late."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session as DbSession

from sessions.errors import InputError, NotFoundError
from sessions.models import Action, AgendaItem, Note, Session
from sessions.store import Store
from sessions.views import ActionView
from sessions.vocabulary import ActionStatus


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
        query = (
            select(Action, Note, Session.number, AgendaItem.title)
            .join(Note, Action.note_id == Note.id)
            .join(Session, Note.session_id == Session.id)
            .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
            .where(Action.programme_id == programme_id, Note.deleted_at.is_(None))
        )
        if status is not None:
            query = query.where(Action.status == status)
        wanted = owner.strip().casefold()
        views = [
            ActionView(
                id=action.id,
                note_id=note.id,
                text=note.text,
                owner=action.owner,
                due=action.due_on,
                status=action.status,
                session_id=note.session_id,
                session_number=number,
                item_title=title,
                raised_at=note.created_at,
                overdue=action.status == ActionStatus.OPEN
                and action.due_on is not None
                and action.due_on < today,
            )
            for action, note, number, title in db.execute(query)
            # casefold in Python: SQLite's own case folding stops at ASCII.
            if wanted in action.owner.casefold()
        ]
    return sorted(views, key=lambda a: (a.due is None, a.due or date.max, a.raised_at, a.id))


def count_open_actions(db: DbSession, programme_id: int, today: date) -> tuple[int, int]:
    """(open, overdue): `list_actions(status="open")` counted by the database, not listed."""
    due_passed = and_(Action.due_on.is_not(None), Action.due_on < today)
    open_count, overdue = db.execute(
        select(func.count(), func.count().filter(due_passed))
        .join(Note, Action.note_id == Note.id)
        .where(
            Action.programme_id == programme_id,
            Action.status == ActionStatus.OPEN,
            Note.deleted_at.is_(None),
        )
    ).one()
    return open_count, overdue


def set_action_status(store: Store, action_id: int, status: str) -> None:
    """Mark an action done, dropped, or open again; nothing is ever removed."""
    if status not in tuple(ActionStatus):
        raise InputError(f"An action is one of: {', '.join(ActionStatus)}.")
    with store.transaction("update the action") as db:
        action = db.get(Action, action_id)
        if action is None:
            raise NotFoundError("That action no longer exists.")
        action.status = status
