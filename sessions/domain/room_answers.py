"""Who in the room has answered the item the meeting is on, never what; and whether the
room may see the running results yet.

While phones may answer, the projector and the mirror keep an item's running results
(a scorecard's means, a checklist's votes, who plays which role) from the room until
the facilitator reveals them, so early answers do not sway later ones. Only how many
phones have answered is shown meanwhile. Without an open room nothing is hidden: a
meeting run from the keyboard alone sees its results as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sessions.clock import replay
from sessions.domain.room import DeviceView, devices_in, room_for_session
from sessions.models import ActivityResult, AgendaItem, RoomAnswered, RoomReveal
from sessions.timer_log import load_events
from sessions.vocabulary import ItemKind

ANSWERED_KINDS = frozenset(
    {ItemKind.SCORECARD, ItemKind.CHECKLIST, ItemKind.ROLES, ItemKind.REFLECTION}
)
"""Kinds the room answers, each answer a row of `activity_result`: the screen says who has
answered these even before anyone has."""

RESULTS_KINDS = frozenset({ItemKind.SCORECARD, ItemKind.CHECKLIST, ItemKind.ROLES})
"""Kinds whose running results the room sees. A reflection is left out: the room only
ever sees how many have answered it."""


@dataclass(frozen=True)
class PhoneAnswered:
    """One phone in the room, and whether it has answered the item the meeting is on."""

    device: DeviceView
    answered: bool


@dataclass(frozen=True)
class RoomAnswers:
    """The phones that joined the session's open room, each saying only whether it has
    answered the current item, never what."""

    takes_answers: bool
    """Whether the current item is one phones answer, or one some phone has answered."""
    phones: tuple[PhoneAnswered, ...] = ()

    @property
    def in_room(self) -> int:
        """The phones still in: not those turned out."""
        return sum(1 for phone in self.phones if phone.device.removed_at is None)

    @property
    def answered(self) -> int:
        """The phones still in that have answered the current item."""
        return sum(1 for p in self.phones if p.answered and p.device.removed_at is None)


@dataclass(frozen=True)
class HiddenResults:
    """What the room sees in place of an item's running results: how many have answered."""

    answered: int
    phones: int


class Revealing(StrEnum):
    """What a press of the reveal key did."""

    SHOWN = "shown"
    HIDDEN = "hidden"
    NO_ROOM = "no room"
    """No room is open: the room sees the results already."""
    NO_RESULTS = "no results"
    """The item has no running results to hide or show."""


def room_answers(db: DbSession, session_id: int) -> RoomAnswers:
    """Which of the open room's phones have answered the item the meeting is on."""
    devices = devices_in(db, session_id)
    item = _current_item(db, session_id)
    if item is None:
        return RoomAnswers(False, tuple(PhoneAnswered(d, False) for d in devices))
    return _answers_at(db, item, devices)


def hidden_results(
    db: DbSession, session_id: int, agenda_item_id: int, kind: str
) -> HiddenResults | None:
    """How many phones have answered, where the room may not see the item's running
    results yet; None where it may: no open room, no results of its kind, or revealed."""
    if kind not in RESULTS_KINDS or room_for_session(db, session_id) is None:
        return None
    if db.get(RoomReveal, agenda_item_id) is not None:
        return None
    item = db.get(AgendaItem, agenda_item_id)
    if item is None or item.session_id != session_id:
        return None
    answers = _answers_at(db, item, devices_in(db, session_id))
    return HiddenResults(answers.answered, answers.in_room)


def toggle_reveal(db: DbSession, session_id: int, position: int, now: datetime) -> Revealing:
    """Show the room the item's running results, or hide them again while phones answer.

    Nothing is written where nothing is hidden: without an open room, or at an item with
    no running results.
    """
    item = db.scalar(
        select(AgendaItem).where(
            AgendaItem.session_id == session_id, AgendaItem.position == position
        )
    )
    if item is None or item.kind not in RESULTS_KINDS:
        return Revealing.NO_RESULTS
    if room_for_session(db, session_id) is None:
        return Revealing.NO_ROOM
    shown = db.get(RoomReveal, item.id)
    if shown is not None:
        db.delete(shown)
        return Revealing.HIDDEN
    db.add(RoomReveal(agenda_item_id=item.id, revealed_at=now))
    return Revealing.SHOWN


def _current_item(db: DbSession, session_id: int) -> AgendaItem | None:
    position = replay(load_events(db, session_id)).position
    return db.scalar(
        select(AgendaItem).where(
            AgendaItem.session_id == session_id, AgendaItem.position == position
        )
    )


def _answers_at(db: DbSession, item: AgendaItem, devices: list[DeviceView]) -> RoomAnswers:
    # A named phone has answered when its member has an answer standing at the item, from
    # the phone or the keyboard alike; an anonymous one, when it noted that it answered.
    members = set(
        db.scalars(
            select(ActivityResult.member_id)
            .where(
                ActivityResult.agenda_item_id == item.id,
                ActivityResult.member_id.is_not(None),
                ActivityResult.deleted_at.is_(None),
            )
            .distinct()
        )
    )
    anonymous = set(
        db.scalars(
            select(RoomAnswered.device_id).where(RoomAnswered.agenda_item_id == item.id).distinct()
        )
    )
    phones = tuple(
        PhoneAnswered(
            device,
            device.member_id in members
            if device.member_id is not None
            else device.device_id in anonymous,
        )
        for device in devices
    )
    takes_answers = item.kind in ANSWERED_KINDS or any(phone.answered for phone in phones)
    return RoomAnswers(takes_answers, phones)
