"""The room's front door: opening it to phones, letting them in, and their answers.

Every answer from a phone is saved by the same rules as the keyboard's, in the same
unit of work as the checks that let it through: a refused answer writes nothing.
"""

from __future__ import annotations

from datetime import datetime

from sessions.activities import scorecard
from sessions.db_types import utcnow
from sessions.domain import proposals, room
from sessions.domain.proposals import ProposalView
from sessions.domain.room import DeviceView, RoomOpened, RoomRefused, RoomView
from sessions.store import Store
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

ANSWERED_ANONYMOUSLY = -1
"""What `proposal_for_device` gives for an anonymous phone's answer: given, never which."""

__all__ = [
    "ANSWERED_ANONYMOUSLY",
    "DeviceView",
    "ProposalView",
    "RoomOpened",
    "RoomRefused",
    "RoomView",
    "close_room",
    "device_for_token",
    "join_room",
    "list_devices",
    "open_room",
    "proposal_for_device",
    "proposal_from_device",
    "rate_from_device",
    "remove_device",
    "room_for_session",
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


def proposal_from_device(
    store: Store,
    token: str,
    proposal_id: int,
    fingers: int,
    now: datetime | None = None,
) -> ProposalView:
    """A phone's fist of five on the proposal open at the item the meeting is on.

    By name, it replaces the member's earlier answer until the proposal closes;
    anonymous, it has no member and no device, and is given once.
    """
    with store.transaction("save the answer") as db:
        device = room.answering_device(db, token)
        found = proposals.open_proposal(db, device.session_id)
        if found is None or found.id != proposal_id:
            raise RoomRefused("That proposal is no longer open.")
        room.current_item(db, device, found.agenda_item_id)
        if device.member_id is None:
            room.answer_once(db, device, found.agenda_item_id, proposals.answered_subject(found.id))
        return proposals.answer(db, found.id, fingers, device.member_id, now or utcnow())


def proposal_for_device(
    store: Store, device: DeviceView, position: int
) -> tuple[ProposalView | None, int | None]:
    """The proposal open at the item at `position`, for a phone to answer, and the
    phone's standing answer: a member's fingers; for an anonymous phone that has answered,
    -1, as its answer is tied to nobody. (None, None) where none is open there."""
    with store.reading() as db:
        found = proposals.open_proposal(db, device.session_id)
        if found is None or found.position != position:
            return None, None
        if device.member_id is None:
            answered = proposals.answered_anonymously(db, device.device_id, found)
            return found, ANSWERED_ANONYMOUSLY if answered else None
        return found, proposals.member_answer(db, found.id, device.member_id)
