"""Dots on a checklist from phones: so many each, at most so many on one option, adding up
with the keyboard's counted hands; a member's dots replaced all together, anonymous dots given
once, and every refusal writing nothing."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from sessions.agenda.dots import DotBudget
from sessions.agenda.model import Agenda, AgendaItem, Section
from sessions.models import ActivityResult
from sessions.services import checklist, participants, people, phone_answers, planning, running
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from tests.room_web import Rooms, counts, field, said

OPTIONS = ("Slow to agree", "Nobody owns it", "No time")


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


def dots_agenda(budget: DotBudget | None, options: tuple[str, ...] = OPTIONS) -> Agenda:
    return Agenda(
        title="Barriers",
        sections=(
            Section(
                "Step 2",
                2,
                (
                    AgendaItem("Why are we here?", 600),
                    AgendaItem("Barriers", 900, kind="checklist", options=options, dots=budget),
                ),
            ),
        ),
        source="test",
    )


def list_of(store, sid):
    return next(i for i in running.get_session(store, sid).items if i.kind == "checklist")


def session_on_checklist(
    store, programme, budget: DotBudget | None = None, options: tuple[str, ...] = OPTIONS
) -> tuple[int, int]:
    """A session on its checklist: (session id, the checklist's item id)."""
    sid = planning.start_session(store, programme.id, dots_agenda(budget, options))
    item = list_of(store, sid)
    running.jump(store, sid, item.position)
    return sid, item.id


def votes(store, sid) -> list[int]:
    return [r.votes for r in checklist.checklist_results(store, sid, list_of(store, sid).position)]


def answers(store, item_id) -> list[tuple[str, int | None, int | None, bool]]:
    """Every row of the item's answers, withdrawn ones too: (option, dots, member, withdrawn)."""
    with store.reading() as db:
        return [
            (row.subject, row.score, row.member_id, row.deleted_at is not None)
            for row in db.scalars(
                select(ActivityResult)
                .where(ActivityResult.agenda_item_id == item_id)
                .order_by(ActivityResult.id)
            )
        ]


# The front door


def test_a_members_dots_add_to_the_keyboards_and_replace_their_own(store, programme) -> None:
    sid, item_id = session_on_checklist(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    token, device = participants.join_room(store, code, ann.id)
    checklist.vote(store, sid, list_of(store, sid).position, 0, 4)
    change = phone_answers.dots_from_device(store, token, item_id, {0: 1, 2: 2})
    assert change.said == "Ann Ode's dots: one vote for “Slow to agree”, 2 votes for “No time”"
    assert votes(store, sid) == [5, 0, 2]
    assert phone_answers.dots_ballot(store, device, list_of(store, sid).position).mine == (1, 0, 2)
    phone_answers.dots_from_device(store, token, item_id, {1: 2, 2: 0})
    assert votes(store, sid) == [4, 2, 0]
    ballot = phone_answers.dots_ballot(store, device, list_of(store, sid).position)
    assert (ballot.mine, ballot.left) == ((0, 2, 0), 1)
    # The earlier dots are kept, marked withdrawn, never removed; the keyboard's stand.
    assert answers(store, item_id) == [
        ("Slow to agree", 4, None, False),
        ("Slow to agree", 1, ann.id, True),
        ("No time", 2, ann.id, True),
        ("Nobody owns it", 2, ann.id, False),
    ]
    change = phone_answers.dots_from_device(store, token, item_id, {})
    assert change.said == "Ann Ode's dots taken back" and votes(store, sid) == [4, 0, 0]


def test_the_keyboard_takes_back_counted_hands_never_a_members_own_dots(store, programme) -> None:
    sid, item_id = session_on_checklist(store, programme)
    position = list_of(store, sid).position
    ann = people.add_member(store, programme.id, "Ann Ode")
    token, _ = participants.join_room(store, participants.open_room(store, sid).code, ann.id)
    checklist.vote(store, sid, position, 0, 3)
    phone_answers.dots_from_device(store, token, item_id, {0: 2})
    assert votes(store, sid) == [5, 0, 0]
    assert checklist.withdraw_last(store, sid, position, 0) is not None
    assert votes(store, sid) == [2, 0, 0]  # Ann's two stand
    assert checklist.withdraw_last(store, sid, position, 0) is None
    assert votes(store, sid) == [2, 0, 0]


def test_anonymous_dots_are_nobodys_and_given_once(store, db_path, programme) -> None:
    sid, item_id = session_on_checklist(store, programme)
    code = participants.open_room(store, sid).code
    token, device = participants.join_room(store, code)
    phone_answers.dots_from_device(store, token, item_id, {0: 2, 1: 1})
    assert votes(store, sid) == [2, 1, 0]
    assert [member for _, _, member, _ in answers(store, item_id)] == [None, None]
    ballot = phone_answers.dots_ballot(store, device, list_of(store, sid).position)
    assert ballot.given and ballot.mine == (0, 0, 0)
    before = counts(db_path)
    with pytest.raises(RoomRefused, match="already answered this anonymously"):
        phone_answers.dots_from_device(store, token, item_id, {2: 1})
    assert counts(db_path) == before and votes(store, sid) == [2, 1, 0]


def test_the_budget_the_agenda_gives_is_the_one_kept(store, programme) -> None:
    sid, item_id = session_on_checklist(store, programme, DotBudget(5, 4))
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    phone_answers.dots_from_device(store, token, item_id, {0: 4, 2: 1})
    assert votes(store, sid) == [4, 0, 1]


@pytest.mark.parametrize(
    ("dots", "refusal"),
    [
        ({0: 2, 1: 2}, "You have 3 dots to give in all."),
        ({0: 3}, "At most 2 dots on one option."),
        ({3: 1}, "The checklist has no option 4."),
        ({0: -1, 1: 2}, "Dots are counted from 0."),
        ({0: 0}, "Put at least one dot on an option."),
    ],
)
def test_a_ballot_outside_the_rules_writes_nothing(
    store, db_path, programme, dots, refusal
) -> None:
    sid, item_id = session_on_checklist(store, programme)
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    before = counts(db_path)
    with pytest.raises(Exception, match=re.escape(refusal)):
        phone_answers.dots_from_device(store, token, item_id, dots)
    assert counts(db_path) == before
    # Refused, the anonymous phone still has its one chance.
    phone_answers.dots_from_device(store, token, item_id, {1: 1})
    assert votes(store, sid) == [0, 1, 0]


def test_another_sessions_checklist_or_an_earlier_item_is_refused(
    store, db_path, programme
) -> None:
    sid, item_id = session_on_checklist(store, programme)
    other = create_programme(store, "Other programme")
    other_sid, other_item = session_on_checklist(store, other)
    token, _ = participants.join_room(store, participants.open_room(store, sid).code)
    before = counts(db_path)
    with pytest.raises(RoomRefused, match="not an item of this meeting"):
        phone_answers.dots_from_device(store, token, other_item, {0: 1})
    assert counts(db_path) == before
    running.jump(store, sid, list_of(store, sid).position - 1)
    before = counts(db_path)
    with pytest.raises(RoomRefused, match="moved on"):
        phone_answers.dots_from_device(store, token, item_id, {0: 1})
    assert counts(db_path) == before
    assert votes(store, other_sid) == [0, 0, 0]


# The phone's page


async def test_a_phone_gives_its_dots_and_the_keyboards_results_show_them(
    store, programme, rooms
) -> None:
    sid, _ = session_on_checklist(store, programme)
    phone = rooms.phone(await rooms.serve(sid))
    response, html = await phone.join(participants.open_room(store, sid).code)
    assert response.status == 200 and all(said(html, option) for option in OPTIONS)
    assert "You have 3 dots to give, at most 2 on one option." in html
    assert "Dots left: <strong>3</strong> of 3" in html
    assert re.findall(r'name="o0" value="(\d+)"', html) == ["0", "1", "2"]
    form = {"csrf": field(html, "csrf"), "item": field(html, "item")}
    response, html = await phone.post("/dots", {**form, "o0": "2", "o1": "0", "o2": "1"})
    assert response.status == 200 and "Your dots are in." in html
    assert "<form" not in html and "cannot be changed" in html
    assert votes(store, sid) == [2, 0, 1]


async def test_a_member_sees_their_dots_and_changes_them(store, db_path, programme, rooms) -> None:
    sid, item_id = session_on_checklist(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code, str(ann.id))
    form = {"csrf": field(html, "csrf"), "item": field(html, "item")}
    await phone.post("/dots", {**form, "o1": "2"})
    _, html = await phone.get("/item")
    assert re.search(r'name="o1" value="2" checked', html)
    assert re.search(r'name="o0" value="0" checked', html)
    assert "Dots left: <strong>1</strong> of 3" in html
    response, html = await phone.post("/dots", {**form, "o1": "1", "o2": "2"})
    assert response.status == 200 and "Your dots are in." in html
    assert votes(store, sid) == [0, 1, 2]
    response, html = await phone.post("/dots", {**form, "o0": "0", "o1": "0", "o2": "0"})
    assert "Your dots are taken back" in html and votes(store, sid) == [0, 0, 0]
    assert all(withdrawn for *_, withdrawn in answers(store, item_id))


async def test_an_anonymous_phone_sending_no_dots_keeps_its_chance(store, programme, rooms) -> None:
    sid, _ = session_on_checklist(store, programme)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code)
    form = {"csrf": field(html, "csrf"), "item": field(html, "item")}
    _, html = await phone.post("/dots", {**form, "o0": "0"})
    assert "Nothing to save" in html
    await phone.post("/dots", {**form, "o0": "1"})
    assert votes(store, sid) == [1, 0, 0]


@pytest.mark.parametrize(
    ("sent", "status", "refusal"),
    [
        ({"o0": "2", "o1": "2"}, 400, "You have 3 dots to give in all."),
        ({"o0": "3"}, 400, "At most 2 dots on one option."),
        ({"o7": "1"}, 400, "The checklist has no option 8."),
        ({"o0": "-1"}, 400, "Dots are given as whole numbers, from 0."),
        ({"o0": "1.5"}, 400, "Dots are given as whole numbers, from 0."),
        ({"o0": "1", "x": "1"}, 400, "This form was not sent by the room's page."),
        ({"o01": "1"}, 400, "This form was not sent by the room's page."),
    ],
)
async def test_a_form_outside_the_rules_is_refused_and_writes_nothing(
    store, db_path, programme, rooms, sent, status, refusal
) -> None:
    sid, _ = session_on_checklist(store, programme)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code)
    form = {"csrf": field(html, "csrf"), "item": field(html, "item")}
    before = counts(db_path)
    response, html = await phone.post("/dots", {**form, **sent})
    assert response.status == status and said(html, refusal)
    assert counts(db_path) == before


