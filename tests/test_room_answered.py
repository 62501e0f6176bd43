"""Who has answered the item the meeting is on, never what; and whether the room may see
the running results yet."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator.screens.room_phones import count_line, phone_line
from facilitator.widgets.room_view import waiting_for_reveal
from sessions.services import participants, people, phone_answers, room_reveal, running, scorecard
from sessions.services.programmes import create_programme
from sessions.services.room_reveal import HiddenResults, Revealing
from tests.row_counts import row_counts
from tests.test_room import card_of, session_on_card

SECRET = "<b>never shown</b>"


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


def answered(store, sid) -> dict[str, bool]:
    return {p.device.name: p.answered for p in room_reveal.room_answers(store, sid).phones}


def test_a_phone_has_answered_once_its_answer_stands_whoever_typed_it(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    position = card_of(store, sid).position
    ann = people.add_member(store, programme.id, "Ann Ode")
    bob = people.add_member(store, programme.id, "Bob Ray")
    code = participants.open_room(store, sid).code
    ann_token, _ = participants.join_room(store, code, ann.id)
    participants.join_room(store, code, bob.id)
    anonymous, _ = participants.join_room(store, code)
    assert answered(store, sid) == {"Ann Ode": False, "Bob Ray": False, "Anonymous": False}
    phone_answers.rate_from_device(store, ann_token, card, 0, 4)
    phone_answers.rate_from_device(store, anonymous, card, 1, 2)
    # Bob's rating typed at the keyboard counts as his: he has had his say.
    scorecard.rate(store, sid, position, 0, 3, member_id=bob.id)
    answers = room_reveal.room_answers(store, sid)
    assert answers.takes_answers and (answers.answered, answers.in_room) == (3, 3)
    # Whether, never what: no field holds a score or a statement.
    assert {f.name for f in dataclasses.fields(answers)} == {"takes_answers", "phones"}
    assert {f.name for f in dataclasses.fields(answers.phones[0])} == {"device", "answered"}


def test_a_withdrawn_answer_and_another_item_are_not_answers_here(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    position = card_of(store, sid).position
    ann = people.add_member(store, programme.id, "Ann Ode")
    token, _ = participants.join_room(store, participants.open_room(store, sid).code, ann.id)
    phone_answers.rate_from_device(store, token, card, 0, 4)
    scorecard.withdraw_last(store, sid, position, 0, member_id=ann.id)
    assert answered(store, sid) == {"Ann Ode": False}
    phone_answers.rate_from_device(store, token, card, 0, 5)
    running.jump(store, sid, position - 1)  # back to the discussion before it
    answers = room_reveal.room_answers(store, sid)
    assert answered(store, sid) == {"Ann Ode": False} and not answers.takes_answers


def test_a_phone_turned_out_is_not_counted(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    token, device = participants.join_room(store, participants.open_room(store, sid).code)
    phone_answers.rate_from_device(store, token, card, 0, 4)
    participants.remove_device(store, sid, device.device_id)
    answers = room_reveal.room_answers(store, sid)
    assert (answers.answered, answers.in_room, len(answers.phones)) == (0, 0, 1)


def test_results_hide_only_while_the_room_is_open_and_until_revealed(
    store, programme, db_path
) -> None:
    sid, card = session_on_card(store, programme)
    item = card_of(store, sid)
    # No room: the meeting at the keyboard sees its results as it always has.
    assert room_reveal.hidden_results(store, sid, item) is None
    before = row_counts(db_path, ["room_reveal"])
    assert room_reveal.toggle_reveal(store, sid, item.position) is Revealing.NO_ROOM
    assert row_counts(db_path, ["room_reveal"]) == before
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    participants.join_room(store, participants.open_room(store, sid).code)
    phone_answers.rate_from_device(store, token, card, 0, 4)
    assert room_reveal.hidden_results(store, sid, item) == HiddenResults(answered=1, phones=2)
    assert room_reveal.toggle_reveal(store, sid, item.position) is Revealing.SHOWN
    assert room_reveal.hidden_results(store, sid, item) is None
    assert room_reveal.toggle_reveal(store, sid, item.position) is Revealing.HIDDEN
    assert room_reveal.hidden_results(store, sid, item) is not None
    participants.close_room(store, sid)
    assert room_reveal.hidden_results(store, sid, item) is None


def test_an_item_with_no_running_results_has_nothing_to_hide(store, programme, db_path) -> None:
    sid, _ = session_on_card(store, programme)
    participants.open_room(store, sid)
    discussion = running.get_session(store, sid).items[0]
    assert room_reveal.hidden_results(store, sid, discussion) is None
    before = row_counts(db_path, ["room_reveal"])
    assert room_reveal.toggle_reveal(store, sid, 0) is Revealing.NO_RESULTS
    assert row_counts(db_path, ["room_reveal"]) == before


def test_a_reveal_is_not_exported(store, programme) -> None:
    from sessions.services.exchange import export_programme

    sid, _ = session_on_card(store, programme)
    participants.open_room(store, sid)
    room_reveal.toggle_reveal(store, sid, card_of(store, sid).position)
    exported = "\n".join(export_programme(store, programme.slug))
    assert "reveal" not in exported.lower()


def test_the_dialog_says_whether_each_phone_has_answered_never_what(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, SECRET)
    code = participants.open_room(store, sid).code
    token, _ = participants.join_room(store, code, ann.id)
    participants.join_room(store, code)
    phone_answers.rate_from_device(store, token, card, 0, 4)
    first, second = room_reveal.room_answers(store, sid).phones
    assert str(phone_line(first.device, first.answered)).endswith(" · answered")
    assert str(phone_line(second.device, second.answered)).endswith(" · not yet")
    assert str(phone_line(second.device)).startswith("Anonymous · joined ")
    devices = [first.device, second.device]
    assert count_line(devices, 1) == "2 phones in the room · 1 answered"
    assert count_line(devices) == "2 phones in the room"


def test_the_room_sees_how_many_have_answered_in_place_of_the_results(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    item = card_of(store, sid)
    shown = waiting_for_reveal(item, HiddenResults(answered=8, phones=12))
    assert shown.startswith(item.prompt)
    assert "Answered so far: 8 of 12 phones." in shown
    assert "1 of 1 phone." in waiting_for_reveal(item, HiddenResults(answered=1, phones=1))
