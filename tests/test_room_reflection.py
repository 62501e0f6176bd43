"""Private reflections from the room's phones: by name replacing the member's own, as at
the keyboard; anonymous given once; never shown to another phone or on the projector."""

from __future__ import annotations

from datetime import date

import pytest
from markupsafe import escape
from sqlalchemy import select

from sessions.errors import InputError
from sessions.models import ActivityResult, RoomAnswered
from sessions.services import participants, people, phone_answers, reflection, running
from sessions.services.phone_answers import REFLECTION_LIMIT
from sessions.services.programmes import create_programme
from sessions.services.room import room_markdown
from tests.room_web import Rooms, counts, field, said
from tests.test_room_roles import session_on

SCRIPT = '<script>alert("x")</script>'
PRIVATE = "I talk over people in meetings"


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


def answers_of(store, sid) -> list[tuple[str, str | None]]:
    item = next(i for i in running.get_session(store, sid).items if i.kind == "reflection")
    return [(a.name, a.text) for a in reflection.reflections(store, sid, item.position).answers]


async def test_a_member_writes_their_reflection_and_replaces_it(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on(store, programme, "reflection")
    ann = people.add_member(store, programme.id, "Ann Ode")
    phone = rooms.phone(await rooms.serve(sid))
    response, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    assert response.status == 200 and "One thing you will change before we next meet?" in page
    assert f'maxlength="{REFLECTION_LIMIT}"' in page and "Saving again replaces it." in page
    assert "It stays out of the minutes unless the facilitator chooses otherwise." in page
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    response, page = await phone.post("/reflect", {**form, "text": f"  {PRIVATE}\r\nand stop  "})
    assert response.status == 200 and "Saved. Your reflection is private" in page
    assert answers_of(store, sid) == [("Ann Ode", f"{PRIVATE}\nand stop")]
    # Her own phone shows her own words back, to change them.
    assert f"{PRIVATE}\nand stop</textarea>" in page
    response, page = await phone.post("/reflect", {**form, "text": "Listen first"})
    assert answers_of(store, sid) == [("Ann Ode", "Listen first")]
    assert "Listen first</textarea>" in page
    with store.reading() as db:
        withdrawn = db.scalars(select(ActivityResult).where(ActivityResult.deleted_at.is_not(None)))
        assert [row.subject for row in withdrawn] == [f"{PRIVATE}\nand stop"]
    before = counts(db_path)
    response, page = await phone.post("/reflect", {**form, "text": " Listen first "})
    assert "Nothing changed" in page and counts(db_path) == before
    response, page = await phone.post("/reflect", {**form, "text": " \r\n "})
    assert "Nothing to save" in page and counts(db_path) == before


async def test_an_anonymous_reflection_is_nobodys_and_given_once(
    store, db_path, programme, rooms
) -> None:
    sid, item_id = session_on(store, programme, "reflection")
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(participants.open_room(store, sid).code)
    assert "cannot be changed once saved" in page
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    response, page = await phone.post("/reflect", {**form, "text": PRIVATE})
    assert response.status == 200 and "Saved." in page
    # Its own words are not shown back: nothing ties them to the phone any longer.
    assert PRIVATE not in page and "<textarea" not in page and "cannot be shown" in page
    assert answers_of(store, sid) == [("", PRIVATE)]
    with store.reading() as db:
        [row] = db.scalars(select(ActivityResult))
        assert row.member_id is None
        [answered] = db.scalars(select(RoomAnswered))
        assert answered.agenda_item_id == item_id and answered.subject == ""
    before = counts(db_path)
    response, page = await phone.post("/reflect", {**form, "text": "A second thought"})
    assert response.status == 403 and "cannot be changed" in page
    assert counts(db_path) == before and answers_of(store, sid) == [("", PRIVATE)]


async def test_nobody_else_sees_a_reflection_nor_the_projector(store, programme, rooms) -> None:
    sid, item_id = session_on(store, programme, "reflection")
    ann = people.add_member(store, programme.id, "Ann Ode")
    bea = people.add_member(store, programme.id, "Bea Ng")
    code = participants.open_room(store, sid).code
    server = await rooms.serve(sid)
    anns, beas, anonymous = rooms.phone(server), rooms.phone(server), rooms.phone(server)
    _, page = await anns.join(code, str(ann.id))
    await anns.post(
        "/reflect", {"csrf": field(page, "csrf"), "item": field(page, "item"), "text": PRIVATE}
    )
    _, page = await beas.join(code, str(bea.id))
    assert PRIVATE not in page and "></textarea>" in page
    # Put in the minutes, the answers' words are still shown on no phone but their own.
    position = next(i.position for i in running.get_session(store, sid).items if i.id == item_id)
    reflection.set_in_minutes(store, sid, position, True)
    _, page = await beas.get("/item")
    assert PRIVATE not in page and "in the minutes, with your name" in page
    _, page = await anonymous.join(code)
    assert PRIVATE not in page
    item = next(i for i in running.get_session(store, sid).items if i.id == item_id)
    shown = room_markdown(store, sid, item, date(2026, 11, 30))
    assert PRIVATE not in shown and "Private answers given so far: 1" in shown


async def test_refusals_write_nothing(store, db_path, programme, rooms) -> None:
    sid, item_id = session_on(store, programme, "reflection")
    ann = people.add_member(store, programme.id, "Ann Ode")
    other_programme = create_programme(store, "Other programme")
    other, other_item = session_on(store, other_programme, "reflection")
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    before = counts(db_path)
    response, page = await phone.post("/reflect", {**form, "item": str(other_item), "text": "x"})
    assert response.status == 403 and "not an item of this meeting" in page
    response, page = await phone.post("/reflect", {**form, "text": "x" * (REFLECTION_LIMIT + 1)})
    assert response.status == 400 and "too long" in page
    for unshowable in ("nul \x00 here", "bell \x07", "escape \x1b[31m"):
        response, page = await phone.post("/reflect", {**form, "text": unshowable})
        assert response.status == 400 and "cannot be shown or kept" in page
    for extra in ({"member": str(ann.id)}, {"text2": "x"}, {"session": str(sid)}):
        response, page = await phone.post("/reflect", {**form, "text": "x", **extra})
        assert response.status == 400 and said(page, "not sent by the room's page")
    response, page = await phone.post("/reflect", [*form.items(), ("text", "a"), ("text", "b")])
    assert response.status == 400
    assert counts(db_path) == before
    # A reflection written while the meeting moved on to the roles is not saved there.
    running.jump(store, sid, 1)
    before = counts(db_path)
    response, page = await phone.post("/reflect", {**form, "text": "x"})
    assert response.status == 403 and "moved on" in page
    assert counts(db_path) == before
    assert answers_of(store, other) == [] and answers_of(store, sid) == [("Ann Ode", None)]
    # The limit counts characters as written: the longest answer is saved whole.
    running.jump(store, sid, 2)
    token = phone.cookie("room_device")
    longest = "é" * REFLECTION_LIMIT
    phone_answers.reflect_from_device(store, token, item_id, longest + "\r\n")
    assert answers_of(store, sid) == [("Ann Ode", longest)]
    with pytest.raises(InputError, match="too long"):
        phone_answers.reflect_from_device(store, token, item_id, longest + "é")


async def test_html_and_script_are_kept_as_written_and_shown_escaped(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on(store, programme, "reflection")
    ann = people.add_member(store, programme.id, f"Ann {SCRIPT}")
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    assert SCRIPT not in page and escape(f"Ann {SCRIPT}") in page
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    before = counts(db_path)
    for hostile in (SCRIPT, '"><script>x</script>', "' onload='x"):
        for name in ("csrf", "item"):
            response, page = await phone.post("/reflect", {**form, "text": "x", name: hostile})
            assert 400 <= response.status < 500
            assert "<script>x" not in page and SCRIPT not in page and "' onload" not in page
    assert counts(db_path) == before
    response, page = await phone.post("/reflect", {**form, "text": f"</textarea>{SCRIPT}"})
    assert response.status == 200 and SCRIPT not in page and "</textarea><" not in page
    assert str(escape(f"</textarea>{SCRIPT}")) in page
    assert answers_of(store, sid) == [(f"Ann {SCRIPT}", f"</textarea>{SCRIPT}")]
