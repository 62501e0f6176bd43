"""The programme's actions across all its sessions: who owes what, by when, and what is late."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.owners import member_names
from sessions.errors import NotFoundError
from sessions.models import Action, AgendaItem, Note, Session
from sessions.names import owner_filter_matches
from sessions.views import ActionView
from sessions.vocabulary import ActionStatus


def programme_actions(
    db: DbSession, programme_id: int, owner: str, status: str | None, today: date
) -> list[ActionView]:
    """Actions of the programme, soonest due first (undated last); deleted notes left out.

    `owner` matches any part of the owner's name, ignoring case; an open action
    whose due date has passed is marked overdue.
    """
    query = (
        select(Action, Note, Session.number, AgendaItem.title)
        .join(Note, Action.note_id == Note.id)
        .join(Session, Note.session_id == Session.id)
        .join(AgendaItem, Note.agenda_item_id == AgendaItem.id)
        .where(Action.programme_id == programme_id, Note.deleted_at.is_(None))
    )
    if status is not None:
        query = query.where(Action.status == status)
    members = member_names(db, programme_id) if owner.strip() else {}
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
        # Folded in Python: SQLite's own case folding stops at ASCII, and neither folds accents.
        if owner_filter_matches(owner, action.owner, members.get(action.owner_member_id or 0))
    ]
    return sorted(views, key=lambda a: (a.due is None, a.due or date.max, a.raised_at, a.id))


def count_open_actions(db: DbSession, programme_id: int, today: date) -> tuple[int, int]:
    """(open, overdue): `programme_actions` of the open ones, counted by the database."""
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


def mark_action(db: DbSession, action_id: int, status: str) -> None:
    action = db.get(Action, action_id)
    if action is None:
        raise NotFoundError("That action no longer exists.")
    action.status = status
