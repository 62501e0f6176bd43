"""Notes while the room watches: the projector view's note line saves as the session's does,
and the session's driving keys act from it."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from facilitator.screens.projector import ProjectorScreen
from facilitator.screens.session import SessionScreen
from facilitator.widgets.note_list import NoteList
from sessions.services import notes
from tests.pilot import create_and_start, static_text, type_text

SENTENCE = "Ade said the agreement went out"


async def open_projector(pilot) -> tuple[SessionScreen, ProjectorScreen]:
    screen = await create_and_start(pilot)
    await pilot.press("f5")
    await pilot.pause()
    projector = pilot.app.screen
    assert isinstance(projector, ProjectorScreen)
    return screen, projector


def note_line(projector: ProjectorScreen) -> Input:
    return projector.query_one("#p-note", Input)


async def test_a_sentence_typed_in_the_projector_view_is_one_note(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, projector = await open_projector(pilot)
        assert note_line(projector).has_focus  # on arrival: typing needs no key first
        await type_text(pilot, SENTENCE)  # `n` among them: typed, not the notes toggle
        await pilot.press("enter")
        await pilot.pause()
        saved = notes.list_notes(app.store, screen.session_id)
        assert [(n.text, n.kind, n.position) for n in saved] == [(SENTENCE, "deal", 0)]
        assert note_line(projector).value == ""
        assert static_text(projector, "#p-said").startswith("saved ")
        # The room sees it at once, and the session screen has it too.
        assert [n.text for n in projector.query_one("#p-notes", NoteList).notes] == [SENTENCE]
        assert "Saved deal note" in static_text(screen, "#capture-status")
        assert [n.text for n in screen.query_one("#notes", NoteList).notes] == [SENTENCE]


async def test_the_note_syntax_the_speaker_and_the_kind_are_the_sessions(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, projector = await open_projector(pilot)
        screen.capture.speaker = (None, "Ade")  # named, not a member: only the badge shows it
        projector.reload()
        assert static_text(projector, "#p-kind") == "deal · Ade ›"
        await pilot.press("ctrl+r")  # deal/relationship, from the projector view
        assert screen.capture.kind == "relationship"
        assert static_text(projector, "#p-kind") == "relationship · Ade ›"
        await type_text(pilot, "how we work is better")
        await pilot.press("enter")
        await type_text(pilot, "a: send the letter @Sam 2026-12-01")
        await pilot.press("enter")
        await pilot.pause()
        saved = notes.list_notes(app.store, screen.session_id)
        assert [(n.text, n.kind) for n in saved] == [
            ("how we work is better", "relationship"),
            ("send the letter", "action"),
        ]
        assert saved[1].owner == "Sam"


async def test_a_refused_note_keeps_its_text_and_says_why(clock, make_facilitator_app) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, projector = await open_projector(pilot)
        typed = "a: send the letter @Sam 2026-13-45"
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()
        assert note_line(projector).value == typed
        assert "Could not read the due date" in static_text(projector, "#p-said")
        assert projector.query_one("#p-said").has_class("-error")
        assert screen.query_one("#capture-status").has_class("-error")  # as the session says
        assert notes.list_notes(app.store, screen.session_id) == []


async def test_the_driving_keys_act_on_the_session_from_the_projector_view(
    clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, projector = await open_projector(pilot)
        await type_text(pilot, "half typed")
        await pilot.press("ctrl+t")
        assert screen.state.running
        clock.advance(30)
        await pilot.press("ctrl+n")
        assert screen.state.position == 1
        assert static_text(projector, "#p-title") == screen.view.items[1].title
        await pilot.press("ctrl+b")
        assert screen.state.position == 0
        before = screen.state.item_extra.get(0, 0)
        await pilot.press("ctrl+g")
        assert screen.state.item_extra.get(0, 0) == before + 300
        await pilot.press("ctrl+down")
        assert screen.state.item_extra.get(0, 0) == before + 240
        await pilot.press("ctrl+t")
        assert not screen.state.running
        assert app.screen is projector and note_line(projector).value == "half typed"


@pytest.mark.parametrize("key", ["f5", "escape"])
async def test_closing_carries_a_half_typed_note_to_the_session(
    key, clock, make_facilitator_app
) -> None:
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _projector = await open_projector(pilot)
        await type_text(pilot, "not lost")
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is screen
        assert screen.capture.note_line.value == "not lost"
        assert notes.list_notes(app.store, screen.session_id) == []
