"""The question queue: phones send questions and comments at any item, named or without a
name as the room allows; the facilitator makes one a note or sets it aside; nothing a
participant typed is lost, in the database or in an export."""

from __future__ import annotations

import json

import pytest

from sessions.errors import FacilitatorError, InputError
from sessions.exchange.format import VERSION
from sessions.exchange.parse import read_document
from sessions.models import RoomQuestion
from sessions.services import exchange, notes, participants, people, running
from sessions.services import questions as queue
from sessions.services.participants import RoomRefused
from sessions.services.programmes import create_programme
from sessions.services.questions import QUESTION_MAX, QuestionState
from tests.room_web import Rooms, counts, field, said
from tests.test_room import card_of, every_value, session_on_card

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def programme(store):
    return create_programme(store, "Harbour programme")


@pytest.fixture
async def rooms(store):
    async with Rooms(store) as rooms:
        yield rooms


def joined(store, sid: int, member_id: int | None = None, anonymous_allowed: bool = True) -> str:
    """A phone's token, in the session's open room, by name or anonymously."""
    code = participants.open_room(store, sid, anonymous_allowed=anonymous_allowed).code
    token, _ = participants.join_room(store, code, member_id)
    return token


def imported(store, text: str, name: str) -> None:
    exchange.import_programme(store, read_document(text, "the file"), new_name=name)


def test_a_named_question_waits_at_its_item_with_its_sender(store, programme) -> None:
    sid, card_id = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    token = joined(store, sid, ann.id)
    sent = queue.ask_from_device(store, token, card_id, "  Who pays\r\nfor the data?  ")
    [waiting] = queue.waiting(store, sid)
    assert waiting == sent
    assert (waiting.name, waiting.member_id, waiting.text) == (
        "Ann Ode",
        ann.id,
        "Who pays\nfor the data?",
    )
    assert (waiting.item_title, waiting.state) == ("Network health check", QuestionState.WAITING)
    assert queue.waiting_count(store, sid) == 1


def test_an_anonymous_question_keeps_no_trace_of_its_phone(store, programme, db_path) -> None:
    sid, card_id = session_on_card(store, programme)
    token = joined(store, sid)
    queue.ask_from_device(store, token, card_id, "Is the money ring-fenced?")
    [waiting] = queue.waiting(store, sid)
    assert (waiting.name, waiting.member_id) == ("Anonymous", None)
    assert "device" not in " ".join(RoomQuestion.__table__.columns.keys())
    assert token not in every_value(db_path)


def test_a_named_phone_sends_without_its_name_only_where_the_room_allows(
    store, programme, db_path
) -> None:
    sid, card_id = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    token = joined(store, sid, ann.id, anonymous_allowed=False)
    before = counts(db_path)
    with pytest.raises(RoomRefused, match="asks for questions by name"):
        queue.ask_from_device(store, token, card_id, "Quietly: who decides?", anonymous=True)
    assert counts(db_path) == before
    participants.open_room(store, sid, anonymous_allowed=True)  # a fresh code, the same room
    queue.ask_from_device(store, token, card_id, "Quietly: who decides?", anonymous=True)
    [waiting] = queue.waiting(store, sid)
    assert (waiting.name, waiting.member_id) == ("Anonymous", None)


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("", "Write your question"),
        (" \n\t ", "Write your question"),
        ("x" * (QUESTION_MAX + 1), f"keep a question to {QUESTION_MAX:,}"),
        ("a\x00b", "cannot be kept"),
    ],
    ids=["empty", "blank", "over-long", "nul"],
)
def test_an_empty_or_over_long_question_is_refused_with_nothing_written(
    store, programme, db_path, text, refusal
) -> None:
    sid, card_id = session_on_card(store, programme)
    token = joined(store, sid)
    before = counts(db_path)
    with pytest.raises(InputError, match=refusal):
        queue.ask_from_device(store, token, card_id, text)
    assert counts(db_path) == before


def test_the_longest_question_allowed_is_kept_whole(store, programme) -> None:
    sid, card_id = session_on_card(store, programme)
    queue.ask_from_device(store, joined(store, sid), card_id, "é" * QUESTION_MAX)
    assert queue.waiting(store, sid)[0].text == "é" * QUESTION_MAX


@pytest.mark.parametrize("how", ["closed room", "removed phone", "finished", "moved on", "other"])
def test_a_phone_that_may_no_longer_ask_is_refused_with_nothing_written(
    store, programme, db_path, how
) -> None:
    sid, card_id = session_on_card(store, programme)
    token = joined(store, sid)
    if how == "closed room":
        participants.close_room(store, sid)
    elif how == "removed phone":
        [device] = participants.list_devices(store, sid)
        participants.remove_device(store, sid, device.device_id)
    elif how == "finished":
        running.finish_session(store, sid)
    elif how == "moved on":
        running.jump(store, sid, card_of(store, sid).position - 1)
    else:
        other = session_on_card(store, create_programme(store, "Other programme"))[1]
        card_id = other
    before = counts(db_path)
    with pytest.raises(RoomRefused):
        queue.ask_from_device(store, token, card_id, "Still there?")
    assert counts(db_path) == before


