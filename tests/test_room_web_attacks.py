"""The room's page under attack, on loopback: every refusal answered plainly, with a 4xx
status, and nothing written."""

from __future__ import annotations

import pytest
from markupsafe import escape

from facilitator.room.attempts import WINDOW_SECONDS
from sessions.agenda.model import Agenda, AgendaItem, ScorecardArea, Section
from sessions.services import participants, people, planning, running
from sessions.services.programmes import create_programme
from tests.room_web import Rooms, counts, field, ratings_of, said
from tests.test_room import card_of, session_on_card

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


async def joined(phone, code, member="anonymous"):
    """A phone in the room, on the scorecard: the rating form's csrf and item fields."""
    response, page = await phone.join(code, member)
    assert response.status == 200, page
    return {"csrf": field(page, "csrf"), "item": field(page, "item")}


async def test_wrong_codes_all_get_the_same_answer_and_write_nothing(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    csrf = await phone.csrf()
    before = counts(db_path)
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    for attempt in (wrong, "", "x" * 500, SCRIPT):
        for member in (None, "anonymous"):
            form = {"csrf": csrf, "code": attempt} | ({"member": member} if member else {})
            response, page = await phone.post("/join", form)
            assert response.status == 403
            assert "There is no open room with that code." in page
            assert SCRIPT not in page
    assert counts(db_path) == before


async def test_code_attempts_are_limited_per_address_then_allowed_again(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    csrf = await phone.csrf()
    for _ in range(10):
        response, _page = await phone.post("/join", {"csrf": csrf, "code": "WRONG123"})
        assert response.status == 403
    before = counts(db_path)
    # Past the limit even the right code waits: a guess that landed would not show.
    response, page = await phone.post("/join", {"csrf": csrf, "code": code, "member": "anonymous"})
    assert response.status == 429 and "Too many tries" in page
    # What the page tells the phone to wait, in whole seconds: never nought, never past the window.
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= WINDOW_SECONDS
    assert counts(db_path) == before and participants.list_devices(store, sid) == []
    rooms.seconds.now += WINDOW_SECONDS + 1
    response, _page = await phone.post("/join", {"csrf": csrf, "code": code, "member": "anonymous"})
    assert response.status == 200 and len(participants.list_devices(store, sid)) == 1


async def test_another_sessions_code_and_token_do_not_work_here(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    other_programme = create_programme(store, "Other programme")
    other, _ = session_on_card(store, other_programme)
    participants.open_room(store, sid)
    other_code = participants.open_room(store, other).code
    here = rooms.phone(await rooms.serve(sid))
    before = counts(db_path)
    response, page = await here.post("/join", {"csrf": await here.csrf(), "code": other_code})
    assert response.status == 403 and "There is no open room with that code." in page
    response, page = await here.post(
        "/join", {"csrf": await here.csrf(), "code": other_code, "member": "anonymous"}
    )
    assert response.status == 403 and counts(db_path) == before
    # A phone of the other room, its cookie brought here, is sent to join.
    there = rooms.phone(await rooms.serve(other))
    form = await joined(there, other_code)
    token = there.cookie("room_device")
    here.http.cookie_jar.update_cookies({"room_device": token}, here.server.make_url("/"))
    response, page = await here.get("/item")
    assert str(response.url).endswith("/") and "Join the meeting" in page
    here.http.cookie_jar.update_cookies({"room_device": token}, here.server.make_url("/"))
    before = counts(db_path)
    response, page = await here.post("/rate", {**form, "s0": "4"})
    assert response.status == 403 and "no longer in the room" in page
    assert counts(db_path) == before


async def test_ids_of_another_session_or_programme_are_refused(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    other_programme = create_programme(store, "Other programme")
    other, other_card = session_on_card(store, other_programme)
    stranger = people.add_member(store, other_programme.id, "Sam Stranger")
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.post("/join", {"csrf": await phone.csrf(), "code": code})
    before = counts(db_path)
    response, page = await phone.post(
        "/join", {"csrf": field(page, "csrf"), "code": code, "member": str(stranger.id)}
    )
    assert response.status == 403 and said(page, "not one of this meeting's")
    assert counts(db_path) == before
    form = await joined(phone, code)
    before = counts(db_path)
    response, page = await phone.post("/rate", {**form, "item": str(other_card), "s0": "4"})
    assert response.status == 403 and "not an item of this meeting" in page
    response, page = await phone.post("/rate", {**form, "s7": "4"})
    assert response.status == 400 and "no statement 8" in page
    assert counts(db_path) == before and ratings_of(store, other) == [(), ()]


async def test_cross_site_and_forged_forms_are_refused(store, db_path, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    csrf = await phone.csrf()
    join_form = {"csrf": csrf, "code": code, "member": "anonymous"}
    before = counts(db_path)
    for origin in (None, "http://evil.example", "null", phone.origin + ".evil.example"):
        response, page = await phone.post("/join", join_form, origin=origin)
        assert response.status == 403 and said(page, "did not come from the room's own page")
    # One character changed: the last, flipped to a digit it is not, so the forgery always differs.
    one_off = csrf[:-1] + ("1" if csrf[-1] == "0" else "0")
    for forged in ({}, {"csrf": ""}, {"csrf": "0" * 64}, {"csrf": one_off}):
        response, _page = await phone.post(
            "/join", {**join_form, **forged} if forged else {"code": code, "member": "anonymous"}
        )
        assert response.status == 403
    assert counts(db_path) == before
    # A Referer from the page itself stands in for a missing Origin.
    response, _page = await phone.post(
        "/join", join_form, origin=None, headers={"Referer": phone.origin + "/"}
    )
    assert response.status == 200
    _, page = await phone.get("/item")
    form = {"csrf": field(page, "csrf"), "item": field(page, "item"), "s0": "4"}
    # Another phone's field is no good for this one.
    other = rooms.phone(phone.server)
    other_form = await joined(other, code)
    before = counts(db_path)
    for origin in (None, "http://evil.example"):
        response, _page = await phone.post("/rate", form, origin=origin)
        assert response.status == 403
    for forged in ("", "0" * 64, other_form["csrf"]):
        response, page = await phone.post("/rate", {**form, "csrf": forged})
        assert response.status == 403 and said(page, "did not come from the room's own page")
    response, _page = await phone.post("/rate", {"item": form["item"], "s0": "4"})
    assert response.status == 403
    assert counts(db_path) == before and ratings_of(store, sid) == [(), ()]


async def test_oversized_bodies_and_unknown_fields_are_refused(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    form = await joined(phone, code)
    before = counts(db_path)
    response, _page = await phone.post("/rate", {**form, "s0": "4", "padding": "x" * 20_000})
    assert response.status == 413 and response.headers["Cache-Control"] == "no-store"
    response, _page = await phone.post("/join", {"code": "x" * 20_000})
    assert response.status == 413
    for extra in ({"member_id": "1"}, {"s0x": "1"}, {"s01": "1"}, {"session": str(sid)}):
        response, page = await phone.post("/rate", {**form, "s0": "4", **extra})
        assert response.status == 400 and said(page, "not sent by the room's page")
    response, _page = await phone.post("/rate", [*form.items(), ("s0", "4"), ("s0", "5")])
    assert response.status == 400
    for score in ("0", "6", "4.0", "-1", "", "٣"):
        response, page = await phone.post("/rate", {**form, "s0": score})
        assert response.status == 400 and "rated from 1" in page
    assert counts(db_path) == before and ratings_of(store, sid) == [(), ()]


def hostile_agenda() -> Agenda:
    areas = (ScorecardArea(SCRIPT, (f"We trust {SCRIPT}", "<b>bold</b> & <i>plain</i>")),)
    return Agenda(
        title="Hostile",
        sections=(
            Section(
                "Step 1", 1, (AgendaItem(f"Card {SCRIPT}", 900, kind="scorecard", areas=areas),)
            ),
        ),
        source="test",
    )


async def test_html_and_script_are_shown_escaped_never_raw(
    store, db_path, programme, rooms
) -> None:
    sid = planning.start_session(store, programme.id, hostile_agenda())
    running.jump(store, sid, card_of(store, sid).position)
    member = people.add_member(store, programme.id, f"Ann {SCRIPT}")
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.post("/join", {"csrf": await phone.csrf(), "code": code})
    assert SCRIPT not in page and escape(f"Ann {SCRIPT}") in page
    response, page = await phone.join(code, str(member.id))
    assert response.status == 200
    assert SCRIPT not in page and "<b>" not in page
    assert escape(f"We trust {SCRIPT}") in page
    assert escape(f"Card {SCRIPT}") in page
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    before = counts(db_path)
    for hostile in (SCRIPT, '"><script>x</script>', "' onload='x"):
        for name in ("csrf", "item", "s0"):
            response, page = await phone.post("/rate", {**form, "s0": "4", name: hostile})
            assert 400 <= response.status < 500
            assert "<script>x" not in page and SCRIPT not in page and "' onload" not in page
        response, page = await phone.post(
            "/join", {"csrf": hostile, "code": hostile, "member": hostile}
        )
        assert response.status == 403 and "<script>x" not in page and SCRIPT not in page
    assert counts(db_path) == before


async def test_a_removed_phone_a_closed_room_and_a_finished_session_let_nothing_in(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    server = await rooms.serve(sid)
    removed, closed = rooms.phone(server), rooms.phone(server)
    removed_form = await joined(removed, code)
    closed_form = await joined(closed, code)
    [device, _] = participants.list_devices(store, sid)
    assert participants.remove_device(store, sid, device.device_id)

    async def turned_away(phone, form) -> None:
        before = counts(db_path)
        response, page = await phone.post("/rate", {**form, "s0": "4"})
        assert response.status == 403 and "join again with the code" in page
        assert counts(db_path) == before
        response, page = await phone.get("/item")
        assert str(response.url).endswith("/") and "Join the meeting" in page

    await turned_away(removed, removed_form)
    late = rooms.phone(server)
    late_csrf = await late.csrf()
    assert participants.close_room(store, sid)
    await turned_away(closed, closed_form)
    _, page = await closed.get("/")
    assert "The room is not open just now." in page
    response, page = await late.post("/join", {"csrf": late_csrf, "code": code})
    assert response.status == 403 and "There is no open room with that code." in page
    # Finishing the session ends a reopened room's phones too.
    code = participants.open_room(store, sid).code
    finished = rooms.phone(server)
    finished_form = await joined(finished, code)
    running.finish_session(store, sid)
    await turned_away(finished, finished_form)
    assert ratings_of(store, sid) == [(), ()]
