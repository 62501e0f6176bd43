"""The bundled reflection from the keyboard: private answers, hidden on screen and projector."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, Static

from facilitator.screens.reflection_answer import ReflectionAnswerScreen
from facilitator.widgets.reflection_panel import ReflectionPanel
from sessions.services import reflection
from sessions.services.people import add_member
from sessions.store import Store
from tests.pilot import (
    activity_key,
    bundled_session_at,
    option_texts,
    resume_at_panel,
    type_text,
)

pytestmark = pytest.mark.usefixtures("utc_local_time")

SECRET = "Stop sending replies at midnight"


def at_the_reflection(db_path: Path, clock) -> tuple[int, int]:
    def add_people(store, programme_id: int) -> None:
        for name in ("Ann Ode", "Bea Ng"):
            add_member(store, programme_id, name)

    _, sid, item = bundled_session_at(db_path, clock, "reflection", add_people)
    return sid, item


async def test_an_answer_is_typed_privately_and_never_projected(
    db_path, clock, make_facilitator_app
) -> None:
    sid, item = at_the_reflection(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, panel = await resume_at_panel(pilot, ReflectionPanel)
        # The question stays in view for the facilitator to read out.
        assert screen.query_one("#prompt-box").display

        await pilot.press("down")  # Bea, chosen from the note line
        await activity_key(pilot, "enter")
        dialog = app.screen
        assert isinstance(dialog, ReflectionAnswerScreen)
        assert "do differently" in str(dialog.query_one("#reflection-prompt", Static).render())
        await type_text(pilot, SECRET)
        await pilot.press("escape")  # a first Esc only warns: the words are still there
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one(Input).value == SECRET
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#note", Input).has_focus
        assert panel.highlighted == 2  # on round the room
        state = reflection.reflections(app.store, sid, item)
        assert [(a.name, a.text) for a in state.answers] == [("Ann Ode", None), ("Bea Ng", SECRET)]
        assert not any(SECRET in row for row in option_texts(panel))
        assert "answered · 5 words" in option_texts(panel)[1]
        await activity_key(pilot, "v")
        assert SECRET in option_texts(panel)[1]

        await pilot.press("f5")
        await pilot.pause()
        shown = app.screen.query_one("#p-prompt", Markdown).source
        assert "Private answers given so far: 1" in shown and SECRET not in shown


async def test_the_facilitator_chooses_to_minute_the_answers(
    db_path, clock, make_facilitator_app
) -> None:
    sid, item = at_the_reflection(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        panel = app.screen.query_one(ReflectionPanel)
        await pilot.press("down", "down")  # the row for someone not named
        await activity_key(pilot, "enter")
        await type_text(pilot, "Ring a neighbour practice")
        await pilot.press("enter")
        await pilot.pause()
        assert "kept out of the minutes" in panel.border_title
        await activity_key(pilot, "m")
        assert reflection.reflections(app.store, sid, item).in_minutes
        assert "· in the minutes" in panel.border_title
        assert panel.highlighted == 3  # on to the row for another unnamed answer
        await pilot.press("up")
        await activity_key(pilot, "backspace")
        assert reflection.reflections(app.store, sid, item).answered == 0


async def test_the_minutes_screen_can_still_put_the_answers_in(
    db_path, clock, isolated_home, make_facilitator_app
) -> None:
    from facilitator.screens.finish import FinishScreen

    sid, item = at_the_reflection(db_path, clock)
    store = Store.open(db_path)
    ann = reflection.reflections(store, sid, item).answers[0].member_id
    reflection.answer(store, sid, item, ann, SECRET)
    store.close()
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+f", "y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FinishScreen)
        preview = screen.query_one("#preview", Markdown)
        assert SECRET not in preview.source and "1 private answer was given" in preview.source
        assert screen.check_action("toggle_private", ())
        await pilot.press("p")
        await pilot.pause()
        assert f"| Ann Ode | {SECRET} |" in preview.source
        await pilot.press("p")
        await pilot.pause()
        assert SECRET not in preview.source