def test_accepting_makes_a_question_note_by_its_sender(store, programme) -> None:
    sid, card_id = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    position = card_of(store, sid).position
    named = queue.ask_from_device(store, joined(store, sid, ann.id), card_id, "d: not a decision")
    nobody = queue.ask_from_device(store, joined(store, sid), card_id, "a: nor an action @Ann")
    running.jump(store, sid, 0)  # the meeting moves on: the notes stay at the item asked at
    first = queue.accept(store, sid, named.id)
    second = queue.accept(store, sid, nobody.id)
    shown = notes.list_notes(store, sid, position)
    assert [(n.kind, n.text, n.member_name) for n in shown] == [
        ("question", "d: not a decision", "Ann Ode"),
        ("question", "a: nor an action @Ann", ""),
    ]
    assert [n.id for n in shown] == [first.id, second.id]
    assert queue.waiting(store, sid) == []
    with pytest.raises(InputError, match="already accepted"):
        queue.accept(store, sid, named.id)


def test_set_aside_and_take_back_keep_every_question(store, programme, db_path) -> None:
    sid, card_id = session_on_card(store, programme)
    token = joined(store, sid)
    kept = queue.ask_from_device(store, token, card_id, "Set me aside")
    made = queue.ask_from_device(store, token, card_id, "Make me a note")
    queue.set_aside(store, sid, kept.id)
    note = queue.accept(store, sid, made.id)
    assert queue.waiting(store, sid) == []
    queue.back_to_waiting(store, sid, made.id)
    queue.back_to_waiting(store, sid, kept.id)
    assert [q.text for q in queue.waiting(store, sid)] == ["Set me aside", "Make me a note"]
    assert note.id not in [n.id for n in notes.list_notes(store, sid)]  # deleted, kept
    assert counts(db_path)["room_question"] == 2
    with pytest.raises(InputError, match="already waiting"):
        queue.back_to_waiting(store, sid, kept.id)
    other, _ = session_on_card(store, create_programme(store, "Other programme"))
    with pytest.raises(FacilitatorError, match="not one of this session's"):
        queue.set_aside(store, other, kept.id)


def test_questions_travel_in_the_export_and_come_back_as_they_were(store, programme) -> None:
    sid, card_id = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    notes.add_note(store, sid, 0, "an earlier note", "deal")
    queue.ask_from_device(store, joined(store, sid, ann.id), card_id, "Accept me")
    token = joined(store, sid)
    queue.ask_from_device(store, token, card_id, "Set me aside")
    queue.ask_from_device(store, token, card_id, SCRIPT)
    first, second, _ = queue.waiting(store, sid)
    queue.accept(store, sid, first.id)
    queue.set_aside(store, sid, second.id)
    running.finish_session(store, sid)
    _, text = exchange.export_programme(store, programme.slug)
    data = json.loads(text)
    assert data["version"] == VERSION == 9
    asked = data["sessions"][0]["room_questions"]
    assert [(q["member"], q["text"], q["state"], q["note"]) for q in asked] == [
        ("Ann Ode", "Accept me", "accepted", 1),
        (None, "Set me aside", "set aside", None),
        (None, SCRIPT, "waiting", None),
    ]
    assert asked[2]["decided_at"] is None and asked[0]["decided_at"].endswith("Z")
    assert data["sessions"][0]["notes"][1]["text"] == "Accept me"
    imported(store, text, "Copy")
    copy = json.loads(exchange.export_programme(store, "copy")[1])["sessions"]
    # A copy beside the first is a meeting of its own in calendars: only its UID differs.
    assert copy[0].pop("calendar_uid") != data["sessions"][0].pop("calendar_uid")
    assert copy == data["sessions"]


