"""The register of standing interests, and declarations that say how they were managed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sessions.errors import InputError, NotFoundError
from sessions.services import interests, people, planning
from sessions.services.minutes import minutes_markdown
from sessions.services.programmes import create_programme
from sessions.vocabulary import Handling, InterestKind

AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def room(store, small_agenda):
    programme = create_programme(store, "Harbour programme")
    patel = people.add_member(store, programme.id, "Dr Asha Patel", "Harbour Surgery")
    hughes = people.add_member(store, programme.id, "Zoë Hughes", "Bay Pharmacy")
    session_id = planning.start_session(store, programme.id, small_agenda)
    return patel, hughes, session_id


def test_the_register_keeps_interests_until_they_end(store, room) -> None:
    patel, _hughes, _sid = room
    bid = interests.add_interest(
        store, patel.id, "  Partner in the   hub bid ", "financial", date(2026, 4, 1), now=AT
    )
    shares = interests.add_interest(store, patel.id, "Shares in a PCN company", "indirect", None)
    assert bid.description == "Partner in the hub bid"
    assert [i.id for i in interests.interests(store, patel.id)] == [bid.id, shares.id]

    interests.end(store, bid.id, date(2026, 10, 31))
    offered = interests.interests_to_offer(store, patel.id, date(2026, 11, 23))
    assert [i.id for i in offered] == [shares.id]
    # Ended, it stays on the register; offered on a day it still held.
    assert len(interests.interests(store, patel.id)) == 2
    assert [i.id for i in interests.interests_to_offer(store, patel.id, date(2026, 10, 31))] == [
        bid.id,
        shares.id,
    ]
    # Not yet begun: not offered.
    assert interests.interests_to_offer(store, patel.id, date(2026, 3, 1)) == [
        interests.interests(store, patel.id)[1]
    ]

    interests.withdraw(store, shares.id, AT)
    assert [i.id for i in interests.interests(store, patel.id)] == [bid.id]
    with pytest.raises(NotFoundError, match="no longer on the register"):
        interests.end(store, shares.id, date(2026, 11, 1))


def test_the_register_refuses_what_cannot_be_an_interest(store, room) -> None:
    patel, _hughes, _sid = room
    with pytest.raises(InputError, match="Say what the interest is"):
        interests.add_interest(store, patel.id, "   ", "financial", None)
    with pytest.raises(InputError, match="one of: financial"):
        interests.add_interest(store, patel.id, "Shares", "pecuniary", None)
    with pytest.raises(InputError, match="cannot end before it starts"):
        interests.add_interest(
            store, patel.id, "Shares", "financial", date(2026, 5, 1), date(2026, 4, 1)
        )
    started = interests.add_interest(store, patel.id, "Shares", "financial", date(2026, 5, 1))
    with pytest.raises(InputError, match="cannot end before it starts"):
        interests.end(store, started.id, date(2026, 4, 30))


def test_a_standing_interest_is_declared_as_the_register_words_it(store, room) -> None:
    patel, hughes, sid = room
    bid = interests.add_interest(store, patel.id, "Partner in the hub bid.", "financial", None)
    declared = people.add_declaration(
        store, sid, patel.id, "", 1, handling=Handling.LEFT_ROOM, interest_id=bid.id
    )
    assert (declared.interest, declared.kind, declared.handling) == (
        "Partner in the hub bid.",
        InterestKind.FINANCIAL,
        Handling.LEFT_ROOM,
    )
    with pytest.raises(InputError, match="not Zoë Hughes's"):
        people.add_declaration(store, sid, hughes.id, "", interest_id=bid.id)

    markdown = minutes_markdown(store, sid)
    assert (
        "- Dr Asha Patel: Partner in the hub bid (financial interest). Left the room for item 2 "
        "(What can we only do together?)."
    ) in markdown


def test_a_new_interest_of_a_named_kind_joins_the_register(store, room) -> None:
    _patel, hughes, sid = room
    people.add_declaration(
        store,
        sid,
        hughes.id,
        "Pharmacy bidding for the hub contract",
        0,
        now=AT,
        kind="non-financial professional",
        handling=Handling.NO_DECISION,
    )
    [registered] = interests.interests(store, hughes.id)
    assert (registered.description, registered.from_on) == (
        "Pharmacy bidding for the hub contract",
        date(2026, 11, 23),
    )
    # A declaration with no kind is for the meeting only.
    people.add_declaration(store, sid, hughes.id, "Knows the bidder socially")
    assert len(interests.interests(store, hughes.id)) == 1

    markdown = minutes_markdown(store, sid)
    assert (
        "- Zoë Hughes: Pharmacy bidding for the hub contract (non-financial professional "
        "interest). Took part in the discussion of item 1 (Introductions) but not in the decision."
    ) in markdown
    assert "- Zoë Hughes: Knows the bidder socially. Noted." in markdown


def test_how_an_interest_was_managed_must_name_its_item(store, room) -> None:
    patel, _hughes, sid = room
    with pytest.raises(InputError, match="Say which item"):
        people.add_declaration(store, sid, patel.id, "Shares", handling=Handling.NO_DECISION)
    with pytest.raises(InputError, match="managed as one of"):
        people.add_declaration(store, sid, patel.id, "Shares", 0, handling="abstained")
    # Only noted: an item given by mistake is not kept against it.
    noted = people.add_declaration(store, sid, patel.id, "Shares", 0, handling=Handling.NOTED)
    assert (noted.handling, noted.left_room_position) == (Handling.NOTED, None)
