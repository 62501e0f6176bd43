"""The room's front door: opening it to phones, letting them in, turning them out.

What phones answer goes through `phone_answers`; what the room may see of it, through
`room_reveal`.
"""

from __future__ import annotations

from datetime import datetime

from sessions.db_types import utcnow
from sessions.domain import room
from sessions.domain.room import DeviceView, RoomOpened, RoomRefused, RoomView
from sessions.store import Store

__all__ = [
    "DeviceView",
    "RoomOpened",
    "RoomRefused",
    "RoomView",
    "close_room",
    "device_for_token",
    "join_room",
    "list_devices",
    "open_room",
    "remove_device",
    "room_for_session",
    "room_opened_with",
    "room_with_code",
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


def close_room(
    store: Store, session_id: int, now: datetime | None = None, *, code: str | None = None
) -> bool:
    """Close the session's room: every phone in it stops answering. False if none was open,
    or, given the code it was opened with, if it has since been opened again with another."""
    with store.transaction("close the room") as db:
        return room.close_room(db, session_id, now or utcnow(), code)


def room_opened_with(store: Store, session_id: int, code: str) -> bool:
    """Whether the session's room is still open with this code: not closed, its session
    unfinished, and not opened again elsewhere with a fresh code."""
    with store.reading() as db:
        return room.opened_with(db, session_id, code)


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
