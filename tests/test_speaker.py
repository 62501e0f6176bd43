"""Who is speaking, in sight beside the note line: chosen by typing part of a name, cleared
when the item changes, and kept with deal or relationship when the session is resumed."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from facilitator.screens.member_picker import MemberPickerScreen
from sessions.agenda.library import find_agenda
from sessions.services import notes, people, planning, running
from sessions.services.programmes import create_programme
from sessions.store import Store
from tests.pilot import option_texts, static_text, type_text


def a_session(db_path, clock) -> int:
    store = Store.open(db_path)
    try:
        programme = create_programme(store, "Harbour programme")
        sid = planning.start_session(store, programme.id, find_agenda("pcn-partnership-4-step"))
        for name in ("Ade Okafor", "Dr Siobhán O'Neill", "Sam Reed"):
            member = people.add_member(store, programme.id, name)
            people.set_attendance(store, sid, member.id, "present")
        running.toggle_clock(store, sid, clock())
    finally:
        store.close()
    return sid


async def choose_speaker(pilot, typed: str) -> MemberPickerScreen:
    await pilot.press("ctrl+y")
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, MemberPickerScreen)
    await type_text(pilot, typed)
    await pilot.pause()
    return picker


async def test_the_picker_finds_a_name_as_it_is_typed_without_accents(
    db_path, clock, make_facilitator_app
) -> None:
    sid = a_session(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        picker = await choose_speaker(pilot, "siob")
        shown = option_texts(picker.query_one("#members", OptionList))
        assert [row.split("  ")[0] for row in shown] == ["Dr Siobhán O'Neill"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "Dr Siobhán O'Neill" in static_text(screen, "#speaker")
        assert screen.query_one("#note", Input).has_focus
        await type_text(pilot, "We need the hub rota")
        await pilot.press("enter")
        await pilot.pause()
        (note,) = notes.list_notes(app.store, sid, 0)
        assert note.member_name == "Dr Siobhán O'Neill"

        # Nobody matches: the list says so, and Enter chooses no one.
        picker = await choose_speaker(pilot, "zz")
        assert option_texts(picker.query_one("#members", OptionList)) == ["No one of that name"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is picker
        await pilot.press("escape")


async def test_the_speaker_is_cleared_at_a_new_item_and_kept_on_resume(
    db_path, clock, make_facilitator_app
) -> None:
    a_session(db_path, clock)
    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        await choose_speaker(pilot, "ade")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+r")  # relationship
        await pilot.pause()
        assert "Ade Okafor" in static_text(screen, "#speaker")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Ade Okafor" not in static_text(screen, "#speaker")
        assert "speaker cleared (was Ade Okafor)" in static_text(screen, "#capture-status")
        await pilot.press("ctrl+b")
        await pilot.pause()
        await choose_speaker(pilot, "sam")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f10")  # leave: the session waits
        await pilot.pause()

    app = make_facilitator_app(now=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert "Sam Reed" in static_text(screen, "#speaker")
        assert static_text(screen, "#kind").strip() == "RELATIONSHIP"
