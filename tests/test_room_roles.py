"""Team roles from the room's phones: a member ticks their own, saved as the keyboard
saves them; an anonymous phone is told roles are marked by name."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from facilitator.room.context import ROOM
from facilitator.room.item import DEVICE_PURPOSE
from facilitator.room.security import form_token
from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.errors import InputError
from sessions.models import ActivityResult
from sessions.services import participants, people, phone_answers, planning, roles, running
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from sessions.services.undo import undo_change
from tests.room_web import Rooms, counts, field, said

SCRIPT = '<script>alert("x")</script>'


def answers_agenda() -> Agenda:
    return Agenda(
        title="Trusted people",
        sections=(
            Section(
                "Step 2",
                2,
                (
                    AgendaItem("Why are we here?", 600),
                    AgendaItem("Team roles we bring", 600, kind="roles"),
                    AgendaItem(
                        "What will I do differently?",
                        300,
                        kind="reflection",
                        prompt="One thing you will change before we next meet?",
                    ),
                ),
            ),
        ),
        source="test",
    )


def session_on(store, programme, kind: str) -> tuple[int, int]:
    """A session on its item of this kind: (session id, the item's id)."""
    sid = planning.start_session(store, programme.id, answers_agenda())
    item = next(i for i in running.get_session(store, sid).items if i.kind == kind)
    running.jump(store, sid, item.position)
    return sid, item.id


def marks_of(store, sid) -> dict[str, tuple[str, ...]]:
    position = next(i.position for i in running.get_session(store, sid).items if i.kind == "roles")
    return {m.name: m.roles for m in roles.roles_board(store, sid, position).members if m.roles}


def ticked(page: str) -> list[str]:
    return re.findall(r'name="(r\d+)" checked', page)


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


async def test_a_member_ticks_their_own_roles_and_changes_them(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on(store, programme, "roles")
    ann = people.add_member(store, programme.id, "Ann Ode")
    phone = rooms.phone(await rooms.serve(sid))
    response, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    assert response.status == 200 and "Team roles we bring" in page
    assert page.count('type="checkbox"') == 9 and ticked(page) == []
    assert "Completer Finisher" in page and "turns ideas into plans that get done" in page
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    response, page = await phone.post("/roles", {**form, "r0": "on", "r3": "on"})
    assert response.status == 200 and "Saved." in page
    assert ticked(page) == ["r0", "r3"]
    assert marks_of(store, sid) == {"Ann Ode": ("Shaper", "Coordinator")}
    # Unticking withdraws the mark, kept as the keyboard keeps it; ticking adds one.
    response, page = await phone.post("/roles", {**form, "r3": "on", "r6": "on"})
    assert marks_of(store, sid) == {"Ann Ode": ("Coordinator", "Plant")}
    with store.reading() as db:
        assert db.scalar(select(func.count()).select_from(ActivityResult)) == 3
    before = counts(db_path)
    response, page = await phone.post("/roles", {**form, "r3": "on", "r6": "on"})
    assert response.status == 200 and "Nothing changed" in page and counts(db_path) == before
    response, page = await phone.post("/roles", form)
    assert "no team roles marked now" in page and ticked(page) == []
    assert marks_of(store, sid) == {}


async def test_the_phone_shows_the_keyboards_marks_and_its_change_undoes_there(
    store, programme, rooms
) -> None:
    sid, item_id = session_on(store, programme, "roles")
    ann = people.add_member(store, programme.id, "Ann Ode")
    position = next(i.position for i in running.get_session(store, sid).items if i.id == item_id)
    roles.toggle_role(store, sid, position, ann.id, "Plant")
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    assert ticked(page) == ["r6"]
    token = phone.cookie("room_device")
    change = phone_answers.set_roles_from_device(store, token, item_id, ["Shaper", "Specialist"])
    assert change.said == "Ann Ode as Shaper and Specialist"
    assert marks_of(store, sid) == {"Ann Ode": ("Shaper", "Specialist")}
    undo_change(store, change)
    assert marks_of(store, sid) == {"Ann Ode": ("Plant",)}


async def test_an_anonymous_phone_is_told_roles_are_marked_by_name(
    store, db_path, programme, rooms
) -> None:
    sid, item_id = session_on(store, programme, "roles")
    phone = rooms.phone(await rooms.serve(sid))
    response, page = await phone.join(participants.open_room(store, sid).code)
    assert response.status == 200 and "Team roles are marked by name" in page
    assert "<form" not in page and 'href="/item"' in page
    # A form the page never offered, made with the phone's own field, is refused too.
    token = phone.cookie("room_device")
    csrf = form_token(phone.server.app[ROOM].secret, DEVICE_PURPOSE, token)
    before = counts(db_path)
    response, page = await phone.post("/roles", {"csrf": csrf, "item": str(item_id), "r0": "on"})
    assert response.status == 403 and "Team roles are marked by name" in page
    with pytest.raises(RoomRefused, match="marked by name"):
        phone_answers.set_roles_from_device(store, token, item_id, ["Shaper"])
    assert counts(db_path) == before


async def test_refusals_write_nothing(store, db_path, programme, rooms) -> None:
    sid, item_id = session_on(store, programme, "roles")
    ann = people.add_member(store, programme.id, "Ann Ode")
    other_programme = create_programme(store, "Other programme")
    other, other_item = session_on(store, other_programme, "roles")
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    before = counts(db_path)
    response, page = await phone.post("/roles", {**form, "item": str(other_item), "r0": "on"})
    assert response.status == 403 and "not an item of this meeting" in page
    response, page = await phone.post("/roles", {**form, "r9": "on"})
    assert response.status == 400 and "there is no role 10" in page
    for value in ("", "off", "1", SCRIPT):
        response, page = await phone.post("/roles", {**form, "r0": value})
        assert response.status == 400 and "Tick the team roles" in page
    for extra in ({"role": "Shaper"}, {"r01": "on"}, {"member": str(ann.id)}):
        response, page = await phone.post("/roles", {**form, **extra})
        assert response.status == 400 and said(page, "not sent by the room's page")
    response, page = await phone.post("/roles", [*form.items(), ("r0", "on"), ("r0", "on")])
    assert response.status == 400
    assert counts(db_path) == before
    # A form left open on the roles while the meeting moved on changes nothing.
    running.jump(store, sid, 2)
    before = counts(db_path)
    response, page = await phone.post("/roles", {**form, "r0": "on"})
    assert response.status == 403 and "moved on" in page
    assert counts(db_path) == before
    token = phone.cookie("room_device")
    running.jump(store, sid, 1)
    before = counts(db_path)
    with pytest.raises(InputError, match="not one of the nine"):
        phone_answers.set_roles_from_device(store, token, item_id, ["Shaper", "Wizard"])
    assert counts(db_path) == before
    assert marks_of(store, sid) == {} and marks_of(store, other) == {}


async def test_html_and_script_are_escaped_on_the_roles_page(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on(store, programme, "roles")
    ann = people.add_member(store, programme.id, f"Ann {SCRIPT}")
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    assert SCRIPT not in page and escape(f"Ann {SCRIPT}") in page
    form = {"csrf": field(page, "csrf"), "item": field(page, "item")}
    before = counts(db_path)
    for hostile in (SCRIPT, '"><script>x</script>', "' onload='x"):
        for name in ("csrf", "item", "r0"):
            response, page = await phone.post("/roles", {**form, "r0": "on", name: hostile})
            assert 400 <= response.status < 500
            assert "<script>x" not in page and SCRIPT not in page and "' onload" not in page
    assert counts(db_path) == before
