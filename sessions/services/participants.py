"""The room's front door: opening it to phones, letting them in, and their answers.

Every answer from a phone is saved by the same rules as the keyboard's, in the same
unit of work as the checks that let it through: a refused answer writes nothing.
"""

from __future__ import annotations

from datetime import datetime

from sessions.activities import scorecard
from sessions.db_types import utcnow
from sessions.domain import room
from sessions.domain import room_answers as answering
from sessions.domain.room import DeviceView, RoomOpened, RoomRefused, RoomView
from sessions.domain.room_answers import HiddenResults, PhoneAnswered, Revealing, RoomAnswers
from sessions.store import Store
from sessions.views import ActivityChange, ItemView
from sessions.vocabulary import ItemKind

__all__ = [
    "DeviceView",
    "HiddenResults",
    "PhoneAnswered",
    "Revealing",
    "RoomAnswers",
    "RoomOpened",
    "RoomRefused",
    "RoomView",
    "close_room",
    "device_for_token",
    "hidden_results",
    "join_room",
    "list_devices",
    "open_room",
    "rate_from_device",
    "remove_device",
    "room_answers",
    "room_for_session",
    "room_with_code",
    "toggle_reveal",
]


def open_room(
    store: Store,
    session_id: int,
    opened_by: str = "",
    anonymous_allowed: bool = True,
    now: datetime | None = None,
) -> RoomOpened:
    """Open the session to the room's phones, or give its open room a fresh join code."""
    with store.transaction("open the room") as db:
        return room.open_room(db, session_id, opened_by, now or utcnow(), anonymous_allowed)


def close_room(store: Store, session_id: int, now: datetime | None = None) -> bool:
    """Close the session's room: every phone in it stops answering. False if none was open."""
    with store.transaction("close the room") as db:
        return room.close_room(db, session_id, now or utcnow())


def room_for_session(store: Store, session_id: int) -> RoomView | None:
    with store.reading() as db:
        return room.room_for_session(db, session_id)


def room_with_code(store: Store, code: str) -> RoomView | None:
    """The open room a typed code is for; None for a wrong one. Nobody is let in."""
    with store.reading() as db:
        return room.room_with_code(db, code)


def join_room(
    store: Store, code: str, member_id: int | None = None, now: datetime | None = None
) -> tuple[str, DeviceView]:
    """Let a phone in with the room's code, by name or anonymously: the token it keeps
    (given this once, never stored) and who it was let in as."""
    with store.transaction("let the phone in") as db:
        return room.join(db, code, member_id, now or utcnow())


def device_for_token(store: Store, token: str) -> DeviceView | None:
    """Who a phone's token lets in, and to which session; None once it may no longer answer."""
    with store.reading() as db:
        return room.device_for_token(db, token)


def remove_device(
    store: Store, session_id: int, device_id: int, now: datetime | None = None
) -> bool:
    """Turn a phone out of the session's room; False if it was not in it."""
    with store.transaction("turn the phone out") as db:
        return room.remove_device(db, session_id, device_id, now or utcnow())


def list_devices(store: Store, session_id: int) -> list[DeviceView]:
    """The phones that joined the session's open room: who, never what they answered."""
    with store.reading() as db:
        return room.devices_in(db, session_id)


def rate_from_device(
    store: Store,
    token: str,
    agenda_item_id: int,
    index: int,
    score: int,
    now: datetime | None = None,
) -> ActivityChange:
    """A phone's rating of statement `index` of the scorecard the meeting is on.

    Saved as the keyboard saves a rating: by name, it replaces the member's earlier
    rating; anonymous, it is the room's, nobody's, and given once.
    """
    with store.transaction("save the rating") as db:
        device = room.answering_device(db, token)
        item = room.current_item(db, device, agenda_item_id)
        if item.kind != ItemKind.SCORECARD:
            raise RoomRefused("The meeting is not rating a scorecard just now.")
        if device.member_id is None:
            _, statement = scorecard.statement_of(scorecard.with_statements(item), index)
            room.answer_once(db, device, item.id, statement)
        return scorecard.add_rating(
            db, device.session_id, item.position, index, score, now or utcnow(), device.member_id
        )


def room_answers(store: Store, session_id: int) -> RoomAnswers:
    """Which of the room's phones have answered the item the meeting is on: whether, never what."""
    with store.reading() as db:
        return answering.room_answers(db, session_id)


def hidden_results(store: Store, session_id: int, item: ItemView) -> HiddenResults | None:
    """How many phones have answered, where the room may not yet see the item's running
    results; None where it may see them."""
    if item.kind not in answering.RESULTS_KINDS:
        return None  # the mirror asks on every change: most items cost no reading at all
    with store.reading() as db:
        return answering.hidden_results(db, session_id, item.id, item.kind)


def toggle_reveal(
    store: Store, session_id: int, position: int, now: datetime | None = None
) -> Revealing:
    """Show the room the running results of the item at `position`, or hide them again."""
    with store.transaction("show the room the results") as db:
        return answering.toggle_reveal(db, session_id, position, now or utcnow())
