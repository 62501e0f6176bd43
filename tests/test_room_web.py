"""The room's web page: phones join by name or anonymously and rate the scorecard, their
ratings landing where the keyboard's do."""

from __future__ import annotations

import asyncio
import re

import pytest

from sessions.services import participants, people, running, scorecard
from sessions.services.programmes import create_programme
from tests.room_web import Rooms, counts, field, ratings_of, said
from tests.test_room import card_of, session_on_card

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


async def test_a_phone_joins_anonymously_and_its_ratings_reach_the_scorecard(
    store, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).shown_code.lower()
    phone = rooms.phone(await rooms.serve(sid))
    response, html = await phone.join(code)
    assert response.status == 200 and str(response.url).endswith("/item")
    assert "You joined as Anonymous." in html
    assert "We agree why we exist" in html and "Every practice gains" in html
    response, html = await phone.post(
        "/rate", {"csrf": field(html, "csrf"), "item": field(html, "item"), "s0": "4", "s1": "2"}
    )
    assert response.status == 200 and "Saved." in html
    assert ratings_of(store, sid) == [(4,), (2,)]
    [device] = participants.list_devices(store, sid)
    assert device.member_id is None


async def test_names_are_offered_only_after_the_right_code(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.get("/")
    assert "Ann Ode" not in html
    response, html = await phone.post("/join", {"csrf": field(html, "csrf"), "code": "WRONG123"})
    assert response.status == 403 and "There is no open room with that code." in html
    assert "Ann Ode" not in html
    response, html = await phone.post("/join", {"csrf": field(html, "csrf"), "code": code})
    assert response.status == 200 and "Ann Ode" in html and "Join anonymously" in html


async def test_a_member_joins_by_name_and_sees_their_own_ratings(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid, anonymous_allowed=False).code
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.post("/join", {"csrf": await phone.csrf(), "code": code})
    assert "Join anonymously" not in html
    response, html = await phone.join(code, str(ann.id))
    assert "You joined as Ann Ode." in html
    form = {"csrf": field(html, "csrf"), "item": field(html, "item"), "s0": "3"}
    await phone.post("/rate", form)
    _, html = await phone.get("/item")
    assert re.search(r'name="s0" value="3" checked', html)
    assert not re.search(r'name="s1" value="\d" checked', html)
    # Saving again unchanged writes nothing; a change replaces Ann's rating, as at the keyboard.
    before = counts(db_path)
    response, html = await phone.post("/rate", form)
    assert response.status == 200 and counts(db_path) == before
    await phone.post("/rate", {**form, "s0": "5"})
    position = card_of(store, sid).position
    [first, _] = scorecard.scorecard_results(store, sid, position)
    assert first.scores == (5,) and first.by_member == ((ann.id, 5),)


async def test_the_phone_follows_the_facilitators_screen_between_scorecards(
    store, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    await phone.join(code)
    running.jump(store, sid, card_of(store, sid).position - 1)
    response, html = await phone.get("/item")
    assert response.status == 200
    assert "Why are we here?" in html and said(html, "Follow the facilitator's screen")
    assert 'href="/item"' in html and "<form" not in html


async def test_an_anonymous_rating_is_given_once(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code)
    form = {"csrf": field(html, "csrf"), "item": field(html, "item")}
    await phone.post("/rate", {**form, "s0": "4"})
    response, html = await phone.post("/rate", {**form, "s0": "1", "s1": "2"})
    assert response.status == 200 and "cannot be changed" in html
    assert ratings_of(store, sid) == [(4,), (2,)]
    response, html = await phone.post("/rate", {**form, "s0": "1"})
    assert response.status == 403 and "already answered this anonymously" in html
    assert ratings_of(store, sid) == [(4,), (2,)]


async def test_the_device_cookie_is_httponly_strict_and_not_secure_over_plain_http(
    store, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.post("/join", {"csrf": await phone.csrf(), "code": code})
    async with phone.http.post(
        phone.server.make_url("/join"),
        data={"csrf": field(html, "csrf"), "code": code, "member": "anonymous"},
        headers={"Origin": phone.origin},
        allow_redirects=False,
    ) as response:
        assert response.status == 303 and response.headers["Location"] == "/item"
        [cookie] = [c for c in response.headers.getall("Set-Cookie") if "room_device=" in c]
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "samesite", "path"} <= attributes and "secure" not in attributes
    assert "SameSite=Strict" in cookie and "Path=/" in cookie


async def test_every_answer_carries_the_security_headers(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    participants.open_room(store, sid)
    phone = rooms.phone(await rooms.serve(sid))
    for path in ("/", "/room.css", "/nowhere", "/item"):
        response, _ = await phone.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)
    response, _ = await phone.post("/join", {"code": "x"}, origin=None)
    assert response.status == 403
    assert (
        response.headers["Content-Security-Policy"] == SECURITY_HEADERS["Content-Security-Policy"]
    )


async def test_the_pages_need_no_outside_fonts_or_scripts(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    _, join_page = await phone.get("/")
    _, item_page = await phone.join(code)
    css_response, css = await phone.get("/room.css")
    assert css_response.content_type == "text/css"
    for html in (join_page, item_page):
        assert '<html lang="en-GB">' in html and "<title>" in html
        assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "url(" not in css and "@import" not in css
    # Every input a person fills in has its label.
    assert 'label for="code"' in join_page


async def test_twenty_phones_rating_at_once_lose_no_rating(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    server = await rooms.serve(sid)
    members = [people.add_member(store, programme.id, f"Member {n}") for n in range(10)]
    choices = [str(member.id) for member in members] + ["anonymous"] * 10
    forms = []
    for n, choice in enumerate(choices):
        if n % 5 == 0:
            rooms.seconds.now += 61  # one address stands for all twenty: keep within its limit
        phone = rooms.phone(server)
        _, html = await phone.join(code, choice)
        forms.append((phone, {"csrf": field(html, "csrf"), "item": field(html, "item")}))
    answers = await asyncio.gather(
        *(
            phone.post("/rate", {**form, "s0": str(n % 5 + 1), "s1": "3"})
            for n, (phone, form) in enumerate(forms)
        )
    )
    assert all(response.status == 200 and "Saved." in html for response, html in answers)
    first, second = ratings_of(store, sid)
    assert sorted(first) == sorted(n % 5 + 1 for n in range(20)) and second == (3,) * 20


async def test_a_room_by_name_with_no_names_says_to_ask_the_facilitator(
    store, programme, rooms
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid, anonymous_allowed=False).code
    phone = rooms.phone(await rooms.serve(sid))
    response, html = await phone.post("/join", {"csrf": await phone.csrf(), "code": code})
    assert response.status == 200 and "no names to choose from yet" in html
    assert "Join anonymously" not in html
