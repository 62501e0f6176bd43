"""A phone's rating of the scorecard: saved as the keyboard's, one a person, refused with nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sessions.errors import FacilitatorError, InputError, NotFoundError
from sessions.models import ActivityResult, RoomAnswered
from sessions.services import participants, people, phone_answers, planning, running, scorecard
from sessions.services.dashboard import programme_dashboard
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from tests.row_counts import row_counts
from tests.test_room import card_agenda, card_of, session_on_card

TODAY = date(2026, 11, 30)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


def answers(store) -> list[tuple[int | None, str, int | None, bool]]:
    with store.reading() as db:
        return [
            (row.member_id, row.subject, row.score, row.deleted_at is not None)
            for row in db.scalars(select(ActivityResult).order_by(ActivityResult.id))
        ]


def test_a_named_rating_replaces_the_members_earlier_one_as_the_keyboards_does(
    store, programme
) -> None:
    sid, card = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    token, _ = participants.join_room(store, participants.open_room(store, sid).code, ann.id)
    phone_answers.rate_from_device(store, token, card, 0, 2)
    change = phone_answers.rate_from_device(store, token, card, 0, 4)
    assert change.score == 4 and len(change.withdrawn) == 1
    # And the keyboard, rating for Ann, replaces hers too: one rule, one say each.
    position = card_of(store, sid).position
    scorecard.rate(store, sid, position, 0, 5, member_id=ann.id)
    [first, *_] = scorecard.scorecard_results(store, sid, position)
    assert first.scores == (5,) and first.by_member == ((ann.id, 5),)


def test_a_phones_ratings_reach_the_results_minutes_and_dashboard(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    position = card_of(store, sid).position
    code = participants.open_room(store, sid).code
    token, _ = participants.join_room(store, code)
    phone_answers.rate_from_device(store, token, card, 0, 4)
    scorecard.rate(store, sid, position, 0, 2)  # the room's show of hands, by the keyboard
    results = scorecard.scorecard_results(store, sid, position)
    assert results[0].scores == (4, 2) and results[0].mean == 3
    running.finish_session(store, sid)
    trends = programme_dashboard(store, programme.id, TODAY).scorecard_trends
    assert [(t.area, t.points) for t in trends] == [("Purpose", ((1, 3.0),))]


def test_an_anonymous_rating_carries_no_identity_and_is_given_once(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    phone_answers.rate_from_device(store, token, card, 1, 3)
    with pytest.raises(RoomRefused, match="already answered this anonymously"):
        phone_answers.rate_from_device(store, token, card, 1, 5)
    phone_answers.rate_from_device(store, token, card, 0, 5)
    assert answers(store) == [
        (None, "Every practice gains", 3, False),
        (None, "We agree why we exist", 5, False),
    ]
    with store.reading() as db:
        # What it answered is noted, never with what, when or in what order.
        assert set(RoomAnswered.__table__.columns.keys()) == {
            "device_id",
            "agenda_item_id",
            "subject",
        }
        assert len(db.scalars(select(RoomAnswered)).all()) == 2
    # ActivityResult has no column that could name a device.
    assert not {"device_id", "room_device_id", "token"} & set(
        ActivityResult.__table__.columns.keys()
    )


def refused_with_nothing_written(store, db_path, call, error=FacilitatorError, match=None):
    from sessions.models import Base

    before = row_counts(db_path, Base.metadata.tables)
    with pytest.raises(error, match=match):
        call()
    assert row_counts(db_path, Base.metadata.tables) == before


def test_refusals_write_nothing(store, db_path, programme) -> None:
    sid, card = session_on_card(store, programme)
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    first = card_of(store, sid).position - 1
    items = running.get_session(store, sid).items
    discussion = items[first].id

    def rate(item=card, index=0, score=4, with_token=token):
        return lambda: phone_answers.rate_from_device(store, with_token, item, index, score)

    refused_with_nothing_written(store, db_path, rate(score=6), InputError, "from 1")
    refused_with_nothing_written(store, db_path, rate(score=0), InputError, "from 1")
    refused_with_nothing_written(store, db_path, rate(index=2), NotFoundError, "no statement 3")
    refused_with_nothing_written(store, db_path, rate(index=-1), NotFoundError, "no statement")
    refused_with_nothing_written(store, db_path, rate(item=discussion), RoomRefused, "moved on")
    refused_with_nothing_written(store, db_path, rate(item=10**9), RoomRefused, "not an item")
    running.jump(store, sid, first)
    refused_with_nothing_written(store, db_path, rate(), RoomRefused, "moved on")
    refused_with_nothing_written(store, db_path, rate(item=discussion), RoomRefused, "scorecard")
    assert answers(store) == []


def test_another_sessions_items_and_tokens_are_refused(store, db_path, programme) -> None:
    sid, card = session_on_card(store, programme)
    other_programme = create_programme(store, "Other programme")
    other, other_card = session_on_card(store, other_programme)
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    other_token, _ = participants.join_room(store, participants.open_room(store, other).code)
    refused_with_nothing_written(
        store,
        db_path,
        lambda: phone_answers.rate_from_device(store, token, other_card, 0, 4),
        RoomRefused,
        "not an item of this meeting",
    )
    refused_with_nothing_written(
        store,
        db_path,
        lambda: phone_answers.rate_from_device(store, other_token, card, 0, 4),
        RoomRefused,
        "not an item of this meeting",
    )
    # Nor can the facilitator of one session turn out a phone of another.
    device = participants.device_for_token(store, other_token)
    assert not participants.remove_device(store, sid, device.device_id)
    assert participants.device_for_token(store, other_token) is not None
    assert [d.session_id for d in participants.list_devices(store, sid)] == [sid]


def test_a_second_session_of_the_same_programme_is_another_room(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    token, _ = participants.join_room(store, participants.open_room(store, sid).code, ann.id)
    running.finish_session(store, sid)
    later = planning.start_session(store, programme.id, card_agenda())
    later_card = card_of(store, later)
    running.jump(store, later, later_card.position)
    participants.open_room(store, later)
    with pytest.raises(RoomRefused, match="no longer in the room"):
        phone_answers.rate_from_device(store, token, later_card.id, 0, 4)
