"""Finding a session's row inside a unit of work, with the facilitator's message when it can't be."""

from __future__ import annotations

from sqlalchemy.orm import Session as DbSession

from sessions.errors import InputError, NotFoundError
from sessions.models import Member, Session


def session_row(db: DbSession, session_id: int) -> Session:
    session = db.get(Session, session_id)
    if session is None:
        raise NotFoundError(f"There is no session {session_id}.")
    return session


def unfinished_session_row(db: DbSession, session_id: int, refused: str) -> Session:
    """The session, if it can still change; `refused` says what can no longer happen."""
    session = session_row(db, session_id)
    if session.finished_at is not None:
        raise InputError(f"This session has finished; {refused}.")
    return session


def member_of_programme(db: DbSession, member_id: int, programme_id: int) -> Member:
    """The member, if they belong to this programme: a note can't name a stranger."""
    member = db.get(Member, member_id)
    if member is None or member.programme_id != programme_id:
        raise NotFoundError("That person is not a member of this programme.")
    return member
