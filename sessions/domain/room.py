"""The room's door: a session opened to phones, a join code, and the devices let in.

Only hashes are kept. The join code is shown to the room once, on the facilitator's
screen; a device's token is handed to it once, as it joins. A device is let in only
while its room is open, its session not finished and the facilitator has not removed
it: nothing else grants or keeps access.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import replay
from sessions.domain.lookup import unfinished_session_row
from sessions.errors import FacilitatorError
from sessions.models import AgendaItem, Member, Room, RoomAnswered, RoomDevice, Session
from sessions.timer_log import load_events
from sessions.write_lock import wait_for_the_write_lock

# Crockford's base32: no I, L, O or U, so nothing read off a projector is mistaken.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 40 bits: far beyond guessing in a meeting's life, with attempts limited
# What a phone's keyboard may type for a letter the alphabet leaves out.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})
TOKEN_BYTES = 32

NO_ROOM = "There is no open room with that code."
ANONYMOUS = "Anonymous"


class RoomRefused(FacilitatorError):
    """A phone asked for something the room does not allow; nothing was written."""


@dataclass(frozen=True)
class RoomOpened:
    """An open room, with its join code: the one moment the code is known."""

    room_id: int
    session_id: int
    code: str
    opened_at: datetime

    @property
    def shown_code(self) -> str:
        """The code as the room reads it, in two groups of four."""
        return f"{self.code[:4]}-{self.code[4:]}"


@dataclass(frozen=True)
class RoomView:
    room_id: int
    session_id: int
    anonymous_allowed: bool
    opened_by: str
    opened_at: datetime


@dataclass(frozen=True)
class DeviceView:
    """A device let in: whose it is (None for anonymous), and the session it answers in."""

    device_id: int
    room_id: int
    session_id: int
    member_id: int | None
    name: str
    joined_at: datetime
    removed_at: datetime | None = None


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hashed(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def typed_code(typed: str) -> str:
    """The code as typed, read as the room would: any case, spaces and dashes ignored."""
    kept = "".join(typed.split()).replace("-", "").upper()
    return kept.translate(_READ_AS)


def open_room(
    db: DbSession,
    session_id: int,
    opened_by: str,
    now: datetime,
    anonymous_allowed: bool = True,
) -> RoomOpened:
    """Open the session's room, or give the open one a fresh code.

    Only the code's hash is kept, so an open room's code cannot be shown again: asking
    again gives a new one, and the old one stops letting phones in. Phones already in
    stay in.
    """
    # Two copies opening the room at once take turns, so a session has one open room.
    wait_for_the_write_lock(db)
    db.execute(select(Session.id).where(Session.id == session_id).with_for_update())
    unfinished_session_row(db, session_id, "its room can no longer open")
    code = _unused_code(db)
    room = _open_room_row(db, session_id)
    if room is None:
        room = Room(session_id=session_id, opened_by=opened_by, opened_at=now, code_hash="")
        db.add(room)
    room.code_hash = hashed(code)
    room.anonymous_allowed = anonymous_allowed
    db.flush()
    return RoomOpened(room.id, session_id, code, room.opened_at)


def close_room(db: DbSession, session_id: int, now: datetime, code: str | None = None) -> bool:
    """Close the session's room, ending every device's access; False if none was open.

    Given the code it was opened with, only while that is still its code: a copy of the
    app that lost the session must not close the room its new driver opened again.
    """
    room = _open_room_row(db, session_id)
    if room is None or (code is not None and not _has_code(room, code)):
        return False
    room.closed_at = now
    return True


def opened_with(db: DbSession, session_id: int, code: str) -> bool:
    """Whether the session's room is open, unfinished, and still lets phones in with `code`."""
    room = _open_room_row(db, session_id)
    return (
        room is not None and _has_code(room, code) and room_for_session(db, session_id) is not None
    )


def _has_code(room: Room, code: str) -> bool:
    return hmac.compare_digest(room.code_hash, hashed(typed_code(code)))


def room_for_session(db: DbSession, session_id: int) -> RoomView | None:
    """The session's open room; None if it has none, or the session has finished."""
    session = db.get(Session, session_id)
    room = _open_room_row(db, session_id)
    if session is None or session.finished_at is not None or room is None:
        return None
    return RoomView(
        room.id, room.session_id, room.anonymous_allowed, room.opened_by, room.opened_at
    )


def room_with_code(db: DbSession, code: str) -> RoomView | None:
    """The open room a code lets phones into, while its session is unfinished; None for
    any wrong code, with nothing written."""
    room = _room_for_code(db, code)
    return room_for_session(db, room.session_id) if room is not None else None


def join(db: DbSession, code: str, member_id: int | None, now: datetime) -> tuple[str, DeviceView]:
    """Let a device in with the room's code, as a member or anonymously: its new token
    (handed back this once) and what it was let in as.

    Every wrong code, and the code of a room closed or of a finished session, gets the
    same answer, in the same time whatever the code.
    """
    room = _room_for_code(db, code)
    if room is None:
        raise RoomRefused(NO_ROOM)
    session = db.get(Session, room.session_id)
    if session is None or session.finished_at is not None:
        raise RoomRefused(NO_ROOM)
    name = ANONYMOUS
    if member_id is None:
        if not room.anonymous_allowed:
            raise RoomRefused("This room asks everyone to join by name.")
    else:
        member = db.get(Member, member_id)
        # Only a current member's name is offered: one who has left is one no longer.
        if member is None or member.programme_id != session.programme_id or member.archived_at:
            raise RoomRefused("That name is not one of this meeting's.")
        name = member.name
    token = new_token()
    device = RoomDevice(
        room_id=room.id, token_hash=hashed(token), member_id=member_id, joined_at=now
    )
    db.add(device)
    db.flush()
    return token, DeviceView(device.id, room.id, room.session_id, member_id, name, now)


