"""The bundled team roles item from the keyboard: a person at a time, coverage, last time kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, OptionList

from facilitator.screens.member_picker import MemberPickerScreen
from facilitator.widgets.roles_panel import RolesPanel
from sessions.agenda.library import find_agenda
from sessions.services import planning, roles, running
from sessions.services.people import add_member, set_attendance
from sessions.store import Store
from tests.pilot import activity_key, bundled_session_at, option_texts, resume_at_panel

pytestmark = pytest.mark.usefixtures("utc_local_time")

AGENDA = "pcn-partnership-4-step"


def at_the_roles(db_path: Path, clock, earlier: dict[str, list[str]] | None = None):
    """A session at its roles item, with Ann and Bea present and Cal sending apologies;
    `earlier` gives roles marked in a first session."""
    people: dict[str, int] = {}

    def prepare(store, programme_id: int) -> None:
        for name in ("Ann Ode", "Bea Ng", "Cal Roy"):
            people[name] = add_member(store, programme_id, name).id
        if earlier:
            first = planning.start_session(store, programme_id, find_agenda(AGENDA))
            where = next(
                i.position for i in running.get_session(store, first).items if i.kind == "roles"
            )
            for name, marked in earlier.items():
                roles.set_roles(store, first, where, people[name], marked)
            running.finish_session(store, first, clock.advance(60))

    _, sid, item = bundled_session_at(db_path, clock, "roles", prepare)
    store = Store.open(db_path)
    for name, status in (("Ann Ode", "present"), ("Bea Ng", "present"), ("Cal Roy", "apologies")):
        set_attendance(store, sid, people[name], status)
    store.close()
    return people, sid, item


async def test_each_person_marks_their_roles_and_the_room_sees_coverage(
    db_path, clock, make_facilitator_app
) -> None:
    _people, sid, item = at_the_roles(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        _screen, panel = await resume_at_panel(pilot, RolesPanel)
        assert "answering: Ann Ode (1 of 2)" in panel.border_title

        # Ann: Shaper (the first role), then Plant, further down past two group headings.
        await activity_key(pilot, "space")
        await pilot.press(*["down"] * 6)  # chosen from the note line
        await activity_key(pilot, "enter")
        assert panel.border_subtitle == "Plant: brings new ideas and unexpected angles"
        await activity_key(pilot, "right_square_bracket")
        assert "answering: Bea Ng (2 of 2)" in panel.border_title
        await activity_key(pilot, "space")  # the cursor stays on Plant: Bea plays it too
        await pilot.press("up")
        await activity_key(pilot, "space", "space")  # a slip, taken back

        board = roles.roles_board(app.store, sid, item)
        assert {m.name: m.roles for m in board.members} == {
            "Ann Ode": ("Shaper", "Plant"),
            "Bea Ng": ("Plant",),
        }
        assert panel.border_title.startswith("Team roles · 2 of 2 answered")
        plant = next(text for text in option_texts(panel) if "Plant" in text)
        assert plant.split() == ["Thinking", "✓", "Plant", "2", "Ann", "Ode,", "Bea", "Ng"]
        nobody = next(text for text in option_texts(panel) if "Specialist" in text)
        assert nobody.split() == ["Specialist", "—", "nobody"]

        await pilot.press("f5")
        await pilot.pause()
        shown = app.screen.query_one("#p-prompt", Markdown).source
        assert "**Plant**" in shown and "Ann Ode, Bea Ng" in shown
        assert "**Specialist**" in shown and "*nobody yet*" in shown


async def test_anyone_can_be_chosen_and_last_time_is_offered(
    db_path, clock, make_facilitator_app
) -> None:
    _people, sid, item = at_the_roles(
        db_path, clock, earlier={"Cal Roy": ["Monitor Evaluator", "Specialist"]}
    )
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        panel = app.screen.query_one(RolesPanel)
        await activity_key(pilot, "p")
        picker = app.screen
        assert isinstance(picker, MemberPickerScreen)
        names = [str(o.prompt) for o in picker.query_one(OptionList).options]
        assert not any("Nobody" in name for name in names)
        # Cal sent apologies but joined late: the list puts those present first.
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#note", Input).has_focus  # back to typing after a dialog
        assert "answering: Cal Roy (3 of 3)" in panel.border_title
        assert "last time (session 1): Monitor Evaluator, Specialist" in panel.border_title
        await activity_key(pilot, "c")
        board = roles.roles_board(app.store, sid, item)
        cal = next(m for m in board.members if m.name == "Cal Roy")
        assert cal.roles == ("Monitor Evaluator", "Specialist")
