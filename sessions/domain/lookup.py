"""Finding a session's row in a unit of work, with the facilitator's message when it can't be."""

from __future__ import annotations

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import Session as DbSession

from sessions.errors import InputError, NotFoundError
from sessions.models import AgendaItem, Member, Session


def session_row(db: DbSession, session_id: int) -> Session:
    session = db.get(Session, session_id)
    if session is None:
        raise _no_session(session_id)
    return session


def unfinished_session_row(db: DbSession, session_id: int, refused: str) -> Session:
    """The session, if it can still change; `refused` says what can no longer happen."""
    session = session_row(db, session_id)
    if session.finished_at is not None:
        raise _finished(refused)
    return session


# Built once: on the path of every Enter, where building the query cost more than running it.
_OPEN_ITEM = (
    select(Session.programme_id, Session.finished_at, AgendaItem.id)
    .outerjoin(
        AgendaItem,
        and_(AgendaItem.session_id == Session.id, AgendaItem.position == bindparam("position")),
    )
    .where(Session.id == bindparam("session_id"))
)


def open_item_ids(db: DbSession, session_id: int, position: int, refused: str) -> tuple[int, int]:
    """(programme id, item id) of an item of a session that can still change, in one read.

    Refuses as `unfinished_session_row` does, and names the item when there is none.
    """
    found = db.execute(_OPEN_ITEM, {"session_id": session_id, "position": position}).one_or_none()
    if found is None:
        raise _no_session(session_id)
    programme_id, finished_at, item_id = found
    if finished_at is not None:
        raise _finished(refused)
    if item_id is None:
        raise NotFoundError(f"Session {session_id} has no item {position + 1}.")
    return programme_id, item_id


def _no_session(session_id: int) -> NotFoundError:
    return NotFoundError(f"There is no session {session_id}.")


def _finished(refused: str) -> InputError:
    return InputError(f"This session has finished; {refused}.")


def member_of_programme(db: DbSession, member_id: int, programme_id: int) -> Member:
    """The member, if they belong to this programme: a note can't name a stranger."""
    member = db.get(Member, member_id)
    if member is None or member.programme_id != programme_id:
        raise NotFoundError("That person is not a member of this programme.")
    return member