async def test_another_sessions_checklist_is_refused_from_the_page(
    store, db_path, programme, rooms
) -> None:
    sid, _ = session_on_checklist(store, programme)
    other_sid, other_item = session_on_checklist(store, create_programme(store, "Other"))
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code)
    before = counts(db_path)
    form = {"csrf": field(html, "csrf"), "item": str(other_item), "o0": "1"}
    response, html = await phone.post("/dots", form)
    assert response.status == 403 and "not an item of this meeting" in html
    assert counts(db_path) == before and votes(store, other_sid) == [0, 0, 0]


async def test_a_cross_site_form_is_refused(store, db_path, programme, rooms) -> None:
    sid, _ = session_on_checklist(store, programme)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code)
    before = counts(db_path)
    form = {"csrf": field(html, "csrf"), "item": field(html, "item"), "o0": "1"}
    response, _ = await phone.post("/dots", form, origin="http://evil.example")
    assert response.status == 403
    forged = ("1" if form["csrf"][0] == "0" else "0") + form["csrf"][1:]
    response, _ = await phone.post("/dots", {**form, "csrf": forged})
    assert response.status == 403
    assert counts(db_path) == before


async def test_options_are_shown_escaped(store, programme, rooms) -> None:
    hostile = ('<script>alert("x")</script>', '"><b onclick="x">', "' onload='x")
    sid, _ = session_on_checklist(store, programme, options=hostile)
    phone = rooms.phone(await rooms.serve(sid))
    _, html = await phone.join(participants.open_room(store, sid).code)
    assert "<script>alert" not in html and '"><b ' not in html and "' onload" not in html
    assert all(said(html, option) for option in hostile)
