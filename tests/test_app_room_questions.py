"""The question queue on the facilitator's screen: the room's door counts what waits, F11
lists it as typed, Enter makes a question a note, `s` sets one aside, ctrl+z takes back."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from facilitator.room.place import Place
from facilitator.screens.room_questions import RoomQuestionsScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets import room_door
from facilitator.widgets.identifier_warning import IdentifierWarning
from sessions.services import notes, participants, people, running
from sessions.services import questions as queue
from sessions.store import Store
from sessions.vocabulary import ItemKind
from tests.pilot import bundled_session_at, option_texts, settled, static_text

MARKUP = "[bold red]Who pays?[/] [link=http://x]me[/link]"
WITH_NUMBER = "About my patient, NHS number 943 476 5919"


@pytest.fixture(autouse=True)
def on_loopback(monkeypatch) -> None:
    """Any free port on this computer alone: never the venue's network in a test."""
    monkeypatch.setattr(room_door, "where_to_listen", lambda: Place("127.0.0.1", 0))


def asked(db_path, clock) -> tuple[int, int]:
    """A session on its scorecard with two questions waiting: Ann's, with markup in it,
    then an anonymous one that looks like it holds an NHS number. (session id, position)"""

    def ann(store, programme_id) -> None:
        people.add_member(store, programme_id, "Ann Ode")

    programme_id, sid, position = bundled_session_at(db_path, clock, ItemKind.SCORECARD, ann)
    store = Store.open(db_path)
    try:
        [member] = people.list_members(store, programme_id)
        code = participants.open_room(store, sid).code
        item_id = next(
            i.id for i in running.get_session(store, sid).items if i.position == position
        )
        named, _ = participants.join_room(store, code, member.id)
        nobody, _ = participants.join_room(store, code)
        queue.ask_from_device(store, named, item_id, MARKUP, now=clock.advance(5))
        queue.ask_from_device(store, nobody, item_id, WITH_NUMBER, now=clock.advance(5))
    finally:
        store.close()
    return sid, position


async def test_the_queue_shows_questions_as_typed_and_makes_one_a_note(
    db_path, clock, make_facilitator_app
) -> None:
    sid, position = asked(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f8")
        assert await settled(pilot, lambda: screen.door.hosted is not None)
        await screen.door.recount()
        await pilot.pause()
        assert static_text(screen, "#room-door").endswith(" · 2 phones · 2 questions")
        await pilot.press("f11")
        assert await settled(pilot, lambda: isinstance(app.screen, RoomQuestionsScreen))
        dialog = app.screen
        rows = option_texts(dialog.query_one(OptionList))
        assert rows[0].startswith("Ann Ode · at ") and rows[0].endswith(f"\n{MARKUP}")
        assert rows[1].startswith("Anonymous · at ") and rows[1].endswith(WITH_NUMBER)
        assert not dialog.query_one(IdentifierWarning).has_class("-shown")
        await pilot.press("enter")
        assert await settled(pilot, lambda: len(option_texts(dialog.query_one(OptionList))) == 1)
        assert dialog.query_one(IdentifierWarning).has_class("-shown")
        await pilot.press("s")
        assert await settled(pilot, lambda: queue.waiting_count(app.store, sid) == 0)
        await pilot.press("ctrl+z")
        assert await settled(pilot, lambda: queue.waiting_count(app.store, sid) == 1)
        await pilot.press("escape")
        assert await settled(pilot, lambda: app.screen is screen)
        [note] = notes.list_notes(app.store, sid, position)
        assert (note.kind, note.text, note.member_name) == ("question", MARKUP, "Ann Ode")
        assert [shown.text for shown in screen.notes.notes] == [MARKUP]
        assert await settled(
            pilot, lambda: static_text(screen, "#room-door").endswith(" · 1 question")
        )


async def test_taking_back_an_accepted_question_deletes_its_note(
    db_path, clock, make_facilitator_app
) -> None:
    sid, position = asked(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f11")
        assert await settled(pilot, lambda: isinstance(app.screen, RoomQuestionsScreen))
        await pilot.press("enter")
        assert await settled(pilot, lambda: len(notes.list_notes(app.store, sid, position)) == 1)
        await pilot.press("ctrl+z")
        assert await settled(pilot, lambda: queue.waiting_count(app.store, sid) == 2)
        assert notes.list_notes(app.store, sid, position) == []
