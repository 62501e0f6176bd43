"""The question queue's front door: a phone sends a question or comment, and the
facilitator accepts it as a note or sets it aside.

A phone's question goes through the same checks as its answers, in the same unit of
work as the question it saves, so a refused one writes nothing. An accepted question
becomes a note by the same code as a typed one.
"""

from __future__ import annotations

from datetime import datetime

from sessions.db_types import utcnow
from sessions.domain import questions, room
from sessions.domain.questions import QUESTION_MAX, QuestionState, QuestionView
from sessions.store import Store
from sessions.views import NoteView

__all__ = [
    "QUESTION_MAX",
    "QuestionState",
    "QuestionView",
    "accept",
    "ask_from_device",
    "back_to_waiting",
    "set_aside",
    "waiting",
    "waiting_count",
]


def ask_from_device(
    store: Store,
    token: str,
    agenda_item_id: int,
    text: str,
    anonymous: bool = False,
    now: datetime | None = None,
) -> QuestionView:
    """A phone's question or comment, put in the facilitator's queue at the item the
    meeting is on.

    A phone that joined by name sends it by name, or without one where the room lets
    phones join anonymously; an anonymous phone's is nobody's. An anonymous question keeps
    no trace of the phone that sent it.
    """
    with store.transaction("send the question") as db:
        device = room.answering_device(db, token)
        item = room.current_item(db, device, agenda_item_id)
        member_id = questions.sender(db, device, anonymous)
        return questions.ask(db, device.session_id, item, member_id, text, now or utcnow())


def waiting(store: Store, session_id: int) -> list[QuestionView]:
    """The questions waiting for the facilitator, oldest first."""
    with store.reading() as db:
        return questions.waiting(db, session_id)


def waiting_count(store: Store, session_id: int) -> int:
    with store.reading() as db:
        return questions.waiting_count(db, session_id)


def accept(
    store: Store, session_id: int, question_id: int, now: datetime | None = None
) -> NoteView:
    """Make the question a note of the item it was sent at: a question, by its sender
    where they gave their name."""
    with store.transaction("accept the question") as db:
        return questions.accept(db, session_id, question_id, now or utcnow())


def set_aside(
    store: Store, session_id: int, question_id: int, now: datetime | None = None
) -> QuestionView:
    """Take the question out of the queue with no note; it is kept as it was sent."""
    with store.transaction("set the question aside") as db:
        return questions.set_aside(db, session_id, question_id, now or utcnow())


def back_to_waiting(
    store: Store, session_id: int, question_id: int, now: datetime | None = None
) -> QuestionView:
    """Undo accepting or setting a question aside: it waits again, and its note is deleted."""
    with store.transaction("put the question back") as db:
        return questions.back_to_waiting(db, session_id, question_id, now or utcnow())
