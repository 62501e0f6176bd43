"""The question queue: what phones send to the facilitator, and what the facilitator makes
of it.

A question or comment waits at the item the meeting was on when it was sent. Accepted,
it becomes a note of that item, a question, by whoever sent it where they gave their
name, saved as a typed note is. Set aside, it stays as it was typed. Nothing sent is
ever deleted: it is what a participant wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from sessions.domain.lookup import unfinished_session_row
from sessions.domain.note_editing import set_deleted
from sessions.domain.notes import record_note
from sessions.domain.room import ANONYMOUS, DeviceView, RoomRefused
from sessions.errors import InputError, NotFoundError
from sessions.models import AgendaItem, Room, RoomQuestion
from sessions.note_syntax import parse_note_line
from sessions.views import NoteView
from sessions.vocabulary import NoteKind

QUESTION_MAX = 1000
"""The longest question a phone may send, in characters: a spoken paragraph or two. At
twelve bytes a character once a form encodes it, the longest still fits the room's limit
on what a phone may post."""


class QuestionState(StrEnum):
    WAITING = "waiting"
    ACCEPTED = "accepted"
    SET_ASIDE = "set aside"


@dataclass(frozen=True)
class QuestionView:
    """A question as the facilitator's queue shows it: who sent it, at which item."""

    id: int
    session_id: int
    position: int
    item_title: str
    text: str
    member_id: int | None
    name: str
    """The member's name, or "Anonymous"."""
    asked_at: datetime
    state: str
    note_id: int | None = None


def question_text(typed: str) -> str:
    """The text as kept: line breaks as one character, no space around it; refused when
    empty, too long, or holding a character no database keeps."""
    text = typed.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InputError("Write your question or comment first.")
    if len(text) > QUESTION_MAX:
        raise InputError(f"That is {len(text):,} characters: keep a question to {QUESTION_MAX:,}.")
    if "\x00" in text:
        raise InputError("That text holds a character that cannot be kept.")
    return text


def sender(db: DbSession, device: DeviceView, anonymous: bool) -> int | None:
    """Whose the phone's question is: its member's, or nobody's when it joined anonymously,
    or asks to send without its name where the room lets phones join anonymously."""
    if not anonymous or device.member_id is None:
        return device.member_id
    opened = db.get(Room, device.room_id)
    if opened is None or not opened.anonymous_allowed:
        raise RoomRefused("This room asks for questions by name.")
    return None


def ask(
    db: DbSession,
    session_id: int,
    item: AgendaItem,
    member_id: int | None,
    typed: str,
    now: datetime,
) -> QuestionView:
    """Put a question in the session's queue, at `item`; by `member_id`, or nobody."""
    unfinished_session_row(db, session_id, "it can no longer take questions")
    row = RoomQuestion(
        session_id=session_id,
        agenda_item_id=item.id,
        text=question_text(typed),
        member_id=member_id,
        asked_at=now,
        state=QuestionState.WAITING,
    )
    db.add(row)
    db.flush()
    return _view(row)


def waiting(db: DbSession, session_id: int) -> list[QuestionView]:
    """The session's questions still waiting, in the order they came: newest last."""
    rows = db.scalars(
        select(RoomQuestion)
        .where(RoomQuestion.session_id == session_id, RoomQuestion.state == QuestionState.WAITING)
        .options(selectinload(RoomQuestion.item), selectinload(RoomQuestion.member))
        .order_by(RoomQuestion.asked_at, RoomQuestion.id)
    )
    return [_view(row) for row in rows]


def waiting_count(db: DbSession, session_id: int) -> int:
    return (
        db.scalar(
            select(func.count())
            .select_from(RoomQuestion)
            .where(
                RoomQuestion.session_id == session_id, RoomQuestion.state == QuestionState.WAITING
            )
        )
        or 0
    )


def accept(db: DbSession, session_id: int, question_id: int, now: datetime) -> NoteView:
    """The waiting question made a note of the item it was sent at: a question, by its
    sender where named, read as a typed `q:` line is."""
    row = _waiting_row(db, session_id, question_id)
    # The prefix makes it a question whatever the text starts with ("d: …" stays words).
    parsed = parse_note_line(f"q: {row.text}", NoteKind.DEAL, now.date())
    if parsed is None:  # not reached: a kept question is never blank
        raise InputError("That question is empty.")
    note = record_note(db, session_id, row.item.position, parsed, now, row.member_id)
    row.state = QuestionState.ACCEPTED
    row.decided_at = now
    row.note_id = note.id
    db.flush()
    return note


def set_aside(db: DbSession, session_id: int, question_id: int, now: datetime) -> QuestionView:
    """Take the question out of the queue without a note; it is kept as it was sent."""
    unfinished_session_row(db, session_id, "its questions can no longer change")
    row = _waiting_row(db, session_id, question_id)
    row.state = QuestionState.SET_ASIDE
    row.decided_at = now
    db.flush()
    return _view(row)


def back_to_waiting(
    db: DbSession, session_id: int, question_id: int, now: datetime
) -> QuestionView:
    """Undo accepting or setting aside: the question waits again, and the note it became
    is deleted as a note is (kept, hidden, so its history stays)."""
    unfinished_session_row(db, session_id, "its questions can no longer change")
    row = _row(db, session_id, question_id)
    if row.state == QuestionState.WAITING:
        raise InputError("That question is already waiting.")
    if row.note_id is not None:
        set_deleted(db, row.note_id, now)
    row.state = QuestionState.WAITING
    row.decided_at = None
    row.note_id = None
    db.flush()
    return _view(row)


def _row(db: DbSession, session_id: int, question_id: int) -> RoomQuestion:
    row = db.get(RoomQuestion, question_id)
    if row is None or row.session_id != session_id:
        raise NotFoundError("That question is not one of this session's.")
    return row


def _waiting_row(db: DbSession, session_id: int, question_id: int) -> RoomQuestion:
    row = _row(db, session_id, question_id)
    if row.state != QuestionState.WAITING:
        raise InputError(f"That question was already {row.state}.")
    return row


def _view(row: RoomQuestion) -> QuestionView:
    return QuestionView(
        id=row.id,
        session_id=row.session_id,
        position=row.item.position,
        item_title=row.item.title,
        text=row.text,
        member_id=row.member_id,
        name=row.member.name if row.member is not None else ANONYMOUS,
        asked_at=row.asked_at,
        state=row.state,
        note_id=row.note_id,
    )
