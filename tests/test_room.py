"""The room's door: a join code and device tokens kept only as hashes; who may answer, and when."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import create_engine, text

from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.domain.room import CODE_ALPHABET, CODE_LENGTH, new_code, typed_code
from sessions.models import Base
from sessions.services import participants, people, phone_answers, planning, running
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from sessions.store import database_url

TODAY = date(2026, 11, 30)


def card_agenda() -> Agenda:
    areas = (ScorecardArea("Purpose", ("We agree why we exist", "Every practice gains")),)
    return Agenda(
        title="Health check",
        sections=(
            Section(
                "Step 1",
                1,
                (
                    AgendaItem("Why are we here?", 600),
                    AgendaItem("Network health check", 900, kind="scorecard", areas=areas),
                ),
            ),
        ),
        source="test",
    )


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


def card_of(store, sid):
    return next(i for i in running.get_session(store, sid).items if i.kind == "scorecard")


def session_on_card(store, programme) -> tuple[int, int]:
    """A session on its scorecard: (session id, the scorecard's item id)."""
    sid = planning.start_session(store, programme.id, card_agenda())
    card = card_of(store, sid)
    running.jump(store, sid, card.position)
    return sid, card.id


def every_value(db_path) -> str:
    """Every value in every table, as one text to search."""
    engine = create_engine(database_url(db_path))
    try:
        with engine.connect() as connection:
            return "\n".join(
                repr(tuple(row))
                for table in Base.metadata.tables
                for row in connection.execute(text(f'SELECT * FROM "{table}"'))
            )
    finally:
        engine.dispose()


def test_a_join_code_is_eight_unambiguous_characters_of_forty_bits() -> None:
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("ILOU") & set(CODE_ALPHABET)
    assert CODE_LENGTH * math.log2(len(CODE_ALPHABET)) == 40


def test_a_code_is_read_as_the_room_types_it() -> None:
    assert typed_code(" ab1o-lix9 ") == "AB1011X9"


def test_only_hashes_of_the_code_and_token_are_stored(store, db_path, programme) -> None:
    sid, _ = session_on_card(store, programme)
    opened = participants.open_room(store, sid, "ann@surgery")
    token, device = participants.join_room(store, opened.shown_code.lower())
    assert device.session_id == sid and device.member_id is None
    stored = every_value(db_path)
    assert opened.code not in stored and opened.shown_code not in stored
    assert token not in stored
    assert len(token) >= 43  # 32 random bytes


def test_a_member_joins_by_name_and_is_listed_for_the_facilitator(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    token, device = participants.join_room(store, code, ann.id)
    assert (device.member_id, device.name) == (ann.id, "Ann Ode")
    assert participants.device_for_token(store, token) == device
    participants.join_room(store, code)
    assert [d.name for d in participants.list_devices(store, sid)] == ["Ann Ode", "Anonymous"]


def test_every_wrong_code_gets_the_same_answer(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    for attempt in (wrong, "", "x" * 500, "<script>"):
        with pytest.raises(RoomRefused, match=r"^There is no open room with that code\.$"):
            participants.join_room(store, attempt)
    assert participants.list_devices(store, sid) == []


def test_a_stranger_to_the_programme_cannot_join_by_name(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    other = create_programme(store, "Other programme")
    stranger = people.add_member(store, other.id, "Sam Stranger")
    code = participants.open_room(store, sid).code
    with pytest.raises(RoomRefused, match="not one of this meeting's"):
        participants.join_room(store, code, stranger.id)
    assert participants.list_devices(store, sid) == []


def test_a_member_who_has_left_cannot_join_by_name(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    left = people.add_member(store, programme.id, "Lee Left")
    people.archive_member(store, left.id)
    code = participants.open_room(store, sid).code
    with pytest.raises(RoomRefused, match="not one of this meeting's"):
        participants.join_room(store, code, left.id)
    with pytest.raises(RoomRefused, match="not one of this meeting's"):
        participants.join_room(store, code, 10**9)


def test_a_room_by_name_only_refuses_anonymous_phones(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid, anonymous_allowed=False).code
    with pytest.raises(RoomRefused, match="join by name"):
        participants.join_room(store, code)


def test_opening_again_gives_a_fresh_code_and_keeps_phones_in(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    first = participants.open_room(store, sid)
    token, _ = participants.join_room(store, first.code)
    second = participants.open_room(store, sid)
    assert second.room_id == first.room_id and second.code != first.code
    with pytest.raises(RoomRefused, match="no open room"):
        participants.join_room(store, first.code)
    participants.join_room(store, second.code)
    assert participants.device_for_token(store, token) is not None
    assert participants.room_for_session(store, sid).room_id == first.room_id


def test_a_room_opened_again_elsewhere_is_not_closed_with_the_old_code(store, programme) -> None:
    # A copy that lost the session closes the room it opened; the new driver's stays open.
    sid, _ = session_on_card(store, programme)
    old = participants.open_room(store, sid)
    assert participants.room_opened_with(store, sid, old.shown_code)
    new = participants.open_room(store, sid)
    assert not participants.room_opened_with(store, sid, old.code)
    assert not participants.close_room(store, sid, code=old.code)
    assert participants.room_opened_with(store, sid, new.code)
    assert participants.close_room(store, sid, code=new.shown_code.lower())
    assert participants.room_for_session(store, sid) is None
    assert not participants.room_opened_with(store, sid, new.code)


def test_closing_the_room_ends_every_phones_access(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    opened = participants.open_room(store, sid)
    token, _ = participants.join_room(store, opened.code)
    assert participants.close_room(store, sid)
    assert not participants.close_room(store, sid)
    assert participants.device_for_token(store, token) is None
    assert participants.room_for_session(store, sid) is None
    with pytest.raises(RoomRefused, match="no open room"):
        participants.join_room(store, opened.code)
    with pytest.raises(RoomRefused, match="no longer in the room"):
        phone_answers.rate_from_device(store, token, card, 0, 4)
    # Opening it again lets no phone of the closed room back in.
    reopened = participants.open_room(store, sid)
    assert reopened.room_id != opened.room_id
    assert participants.device_for_token(store, token) is None
    assert participants.list_devices(store, sid) == []


def test_finishing_the_session_ends_every_phones_access(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    opened = participants.open_room(store, sid)
    token, _ = participants.join_room(store, opened.code)
    running.finish_session(store, sid)
    assert participants.device_for_token(store, token) is None
    assert participants.room_for_session(store, sid) is None
    with pytest.raises(RoomRefused, match="no open room"):
        participants.join_room(store, opened.code)
    with pytest.raises(RoomRefused, match="no longer in the room"):
        phone_answers.rate_from_device(store, token, card, 0, 4)


def test_a_removed_phone_can_no_longer_answer(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    token, device = participants.join_room(store, participants.open_room(store, sid).code)
    assert participants.remove_device(store, sid, device.device_id)
    assert not participants.remove_device(store, sid, device.device_id)
    assert participants.device_for_token(store, token) is None
    with pytest.raises(RoomRefused, match="no longer in the room"):
        phone_answers.rate_from_device(store, token, card, 0, 4)
    [listed] = participants.list_devices(store, sid)
    assert listed.removed_at is not None


def test_a_made_up_token_answers_nothing(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    participants.open_room(store, sid)
    assert participants.device_for_token(store, "not a token") is None
    with pytest.raises(RoomRefused):
        phone_answers.rate_from_device(store, "not a token", card, 0, 4)
