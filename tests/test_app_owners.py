"""In the session: an action's owner offered as it is typed, and asked about when the name
finds several members or none, the typed line kept while the question is open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitator.screens.owner_question import OwnerQuestionScreen
from facilitator.widgets.note_input import NoteInput
from sessions.services import notes, people, planning
from sessions.services.actions import list_actions
from sessions.services.programmes import create_programme
from sessions.store import Store

MEMBERS = ("Siobhán O'Neill", "Sam Jones", "Samira Khan")


@pytest.fixture
def programme_id(db_path: Path) -> int:
    store = Store.open(db_path)
    programme = create_programme(store, "Harbour programme", "Harbour PCN")
    for name in MEMBERS:
        people.add_member(store, programme.id, name)
    store.close()
    return programme.id


@pytest.fixture
def session_id(db_path: Path, programme_id: int, small_agenda) -> int:
    store = Store.open(db_path)
    started = planning.start_session(store, programme_id, small_agenda)
    store.close()
    return started


async def _typed(pilot, text: str) -> NoteInput:
    await pilot.press("r")  # resume the session from Home
    await pilot.pause()
    line = pilot.app.screen.query_one("#note", NoteInput)
    await pilot.press(*text)
    await pilot.pause()
    return line


def _owners(app, programme_id: int) -> list[str]:
    return [a.owner for a in list_actions(app.store, programme_id)]


async def test_the_rest_of_a_members_name_is_offered_and_taken_with_the_right_arrow(
    session_id: int, programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await _typed(pilot, "a: send it @sio")
        assert line._suggestion == "a: send it @siobhán O'Neill"
        await pilot.press("right", "space", "f", "r", "i", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, OwnerQuestionScreen)
        assert line.value == ""
        assert _owners(app, programme_id) == ["Siobhán O'Neill"]


async def test_a_name_that_finds_several_members_is_asked_about(
    session_id: int, programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await _typed(pilot, "a: book the room @sam")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OwnerQuestionScreen)
        assert notes.list_notes(app.store, session_id) == []
        await pilot.press("down", "enter")  # Sam Jones, then Samira Khan
        await pilot.pause()
        assert _owners(app, programme_id) == ["Samira Khan"]
        assert line.value == ""


async def test_esc_goes_back_to_the_line_as_it_was_typed(
    session_id: int, programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await _typed(pilot, "a: ask the ICB @Priya by 14 Jan")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OwnerQuestionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, OwnerQuestionScreen)
        assert line.value == "a: ask the ICB @Priya by 14 Jan"
        assert line.has_focus
        assert notes.list_notes(app.store, session_id) == []


async def test_a_stranger_added_as_a_member_owns_the_action(
    session_id: int, programme_id: int, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test() as pilot:
        line = await _typed(pilot, "a: ask the ICB @Priya Shah")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the first answer: add as a member
        await pilot.pause()
        assert "Priya Shah" in [m.name for m in people.list_members(app.store, programme_id)]
        assert _owners(app, programme_id) == ["Priya Shah"]
        assert line.value == ""
        # And now offered like any member.
        await pilot.press(*"a: thank the ICB @pri")
        await pilot.pause()
        assert line._suggestion == "a: thank the ICB @priya Shah"


async def test_the_actions_raised_so_far_are_read_back(
    session_id: int, programme_id: int, db_path: Path, clock, make_facilitator_app
) -> None:
    from textual.widgets import OptionList, Static

    from facilitator.screens.actions_so_far import ActionsSoFarScreen

    store = Store.open(db_path)
    today = date(2026, 11, 25)
    notes.add_note(store, session_id, 0, "a: draft the paper @siob 14 Jan", "deal", today=today)
    notes.add_note(store, session_id, 1, "a: book the room", "deal", today=today)
    notes.add_note(store, session_id, 1, "not an action", "deal", today=today)
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ActionsSoFarScreen)
        listed = app.screen.query_one("#actions-so-far", OptionList)
        lines = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert lines == [
            "1. draft the paper · Siobhán O'Neill · due Thursday 14 January 2027 · Introductions",
            "2. book the room · no owner yet · no due date yet · What can we only do together?",
        ]
        summary = str(app.screen.query_one("#actions-so-far-summary", Static).render())
        assert summary == "2 actions this session · 1 still needs an owner or a date"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ActionsSoFarScreen)
