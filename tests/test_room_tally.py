"""The room's tally: the database raises it on every write to what the room's door counts,
whoever writes, and on nothing else, so a door told of a commit counts again only when it
must."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from sessions.models import Base
from sessions.services import (
    note_editing,
    notes,
    participants,
    people,
    phone_answers,
    proposals,
    questions,
    room_reveal,
    running,
    scorecard,
)
from sessions.services.programmes import create_programme
from sessions.services.room_tally import room_tally
from sessions.store import database_url
from tests.test_room import card_of, session_on_card

WATCHED_ROOM_TABLES = {"room", "room_device", "room_answered", "room_reveal", "room_question"}
"""Every table of the room's that the door reads. `room_watch` says which mirrors show a
session, which the door never counts; `room_tally` is the tally itself."""


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


class Tally:
    """The session's tally as last read, and whether it moved since."""

    def __init__(self, store, sid: int) -> None:
        self.store, self.sid = store, sid
        self.seen = room_tally(store, sid)

    def moved(self) -> bool:
        now = room_tally(self.store, self.sid)
        moved, self.seen = now != self.seen, now
        return moved


def test_each_kind_of_room_write_moves_the_tally(store, programme) -> None:
    sid, card = session_on_card(store, programme)
    position = card_of(store, sid).position
    ann = people.add_member(store, programme.id, "Ann Ode")
    tally = Tally(store, sid)
    assert tally.seen == 0  # no room has ever been open

    opened = participants.open_room(store, sid)
    assert tally.moved(), "a room opened"
    ann_token, ann_phone = participants.join_room(store, opened.code, ann.id)
    assert tally.moved(), "a phone joined by name"
    anonymous, _ = participants.join_room(store, opened.code)
    assert tally.moved(), "a phone joined anonymously"
    phone_answers.rate_from_device(store, ann_token, card, 0, 4)
    assert tally.moved(), "a named phone's answer"
    phone_answers.rate_from_device(store, anonymous, card, 1, 2)
    assert tally.moved(), "an anonymous phone's answer"
    scorecard.rate(store, sid, position, 1, 3)
    assert tally.moved(), "a rating typed at the keyboard"
    scorecard.withdraw_last(store, sid, position, 1)
    assert tally.moved(), "a rating withdrawn"
    assert room_reveal.toggle_reveal(store, sid, position) is room_reveal.Revealing.SHOWN
    assert tally.moved(), "the results shown to the room"
    assert room_reveal.toggle_reveal(store, sid, position) is room_reveal.Revealing.HIDDEN
    assert tally.moved(), "the results hidden again"
    asked = questions.ask_from_device(store, ann_token, card, "Who holds the rota?")
    assert tally.moved(), "a question sent"
    questions.set_aside(store, sid, asked.id)
    assert tally.moved(), "a question set aside"
    questions.back_to_waiting(store, sid, asked.id)
    assert tally.moved(), "a question waiting again"
    questions.accept(store, sid, asked.id)
    assert tally.moved(), "a question made a note"
    put = proposals.put_proposal(store, sid, position, "Share the weekend rota")
    assert tally.moved(), "a proposal put to the room"
    phone_answers.proposal_from_device(store, ann_token, put.id, 4)
    assert tally.moved(), "a phone's fist of five"
    proposals.close_proposal(store, sid, proposals.ProposalOutcome.CARRIED)
    assert tally.moved(), "the proposal closed"
    assert participants.remove_device(store, sid, ann_phone.device_id)
    assert tally.moved(), "a phone turned out"
    running.toggle_clock(store, sid)
    assert tally.moved(), "the clock started"
    running.move(store, sid, -1)
    assert tally.moved(), "another item"
    participants.open_room(store, sid)
    assert tally.moved(), "the room opened again with a fresh code"
    assert participants.close_room(store, sid)
    assert tally.moved(), "the room closed"
    running.finish_session(store, sid)
    assert tally.moved(), "the session finished"


def test_notes_and_the_clocks_heartbeat_leave_it_where_it_was(store, programme) -> None:
    sid, _ = session_on_card(store, programme)
    position = card_of(store, sid).position
    opened = participants.open_room(store, sid)
    participants.join_room(store, opened.code)
    running.toggle_clock(store, sid)
    tally = Tally(store, sid)
    note = notes.add_note(store, sid, position, "The rota is shared from March", "deal")
    notes.add_note(store, sid, position, "Trust is growing", "relationship")
    note_editing.delete_note(store, note.id)
    running.heartbeat(store, sid, datetime.now(UTC))
    people.add_member(store, programme.id, "Bob Ray")
    assert not tally.moved()


def test_without_an_open_room_nothing_is_kept(store, programme, db_path) -> None:
    """Planning, importing or running a session at the keyboard alone writes no tally."""
    sid, _ = session_on_card(store, programme)
    position = card_of(store, sid).position
    scorecard.rate(store, sid, position, 0, 4)
    running.move(store, sid, -1)
    assert room_tally(store, sid) == 0
    assert _rows(db_path, "SELECT count(*) FROM room_tally") == 0


def test_a_write_from_another_connection_moves_it(store, programme, db_path) -> None:
    """Not the app's own code but the database's: any writer raises it."""
    sid, card = session_on_card(store, programme)
    opened = participants.open_room(store, sid)
    token, _ = participants.join_room(store, opened.code)
    phone_answers.rate_from_device(store, token, card, 0, 4)
    tally = Tally(store, sid)
    now = datetime.now(UTC).replace(tzinfo=None)
    _write(
        db_path,
        "INSERT INTO room_question (session_id, agenda_item_id, text, asked_at, state) "
        "VALUES (:sid, :card, 'By hand', :now, 'waiting')",
        sid=sid,
        card=card,
        now=now,
    )
    assert tally.moved(), "a question written by hand"
    _write(
        db_path,
        "UPDATE activity_result SET deleted_at = :now WHERE agenda_item_id = :card",
        card=card,
        now=now,
    )
    assert tally.moved(), "an answer withdrawn by hand"
    _write(db_path, "DELETE FROM room_answered WHERE agenda_item_id = :card", card=card)
    assert tally.moved(), "an anonymous phone's mark taken away by hand"
    _write(db_path, "UPDATE room SET closed_at = :now WHERE session_id = :sid", sid=sid, now=now)
    assert tally.moved(), "the room closed by hand"


def test_every_room_table_the_door_reads_is_watched(store) -> None:
    """A table of the room's added later, and read by the door, needs its triggers too."""
    room_tables = {name for name in Base.metadata.tables if name.startswith("room")}
    assert room_tables - WATCHED_ROOM_TABLES == {"room_watch", "room_tally"}
    watched = _triggered_tables(store)
    assert watched == WATCHED_ROOM_TABLES | {
        "activity_result",
        "timer_event",
        "agenda_item",
        "session",
        "proposal",
        "proposal_answer",
    }


def _triggered_tables(store) -> set[str]:
    with store.engine.connect() as connection:
        if store.engine.dialect.name == "postgresql":
            query = (
                "SELECT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE 'room_tally_%'"
            )
        else:
            query = "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'room_tally_%'"
        return {row[0] for row in connection.execute(text(query))}


def _write(path_or_url, sql: str, **values) -> None:
    """A write through a connection of the test's own, as another program would make it."""
    engine = create_engine(database_url(path_or_url))
    try:
        with engine.begin() as connection:
            connection.execute(text(sql), values)
    finally:
        engine.dispose()


def _rows(path_or_url, sql: str) -> int:
    engine = create_engine(database_url(path_or_url))
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql)).scalar_one()
    finally:
        engine.dispose()
