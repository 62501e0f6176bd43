"""The room's web page: a proposal the facilitator put to the room shows on every phone,
which answers with a fist of five; refusals write nothing."""

from __future__ import annotations

import pytest

from sessions.services import participants, people, proposals, running
from sessions.services.programmes import create_programme
from sessions.services.proposals import ProposalOutcome
from tests.room_web import Rooms, counts, field, said
from tests.test_room import card_of, session_on_card

HOSTILE = '<script>alert("x")</script> & <b>bold</b> rota'


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


def put(store, sid: int, text: str = "Adopt the shared rota"):
    return proposals.put_proposal(store, sid, card_of(store, sid).position, text)


async def test_a_named_phone_answers_and_changes_its_answer(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    proposal = put(store, sid, HOSTILE)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(code, str(ann.id))
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert said(html, HOSTILE) and "A fist: I block this" in html
    assert "You can change your answer" in html
    form = {"csrf": field(html, "csrf"), "proposal": str(proposal.id)}
    response, html = await phone.post("/fist", {**form, "fingers": "4"})
    assert response.status == 200 and "Saved." in html
    assert 'value="4" checked' in html
    response, html = await phone.post("/fist", {**form, "fingers": "1"})
    assert response.status == 200 and 'value="1" checked' in html
    shown = proposals.open_proposal(store, sid)
    assert shown is not None and shown.spread.counts == (0, 1, 0, 0, 0, 0)


async def test_an_anonymous_phone_answers_once(store, db_path, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    proposal = put(store, sid)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(code)
    assert "given once and cannot be changed" in html
    form = {"csrf": field(html, "csrf"), "proposal": str(proposal.id)}
    response, html = await phone.post("/fist", {**form, "fingers": "0"})
    assert response.status == 200 and "You have answered." in html
    assert 'name="fingers"' not in html
    before = counts(db_path)
    response, html = await phone.post("/fist", {**form, "fingers": "5"})
    assert response.status == 403 and "already answered" in html
    assert counts(db_path) == before


async def test_refused_answers_write_nothing(store, db_path, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    proposal = put(store, sid)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(code)
    form = {"csrf": field(html, "csrf"), "proposal": str(proposal.id)}
    before = counts(db_path)
    for data, origin, status in (
        ({**form, "fingers": "6"}, "own", 400),
        ({**form, "fingers": "<b>1</b>"}, "own", 400),
        ({**form}, "own", 400),
        ({**form, "fingers": "3", "extra": "1"}, "own", 400),
        ({**form, "fingers": "3"}, "http://evil.example", 403),
        ({**form, "fingers": "3", "csrf": "forged"}, "own", 403),
        ({**form, "fingers": "3", "proposal": str(proposal.id + 1)}, "own", 403),
    ):
        response, html = await phone.post("/fist", data, origin=origin)
        assert response.status == status, (data, html)
        assert "<b>1</b>" not in html
    assert counts(db_path) == before


async def test_a_closed_proposal_leaves_the_page_and_takes_no_answer(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    proposal = put(store, sid)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(code)
    form = {"csrf": field(html, "csrf"), "proposal": str(proposal.id), "fingers": "3"}
    proposals.close_proposal(store, sid, ProposalOutcome.CARRIED)
    before = counts(db_path)
    response, html = await phone.post("/fist", form)
    assert response.status == 403 and "no longer open" in html
    assert counts(db_path) == before
    _, html = await phone.get("/item")
    assert "Adopt the shared rota" not in html


async def test_a_proposal_at_another_item_is_not_shown(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    proposals.put_proposal(store, sid, 0, "Adopt the shared rota")
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(code)
    assert "Adopt the shared rota" not in html
    running.jump(store, sid, 0)
    _, html = await phone.get("/item")
    assert "Adopt the shared rota" in html