def test_an_older_export_imports_with_no_questions(store, programme) -> None:
    sid, card_id = session_on_card(store, programme)
    queue.ask_from_device(store, joined(store, sid), card_id, "Left behind")
    data = json.loads(exchange.export_programme(store, programme.slug)[1])
    data["version"] = 7
    del data["sessions"][0]["room_questions"]
    imported(store, json.dumps(data), "Old")
    again = json.loads(exchange.export_programme(store, "old")[1])
    assert again["sessions"][0]["room_questions"] == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"state": "accepted"}, '"decided_at" is null exactly when'),
        ({"note": 0}, '"note" names a note exactly when'),
        ({"state": "answered"}, "\"state\" is 'answered', not one of"),
        ({"member": "Nobody"}, "who is not in the members list"),
        ({"text": " "}, '"text" is blank'),
        ({"text": "x" * (QUESTION_MAX + 1)}, f"more than {QUESTION_MAX:,}"),
        (
            {"state": "accepted", "decided_at": "2026-11-30T10:00:00Z", "note": 5},
            '"note" is 5, but the session has 0 notes',
        ),
    ],
)
def test_a_damaged_question_is_refused_saying_where(store, programme, change, problem) -> None:
    sid, card_id = session_on_card(store, programme)
    queue.ask_from_device(store, joined(store, sid), card_id, "Waiting")
    data = json.loads(exchange.export_programme(store, programme.slug)[1])
    data["sessions"][0]["room_questions"][0].update(change)
    with pytest.raises(InputError, match="session 1, room question 1: ") as refused:
        imported(store, json.dumps(data), "Bad")
    assert problem in str(refused.value)


# The web page.


async def test_a_phone_sends_a_question_from_the_item_page(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    _, page = await phone.join(code, str(ann.id))
    assert 'href="/ask"' in page
    response, page = await phone.get("/ask")
    assert response.status == 200 and "At: Network health check" in page
    assert "Send without my name" in page
    response, page = await phone.post(
        "/ask", {"csrf": field(page, "csrf"), "item": field(page, "item"), "text": "Who pays?"}
    )
    assert response.status == 200 and str(response.url).endswith("/ask?done=sent")
    assert "Sent to the facilitator." in page
    response, page = await phone.post(
        "/ask",
        {
            "csrf": field(page, "csrf"),
            "item": field(page, "item"),
            "text": "And quietly?",
            "anonymous": "yes",
        },
    )
    assert response.status == 200
    assert [(q.name, q.text) for q in queue.waiting(store, sid)] == [
        ("Ann Ode", "Who pays?"),
        ("Anonymous", "And quietly?"),
    ]


async def test_a_refused_question_comes_back_as_typed_and_escaped(
    store, programme, rooms, db_path
) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    await phone.join(code)
    _, page = await phone.get("/ask")
    assert "Send without my name" not in page and "It is sent without a name." in page
    before = counts(db_path)
    typed = SCRIPT + "x" * QUESTION_MAX
    response, page = await phone.post(
        "/ask", {"csrf": field(page, "csrf"), "item": field(page, "item"), "text": typed}
    )
    assert response.status == 400 and f"keep a question to {QUESTION_MAX:,}" in page
    assert "<script>" not in page and said(page, typed)
    response, page = await phone.post(
        "/ask", {"csrf": field(page, "csrf"), "item": field(page, "item"), "text": "  "}
    )
    assert response.status == 400 and "Write your question" in page
    assert counts(db_path) == before


async def test_the_page_sends_a_script_only_as_text(store, programme, rooms) -> None:
    sid, _ = session_on_card(store, programme)
    code = participants.open_room(store, sid).code
    phone = rooms.phone(await rooms.serve(sid))
    await phone.join(code)
    _, page = await phone.get("/ask")
    await phone.post(
        "/ask", {"csrf": field(page, "csrf"), "item": field(page, "item"), "text": SCRIPT}
    )
    assert [q.text for q in queue.waiting(store, sid)] == [SCRIPT]


@pytest.mark.parametrize(
    ("how", "status"),
    [
        ("cross-site", 403),
        ("forged", 403),
        ("extra field", 400),
        ("not anonymous", 400),
        ("anonymous not allowed", 403),
        ("closed", 403),
        ("removed", 403),
        ("moved on", 403),
    ],
)
async def test_a_refused_question_writes_nothing(
    store, programme, rooms, db_path, how, status
) -> None:
    sid, _ = session_on_card(store, programme)
    ann = people.add_member(store, programme.id, "Ann Ode")
    code = participants.open_room(store, sid, anonymous_allowed=how != "anonymous not allowed").code
    phone = rooms.phone(await rooms.serve(sid))
    await phone.join(code, str(ann.id))
    _, page = await phone.get("/ask")
    form = {"csrf": field(page, "csrf"), "item": field(page, "item"), "text": "Fine words"}
    origin = "own"
    if how == "cross-site":
        origin = "http://evil.example"
    elif how == "forged":
        form["csrf"] = "0" * 64
    elif how == "extra field":
        form["member"] = str(ann.id)
    elif how == "not anonymous":
        form["anonymous"] = "maybe"
    elif how == "anonymous not allowed":
        assert "Send without my name" not in page
        form["anonymous"] = "yes"
    elif how == "closed":
        participants.close_room(store, sid)
    elif how == "removed":
        [device] = participants.list_devices(store, sid)
        participants.remove_device(store, sid, device.device_id)
    else:
        running.jump(store, sid, 0)
    before = counts(db_path)
    response, _ = await phone.post("/ask", form, origin=origin)
    assert response.status == status
    assert counts(db_path) == before
