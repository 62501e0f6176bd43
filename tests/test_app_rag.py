"""The foundations agenda's RAG item run from the keyboard: r, a or g rates, n raises a next step."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from facilitator.screens.member_picker import MemberPickerScreen
from facilitator.screens.next_step import NextStepScreen
from facilitator.widgets.rag_panel import RagPanel
from sessions.services.actions import list_actions
from sessions.services.rag import rag_results
from tests.pilot import activity_key, option_texts, resume_at_panel, settled, type_text


def at_the_ratings(db_path: Path, clock) -> tuple[int, int, int]:
    """(programme id, session id, the RAG item's position) of a foundations session waiting
    there, one member present."""
    from sessions.agenda.library import find_agenda
    from sessions.services import people, planning, running
    from sessions.services.programmes import create_programme
    from sessions.store import Store
    from sessions.vocabulary import ItemKind

    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme")
        member = people.add_member(store, programme.id, "Ade Okafor")
        sid = planning.start_session(store, programme.id, find_agenda("pcn-foundations-150"))
        people.set_attendance(store, sid, member.id, "present")
        at = next(
            i.position for i in running.get_session(store, sid).items if i.kind == ItemKind.RAG
        )
        running.toggle_clock(store, sid, clock())
        running.jump(store, sid, at, clock.advance(60))
    finally:
        store.close()
    return programme.id, sid, at


async def test_ratings_are_a_key_each_and_said_in_words(
    db_path, clock, make_facilitator_app
) -> None:
    _, sid, at = at_the_ratings(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, panel = await resume_at_panel(pilot, RagPanel)
        assert panel.border_title.startswith("RAG: 0 of 7 rated")
        await activity_key(pilot, "a", "g")  # the room changes its mind
        await pilot.press("down")
        await activity_key(pilot, "r", "x")  # x is no rating: it is typed
        await pilot.pause()
        assert screen.query_one("#note", Input).value == "x"
        words = [r.rating_word for r in rag_results(app.store, sid, at)]
        assert words[:3] == ["Green", "Red", "Not rated"]
        await pilot.press("ctrl+z", "ctrl+z")  # the red, then the change to green
        await pilot.pause()
        words = [r.rating_word for r in rag_results(app.store, sid, at)]
        assert words[:2] == ["Amber", "Not rated"]
        assert option_texts(panel)[0].startswith("Amber")
        assert panel.border_title.startswith("RAG: 1 of 7 rated")


async def test_a_next_step_is_given_an_owner_and_becomes_an_action(
    db_path, clock, make_facilitator_app
) -> None:
    programme_id, sid, at = at_the_ratings(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, panel = await resume_at_panel(pilot, RagPanel)
        await pilot.press("tab", "n")
        assert await settled(pilot, lambda: isinstance(app.screen, MemberPickerScreen))
        await type_text(pilot, "ade")
        await pilot.press("enter")
        assert await settled(pilot, lambda: isinstance(app.screen, NextStepScreen))
        await type_text(pilot, "ask the board")
        await pilot.press("escape")  # typed words are not lost to one Esc
        assert isinstance(app.screen, NextStepScreen)
        await pilot.press("enter")
        assert await settled(pilot, lambda: app.screen is screen)
        (action,) = list_actions(app.store, programme_id)
        assert (action.text, action.owner) == (
            "Organisational structure: ask the board",
            "Ade Okafor",
        )
        assert "→ Ade Okafor: ask the board" in option_texts(panel)[0]
        assert screen.query_one("#note", Input).has_focus
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert list_actions(app.store, programme_id) == []
        assert rag_results(app.store, sid, at)[0].steps == ()
