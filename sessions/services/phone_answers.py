"""Each kind of answer a phone gives, through the room's front door.

Every answer from a phone is saved by the same rules as the keyboard's, in the same
unit of work as the checks that let it through: a refused answer writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sessions.activities import checklist, reflection, roles, scorecard
from sessions.activities.answers import activity_item
from sessions.activities.checklist import Ballot
from sessions.db_types import utcnow
from sessions.domain import proposals, room
from sessions.domain.lookup import session_row
from sessions.domain.proposals import ProposalView
from sessions.domain.room import DeviceView, RoomRefused
from sessions.errors import InputError
from sessions.models import AgendaItem, RoomAnswered
from sessions.store import Store
from sessions.views import ActivityChange
from sessions.vocabulary import ItemKind

__all__ = [
    "ANSWERED_ANONYMOUSLY",
    "REFLECTION_LIMIT",
    "ROLES_BY_NAME",
    "Ballot",
    "OwnReflection",
    "ProposalView",
    "dots_ballot",
    "dots_from_device",
    "own_reflection",
    "proposal_for_device",
    "proposal_from_device",
    "rate_from_device",
    "reflect_from_device",
    "reflection_text",
    "set_roles_from_device",
]


ANSWERED_ANONYMOUSLY = -1
"""What `proposal_for_device` gives for an anonymous phone's answer: given, never which."""


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


ROLES_BY_NAME = (
    "Team roles are marked by name, so the team can see who plays each. Join by name to "
    "mark yours, or tell the facilitator."
)


def set_roles_from_device(
    store: Store,
    token: str,
    agenda_item_id: int,
    marked: Collection[str],
    now: datetime | None = None,
) -> ActivityChange:
    """Make `marked` the phone's member's team roles in the item the meeting is on, as the
    keyboard does: new marks added, dropped ones withdrawn. Only by name: a role is
    someone's, so an anonymous phone marks none."""
    with store.transaction("save the team roles") as db:
        device = room.answering_device(db, token)
        item = room.current_item(db, device, agenda_item_id)
        if item.kind != ItemKind.ROLES:
            raise RoomRefused("The meeting is not marking team roles just now.")
        if device.member_id is None:
            raise RoomRefused(ROLES_BY_NAME)
        return roles.set_marks(
            db, device.session_id, item.position, device.member_id, marked, now or utcnow()
        )


REFLECTION_LIMIT = 1000
"""Characters a reflection from a phone may hold: a long paragraph or two. The keyboard's
box has no limit of its own; this one keeps the longest answer, in any script, well
inside the room's limit on a request's size."""


_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


ANSWERED = ""
"""What an anonymous phone's record of having answered a reflection names: the item's one
question, never the words."""


def reflection_text(text: str) -> str:
    """The words as a phone sent them, with its line breaks as the rest of the app keeps
    them; refused if too long, or holding characters no page or minutes can show."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > REFLECTION_LIMIT:
        raise InputError(
            f"The reflection is too long: keep it under {REFLECTION_LIMIT:,} characters."
        )
    if _UNSHOWABLE.search(text):
        raise InputError("The reflection holds characters that cannot be shown or kept.")
    return text


def reflect_from_device(
    store: Store, token: str, agenda_item_id: int, text: str, now: datetime | None = None
) -> ActivityChange:
    """A phone's private answer to the reflection the meeting is on, saved as the keyboard
    saves one: by name it replaces the member's own; anonymous, it is nobody's, given once."""
    text = reflection_text(text)
    with store.transaction("save the answer") as db:
        device = room.answering_device(db, token)
        item = room.current_item(db, device, agenda_item_id)
        if item.kind != ItemKind.REFLECTION:
            raise RoomRefused("The meeting is not taking reflections just now.")
        if device.member_id is None:
            room.answer_once(db, device, item.id, ANSWERED)
        return reflection.add_answer(
            db, device.session_id, item.position, device.member_id, text, now or utcnow()
        )


@dataclass(frozen=True)
class OwnReflection:
    """What a phone may see of its own reflection: never anyone else's."""

    given: bool
    in_minutes: bool
    """Whether the facilitator has put the item's answers in the minutes, for now."""
    text: str | None = None
    """A named phone's own words, to change them; an anonymous phone's are nobody's, so
    it is never shown them again."""


def own_reflection(store: Store, device: DeviceView, agenda_item_id: int) -> OwnReflection:
    """Whether the phone's person has answered the reflection, and, by name, what."""
    with store.reading() as db:
        item = db.get(AgendaItem, agenda_item_id)
        if item is None or item.session_id != device.session_id:
            raise RoomRefused("That is not an item of this meeting.")
        if device.member_id is None:
            answered = db.get(RoomAnswered, (device.device_id, item.id, ANSWERED))
            return OwnReflection(answered is not None, item.answers_in_minutes)
        given = reflection.reflections_for(db, session_row(db, device.session_id), item)
        text = next((a.text for a in given.answers if a.member_id == device.member_id), None)
        return OwnReflection(text is not None, given.in_minutes, text)


DOTS = "dots"
"""What an anonymous phone is noted as having answered on a checklist: its dots, once."""


def dots_ballot(store: Store, device: DeviceView, position: int) -> Ballot:
    """What the phone votes with on the checklist at `position`: a member's own dots
    already standing, or whether an anonymous phone has given its dots."""
    with store.reading() as db:
        item = activity_item(db, device.session_id, position, ItemKind.CHECKLIST)
        found = checklist.ballot(db, item, device.member_id)
        if device.member_id is None:
            given = db.get(RoomAnswered, (device.device_id, item.id, DOTS)) is not None
            found = replace(found, given=given)
        return found


def dots_from_device(
    store: Store,
    token: str,
    agenda_item_id: int,
    dots: Mapping[int, int],
    now: datetime | None = None,
) -> ActivityChange:
    """A phone's dots on the checklist the meeting is on, by option place (from 0).

    Saved as one person's vote within the item's budget: by name, they replace the
    member's earlier dots, all together; anonymous, they are the room's, given once.
    """
    with store.transaction("save the dots") as db:
        device = room.answering_device(db, token)
        item = room.current_item(db, device, agenda_item_id)
        if item.kind != ItemKind.CHECKLIST:
            raise RoomRefused("The meeting is not voting on a checklist just now.")
        if device.member_id is None:
            room.answer_once(db, device, item.id, DOTS)
        return checklist.give_dots(
            db, device.session_id, item.position, dots, now or utcnow(), device.member_id
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
