"""The programme's actions across all its sessions: who owes what, by when, and what is late."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session as DbSession

from sessions.domain.action_history import change_action
from sessions.domain.action_log import log_entries
from sessions.domain.note_editing import note_line
from sessions.domain.notes import note_view
from sessions.domain.owners import member_names, settle_owner
from sessions.errors import InputError, NotFoundError
from sessions.models import Action, AgendaItem, Note, NoteRevision
from sessions.names import owner_filter_matches
from sessions.views import ActionView
from sessions.vocabulary import STILL_OPEN, ActionField, ActionRag


def programme_actions(
    db: DbSession, programme_id: int, owner: str, status: str | None, today: date
) -> list[ActionView]:
    """Actions of the programme, soonest due first (undated last); deleted notes left out.

    `owner` matches any part of the owner's name, ignoring case; an open action
    whose due date has passed is marked overdue.
    """
    members = member_names(db, programme_id) if owner.strip() else {}
    # A Result has keys() of its own, so dict() cannot take it directly.
    links: dict[int, int | None] = (
        {
            action_id: member_id
            for action_id, member_id in db.execute(
                select(Action.id, Action.owner_member_id).where(Action.programme_id == programme_id)
            )
        }
        if members
        else {}
    )
    views = [
        ActionView(
            id=entry.action_id,
            note_id=entry.note_id,
            text=entry.text,
            owner=entry.owner,
            due=entry.due,
            status=entry.status,
            session_id=entry.session_id,
            session_number=entry.session_number,
            item_title=entry.item_title,
            raised_at=entry.raised_at,
            overdue=entry.rag == ActionRag.OVERDUE,
            number=entry.number,
            due_as_raised=entry.due_as_raised,
            rag=entry.rag,
            update=entry.update.words if entry.update else "",
            updated_at=entry.update.at if entry.update else None,
        )
        for entry in log_entries(db, programme_id, None, today).values()
        # Folded in Python: SQLite's own case folding stops at ASCII, and neither folds accents.
        if (status is None or entry.status == status)
        and owner_filter_matches(owner, entry.owner, members.get(links.get(entry.action_id) or 0))
    ]
    return sorted(views, key=lambda a: (a.due is None, a.due or date.max, a.raised_at, a.id))


def count_open_actions(db: DbSession, programme_id: int, today: date) -> tuple[int, int]:
    """(open, overdue): `programme_actions` of the open ones, counted by the database."""
    due_passed = and_(Action.due_on.is_not(None), Action.due_on < today)
    # Its note looked up for each open action, by its key. Joined, PostgreSQL read every
    # note of every programme to hash them, for the thousand or so a programme's open
    # actions name: 15-20 ms of a large dashboard's read, three or four times the lookups.
    standing = (
        select(Note.id)
        .where(Note.id == Action.note_id, Note.deleted_at.is_(None))
        .scalar_subquery()
    )
    open_count, overdue = db.execute(
        select(func.count(), func.count().filter(due_passed)).where(
            Action.programme_id == programme_id,
            Action.status.in_(STILL_OPEN),
            standing.is_not(None),
        )
    ).one()
    return open_count, overdue


def _action(db: DbSession, action_id: int) -> Action:
    action = db.get(Action, action_id)
    if action is None or action.note.deleted_at is not None:
        raise NotFoundError("That action no longer exists.")
    return action


def mark_action(db: DbSession, action_id: int, status: str, now: datetime) -> None:
    """Mark an action from the actions list: a change made outside any session."""
    change_action(db, _action(db, action_id), now, None, status=status)


def edit_action(
    db: DbSession,
    action_id: int,
    text: str,
    owner: str,
    due: date | None,
    now: datetime,
) -> list[ActionField]:
    """Change what an action says, who owns it and when it is due; the fields that moved.

    The note that raised it keeps its earlier line as a revision, as an edit in the
    session does, and the action its history; a finished session's minutes keep saying
    what stood when it finished."""
    text, owner = " ".join(text.split()), " ".join(owner.split())
    if not text:
        raise InputError("An action needs words: say what is to be done.")
    action = _action(db, action_id)
    note = action.note
    before = note_line(note_view(note, db.get_one(AgendaItem, note.agenda_item_id).position))
    member_id = action.owner_member_id
    if owner != action.owner:  # the owner typed again is found among the members, as in a note
        owner, member_id = settle_owner(db, action.programme_id, owner, None, ask=False)
    moved = change_action(db, action, now, None, text=text, owner=owner, due=due)
    action.owner_member_id = member_id
    if moved:
        db.add(NoteRevision(note_id=note.id, line=before, replaced_at=now))
        note.edited_at = now
    return moved