def device_for_token(db: DbSession, token: str) -> DeviceView | None:
    """The device a token lets in, while it may answer; None otherwise, whatever the reason."""
    found = db.execute(
        select(RoomDevice, Room, Session)
        .join(Room, RoomDevice.room_id == Room.id)
        .join(Session, Room.session_id == Session.id)
        .where(RoomDevice.token_hash == hashed(token))
    ).one_or_none()
    if found is None:
        return None
    device, room, session = found
    if device.removed_at is not None or room.closed_at is not None or session.finished_at:
        return None
    return _view(device, room)


def answering_device(db: DbSession, token: str) -> DeviceView:
    """The device a token lets in, or the refusal a phone is shown, holding its turn until
    the answer is saved.

    A phone tapped twice, or one person on two phones, answers one answer after the other:
    the second then finds the first and replaces it, or is refused, rather than both adding
    one. On SQLite the file's write lock is taken first; on a database server the device's
    row is locked, and the member's for a named device.
    """
    wait_for_the_write_lock(db)
    db.execute(
        select(RoomDevice.id).where(RoomDevice.token_hash == hashed(token)).with_for_update()
    )
    device = device_for_token(db, token)
    if device is None:
        raise RoomRefused("This phone is no longer in the room: join again with the code.")
    if device.member_id is not None:
        db.execute(select(Member.id).where(Member.id == device.member_id).with_for_update())
    return device


def remove_device(db: DbSession, session_id: int, device_id: int, now: datetime) -> bool:
    """Turn a device out of the session's room; False if it is not one of the session's,
    or was already out."""
    found = db.execute(
        select(RoomDevice)
        .join(Room, RoomDevice.room_id == Room.id)
        .where(RoomDevice.id == device_id, Room.session_id == session_id)
    ).scalar_one_or_none()
    if found is None or found.removed_at is not None:
        return False
    found.removed_at = now
    return True


def devices_in(db: DbSession, session_id: int) -> list[DeviceView]:
    """Every device that joined the session's open room, in the order they joined, those
    turned out included: who is in, never what they answered."""
    room = _open_room_row(db, session_id)
    if room is None:
        return []
    devices = db.scalars(
        select(RoomDevice).where(RoomDevice.room_id == room.id).order_by(RoomDevice.id)
    )
    return [_view(device, room) for device in devices]


def current_item(db: DbSession, device: DeviceView, agenda_item_id: int) -> AgendaItem:
    """The item a phone answers, if it is its session's and the one the facilitator is on:
    a phone left on an earlier item cannot change it."""
    item = db.get(AgendaItem, agenda_item_id)
    if item is None or item.session_id != device.session_id:
        raise RoomRefused("That is not an item of this meeting.")
    if item.position != replay(load_events(db, device.session_id)).position:
        raise RoomRefused("The meeting has moved on from that item.")
    return item


def answer_once(db: DbSession, device: DeviceView, agenda_item_id: int, subject: str) -> None:
    """Note that an anonymous device has answered this question, refusing a second answer:
    with nothing tying its answer to it, its answer cannot be changed, only given."""
    already = db.get(RoomAnswered, (device.device_id, agenda_item_id, subject))
    if already is not None:
        raise RoomRefused("You have already answered this anonymously; it cannot be changed.")
    db.add(RoomAnswered(device_id=device.device_id, agenda_item_id=agenda_item_id, subject=subject))


def _view(device: RoomDevice, room: Room) -> DeviceView:
    name = device.member.name if device.member is not None else ANONYMOUS
    return DeviceView(
        device.id,
        room.id,
        room.session_id,
        device.member_id,
        name,
        device.joined_at,
        device.removed_at,
    )


def _open_room_row(db: DbSession, session_id: int) -> Room | None:
    return db.scalars(
        select(Room)
        .where(Room.session_id == session_id, Room.closed_at.is_(None))
        .order_by(Room.id.desc())
        .limit(1)
    ).first()


def _open_code_hashes(db: DbSession) -> list[tuple[int, str]]:
    return [
        (room_id, code_hash)
        for room_id, code_hash in db.execute(
            select(Room.id, Room.code_hash).where(Room.closed_at.is_(None))
        )
    ]


def _room_for_code(db: DbSession, code: str) -> Room | None:
    wanted = hashed(typed_code(code))
    match = None
    # Every open room's hash is compared, in constant time, so the answer takes as long
    # for a near miss as for a far one.
    for room_id, code_hash in _open_code_hashes(db):
        if hmac.compare_digest(wanted, code_hash):
            match = room_id
    return db.get(Room, match) if match is not None else None


def _unused_code(db: DbSession) -> str:
    """A new code no open room has: two rooms open at once must never share one."""
    taken = {code_hash for _, code_hash in _open_code_hashes(db)}
    while True:
        code = new_code()
        if hashed(code) not in taken:
            return code
