"""Fist of five: a proposal put to the room, answers by name, anonymous and counted at the
keyboard, its outcome in the minutes, and the proposal through an export and back."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
from docx import Document

from sessions.errors import InputError
from sessions.exchange.parse import read_document
from sessions.models import ProposalAnswer
from sessions.services import (
    notes,
    participants,
    people,
    phone_answers,
    planning,
    proposals,
    running,
)
from sessions.services.exchange import export_programme, import_programme
from sessions.services.minutes import render_minutes
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from sessions.services.proposals import ProposalOutcome
from sessions.store import Store
from tests.row_counts import row_counts
from tests.test_room import card_agenda, session_on_card

AT = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
ROTA = "Adopt the shared weekend rota from January"


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
def meeting(store, programme):
    """A session on its scorecard with the room open: (session id, item id, code)."""
    sid, item_id = session_on_card(store, programme)
    opened = participants.open_room(store, sid, "Sam")
    return sid, item_id, opened.code


def _position(store, sid, item_id) -> int:
    return next(i.position for i in running.get_session(store, sid).items if i.id == item_id)


def test_a_member_changes_their_answer_until_it_closes_and_the_change_is_kept(
    store, programme, meeting, db_path
) -> None:
    sid, item_id, code = meeting
    asha = people.add_member(store, programme.id, "Asha Patel")
    put = proposals.put_proposal(store, sid, _position(store, sid, item_id), ROTA, AT)
    token, _ = participants.join_room(store, code, asha.id)
    phone_answers.proposal_from_device(store, token, put.id, 2, AT)
    answered = phone_answers.proposal_from_device(store, token, put.id, 4, AT)
    assert answered.spread.counts == (0, 0, 0, 0, 1, 0)
    # The first answer is withdrawn, not deleted.
    assert row_counts(db_path, ["proposal_answer"])["proposal_answer"] == 2
    proposals.close_proposal(store, sid, ProposalOutcome.CARRIED, AT)
    with pytest.raises(RoomRefused, match="no longer open"):
        phone_answers.proposal_from_device(store, token, put.id, 5, AT)


def test_an_anonymous_answer_has_no_member_and_is_given_once(store, meeting, db_path) -> None:
    sid, item_id, code = meeting
    put = proposals.put_proposal(store, sid, _position(store, sid, item_id), ROTA, AT)
    token, _ = participants.join_room(store, code)
    phone_answers.proposal_from_device(store, token, put.id, 0, AT)
    before = row_counts(db_path, ["proposal_answer", "room_answered"])
    with pytest.raises(RoomRefused, match="already answered"):
        phone_answers.proposal_from_device(store, token, put.id, 5, AT)
    assert row_counts(db_path, ["proposal_answer", "room_answered"]) == before
    with store.reading() as db:
        assert [a.member_id for a in db.query(ProposalAnswer)] == [None]


def test_a_phone_answers_only_at_the_proposals_item(store, programme, meeting) -> None:
    sid, _, code = meeting
    put = proposals.put_proposal(store, sid, 0, ROTA, AT)  # not the item the meeting is on
    token, _ = participants.join_room(store, code)
    with pytest.raises(RoomRefused, match="moved on"):
        phone_answers.proposal_from_device(store, token, put.id, 3, AT)


def test_one_proposal_is_open_at_a_time_and_a_blank_one_is_refused(store, meeting) -> None:
    sid, _, _ = meeting
    with pytest.raises(InputError, match="Type the proposal"):
        proposals.put_proposal(store, sid, 0, "   ", AT)
    proposals.put_proposal(store, sid, 0, ROTA, AT)
    with pytest.raises(InputError, match="already open"):
        proposals.put_proposal(store, sid, 0, "Another", AT)


def test_the_keyboard_counts_hands_and_closing_minutes_the_outcome_and_spread(
    store, programme, meeting
) -> None:
    sid, item_id, _ = meeting
    position = _position(store, sid, item_id)
    proposals.put_proposal(store, sid, position, ROTA, AT)
    for fingers in (1, 3, 3, 4, 5):
        proposals.count_hands(store, sid, fingers, AT)
    closed = proposals.close_proposal(store, sid, ProposalOutcome.NOT_CARRIED, AT)
    assert closed.spread.counts == (0, 1, 0, 2, 1, 1)
    assert (closed.spread.answered, closed.spread.lowest) == (5, 1)
    decision = (
        f"Not carried: {ROTA} (fist of five, 5 answers, lowest 1: 0 ×0, 1 ×1, 2 ×0, 3 ×2, "
        "4 ×1, 5 ×1)"
    )
    assert [n.text for n in notes.list_notes(store, sid, position)] == [decision]
    assert decision in render_minutes(store, sid, "md").decode()
    assert "Not carried: Adopt the shared" in render_minutes(store, sid, "html").decode()

    words = [p.text for p in Document(io.BytesIO(render_minutes(store, sid, "docx"))).paragraphs]
    assert any(decision in line for line in words)
    assert proposals.open_proposal(store, sid) is None
    with pytest.raises(InputError, match="No proposal is open"):
        proposals.count_hands(store, sid, 3, AT)


def test_a_proposal_and_its_answers_go_out_and_come_back(store, programme, meeting, tmp_path):
    sid, item_id, code = meeting
    asha = people.add_member(store, programme.id, "Asha Patel")
    put = proposals.put_proposal(store, sid, _position(store, sid, item_id), ROTA, AT)
    token, _ = participants.join_room(store, code, asha.id)
    phone_answers.proposal_from_device(store, token, put.id, 2, AT)
    phone_answers.proposal_from_device(store, token, put.id, 4, AT)
    proposals.count_hands(store, sid, 5, AT)
    proposals.close_proposal(store, sid, ProposalOutcome.DEFERRED, AT)
    sample = export_programme(store, programme.slug)[1]
    put_out = json.loads(sample)["sessions"][0]["proposals"]
    assert [(p["text"], p["outcome"]) for p in put_out] == [(ROTA, "deferred")]
    assert [(a["member"], a["fingers"]) for a in put_out[0]["answers"]] == [
        ("Asha Patel", 2),
        ("Asha Patel", 4),
        (None, 5),
    ]
    other = Store.open(tmp_path / "other.db")
    try:
        import_programme(other, read_document(sample, "the file"))
        assert export_programme(other, programme.slug)[1] == sample
        [back] = proposals.proposals_of(other, first_session(other, programme.slug))
        assert (back.outcome, back.spread.counts) == ("deferred", (0, 0, 0, 0, 1, 1))
    finally:
        other.close()


def first_session(store, slug) -> int:
    return running.resolve_session_ref(store, f"{slug}/1")


def test_an_export_before_proposals_still_imports(store, programme, tmp_path) -> None:
    planning.start_session(store, programme.id, card_agenda())
    data = json.loads(export_programme(store, programme.slug)[1])
    data["version"] = 7
    for session in data["sessions"]:
        del session["proposals"]
    other = Store.open(tmp_path / "other.db")
    try:
        import_programme(other, read_document(json.dumps(data), "the file"))
        assert proposals.proposals_of(other, first_session(other, programme.slug)) == []
    finally:
        other.close()
